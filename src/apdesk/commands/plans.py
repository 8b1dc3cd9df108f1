"""Plan commands: the reintegration plan and a review record as PDF, and every placement's
plan, reviews, outcome and follow-ups as JSON for the LA's measures."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from apdesk.commands.common import (
    add_store_option,
    nested_group,
    opened_store,
    output_path,
    save_output,
)
from apdesk.i18n import N_, _, format_number, ngettext
from apdesk.services.plan_printouts import latest_review_pdf, plan_pdf, review_pdf
from apdesk.services.plans import export_plans


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("plan", help=_("a placement's reintegration plan as PDF"))
    add_store_option(p)
    p.add_argument("--placement", type=int, required=True, metavar="ID", help=_("the placement"))
    p.add_argument("--out", required=True, metavar="FILE.pdf", help=_("where to save the PDF"))
    p.set_defaults(func=cmd_plan)

    p = sub.add_parser("review-record", help=_("a held review's record as PDF"))
    add_store_option(p)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--review", type=int, metavar="ID", help=_("the review"))
    which.add_argument(
        "--placement", type=int, metavar="ID", help=_("the placement (its latest held review)")
    )
    p.add_argument("--out", required=True, metavar="FILE.pdf", help=_("where to save the PDF"))
    p.set_defaults(func=cmd_review_record)

    export = nested_group(sub, "export", N_("export records as files"))
    p = export.add_parser("plans", help=_("plans, reviews, outcomes and follow-ups as JSON"))
    add_store_option(p)
    p.add_argument("--format", choices=["json"], default="json", help=_("the file format"))
    p.add_argument("--out", metavar="FILE", help=_("write to a file (default: print)"))
    p.add_argument("--include-drafts", action="store_true", help=_("list draft placements too"))
    p.set_defaults(func=cmd_export_plans)


def cmd_plan(args: argparse.Namespace) -> int:
    path = output_path(args.out, "plan.pdf")
    with opened_store(args) as store:
        data = store.read(plan_pdf, args.placement, date.today())
    save_output(path, data)
    print(
        _("Saved the plan for placement {placement} to {path}").format(
            placement=args.placement, path=path
        )
    )
    return 0


def cmd_review_record(args: argparse.Namespace) -> int:
    path = output_path(args.out, "plan.pdf")
    with opened_store(args) as store:
        if args.review is not None:
            data = store.read(review_pdf, args.review)
        else:
            data, _held = store.read(latest_review_pdf, args.placement)
    save_output(path, data)
    print(_("Saved the review record to {path}").format(path=path))
    return 0


def cmd_export_plans(args: argparse.Namespace) -> int:
    path = output_path(args.out, "plan.pdf") if args.out else None
    with opened_store(args) as store:
        records = store.read(export_plans, include_drafts=args.include_drafts)
    text = json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    if path is None:
        sys.stdout.write(text)
    else:
        save_output(path, text)
        print(
            ngettext(
                "Saved {n} placement's plan to {path}",
                "Saved {n} placements' plans to {path}",
                len(records),
            ).format(n=format_number(len(records)), path=path)
        )
    return 0
