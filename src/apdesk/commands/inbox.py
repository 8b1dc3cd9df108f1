"""The reference LA inbox: make its key, serve it, register schools, list what arrived.

Secrets never go on the command line (where `ps` and shell history see them): the inbox key,
the LA's admin token and each school's token are read from a file, standard input ('-') or an
environment variable.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from apdesk.commands.common import UserError, output_path, print_json
from apdesk.i18n import _, format_number, ngettext

DEFAULT_DB = "apdesk-inbox.db"
ADMIN_TOKEN_ENV = "APDESK_INBOX_ADMIN_TOKEN"
SCHOOL_TOKEN_ENV = "APDESK_INBOX_SCHOOL_TOKEN"
MIN_TOKEN = 16
MAX_BYTES = 16 * 1024 * 1024  # as apdesk.sync.inbox.app (not imported here: it loads starlette)


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a port: give a number from 1 to 65535").format(text=text)
        )
    return int(text)


def _size(text: str) -> int:
    if not text.isdigit() or not 1024 <= int(text) <= 1024**3:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a size: give a number of bytes from 1024 to 1073741824").format(
                text=text
            )
        )
    return int(text)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("inbox", help=_("the reference LA inbox server"))
    inbox_sub = p.add_subparsers(dest="inbox_command", metavar="ACTION", required=True)
    k = inbox_sub.add_parser(
        "new-key", help=_("make the inbox key that seals the LA's private keys")
    )
    k.add_argument("--out", required=True, metavar="FILE", help=_("the key file to write (0600)"))
    k.set_defaults(func=cmd_new_key)

    s = inbox_sub.add_parser("serve", help=_("run the inbox"))
    s.add_argument("--db", default=DEFAULT_DB, help=_("a SQLite file or postgresql://... URL"))
    s.add_argument(
        "--host", default="127.0.0.1", help=_("the address to listen on (default: 127.0.0.1)")
    )
    s.add_argument("--port", type=_port, default=8765, help=_("the port (default: 8765)"))
    s.add_argument("--max-bytes", type=_size, default=MAX_BYTES, help=_("largest pack taken"))
    s.add_argument(
        "--key-file", metavar="FILE", help=_("the inbox key (default: APDESK_INBOX_KEY)")
    )
    s.add_argument(
        "--admin-token-file",
        metavar="FILE",
        help=_(
            "the LA's admin token for the list pages ('-': standard input; default: {variable})"
        ).format(variable=ADMIN_TOKEN_ENV),
    )
    s.set_defaults(func=cmd_serve)

    r = inbox_sub.add_parser("register-school", help=_("register a school's key and token"))
    r.add_argument("--db", default=DEFAULT_DB)
    r.add_argument("--urn", required=True)
    r.add_argument("--pem", required=True, metavar="FILE", help=_("the school's public key"))
    r.add_argument(
        "--token-file",
        metavar="FILE",
        help=_(
            "the bearer token the school will send ('-': standard input; default: {variable})"
        ).format(variable=SCHOOL_TOKEN_ENV),
    )
    r.add_argument("--name", default="", help=_("the school's name, for the list page"))
    r.set_defaults(func=cmd_register)

    ls = inbox_sub.add_parser(
        "list", help=_("list packs received, with what their audit heads show")
    )
    ls.add_argument("--db", default=DEFAULT_DB)
    ls.add_argument("--json", action="store_true", help=_("print JSON"))
    ls.set_defaults(func=cmd_list)

    rc = inbox_sub.add_parser("receipts", help=_("a school's signed receipts, for audit verify"))
    rc.add_argument("--db", default=DEFAULT_DB)
    rc.add_argument("--urn", required=True)
    rc.add_argument("--out", metavar="FILE", help=_("write to FILE (default: standard output)"))
    rc.set_defaults(func=cmd_receipts)


def read_secret(option: str, value: str | None, env: str) -> str:
    """A token from a file, standard input ('-') or the environment; one line if none works."""
    from apdesk.sync.inbox.la_keys import unreadable

    if value == "-":
        text = sys.stdin.readline()
    elif value:
        try:
            text = Path(value).expanduser().read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(
                _("{option}: {value} cannot be read ({problem})").format(
                    option=option, value=value, problem=unreadable(exc)
                )
            ) from None
    else:
        text = os.environ.get(env, "")
        if not text.strip():
            raise UserError(
                _("give {option} FILE ('-' for standard input) or set {env}").format(
                    option=option, env=env
                )
            )
    token = text.strip()
    if len(token) < MIN_TOKEN or any(ch.isspace() for ch in token):
        raise UserError(
            _("{option}: the token must be one word of at least {n} characters").format(
                option=option, n=MIN_TOKEN
            )
        )
    return token


def cmd_new_key(args: argparse.Namespace) -> int:
    from apdesk.sync.inbox.la_keys import KEY_ENV, new_key_file

    path = new_key_file(output_path(args.out, "inbox.key"))
    print(
        _("Inbox key written to {path}: keep it safe, beside no copy of the database").format(
            path=path
        )
    )
    print(
        _("Start the inbox with --key-file {path} (or put its content in {env})").format(
            path=path, env=KEY_ENV
        )
    )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from apdesk.sync.inbox.la_keys import read_inbox_key

    admin = read_secret("--admin-token-file", args.admin_token_file, ADMIN_TOKEN_ENV)
    inbox_key = read_inbox_key(args.key_file)

    import socket

    import uvicorn

    from apdesk.sync.inbox.app import create_app

    app = create_app(args.db, inbox_key=inbox_key, admin_token=admin, max_bytes=args.max_bytes)
    try:
        sock = socket.create_server((args.host, args.port))
    except OSError as exc:
        raise UserError(
            _("cannot listen on {host}:{port} ({problem})").format(
                host=args.host, port=args.port, problem=exc.strerror
            )
        ) from None
    print(
        _("LA inbox on http://{host}:{port}/ (keys at /v1/keys.pem)").format(
            host=args.host, port=args.port
        ),
        flush=True,
    )
    config = uvicorn.Config(app, log_level="warning")
    uvicorn.Server(config).run(sockets=[sock])
    return 0


def cmd_register(args: argparse.Namespace) -> int:
    from apdesk.sync.inbox.db import open_db, register_school

    token = read_secret("--token-file", args.token_file, SCHOOL_TOKEN_ENV)
    pem = Path(args.pem)
    if not pem.is_file():
        raise UserError("--pem: " + _("{path} is not a file").format(path=pem))
    engine = open_db(args.db)
    try:
        kid = register_school(engine, args.urn, pem.read_bytes(), token, args.name)
    finally:
        engine.dispose()
    print(_("Registered school {urn} with key {key}").format(urn=args.urn, key=kid))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from apdesk.sync.inbox.db import list_packs, open_db

    engine = open_db(args.db)
    try:
        rows = list_packs(engine)
    finally:
        engine.dispose()
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        audit = row["audit_finding"] or ""
        print(
            f"{row['received_at']}  {row['school_urn']}  {row['kind']:<18} {row['pack_id']}"
            + (f"  AUDIT {audit}" if audit else "")
        )
    print(ngettext("{n} pack", "{n} packs", len(rows)).format(n=format_number(len(rows))))
    flagged = [row for row in rows if row["audit_finding"]]
    if flagged:
        print(
            ngettext(
                "{n} pack shows an audit chain shortened or rewritten",
                "{n} packs show an audit chain shortened or rewritten",
                len(flagged),
            ).format(n=format_number(len(flagged))),
            file=sys.stderr,
        )
        return 1
    return 0


def cmd_receipts(args: argparse.Namespace) -> int:
    import json

    from apdesk.commands.common import save_output
    from apdesk.sync.inbox.db import open_db, receipts_of

    if not (args.urn.isdigit() and len(args.urn) == 6):
        raise UserError("--urn: " + _("'{urn}' is not a URN (6 digits)").format(urn=args.urn[:20]))
    engine = open_db(args.db)
    try:
        receipts = receipts_of(engine, args.urn)
    finally:
        engine.dispose()
    text = json.dumps(receipts, indent=2) + "\n"
    if args.out:
        save_output(output_path(args.out, "receipts.json"), text)
        print(
            ngettext(
                "{n} receipt written to {out}", "{n} receipts written to {out}", len(receipts)
            ).format(n=format_number(len(receipts)), out=args.out),
            file=sys.stderr,
        )
    else:
        sys.stdout.write(text)
    return 0
