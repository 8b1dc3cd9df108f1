"""What every subcommand shares: unlocking the store, user errors, JSON output."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from apdesk import paths
from apdesk.files import write_atomic
from apdesk.i18n import _, format_date, ngettext
from apdesk.store import Store

PASSPHRASE_ENV = "APDESK_PASSPHRASE"
MAX_SHOWN = 50  # problems printed for one file; the rest are counted
# Dates a school's records can hold: wide enough for any pupil or register, narrow enough that
# a day after the last or before the first always exists.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2199, 12, 31)


class UserError(Exception):
    """A mistake the person can fix: printed as one line, exit status 2."""


def store_folder(args: argparse.Namespace) -> Path:
    """`--store PATH`, else the demo store with `--demo`, else the usual store."""
    if getattr(args, "demo", False):
        if getattr(args, "store", None):
            raise UserError(_("--demo and --store both name a store: give one of them"))
        return paths.demo_store()
    if getattr(args, "store", None):
        return Path(args.store).expanduser()
    return paths.default_store()


def open_demo(folder: Path) -> Store:
    """The demo store the desktop application opens with --demo, made on first use (the same
    synthetic school, the same fixed passphrase)."""
    from apdesk.services.demo import DEMO_PASSPHRASE, DEMO_PUPILS, populate

    if Store.exists(folder):
        return Store.open(folder, passphrase=DEMO_PASSPHRASE)
    making = ngettext(
        "making the demo store in {folder} ({n} synthetic pupil)...",
        "making the demo store in {folder} ({n} synthetic pupils)...",
        DEMO_PUPILS,
    )
    print("apdesk: " + making.format(folder=folder, n=DEMO_PUPILS), file=sys.stderr)
    store, _recovery = Store.create(folder, DEMO_PASSPHRASE, use_keyring=False)
    try:
        populate(store, pupils=DEMO_PUPILS, seed=7)
    except BaseException:
        store.lock()
        raise
    return store


def read_passphrase(prompt: str | None = None) -> str | None:
    """From APDESK_PASSPHRASE, else a prompt on a terminal (`prompt`, or "Passphrase: "),
    else None."""
    value = os.environ.get(PASSPHRASE_ENV)
    if value is not None:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(_("Passphrase: ") if prompt is None else prompt)
    return None


def open_store(args: argparse.Namespace) -> Store:
    """Unlock by APDESK_PASSPHRASE, then the keyring, then a prompt on a terminal."""
    folder = store_folder(args)
    if getattr(args, "demo", False):
        return open_demo(folder)
    if not Store.exists(folder):
        raise UserError(
            _(
                "no apdesk store in {folder} (create one with `apdesk init --store {folder}`)"
            ).format(folder=folder)
        )
    env_passphrase = os.environ.get(PASSPHRASE_ENV)
    if env_passphrase is not None:
        return Store.open(folder, passphrase=env_passphrase)
    try:
        return Store.open(folder)
    except Exception:
        passphrase = read_passphrase()
        if passphrase is None:
            raise UserError(
                _("the store is locked: set {variable} or run from a terminal to be asked").format(
                    variable=PASSPHRASE_ENV
                )
            ) from None
        return Store.open(folder, passphrase=passphrase)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def print_aligned(lines: list[tuple[str, object]]) -> None:
    """Label and value lines with every value in one column (labels differ in length by
    language)."""
    width = max(len(label) for label, _value in lines) + 1
    for label, value in lines:
        print(f"{label:<{width}}{value}")


def add_store_option(parser: argparse.ArgumentParser) -> None:
    """`--store PATH`, taken before or after the command (`apdesk --store P info` and
    `apdesk info --store P`): left unset, it keeps what an outer parser read."""
    parser.add_argument(
        "--store",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=_("the store folder (default: your data folder)"),
    )


def nested_group(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_text: str
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    """The sub-commands of a shared verb (`import`, `export`, `report`), made once and reused.

    Several modules add actions to the same verb (`export pupils`, `export attendance`...):
    argparse allows a sub-parser to be made only once, so the first module makes it.
    """
    parser = sub.choices.get(name)
    if parser is None:
        parser = sub.add_parser(name, help=_(help_text))
        parser.set_defaults(_group=parser.add_subparsers(dest=f"{name}_what", metavar="WHAT"))
        parser.set_defaults(func=lambda _args, p=parser: p.error(_("say what, e.g. `pupils`")))
    group: argparse._SubParsersAction[argparse.ArgumentParser] = parser.get_default("_group")
    return group


@contextmanager
def opened_store(args: argparse.Namespace) -> Iterator[Store]:
    """The unlocked store for one command, locked again (key dropped) however it ends."""
    store = open_store(args)
    try:
        yield store
    finally:
        store.lock()


def output_path(out: str, example: str = "report.pdf") -> Path:
    """Check an --out file before any work, so a typo fails in a second, not after a render."""
    path = Path(out).expanduser()
    if path.is_dir():
        raise UserError(
            _("--out {path} is a folder: give a file name such as {example}").format(
                path=path, example=example
            )
        )
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(
            _("cannot write {path}: there is no folder {folder} (create it first)").format(
                path=path, folder=folder
            )
        )
    if not os.access(folder, os.W_OK):
        raise UserError(
            _("cannot write {path}: no permission to write in {folder}").format(
                path=path, folder=folder
            )
        )
    return path


def save_output(path: Path, data: bytes | str, *, encoding: str = "utf-8") -> None:
    """Write a command's output file whole and 0600 (apdesk.files), or fail in one line."""
    try:
        write_atomic(path, data, encoding=encoding)
    except OSError as exc:
        raise UserError(
            _("cannot write {path}: {problem}").format(path=path, problem=exc.strerror or exc)
        ) from None


def iso_day(text: str) -> date:
    """An argparse type: a YYYY-MM-DD date within the years a school's records can hold."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a date: write it as YYYY-MM-DD").format(text=text[:20])
        ) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise argparse.ArgumentTypeError(
            _("{text} is outside the years apdesk keeps ({first} to {last})").format(
                text=text, first=FIRST_DAY.year, last=LAST_DAY.year
            )
        )
    return day


def check_range(start: date, end: date) -> None:
    if start > end:
        raise UserError(
            _("--from {start} is after --to {end}: give the earlier date first").format(
                start=format_date(start), end=format_date(end)
            )
        )
