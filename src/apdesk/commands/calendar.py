"""`apdesk calendar`: the school's terms and closures (import, show, add, remove).

Every change says what it did to expected sessions, review dates and notice deadlines, as the
window does; `import --dry-run` shows the same without writing.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TypeAlias

from apdesk.commands.common import UserError, add_store_option, opened_store, print_json
from apdesk.i18n import _, format_date, format_number, ngettext
from apdesk.services.calendar import school_year_of
from apdesk.services.operations.calendar import (
    CalendarChange,
    add_calendar_entry,
    import_calendar,
    remove_calendar_entry,
)
from apdesk.services.school_calendar import KIND_LABELS, CalendarEntry, read_calendar_file
from apdesk.services.school_calendar.records import plan_import
from apdesk.services.school_calendar.year import CalendarYear, calendar_year

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a date: write it as YYYY-MM-DD").format(text=text[:20])
        ) from None


def register(sub: Subparsers) -> None:
    p = sub.add_parser("calendar", help=_("term dates and closures (INSET days, bank holidays...)"))
    group = p.add_subparsers(dest="calendar_what", metavar="WHAT")
    p.set_defaults(func=lambda _a, parser=p: parser.error(_("say what, e.g. `show`")))

    i = group.add_parser("import", help=_("add terms and closures from an .ics or .csv file"))
    i.add_argument("file", metavar="FILE", help=_("an iCalendar (.ics) file or a CSV"))
    i.add_argument(
        "--dry-run", action="store_true", help=_("show what would change; write nothing")
    )
    i.add_argument("--json", action="store_true", help=_("print JSON"))
    add_store_option(i)
    i.set_defaults(func=cmd_import)

    s = group.add_parser("show", help=_("a school year's terms and closures"))
    s.add_argument(
        "--year", type=int, metavar="YYYY", help=_("the school year starting in that September")
    )
    s.add_argument("--json", action="store_true", help=_("print JSON"))
    add_store_option(s)
    s.set_defaults(func=cmd_show)

    a = group.add_parser("add", help=_("add a term or a closure"))
    a.add_argument("kind", choices=list(KIND_LABELS), help=_("what it is"))
    a.add_argument("first", type=_day, metavar="FIRST", help=_("first day, YYYY-MM-DD"))
    a.add_argument(
        "last", type=_day, nargs="?", metavar="LAST", help=_("last day (default: FIRST)")
    )
    a.add_argument("--label", default="", help=_("e.g. 'Autumn half term'"))
    a.add_argument("--reason", default="", help=_("why (needed for an unexpected closure)"))
    a.add_argument("--json", action="store_true", help=_("print JSON"))
    add_store_option(a)
    a.set_defaults(func=cmd_add)

    r = group.add_parser("remove", help=_("remove a term or closure by its id (see `show`)"))
    r.add_argument("id", metavar="ID", help=_("e.g. closure-12 or term-3"))
    r.add_argument("--json", action="store_true", help=_("print JSON"))
    add_store_option(r)
    r.set_defaults(func=cmd_remove)


def _span(entry: CalendarEntry) -> str:
    if entry.first == entry.last:
        return entry.first.isoformat()
    return f"{entry.first.isoformat()} – {entry.last.isoformat()}"


def _print_change(change: CalendarChange) -> None:
    print(change.summary())
    for line in change.impact.details():
        print(f"  {line}")


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    if not path.is_file():
        raise UserError(_("no file {path}").format(path=path))
    parsed = read_calendar_file(path)
    today = date.today()
    with opened_store(args) as store:
        if args.dry_run:
            plan = store.read(plan_import, parsed.entries, today)
            if args.json:
                print_json(
                    {
                        "dry_run": True,
                        "new": [e.as_json() for e in plan.new],
                        "already_there": [e.as_json() for e in plan.already],
                        "left_out": [item.as_json() for item in parsed.left_out],
                        "effect": plan.impact.as_json(),
                    }
                )
                return 0
            for entry in plan.new:
                print(f"+ {entry.kind_label():<20} {_span(entry):<25} {entry.label}")
            for entry in plan.already:
                print(f"= {entry.kind_label():<20} {_span(entry):<25} {entry.label}")
            _print_left_out(parsed.left_out)
            print(
                _("Dry run: {n} would be added, {m} already there. {effect}").format(
                    n=format_number(len(plan.new)),
                    m=format_number(len(plan.already)),
                    effect=plan.impact.summary(),
                )
            )
            return 0
        change = store.run(import_calendar, parsed.entries, today).value
    if args.json:
        print_json({**change.as_json(), "left_out": [i.as_json() for i in parsed.left_out]})
        return 0
    _print_left_out(parsed.left_out)
    _print_change(change)
    return 0


def _print_left_out(left_out: list) -> None:  # type: ignore[type-arg]
    for item in left_out:
        print(_("left out: {what} ({why})").format(what=item.what, why=item.why))


def cmd_show(args: argparse.Namespace) -> int:
    year = args.year if args.year is not None else school_year_of(date.today())
    with opened_store(args) as store:
        view: CalendarYear = store.read(calendar_year, year)
    if args.json:
        print_json(view.as_json())
        return 0
    print(
        ngettext("{title}: {n} school day", "{title}: {n} school days", view.school_days).format(
            title=view.title, n=format_number(view.school_days)
        )
    )
    if not view.terms:
        print(_("No terms set: every weekday that is not closed counts as a school day."))
    for term in view.terms:
        print(
            f"  {term.entry.key:<12} {_span(term.entry):<25} {term.entry.label} "
            + ngettext("({n} school day)", "({n} school days)", term.school_days).format(
                n=format_number(term.school_days)
            )
        )
    closures = sorted((*view.closures, *view.between_terms), key=lambda e: (e.first, e.last))
    for entry in closures:
        reason = f" — {entry.reason}" if entry.reason else ""
        key = entry.key or "-"
        print(f"  {key:<12} {_span(entry):<25} {entry.kind_label()}: {entry.label}{reason}")
    if view.suggestions:
        print(_("Bank holidays not yet in the calendar (add them with `apdesk calendar add`):"))
        for entry in view.suggestions:
            print(f"  {format_date(entry.first)}: {entry.label}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    entry = CalendarEntry(args.kind, args.first, args.last or args.first, args.label, args.reason)
    with opened_store(args) as store:
        change = store.run(add_calendar_entry, entry, date.today()).value
    if args.json:
        print_json(change.as_json())
    else:
        _print_change(change)
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        change = store.run(remove_calendar_entry, args.id, date.today()).value
    if args.json:
        print_json(change.as_json())
    else:
        _print_change(change)
    return 0
