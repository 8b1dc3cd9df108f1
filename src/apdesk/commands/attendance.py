"""Attendance commands: import a provider return, report by the DfE method, export for the MIS.

`import`, `export` and `report` are shared verbs: other command modules add their own nouns
under them (e.g. `import pupils`), each through `nested_group`, so the order does not matter.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TypeAlias

from apdesk.commands.common import (
    MAX_SHOWN,
    UserError,
    add_store_option,
    check_range,
    iso_day,
    nested_group,
    opened_store,
    output_path,
    print_json,
    save_output,
)
from apdesk.i18n import N_, _, format_number, format_percent, ngettext
from apdesk.services.attendance import (
    ImportResult,
    attendance_report,
    import_returns,
    mis_csv,
    mis_rows,
)
from apdesk.services.attendance.returns_csv import problem_place
from apdesk.services.operations.attendance import import_provider_return

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


_day = iso_day


def register(sub: Subparsers) -> None:
    p = nested_group(sub, "import", N_("import records from files")).add_parser(
        "attendance", help=_("import a provider's attendance return (CSV: upn,date,session,code)")
    )
    p.add_argument("file", metavar="FILE", help=_("the CSV file"))
    p.add_argument("--dry-run", action="store_true", help=_("check the file and write nothing"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.add_argument("--history", action="store_true", help=_("old registers: allow retired codes"))
    p.add_argument("--reason", default="", help=_("the reason recorded on amended marks"))
    add_store_option(p)
    p.set_defaults(func=cmd_import)

    p = nested_group(sub, "report", N_("figures and summaries")).add_parser(
        "attendance", help=_("attendance figures by the DfE method")
    )
    _range_options(p)
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.add_argument(
        "--ap-only",
        action="store_true",
        help=_("only pupils with a placement running in the range (the AP cohort)"),
    )
    add_store_option(p)
    p.set_defaults(func=cmd_report)

    p = nested_group(sub, "export", N_("export records as files")).add_parser(
        "attendance", help=_("current marks as CSV for an MIS")
    )
    _range_options(p)
    p.add_argument("--format", choices=["csv", "json"], default="csv", help=_("default: csv"))
    p.add_argument("--out", metavar="FILE", help=_("write to FILE (default: standard output)"))
    add_store_option(p)
    p.set_defaults(func=cmd_export)


def _range_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="start", type=_day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="end", type=_day, required=True, metavar="YYYY-MM-DD")


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    if not path.is_file():
        raise UserError(_("no file {path}").format(path=path))
    data = path.read_bytes()
    with opened_store(args) as store:
        if args.dry_run:  # a check is a read: it cannot write even by mistake
            result = store.read(
                import_returns,
                data,
                filename=path.name,
                dry_run=True,
                history=args.history,
                reason=args.reason,
            )
        else:
            result = store.run(
                import_provider_return, data, path.name, history=args.history, reason=args.reason
            ).value
    if args.json:
        print_json(result.as_json())
    else:
        _print_import(result, args.dry_run)
    return 2 if result.errors else 0


def _row_problem(problem: dict[str, Any]) -> str:
    """Where in the file an import problem is, and what it is, in the reader's words."""
    where = problem_place(problem["row"], problem["column"])
    return f"{where}: {problem['message']}"


def _print_import(result: ImportResult, dry_run: bool) -> None:
    errors, warnings = result.errors, result.warnings
    for problem in errors[:MAX_SHOWN]:
        print(_row_problem(problem), file=sys.stderr)
    if len(errors) > MAX_SHOWN:
        more = len(errors) - MAX_SHOWN
        print(
            ngettext(
                "... and {n} more error like these", "... and {n} more errors like these", more
            ).format(n=format_number(more)),
            file=sys.stderr,
        )
    if errors:
        print(
            ngettext(
                "{n} error: nothing was imported", "{n} errors: nothing was imported", len(errors)
            ).format(n=format_number(len(errors))),
            file=sys.stderr,
        )
        return
    for problem in warnings[:MAX_SHOWN]:
        print(_("Warning: {problem}").format(problem=_row_problem(problem)))
    if len(warnings) > MAX_SHOWN:
        more = len(warnings) - MAX_SHOWN
        print(
            ngettext("... and {n} more warning", "... and {n} more warnings", more).format(
                n=format_number(more)
            )
        )
    summary = (
        _("{imported} new marks would be imported, {amended} amended, {unchanged} unchanged")
        if dry_run
        else _("{imported} new marks were imported, {amended} amended, {unchanged} unchanged")
    )
    print(
        summary.format(
            imported=format_number(result.imported),
            amended=format_number(result.amended),
            unchanged=format_number(result.unchanged),
        )
    )


def cmd_report(args: argparse.Namespace) -> int:
    check_range(args.start, args.end)
    with opened_store(args) as store:
        report = store.read(attendance_report, args.start, args.end, ap_only=args.ap_only)
    if args.json:
        print_json(report)
        return 0
    headings = [_("UPN"), _("possible"), _("attended"), _("auth"), _("unauth"), _("rate")]
    widths = [
        max(least, len(h) + 1) for least, h in zip((14, 9, 9, 6, 7, 8), headings, strict=True)
    ]
    print(f"{headings[0]:<{widths[0]}}" + "".join(
        f"{h:>{w}}" for h, w in zip(headings[1:], widths[1:], strict=True)
    ) + "  " + _("flags"))  # fmt: skip
    cohort = _("cohort")
    for row in [*report["pupils"], {"upn": cohort, **report["cohort"]}]:
        rate = row["attendance_rate"]
        flags = " ".join(
            word
            for word, on in (
                (_("persistent"), row["persistent_absence"]),
                (_("severe"), row["severe_absence"]),
            )
            if on
        )
        if row["upn"] == cohort:
            flags = _("{persistent} persistent, {severe} severe").format(
                persistent=row["persistent_absence"], severe=row["severe_absence"]
            )
        values = (
            row["possible_sessions"],
            row["attended_sessions"],
            row["authorised_absence"],
            row["unauthorised_absence"],
            "-" if rate is None else format_percent(rate, 1),
        )
        print(
            f"{row['upn']:<{widths[0]}}"
            + "".join(f"{v:>{w}}" for v, w in zip(values, widths[1:], strict=True))
            + f"  {flags}"
        )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    check_range(args.start, args.end)
    with opened_store(args) as store:
        if getattr(args, "format", "csv") == "json":
            keys = ("upn", "date", "session", "code")
            rows = store.read(mis_rows, args.start, args.end)
            text = json.dumps([dict(zip(keys, row, strict=True)) for row in rows], indent=2)
            text += "\n"
        else:
            text = store.read(mis_csv, args.start, args.end)
    if args.out:
        save_output(output_path(args.out, "attendance.csv"), text)
    else:
        sys.stdout.write(text)
    return 0
