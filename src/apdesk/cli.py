"""The `apdesk` command: with no subcommand it opens the GUI; subcommands run headless."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from apdesk import __version__
from apdesk.commands.common import UserError, add_store_option
from apdesk.models.errors import ApdeskError

COMMAND_MODULES = [
    "apdesk.commands.core",
    "apdesk.commands.maintenance",
    "apdesk.commands.documents",
    "apdesk.commands.transfer",
    "apdesk.commands.attendance",
    "apdesk.commands.sync",
    "apdesk.commands.inbox",
    "apdesk.commands.timetables",
    "apdesk.commands.plans",
    "apdesk.commands.reports",
    "apdesk.commands.privacy",
    "apdesk.commands.guide",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="apdesk",
        description="The school's record of alternative provision. "
        "With no command, opens the desktop application.",
    )
    parser.add_argument("--version", action="version", version=f"apdesk {__version__}")
    add_store_option(parser)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the demo store of synthetic pupils (made on first use)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="apdesk: %(message)s")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed a one-line usage error
        return 2 if exc.code not in (0, None) else 0
    try:
        if args.command is None:
            return _run_gui(args)
        status: int = args.func(args) or 0
        return status
    except (UserError, ApdeskError) as exc:
        print(f"apdesk: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("apdesk: interrupted", file=sys.stderr)
        return 130


def _run_gui(args: argparse.Namespace) -> int:
    from apdesk.ui.shell.launch import run_gui  # Qt is imported only for the GUI

    return run_gui(store=args.store, demo=args.demo)


if __name__ == "__main__":
    raise SystemExit(main())
