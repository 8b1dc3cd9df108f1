"""`apdesk placement-rules`: the school's review interval and longest planned placement."""

from __future__ import annotations

import argparse

from apdesk.commands.common import add_store_option, opened_store, print_json
from apdesk.i18n import _, ngettext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "placement-rules", help=_("the review interval and longest placement the school has set")
    )
    group = p.add_subparsers(dest="rules_what", metavar="WHAT")
    p.set_defaults(func=lambda _args, parser=p: parser.error(_("say what: `show` or `set`")))
    show = group.add_parser("show", help=_("the settings and their source"))
    show.add_argument("--json", action="store_true", help=_("print JSON"))
    add_store_option(show)
    show.set_defaults(func=cmd_show)
    change = group.add_parser("set", help=_("change the review interval or the longest placement"))
    change.add_argument("--review-weeks", type=int, metavar="N", help=_("1 to 6 (half-termly)"))
    change.add_argument("--max-weeks", type=int, metavar="N", help=_("0 for no limit"))
    add_store_option(change)
    change.set_defaults(func=cmd_set)


def _print(settings: object, as_json: bool) -> None:
    from apdesk.services.ap_guide import GuideSettings

    assert isinstance(settings, GuideSettings)
    if as_json:
        print_json(settings.__dict__)
        return
    most = settings.max_weeks or 0
    weeks = ngettext("{n} week", "{n} weeks", most).format(n=most)
    longest = weeks if settings.max_weeks else _("no limit set")
    print(
        ngettext(
            "Review at least every {n} week; longest placement: {longest}.",
            "Review at least every {n} weeks; longest placement: {longest}.",
            settings.review_weeks,
        ).format(n=settings.review_weeks, longest=longest)
    )
    print(_("Source: {source}").format(source=settings.source))


def cmd_show(args: argparse.Namespace) -> int:
    from apdesk.services.ap_guide import guide_settings

    with opened_store(args) as store:
        settings = store.read(guide_settings)
    _print(settings, args.json)
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    from apdesk.services.operations.placements import set_placement_rules

    with opened_store(args) as store:
        settings = store.run(set_placement_rules, args.review_weeks, args.max_weeks).value
    _print(settings, False)
    return 0
