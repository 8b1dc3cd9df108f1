"""Report commands: the LA's success measures, the termly report PDF and the census helper."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from apdesk.commands.common import (
    UserError,
    add_store_option,
    iso_day,
    nested_group,
    opened_store,
    output_path,
    print_json,
    save_output,
)
from apdesk.i18n import N_, _, format_date, format_number, ngettext

Subparsers = Any  # argparse's sub-parsers action


_day = iso_day


def _verb(sub: Subparsers, name: str, help_text: str) -> Subparsers:
    """The shared verb's sub-parsers, whichever module made the verb first."""
    parser = sub.choices.get(name)
    if parser is not None and parser.get_default("_group") is None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                return action
    return nested_group(sub, name, help_text)


def register(sub: Subparsers) -> None:
    report = _verb(sub, "report", N_("figures and summaries"))
    p = report.add_parser("measures", help=_("the LA's success measures for the school"))
    p.add_argument(
        "--from",
        dest="start",
        type=_day,
        metavar="YYYY-MM-DD",
        help=_("first day (default: 1 September of this school year)"),
    )
    p.add_argument(
        "--to", dest="end", type=_day, metavar="YYYY-MM-DD", help=_("last day (default: today)")
    )
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    add_store_option(p)
    p.set_defaults(func=cmd_measures)

    p = report.add_parser("termly", help=_("the termly report for governors and the LA (PDF)"))
    p.add_argument("--from", dest="start", type=_day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="end", type=_day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help=_("where to write the PDF"))
    p.add_argument(
        "--anonymised", action="store_true", help=_("show pupils by initials and year group only")
    )
    add_store_option(p)
    p.set_defaults(func=cmd_termly)

    p = sub.add_parser("suspension", help=_("record a pupil's suspension (counted for the LA)"))
    p.add_argument("--upn", required=True, help=_("the pupil's UPN"))
    p.add_argument("--start", type=_day, required=True, metavar="YYYY-MM-DD", help=_("first day"))
    p.add_argument("--days", type=float, required=True, help=_("school days, in halves (e.g. 2.5)"))
    p.add_argument("--reason", default="", help=_("the reason given in the letter"))
    p.add_argument("--json", action="store_true", help=_("print the record as JSON"))
    add_store_option(p)
    p.set_defaults(func=cmd_suspension)

    export = _verb(sub, "export", N_("export records as files"))
    p = export.add_parser("census", help=_("school census: AP placements arranged by the school"))
    p.add_argument(
        "--date",
        dest="census_day",
        type=_day,
        required=True,
        metavar="YYYY-MM-DD",
        help=_("the census day: first Thursday of October, third Thursday of January or May"),
    )
    p.add_argument(
        "--any-date",
        action="store_true",
        help=_("run for a day that is not a census day (with a warning)"),
    )
    p.add_argument("--format", choices=["csv", "json"], default="csv", help=_("default: csv"))
    p.add_argument("--out", metavar="FILE", help=_("write to FILE (default: standard output)"))
    add_store_option(p)
    p.set_defaults(func=cmd_census)


def _period(args: argparse.Namespace) -> Any:
    from apdesk.models.errors import ValidationError
    from apdesk.services.measures import Period, year_to_date

    default = year_to_date(date.today())
    try:
        return Period(args.start or default.start, args.end or default.end)
    except ValidationError as exc:
        raise UserError(_("--to is before --from: {fix}").format(fix=exc.fix)) from None


def cmd_measures(args: argparse.Namespace) -> int:
    from apdesk.services.measures import all_measures
    from apdesk.services.measures.display import detail_text, figure_text

    period = _period(args)
    with opened_store(args) as store:
        measures = store.read(all_measures, period, date.today())
    if args.json:
        print_json([m.as_json() for m in measures])
        return 0
    for m in measures:
        if m.value is None:
            figure = _("no figure")
        else:  # as Home and the termly report write it, in the reader's numbers
            figure = figure_text(m) + (f" ({detail_text(m)})" if m.kind == "share" else "")
        print(f"{m.label}: {figure}")
    return 0


