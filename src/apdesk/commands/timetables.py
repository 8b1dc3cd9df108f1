"""Timetable commands: print a pupil's timetable, and export every pupil's mainstream share."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from apdesk.commands.common import (
    UserError,
    add_store_option,
    nested_group,
    opened_store,
    print_json,
    save_output,
)
from apdesk.i18n import N_, _, format_date, format_number, ngettext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("timetable", help=_("print a pupil's timetable as a PDF"))
    add_store_option(p)
    p.add_argument("--pupil", required=True, metavar="UPN", help=_("the pupil's UPN"))
    p.add_argument("--out", required=True, metavar="FILE.pdf", help=_("where to save the PDF"))
    p.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help=_("print the timetable in force on this date (default: today)"),
    )
    p.set_defaults(func=cmd_timetable)

    export = nested_group(sub, "export", N_("export records as files"))
    e = export.add_parser(
        "timetables", help=_("each pupil's timetable versions and mainstream share")
    )
    add_store_option(e)
    e.add_argument("--format", choices=["json"], default="json", help=_("the file format (json)"))
    e.add_argument("--out", metavar="FILE", help=_("write to FILE instead of the screen"))
    e.set_defaults(func=cmd_export_timetables)


def _on_date(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(
            _("--date: '{text}' is not a date (write it as YYYY-MM-DD)").format(text=text)
        ) from None


def cmd_timetable(args: argparse.Namespace) -> int:
    from apdesk.documents.timetable_pdf import render_timetable
    from apdesk.services.timetables.printout import printout_by_upn

    on_date = _on_date(args.date)
    out = Path(args.out).expanduser()
    if not out.parent.is_dir():
        raise UserError(_("--out: the folder {folder} does not exist").format(folder=out.parent))
    with opened_store(args) as store:
        printout = store.read(printout_by_upn, args.pupil, on_date)
    save_output(out, render_timetable(printout))
    print(
        _("Saved the timetable from {day} to {out}").format(
            day=format_date(printout.effective_date), out=out
        )
    )
    return 0


def cmd_export_timetables(args: argparse.Namespace) -> int:
    from apdesk.services.timetables.export import export_rows

    with opened_store(args) as store:
        rows = store.read(export_rows)
    if args.out:
        out = Path(args.out).expanduser()
        if not out.parent.is_dir():
            raise UserError(
                _("--out: the folder {folder} does not exist").format(folder=out.parent)
            )
        save_output(out, json.dumps(rows, indent=2) + "\n")
        print(
            ngettext(
                "Saved {n} pupil's timetable to {out}",
                "Saved {n} pupils' timetables to {out}",
                len(rows),
            ).format(n=format_number(len(rows)), out=out)
        )
    else:
        print_json(rows)
    return 0
