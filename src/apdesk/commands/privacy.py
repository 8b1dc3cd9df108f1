"""Data protection duties: `apdesk sar` (subject access) and `apdesk retention`."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from apdesk.commands.common import UserError, add_store_option, opened_store, print_json
from apdesk.documents import sar_pdf
from apdesk.i18n import _, format_date, format_number, ngettext
from apdesk.services import retention, sar
from apdesk.services.operations.security import purge_records, set_retention_period
from apdesk.services.record_counts import counts_text
from apdesk.store import Store

# The keys a person types: English words whatever the language (`retention rules` lists each
# beside its title in the reader's language).
TYPES = [rule.key for rule in retention.DEFAULT_RULES]
TITLES = {rule.key: rule.title for rule in retention.DEFAULT_RULES}
TYPE_OPTION: dict[str, Any] = {
    "type": str.lower,
    "choices": TYPES,
    "metavar": "TYPE",
}


def _type_help() -> str:
    return _("only this record type, one of {types} (repeatable)").format(types=", ".join(TYPES))


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("sar", help=_("a subject access export for one pupil (PDF and JSON)"))
    p.add_argument("--pupil", required=True, metavar="UPN", help=_("the pupil's UPN"))
    p.add_argument("--out", required=True, metavar="DIR", help=_("folder for the two files"))
    p.add_argument(
        "--requested", metavar="YYYY-MM-DD", help=_("the day the request arrived (default: today)")
    )
    add_store_option(p)
    p.set_defaults(func=cmd_sar)

    p = sub.add_parser("retention", help=_("how long records are kept; purge those past it"))
    group = p.add_subparsers(dest="retention_what", metavar="WHAT")
    p.set_defaults(func=lambda _a, parser=p: parser.error(_("say what, e.g. `rules`")))
    r = group.add_parser("rules", help=_("each record type's period and its source"))
    add_store_option(r)
    r.set_defaults(func=cmd_rules)
    s = group.add_parser("set", help=_("change a record type's period in years"))
    s.add_argument(
        "record_type",
        type=str.lower,
        choices=TYPES,
        metavar="TYPE",
        help=_("the record type as `retention rules` names it first: {types}").format(
            types=", ".join(TYPES)
        ),
    )
    s.add_argument("years", type=int, help=_("how many years to keep it"))
    add_store_option(s)
    s.set_defaults(func=cmd_set)
    q = group.add_parser("review", help=_("records past their period"))
    q.add_argument("--json", action="store_true", help=_("print the queue as JSON"))
    q.add_argument("--type", action="append", help=_type_help(), **TYPE_OPTION)
    add_store_option(q)
    q.set_defaults(func=cmd_review)
    g = group.add_parser("purge", help=_("delete records past their period, then VACUUM"))
    g.add_argument("--type", action="append", help=_type_help(), **TYPE_OPTION)
    g.add_argument("--yes", action="store_true", help=_("confirm: deleting cannot be undone"))
    add_store_option(g)
    g.set_defaults(func=cmd_purge)


def _day(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(
            _("--requested: '{text}' is not a date (write it as YYYY-MM-DD)").format(text=text)
        ) from None


def cmd_sar(args: argparse.Namespace) -> int:
    requested = _day(args.requested)
    with opened_store(args) as store:
        access, school = store.read(sar.build_with_school, args.pupil, requested)
    pdf = sar_pdf.render(access, school)
    json_path, pdf_path = sar.write_files(access, pdf, Path(args.out).expanduser())
    print(_("Wrote {pdf} and {json}").format(pdf=pdf_path, json=json_path))
    print(
        _("Respond by {day} (one calendar month from {requested}).").format(
            day=format_date(access.respond_by), requested=format_date(requested)
        )
    )
    n = len(access.third_party)
    print(
        ngettext(
            "{n} item of other people's details to review for redaction.",
            "{n} items of other people's details to review for redaction.",
            n,
        ).format(n=format_number(n))
    )
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        found = store.read(retention.rules)
    for rule in found:
        period = ngettext(
            "{n} year from {start} ({source})", "{n} years from {start} ({source})", rule.years
        ).format(n=f"{rule.years:>3}", start=_(rule.counted_from), source=rule.source_text())
        kept = "" if rule.purgeable else " " + _("[kept: not purged]")
        print(f"{rule.key:<12} {_(rule.title)}: {period}{kept}")
    print(_(retention.AUDIT_NOTE))
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        store.run(set_retention_period, args.record_type, args.years)
    print(
        ngettext("{kind}: kept for {n} year", "{kind}: kept for {n} years", args.years).format(
            kind=_(TITLES[args.record_type]), n=args.years
        )
    )
    return 0


def _queue(args: argparse.Namespace, store: Store) -> list[retention.DueItem]:
    items = store.read(retention.review_queue, retention.today_utc())
    wanted = set(args.type or [])
    return [i for i in items if not wanted or i.rule in wanted]


def cmd_review(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        items = _queue(args, store)
    if args.json:
        print_json([item.__dict__ for item in items])
        return 0
    if not items:
        print(_("Nothing is past its retention period."))
    for item in items:
        due = _("due since {day}").format(day=format_date(item.due_since))
        print(f"{item.rule:<12} {due}  {item.label}")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        items = [i for i in _queue(args, store) if i.rule in retention.ROOTS]
        if not items:
            print(_("Nothing is past its retention period."))
            return 0
        if not args.yes:
            raise UserError(
                ngettext(
                    "{n} record would be deleted for good: run again with --yes to purge",
                    "{n} records would be deleted for good: run again with --yes to purge",
                    len(items),
                ).format(n=format_number(len(items)))
            )
        counts = store.run(purge_records, items).value
        retention.vacuum(store)  # after the commit: no free page keeps what was purged
    print(_("Purged: {what}").format(what=counts_text(counts)))
    return 0