def cmd_suspension(args: argparse.Namespace) -> int:
    from apdesk.services.operations.pupils import record_suspension

    with opened_store(args) as store:
        row = store.run(
            record_suspension, args.upn, args.start, args.days, args.reason, date.today()
        ).value
    if args.json:
        print_json(row.__dict__)
    else:
        print(
            ngettext(
                "recorded a suspension of {days} day for {name}",
                "recorded a suspension of {days} days for {name}",
                1 if row.days == 1 else 2,
            ).format(days=f"{row.days:g}", name=row.pupil_name)
        )
    return 0


def cmd_termly(args: argparse.Namespace) -> int:
    from apdesk.services.measures.termly import termly_report_pdf

    period = _period(args)
    out = Path(args.out).expanduser()
    if not out.parent.is_dir():
        raise UserError(_("--out: the folder {folder} does not exist").format(folder=out.parent))
    with opened_store(args) as store:
        pdf = store.read(termly_report_pdf, period, date.today(), anonymised=args.anonymised)
    save_output(out, pdf)
    print(_("wrote {out} ({size} bytes)").format(out=out, size=format_number(len(pdf))))
    return 0


def cmd_census(args: argparse.Namespace) -> int:
    from apdesk.services.measures import census_rows
    from apdesk.services.measures.census import is_census_day, nearest_census_days

    day: date = args.census_day
    warnings = []
    if not is_census_day(day):
        before, after = nearest_census_days(day)
        named = _("the nearest census days are {before} and {after}").format(
            before=_long(before), after=_long(after)
        )
        if not args.any_date:
            raise UserError(
                _(
                    "--date: {day} is not a census day ({named}); "
                    "use one of them, or --any-date to run for this day anyway"
                ).format(day=format_date(day), named=named)
            )
        warnings.append(
            _("{day} is not a census day: {named}").format(day=format_date(day), named=named)
        )
    with opened_store(args) as store:
        report = store.read(census_rows, day)
    if args.format == "json":
        import json

        text = (
            json.dumps(
                {
                    "census_day": report.census_day.isoformat(),
                    "period": {
                        "from": report.period.start.isoformat(),
                        "to": report.period.end.isoformat(),
                    },
                    "placements": [
                        dict(zip(_columns(), r.cells(), strict=True))
                        | {"apdesk_missing": list(r.missing), "apdesk_notes": list(r.notes)}
                        for r in report.rows
                    ],
                    "not_returned": report.left_out,
                    "notes": list(report.notes),
                    "warnings": warnings,
                },
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
    else:
        text = report.csv_text()
    if args.out:
        encoding = "utf-8-sig" if args.format == "csv" else "utf-8"
        save_output(output_path(args.out, "census.csv"), text, encoding=encoding)
    else:
        sys.stdout.write(text)
    for line in warnings:
        print(_("Warning: {line}").format(line=line), file=sys.stderr)
    for note in report.notes:
        print(_("Note: {note}").format(note=note), file=sys.stderr)
    if report.left_out:
        print(
            _("Not returned (on-site): {names}").format(names=", ".join(report.left_out)),
            file=sys.stderr,
        )
    if report.incomplete:
        print(
            ngettext(
                "{n} of {d} placement misses a census item (see the 'apdesk_missing' column)",
                "{n} of {d} placements miss a census item (see the 'apdesk_missing' column)",
                len(report.rows),
            ).format(n=format_number(len(report.incomplete)), d=format_number(len(report.rows))),
            file=sys.stderr,
        )
    return 0


def _long(day: date) -> str:
    """A census day with its weekday, as the reader's language writes it."""
    return format_date(day, "EEEE d MMMM y")


def _columns() -> tuple[str, ...]:
    from apdesk.services.measures import CENSUS_COLUMNS

    return CENSUS_COLUMNS
