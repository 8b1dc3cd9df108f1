"""LA connection commands: config, pack, sync, outbox."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from sqlmodel import Session

from apdesk.commands.common import (
    UserError,
    add_store_option,
    opened_store,
    output_path,
    print_json,
    save_output,
)
from apdesk.commands.school import add_school_flags, cmd_config_school, print_line, print_school
from apdesk.i18n import N_, _, format_date_time, format_iso_text, format_number, ngettext
from apdesk.models.types import utcnow
from apdesk.services.operations.placements import build_placement_pack
from apdesk.services.operations.settings import (
    school_public_key,
    set_la_endpoint,
    set_la_public_keys,
    set_la_token,
)
from apdesk.sync import connection, keys, outbox, sender
from apdesk.sync.pack import SUFFIX
from apdesk.sync.util import key_id

SETTINGS = ("la-endpoint", "la-token", "la-public-key")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "config",
        help=_("the school's details and the LA connection settings"),
        description=_(
            "`apdesk config --school-phone ...` changes the school's details (the others "
            "stay as they are); `set` and `show` are the LA connection."
        ),
    )
    add_school_flags(p)
    add_store_option(p)
    p.set_defaults(func=cmd_config_school)
    config_sub = p.add_subparsers(dest="config_command", metavar="ACTION")
    s = config_sub.add_parser("set", help=_("set the LA endpoint, token or public key"))
    s.add_argument("name", choices=SETTINGS)
    s.add_argument("value", help=_("URL, token ('-' reads it from standard input) or PEM file"))
    s.add_argument(
        "--insecure-http",
        action="store_true",
        help=_("accept a plain http:// LA endpoint (a test server only: data travel unprotected)"),
    )
    add_store_option(s)
    s.set_defaults(func=cmd_config_set)
    s = config_sub.add_parser("show", help=_("show the LA connection (never the token)"))
    s.add_argument("--json", action="store_true", help=_("print JSON"))
    add_store_option(s)
    s.set_defaults(func=cmd_config_show)

    p = sub.add_parser("pack", help=_("notification packs for the LA"))
    pack_sub = p.add_subparsers(dest="pack_command", metavar="ACTION", required=True)
    b = pack_sub.add_parser("build", help=_("build a pack for a placement"))
    b.add_argument("--placement", type=_placement, required=True, metavar="ID")
    b.add_argument(
        "--kind",
        required=True,
        help=_("placement-start, placement-change, placement-end or attendance-summary"),
    )
    b.add_argument(
        "--out",
        metavar="FILE",
        help=_("write the pack here (a {suffix} file)").format(suffix=SUFFIX),
    )
    b.add_argument("--queue", action="store_true", help=_("put the pack in the outbox"))
    b.add_argument(
        "--no-encrypt",
        action="store_true",
        help=_("leave the payload unencrypted even if the LA's key is set"),
    )
    add_store_option(b)
    b.set_defaults(func=cmd_pack_build)
    k = pack_sub.add_parser("public-key", help=_("export the school's public key (PEM) for the LA"))
    k.add_argument("--out", metavar="FILE", required=True)
    add_store_option(k)
    k.set_defaults(func=cmd_pack_public_key)

    p = sub.add_parser("sync", help=_("send the outbox to the LA"))
    p.add_argument("--once", action="store_true", help=_("one pass, then exit"))
    p.add_argument(
        "--interval",
        type=_seconds,
        default=60.0,
        help=_("seconds between passes while packs wait (default 60)"),
    )
    add_store_option(p)
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser("outbox", help=_("list the outbox"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    add_store_option(p)
    p.set_defaults(func=cmd_outbox)


def _placement(text: str) -> int:
    """An argparse type: a placement's record number, refused in words if it is not one."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(
            _(
                "'{text}' is not a placement's number: give the number the placement list shows"
            ).format(text=text[:20])
        )
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 1.0 <= value <= 86_400.0:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a wait: give seconds between 1 and 86400").format(text=text)
        )
    return value


