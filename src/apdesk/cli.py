"""The `apdesk` command: with no subcommand it opens the GUI; subcommands run headless."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import NoReturn

from apdesk import __version__
from apdesk.commands.common import UserError, add_store_option
from apdesk.i18n import set_locale
from apdesk.locale_choice import command_locale
from apdesk.models.errors import ApdeskError

COMMAND_MODULES = [
    "apdesk.commands.core",
    "apdesk.commands.maintenance",
    "apdesk.commands.documents",
    "apdesk.commands.transfer",
    "apdesk.commands.attendance",
    "apdesk.commands.sync",
    "apdesk.commands.inbox",
    "apdesk.commands.share",
    "apdesk.commands.hub",
    "apdesk.commands.timetables",
    "apdesk.commands.plans",
    "apdesk.commands.reports",
    "apdesk.commands.privacy",
    "apdesk.commands.guide",
    "apdesk.commands.calendar",
]


class OneLineParser(argparse.ArgumentParser):
    """A usage error is one line naming the option and the fix, not a screen of usage."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
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
        set_locale(command_locale())  # messages follow the language chosen in the window
        status: int = args.func(args) or 0
        return status
    except (UserError, ApdeskError) as exc:
        print(f"apdesk: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("apdesk: interrupted", file=sys.stderr)
        return 130
    except (OSError, MemoryError) as exc:
        print(f"apdesk: {_system_failure(exc)}", file=sys.stderr)
        return 2
    except Exception as exc:
        from sqlalchemy.exc import DatabaseError

        if not isinstance(exc, DatabaseError):
            raise
        print(f"apdesk: {damaged_database(exc)}", file=sys.stderr)
        return 2


def damaged_database(exc: BaseException) -> str:
    """One line for a database the driver cannot read (damaged on disk, or not apdesk's)."""
    original = getattr(exc, "orig", None) or exc
    reason = (str(original).strip().splitlines() or [type(original).__name__])[0][:160]
    return (
        f"the database cannot be read ({reason}): run `apdesk check`, then restore a backup "
        "with `apdesk restore`"
    )


def _system_failure(exc: OSError | MemoryError) -> str:
    if isinstance(exc, MemoryError):
        return "there is not enough memory for this: close other programs and try again"
    where = f" ({exc.filename})" if exc.filename else ""
    return f"{exc.strerror or exc}{where}"


def _run_gui(args: argparse.Namespace) -> int:
    from apdesk.ui.shell.launch import run_gui  # Qt is imported only for the GUI

    return run_gui(store=getattr(args, "store", None), demo=args.demo)


if __name__ == "__main__":
    raise SystemExit(main())
