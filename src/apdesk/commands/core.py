"""Store commands: init, info, demo-data, audit verify."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlmodel import Session, select

from apdesk.commands.common import (
    MAX_SHOWN,
    PASSPHRASE_ENV,
    UserError,
    add_store_option,
    open_store,
    opened_store,
    output_path,
    print_aligned,
    print_json,
    read_passphrase,
    save_output,
    store_folder,
)
from apdesk.commands.school import add_school_flags, check_details, school_changes
from apdesk.i18n import _, format_number, ngettext
from apdesk.models import OutboxItem
from apdesk.services import demo
from apdesk.services.audit_log import chain_words
from apdesk.services.info import COUNT_LABELS, store_info
from apdesk.services.operations.settings import save_school_details
from apdesk.services.school import SchoolDetails
from apdesk.store import Store
from apdesk.store.audit import verify_chain
from apdesk.sync import connection
from apdesk.sync.util import load_public_keys
from apdesk.sync.witness import check_against


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("init", help=_("create a new encrypted store"))
    add_store_option(p)
    p.add_argument("--school-name", default="")
    p.add_argument("--urn", default="", help=_("the school's 6-digit URN"))
    p.add_argument("--la-code", default="", help=_("the 3-digit LA code"))
    p.add_argument("--estab", default="", help=_("the 4-digit establishment number"))
    add_school_flags(p)
    p.add_argument(
        "--no-keyring", action="store_true", help=_("do not keep a key in the OS keyring")
    )
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("info", help=_("cipher, schema version and record counts"))
    add_store_option(p)
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_info)

    p = sub.add_parser(
        "demo-data", help=_("fill a store with a synthetic school (made if missing)")
    )
    add_store_option(p)
    p.add_argument("--pupils", type=int, default=200, help=_("how many pupils (default 200)"))
    p.add_argument(
        "--seed", type=int, default=7, help=_("the random seed (same seed, same school)")
    )
    p.set_defaults(func=cmd_demo_data)

    p = sub.add_parser("audit", help=_("the audit log"))
    audit_sub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    v = audit_sub.add_parser("verify", help=_("check the audit log's hash chain"))
    v.add_argument(
        "--against",
        metavar="RECEIPTS",
        help=_(
            "a JSON file of the LA's signed receipts (`apdesk inbox receipts`, or "
            "`apdesk audit receipts`): finds a chain shortened or rewritten since they were signed"
        ),
    )
    v.add_argument(
        "--la-key",
        metavar="PEM",
        help=_(
            "the LA's public keys, to check the receipts' signatures (default: the ones set "
            "with `apdesk config set la-public-key`)"
        ),
    )
    add_store_option(v)
    v.set_defaults(func=cmd_audit_verify)
    r = audit_sub.add_parser(
        "receipts", help=_("save the LA's signed receipts held in the outbox, to keep elsewhere")
    )
    r.add_argument("--out", required=True, metavar="FILE")
    add_store_option(r)
    r.set_defaults(func=cmd_audit_receipts)


def cmd_init(args: argparse.Namespace) -> int:
    if getattr(args, "demo", False):
        raise UserError(_("init: the demo store is made by itself: run `apdesk --demo info`"))
    folder = store_folder(args)
    details = SchoolDetails(
        name=args.school_name, urn=args.urn, la_code=args.la_code, estab=args.estab
    ).model_copy(update=school_changes(args))
    check_details(details)
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase is None:
        passphrase = read_passphrase(_("New passphrase: "))
        if passphrase is None:
            raise UserError(
                _("set {variable} or run from a terminal to choose a passphrase").format(
                    variable=PASSPHRASE_ENV
                )
            )
        if sys.stdin.isatty() and read_passphrase(_("Repeat the passphrase: ")) != passphrase:
            raise UserError(_("the two passphrases differ: nothing was created"))
    store, recovery = Store.create(folder, passphrase, use_keyring=not args.no_keyring)
    try:
        store.run(save_school_details, details)
    finally:
        store.lock()
    print(_("Created an encrypted store in {folder}").format(folder=folder))
    print()
    print(_("Recovery key (shown once: print it or write it down, and lock it away):"))
    print(f"    {recovery}")
    print()
    print(_("It opens the store if the passphrase is forgotten."))
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        info = store_info(store)
    if args.json:
        print_json(info)
    else:
        lines = [
            (_("Store:"), info["store"]),
            (_("SQLCipher:"), info["cipher_version"]),
            (_("Schema version:"), info["schema_version"]),
        ]
        for name, count in info["counts"].items():
            label = COUNT_LABELS.get(name)
            lines.append((_(label) if label else name.replace("_", " ") + ":", count))
        print_aligned(lines)
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    if args.pupils < 1 or args.pupils > 100_000:
        raise UserError(
            _("--pupils must be between 1 and {most}").format(most=format_number(100_000))
        )
    folder = store_folder(args)
    if Store.exists(folder):
        store = open_store(args)
    else:
        passphrase = os.environ.get(PASSPHRASE_ENV, demo.DEMO_PASSPHRASE)
        store, _recovery = Store.create(folder, passphrase, use_keyring=False)
        if passphrase == demo.DEMO_PASSPHRASE:
            print(
                _("Created a demo store in {folder} (passphrase: {passphrase})").format(
                    folder=folder, passphrase=demo.DEMO_PASSPHRASE
                )
            )
    try:
        summary = demo.populate(store, pupils=args.pupils, seed=args.seed)
    finally:
        store.lock()
    print(", ".join(_made(name, count) for name, count in summary.items()))
    return 0


# What the demo made, counted in the reader's language (keys of demo.populate's summary).
MADE: dict[str, Callable[[int], str]] = {
    "pupils": lambda n: ngettext("{n} pupil", "{n} pupils", n),
    "providers": lambda n: ngettext("{n} provider", "{n} providers", n),
    "placements": lambda n: ngettext("{n} placement", "{n} placements", n),
    "closures": lambda n: ngettext("{n} closure", "{n} closures", n),
    "attendance marks": lambda n: ngettext("{n} attendance mark", "{n} attendance marks", n),
    "plans": lambda n: ngettext("{n} plan", "{n} plans", n),
    "reviews": lambda n: ngettext("{n} review", "{n} reviews", n),
    "timetable versions": lambda n: ngettext("{n} timetable version", "{n} timetable versions", n),
    "packs queued": lambda n: ngettext("{n} pack queued", "{n} packs queued", n),
}


def _made(name: str, count: int) -> str:
    words = MADE.get(name)
    return (
        words(count).format(n=format_number(count)) if words else f"{format_number(count)} {name}"
    )


def _load_receipts(path_text: str) -> list[Any]:
    path = Path(path_text).expanduser()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UserError(
            _("--against: {path} cannot be read ({problem})").format(
                path=path, problem=exc.strerror
            )
        ) from None
    except (UnicodeDecodeError, ValueError):
        raise UserError(
            _("--against: {path} is not a JSON file of receipts").format(path=path)
        ) from None
    if not isinstance(data, list):
        raise UserError(_("--against: {path} holds no list of receipts").format(path=path))
    return data


def _la_key(path_text: str | None, store: Store) -> Ed25519PublicKey | None:
    if path_text is None:
        return store.read(connection.la_public_keys)[0]
    path = Path(path_text).expanduser()
    try:
        found = load_public_keys(path.read_bytes())[0]
    except (OSError, ValueError):
        found = None
    if found is None:
        raise UserError(
            _("--la-key: {path} holds no Ed25519 public key of the LA").format(path=path)
        )
    return found


def cmd_audit_verify(args: argparse.Namespace) -> int:
    receipts = _load_receipts(args.against) if args.against else None
    with opened_store(args) as store:
        report = store.read(verify_chain)
        print(chain_words(report))
        if receipts is None:
            return 0 if report.ok else 1
        la_key = _la_key(args.la_key, store)
        witness = store.read(check_against, receipts, la_key)
    for problem in witness.problems[:MAX_SHOWN]:
        print(_("Witness: {problem}").format(problem=problem))
    if len(witness.problems) > MAX_SHOWN:
        print(
            _("Witness: ... and {n} more").format(
                n=format_number(len(witness.problems) - MAX_SHOWN)
            )
        )
    checked = _("signatures checked") if witness.signatures_checked else _("signatures NOT checked")
    verdict = _("the chain matches them") if witness.ok else _("the chain does NOT match them")
    heads = ngettext(
        "Witness: {n} witnessed audit head ({checked}): {verdict}",
        "Witness: {n} witnessed audit heads ({checked}): {verdict}",
        witness.receipts,
    )
    print(heads.format(n=format_number(witness.receipts), checked=checked, verdict=verdict))
    return 0 if report.ok and witness.ok else 1


def _receipts(session: Session) -> list[Any]:
    """Every receipt the LA gave, as it gave it (each witnesses an audit head)."""
    return [json.loads(row.receipt) for row in session.exec(select(OutboxItem)) if row.receipt]


def cmd_audit_receipts(args: argparse.Namespace) -> int:
    out = output_path(args.out, "receipts.json")
    with opened_store(args) as store:
        receipts = store.read(_receipts)
    save_output(out, json.dumps(receipts, indent=2) + "\n")
    print(
        ngettext(
            "{n} receipt written to {out}", "{n} receipts written to {out}", len(receipts)
        ).format(n=format_number(len(receipts)), out=out)
    )
    return 0
