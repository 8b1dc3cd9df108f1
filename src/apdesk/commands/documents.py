"""Document commands: the referral form and the parents' letter for a placement, as PDF."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlmodel import Session

from apdesk.commands.common import UserError, add_store_option, opened_store
from apdesk.documents.checks import letter_warnings
from apdesk.documents.letter import render_parent_letter
from apdesk.documents.placement_data import PlacementRecord, load_placement_record
from apdesk.documents.referral import render_referral
from apdesk.services.calendar import SchoolCalendar


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("referral", help="the referral form (AP placement sheet) as PDF")
    _common_options(p)
    p.set_defaults(func=cmd_referral)

    p = sub.add_parser("letter", help="the letter to parents (off-site direction notice) as PDF")
    _common_options(p)
    p.add_argument(
        "--date",
        type=_iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date on the letter (default: today)",
    )
    p.set_defaults(func=cmd_letter)


def _common_options(p: argparse.ArgumentParser) -> None:
    add_store_option(p)
    p.add_argument("--placement", type=int, required=True, metavar="ID", help="the placement")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to save the PDF")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2025-03-03") from None


def _target(out: str) -> Path:
    """Check the destination before any work, so a typo fails in a second, not after a render."""
    path = Path(out).expanduser()
    if path.is_dir():
        raise UserError(f"--out {path} is a folder: give a file name such as referral.pdf")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"cannot write {path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise UserError(f"cannot write {path}: no permission to write in {folder}")
    return path


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target, then rename: a reader never sees half a PDF."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise UserError(f"cannot write {path}: {exc.strerror}") from None


def _make(
    args: argparse.Namespace,
    what: str,
    render: Callable[[PlacementRecord], bytes],
    warn: Callable[[PlacementRecord, SchoolCalendar], list[str]] | None = None,
) -> int:
    path = _target(args.out)

    def drawn(session: Session, placement_id: int) -> tuple[bytes, list[str]]:
        record = load_placement_record(session, placement_id)
        warnings = warn(record, SchoolCalendar.load(session)) if warn else []
        return render(record), warnings

    with opened_store(args) as store:
        data, warnings = store.read(drawn, args.placement)
    write_atomically(path, data)
    for line in warnings:
        print(f"apdesk: warning: {line}", file=sys.stderr)
    print(f"Saved the {what} for placement {args.placement} to {path}")
    return 0


def cmd_referral(args: argparse.Namespace) -> int:
    return _make(args, "referral form", render_referral)


def cmd_letter(args: argparse.Namespace) -> int:
    today = args.date or date.today()
    return _make(
        args,
        "parents' letter",
        lambda record: render_parent_letter(record, today=today),
        lambda record, calendar: letter_warnings(record, today, calendar),
    )