def cmd_config_set(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        if args.name == "la-endpoint":
            url = store.run(set_la_endpoint, args.value, args.insecure_http).value
            print(_("LA endpoint set to {url}").format(url=url))
            if connection.is_insecure(url):
                print(
                    "apdesk: "
                    + _(
                        "warning: plain http:// sends pupils' data unprotected; use it only "
                        "for a test server"
                    ),
                    file=sys.stderr,
                )
        elif args.name == "la-token":
            token = sys.stdin.readline().strip() if args.value == "-" else args.value
            place = store.run(set_la_token, connection.token_account(store), token).value
            if place == "keyring":
                print(_("LA token kept in the OS keyring"))
            else:
                print(_("LA token kept in the encrypted store"))
        else:
            path = Path(args.value)
            if not path.is_file():
                raise UserError(
                    _(
                        "la-public-key: {path} is not a file; give the path of the LA's key file"
                    ).format(path=path)
                )
            kept = store.run(set_la_public_keys, path.read_bytes()).value
            print(
                _("LA keys set: receipts {receipts}, encryption {encryption}").format(
                    receipts=kept.receipts or _("not checked"),
                    encryption=kept.encryption or _("off"),
                )
            )
    return 0


def _show(session: Session, account: str) -> dict[str, str | None]:
    """A read: the school's key is shown once made (by the first pack or `pack public-key`)."""
    endpoint = connection.endpoint(session)
    _token, place = connection.read_token(session, account)
    ed, x = connection.la_public_keys(session)
    made = keys.read_secret(session, keys.SIGNING_KEY) is not None
    school_key = keys.signer_key_id(session) if made else None
    token = {"keyring": N_("set (in keyring)"), "store": N_("set (in the encrypted store)")}
    return {
        "la_endpoint": endpoint or None,
        "la_token": token.get(place, N_("not set")),
        "la_receipt_key_id": key_id(ed) if ed else None,
        "la_encryption_key_id": key_id(x) if x else None,
        "school_key_id": school_key,
    }


def cmd_config_show(args: argparse.Namespace) -> int:
    from apdesk.services.school import school_details

    with opened_store(args) as store:
        shown = store.read(_show, connection.token_account(store))
        details = store.read(school_details)
    if args.json:
        school = details.model_dump(exclude={"logo"})
        school["logo_bytes"] = len(details.logo)
        print_json({**shown, "school": school})
        return 0
    print_school(details)
    print_line(_("LA endpoint"), shown["la_endpoint"] or _("not set"))
    print_line(_("LA token"), _(shown["la_token"] or N_("not set")))
    receipts = shown["la_receipt_key_id"] or _("not set (receipts unchecked)")
    print_line(_("LA receipt key"), receipts)
    encryption = shown["la_encryption_key_id"] or _("not set (packs unencrypted)")
    print_line(_("LA encryption key"), encryption)
    print_line(_("School signing key"), shown["school_key_id"] or _("made with the first pack"))
    return 0


def cmd_pack_build(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        built = store.run(
            build_placement_pack,
            args.placement,
            args.kind,
            created_at=utcnow(),
            encrypt=False if args.no_encrypt else None,
            queue=args.queue,
        ).value
    print(
        _("Built {kind} pack {pack} (sha256 {sha256})").format(
            kind=_(built.kind.label), pack=built.pack_id, sha256=built.sha256
        )
    )
    if args.queue:
        print(_("Queued in the outbox: `apdesk sync` sends it"))
    if args.out or not args.queue:
        target = output_path(args.out or f"{built.pack_id}{SUFFIX}", f"pack{SUFFIX}")
        save_output(target, built.zip_bytes)
        print(_("Saved to {target}").format(target=target))
    return 0


def cmd_pack_public_key(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        key = store.run(school_public_key).value  # the key pair is made on first use
    save_output(output_path(args.out, "school.pem"), key.pem)
    print(_("School public key {key} written to {out}").format(key=key.key_id, out=args.out))
    return 0


def _print_report(report: sender.DrainReport) -> None:
    for o in report.of(sender.DELIVERED):
        received = format_iso_text(str(o.receipt.get("received_at", ""))) if o.receipt else ""
        print(
            ngettext(
                "Sent {pack}: receipt {receipt} after {n} attempt",
                "Sent {pack}: receipt {receipt} after {n} attempts",
                o.attempts,
            ).format(pack=o.pack_id, receipt=received, n=o.attempts)
        )
    for o in report.of(sender.ATTENTION):
        print(_("Needs attention {pack}: {message}").format(pack=o.pack_id, message=o.message))
    waiting = report.of(sender.WAITING)
    if waiting:
        print(
            ngettext("Waiting: {n} pack: {why}", "Waiting: {n} packs: {why}", len(waiting)).format(
                n=format_number(len(waiting)), why=report.unreachable or waiting[0].message
            )
        )
    if not report.outcomes:
        print(_("Nothing to send"))


def cmd_sync(args: argparse.Namespace) -> int:
    """Exit 0 when everything is delivered, 3 while packs wait for the LA, 4 while any pack
    needs a person's attention (refused by the LA, or unreadable)."""
    with opened_store(args) as store:
        while True:
            report = sender.drain(store)
            _print_report(report)
            if args.once or report.exit_code == 0:
                break
            time.sleep(args.interval)
        attention = store.read(outbox.attention_count)
    if attention:
        print(
            "apdesk: "
            + ngettext(
                "{n} pack needs attention: see `apdesk outbox` for what to fix",
                "{n} packs need attention: see `apdesk outbox` for what to fix",
                attention,
            ).format(n=format_number(attention)),
            file=sys.stderr,
        )
        return 4
    return report.exit_code


def cmd_outbox(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        rows = store.read(outbox.list_outbox)
    if args.json:
        print_json([row.as_json() for row in rows])
        return 0
    if not rows:
        print(_("The outbox is empty"))
    for row in rows:
        when = format_date_time(row.created_at, seconds=False)
        line = f"{when}  {_(row.status_label):<16} {_(row.kind_label):<18} {row.pack_id}"
        problem = outbox.waiting_text(row.waiting) or row.last_error
        print(line + (f"  {problem}" if problem else ""))
    return 0
