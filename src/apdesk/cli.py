"""The `apdesk` command: with no subcommand it opens the GUI; subcommands run headless."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

from apdesk import __version__
from apdesk.commands.common import UserError, add_store_option
from apdesk.commands.usage_words import use_our_words
from apdesk.i18n import _, set_locale
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


class TranslatedHelp(argparse.HelpFormatter):
    """argparse's own word "usage:" in the user's language (its other words are set on
    each parser: see `OneLineParser`)."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


class OneLineParser(argparse.ArgumentParser):
    """A usage error is one line naming the option and the fix, not a screen of usage; the
    help speaks the user's language, argparse's own headings and -h included."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", TranslatedHelp)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        self.add_argument("-h", "--help", action="help", help=_("show this help message and exit"))

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """A word a command does not take is refused by that command, so the line names the
        command and its own help (`apdesk inbox serve --help`), not the top of `apdesk`."""
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(_("unrecognized arguments: %s") % " ".join(extras))
        return parsed, extras

    def error(self, message: str) -> NoReturn:
        see = _("(see `{command} --help`)").format(command=self.prog)
        self.exit(2, f"{self.prog}: {message} {see}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="apdesk",
        description=_(
            "The school's record of alternative provision. "
            "With no command, opens the desktop application."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"apdesk {__version__}",
        help=_("show the version of apdesk and exit"),
    )
    add_store_option(parser)
    parser.add_argument(
        "--demo",
        action="store_true",
        help=_("open the demo store of synthetic pupils (made on first use)"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="apdesk: %(message)s")
    set_locale(command_locale())  # messages and --help follow the language chosen in the window
    use_our_words()  # and argparse's own refusals too
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
        print("apdesk: " + _("interrupted"), file=sys.stderr)
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
