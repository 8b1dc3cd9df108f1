"""`apdesk share ...`: share the record with the school's other laptops through a hub.

Exit status: 0 done (for sync: in step), 2 a mistake to fix, 3 the hub cannot be reached,
4 changes held by the schema gate (a laptop must update apdesk), 5 this laptop was revoked.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
import time
from pathlib import Path

from apdesk.commands.common import (
    PASSPHRASE_ENV,
    UserError,
    add_store_option,
    opened_store,
    print_aligned,
    print_json,
    read_passphrase,
    store_folder,
)
from apdesk.i18n import N_, _, format_number, ngettext

OFFLINE = 3


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("share", help=_("share the record with the school's other laptops"))
    share = p.add_subparsers(dest="share_command", metavar="ACTION", required=True)

    s = share.add_parser("start", help=_("register with a hub; print a code for another laptop"))
    add_store_option(s)
    s.add_argument("--hub", required=True, metavar="URL", help=_("the school hub's address"))
    s.add_argument("--name", default="", help=_("this laptop's name (default: its host name)"))
    s.set_defaults(func=cmd_start)

    j = share.add_parser("join", help=_("make a new store that shares a school's record"))
    add_store_option(j)
    j.add_argument("--hub", required=True, metavar="URL")
    j.add_argument("--code", required=True, help=_("the enrolment code shown on a sharing laptop"))
    j.add_argument("--name", default="", help=_("this laptop's name (default: its host name)"))
    j.add_argument(
        "--no-keyring", action="store_true", help=_("do not keep the key in the keyring")
    )
    j.set_defaults(func=cmd_join)

    y = share.add_parser("sync", help=_("send and fetch changes (keeps going unless --once)"))
    add_store_option(y)
    y.add_argument("--once", action="store_true", help=_("one round, then exit with its status"))
    y.add_argument("--interval", type=float, default=60.0, metavar="SECONDS")
    y.set_defaults(func=cmd_sync)

    for name, fn, text in (
        ("status", cmd_status, N_("whether this laptop is in step")),
        ("devices", cmd_devices, N_("the laptops that share the record")),
    ):
        c = share.add_parser(name, help=_(text))
        add_store_option(c)
        c.add_argument("--json", action="store_true", help=_("print JSON"))
        c.set_defaults(func=fn)

    c = share.add_parser("conflicts", help=_("list conflicts, or settle one with --resolve"))
    add_store_option(c)
    c.add_argument("--json", action="store_true", help=_("print JSON"))
    c.add_argument("--resolve", metavar="ID", help=_("the conflict to settle (from the list)"))
    c.add_argument(
        "--choose", metavar="CHOICE",
        help=_("a text's version number, or keep / delete / checked / dismiss"),
    )  # fmt: skip
    c.add_argument("--merged-file", type=Path, metavar="FILE", help=_("an edited merge of a text"))
    c.set_defaults(func=cmd_conflicts)

    r = share.add_parser("revoke", help=_("shut a lost laptop out and change the sharing key"))
    add_store_option(r)
    r.add_argument("device", metavar="DEVICE", help=_("its name or id (see `share devices`)"))
    r.set_defaults(func=cmd_revoke)


def _name(args: argparse.Namespace) -> str:
    return str(args.name or socket.gethostname() or "laptop")[:60]


def cmd_start(args: argparse.Namespace) -> int:
    from apdesk.share.client import HubRefused, HubUnreachable
    from apdesk.share.enrol import start

    with opened_store(args) as store:
        try:
            started = start(store, args.hub, _name(args))
        except HubUnreachable as exc:
            print(f"apdesk: {exc}", file=sys.stderr)
            return OFFLINE
        except HubRefused as exc:
            raise UserError(_("the hub refused: {reason}").format(reason=exc)) from None
    if not started.already_sharing:
        print(_("This store now shares its record through {hub}.").format(hub=args.hub))
    print(_("Enrolment code for another laptop (once only, for 24 hours):"))
    print()
    print(f"    {started.enrolment.code}")
    print()
    print(
        _("On it: apdesk share join --store FOLDER --hub {hub} --code CODE").format(
            hub=started.enrolment.hub
        )
    )
    return 0


def _new_passphrase() -> str:
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase is None:
        passphrase = read_passphrase(_("New passphrase for this laptop's store: "))
        if passphrase is None:
            raise UserError(
                _("set {env} or run from a terminal to choose a passphrase").format(
                    env=PASSPHRASE_ENV
                )
            )
        if sys.stdin.isatty() and read_passphrase(_("Repeat the passphrase: ")) != passphrase:
            raise UserError(_("the two passphrases differ: nothing was created"))
    return passphrase


def cmd_join(args: argparse.Namespace) -> int:
    from apdesk.share.client import HubRefused, HubUnreachable
    from apdesk.share.enrol import join
    from apdesk.store import Store

    folder = store_folder(args)
    if Store.exists(folder):
        raise UserError(
            "--store: "
            + _("{folder} already holds a store; join makes a new one").format(folder=folder)
        )
    passphrase = _new_passphrase()
    try:
        joined = join(
            folder, args.hub, args.code, passphrase, _name(args), use_keyring=not args.no_keyring
        )
    except HubUnreachable as exc:
        print(f"apdesk: {exc}", file=sys.stderr)
        return OFFLINE
    except HubRefused as exc:
        raise UserError(_("the hub refused: {reason}").format(reason=exc)) from None
    print(
        ngettext(
            "Joined: {n} record in {folder}, shared through {hub}.",
            "Joined: {n} records in {folder}, shared through {hub}.",
            joined.rows,
        ).format(n=format_number(joined.rows), folder=folder, hub=args.hub)
    )
    print()
    print(_("Recovery key (shown once: print it or write it down, and lock it away):"))
    print(f"    {joined.recovery_key}")
    print()
    print(_("It opens this laptop's store if its passphrase is forgotten."))
    return joined.report.exit_code


def cmd_sync(args: argparse.Namespace) -> int:
    from apdesk.share.engine import state_words, sync_once

    with opened_store(args) as store:
        while True:
            report = sync_once(store)
            line = _("{state}; sent {pushed}, merged {pulled}").format(
                state=state_words(report.state),
                pushed=format_number(report.pushed),
                pulled=format_number(report.pulled),
            )
            if report.conflicts:
                line += ", " + _("new conflicts: {n}").format(n=format_number(report.conflicts))
            if report.message:
                line += f" ({report.message})"
            print(line, flush=True)
            if args.once:
                return report.exit_code
            time.sleep(max(1.0, args.interval))


def cmd_status(args: argparse.Namespace) -> int:
    from apdesk.share.conflict_words import when_text
    from apdesk.share.engine import state_words
    from apdesk.share.views import status

    with opened_store(args) as store:
        found = store.read(status)
    if args.json:
        print_json(found.as_json())
        return 0
    if not found.sharing:
        print(_("Not sharing: `apdesk share start --hub URL` shares this store's record."))
        return 0
    lines: list[tuple[str, object]] = [
        (_("Laptop:"), f"{found.name} ({found.device})"),
        (_("Hub:"), found.hub),
        (
            _("Last sync:"),
            _("{when} ({state})").format(
                when=when_text(found.last_sync),
                state=state_words(found.last_state) if found.last_state else _("not yet"),
            )
            if found.last_sync
            else _("never"),
        ),
        (
            _("Pending:"),
            ngettext("{n} change not yet sent", "{n} changes not yet sent", found.pending).format(
                n=found.pending
            ),
        ),
        (_("Conflicts:"), found.conflicts),
        (_("Laptops:"), found.devices),
    ]
    if found.must_update:
        lines.append(
            (
                _("Held:"),
                _("update apdesk on {laptops}").format(laptops=", ".join(found.must_update)),
            )
        )
    elif found.last_message:
        lines.append((_("Note:"), found.last_message))
    print_aligned(lines)
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    from apdesk.share.conflict_words import when_text
    from apdesk.share.views import devices

    with opened_store(args) as store:
        rows = store.read(devices)
    if args.json:
        print_json([row.__dict__ for row in rows])
        return 0
    for row in rows:
        seen = _("last seen {when}").format(when=when_text(row.last_seen))
        state = _("revoked") if row.revoked else seen if row.last_seen else _("never seen")
        mark = "*" if row.this else " "
        schema = _("schema {version}").format(version=row.schema or "?")
        print(f"{mark} {row.id}  {row.name:<24} {schema:<15} {state}")
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from apdesk.share.conflict_words import conflict_lines
    from apdesk.share.resolve import MERGED, resolve_conflict
    from apdesk.share.views import conflicts

    with opened_store(args) as store:
        if args.resolve:
            merged = None
            choice = args.choose
            if args.merged_file is not None:
                merged = args.merged_file.read_text(encoding="utf-8")
                choice = MERGED
            if not choice:
                raise UserError(_("--resolve needs --choose CHOICE or --merged-file FILE"))
            print(store.run(resolve_conflict, args.resolve, choice, merged).value)
            return 0
        rows = store.read(conflicts)
    if args.json:
        print_json([row.as_json() for row in rows])
        return 0
    for row in rows:
        for line in conflict_lines(row):
            print(line)
    print(ngettext("{n} conflict", "{n} conflicts", len(rows)).format(n=format_number(len(rows))))
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    from apdesk.share.client import HubRefused, HubUnreachable
    from apdesk.share.enrol import revoke

    with opened_store(args) as store:
        try:
            epoch = revoke(store, args.device)
        except HubUnreachable as exc:
            print(f"apdesk: {exc}", file=sys.stderr)
            return OFFLINE
        except HubRefused as exc:
            raise UserError(_("the hub refused: {reason}").format(reason=exc)) from None
    print(
        _("Revoked {device}; the sharing key is now at epoch {epoch}.").format(
            device=args.device, epoch=epoch
        )
    )
    return 0
