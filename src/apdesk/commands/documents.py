"""Document commands: the referral form and the parents' letter for a placement, as PDF."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date

from sqlmodel import Session

from apdesk.commands.common import (
    add_store_option,
    iso_day,
    opened_store,
    output_path,
    save_output,
)
from apdesk.documents.letter import render_parent_letter
from apdesk.documents.placement_data import PlacementRecord
from apdesk.documents.referral import render_referral
from apdesk.i18n import N_, _
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.letter_checks import letter_warnings
from apdesk.services.placement_record import load_placement_record


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("referral", help=_("the referral form (AP placement sheet) as PDF"))
    _common_options(p)
    p.set_defaults(func=cmd_referral)

    p = sub.add_parser("letter", help=_("the letter to parents (off-site direction notice) as PDF"))
    _common_options(p)
    p.add_argument(
        "--date",
        type=_iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help=_("the date on the letter (default: today)"),
    )
    p.set_defaults(func=cmd_letter)


def _common_options(p: argparse.ArgumentParser) -> None:
    add_store_option(p)
    p.add_argument("--placement", type=int, required=True, metavar="ID", help=_("the placement"))
    p.add_argument("--out", required=True, metavar="FILE.pdf", help=_("where to save the PDF"))


_iso_date = iso_day


def _make(
    args: argparse.Namespace,
    what: str,
    render: Callable[[PlacementRecord], bytes],
    warn: Callable[[PlacementRecord, SchoolCalendar], list[str]] | None = None,
) -> int:
    path = output_path(args.out, "referral.pdf")

    def drawn(session: Session, placement_id: int) -> tuple[bytes, list[str]]:
        record = load_placement_record(session, placement_id)
        warnings = warn(record, SchoolCalendar.load(session)) if warn else []
        return render(record), warnings

    with opened_store(args) as store:
        data, warnings = store.read(drawn, args.placement)
    save_output(path, data)
    for line in warnings:
        print("apdesk: " + _("warning: {line}").format(line=line), file=sys.stderr)
    print(_(what).format(placement=args.placement, path=path))
    return 0


def cmd_referral(args: argparse.Namespace) -> int:
    return _make(
        args, N_("Saved the referral form for placement {placement} to {path}"), render_referral
    )


def cmd_letter(args: argparse.Namespace) -> int:
    today = args.date or date.today()
    return _make(
        args,
        N_("Saved the parents' letter for placement {placement} to {path}"),
        lambda record: render_parent_letter(record, today=today),
        lambda record, calendar: letter_warnings(record, today, calendar),
    )
