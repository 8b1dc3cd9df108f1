"""The reference LA inbox: serve it, register schools, list what arrived."""

from __future__ import annotations

import argparse
from pathlib import Path

from apdesk.commands.common import UserError, print_json

DEFAULT_DB = "apdesk-inbox.db"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("inbox", help="the reference LA inbox server")
    inbox_sub = p.add_subparsers(dest="inbox_command", metavar="ACTION", required=True)
    s = inbox_sub.add_parser("serve", help="run the inbox")
    s.add_argument("--db", default=DEFAULT_DB, help="SQLAlchemy URL or SQLite file")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8765)
    s.add_argument("--max-bytes", type=int, default=25 * 1024 * 1024, help="largest pack taken")
    s.set_defaults(func=cmd_serve)
    r = inbox_sub.add_parser("register-school", help="register a school's key and token")
    r.add_argument("--db", default=DEFAULT_DB)
    r.add_argument("--urn", required=True)
    r.add_argument("--pem", required=True, metavar="FILE", help="the school's public key")
    r.add_argument("--token", required=True, help="the bearer token the school will send")
    r.add_argument("--name", default="", help="the school's name, for the list page")
    r.set_defaults(func=cmd_register)
    ls = inbox_sub.add_parser("list", help="list packs received")
    ls.add_argument("--db", default=DEFAULT_DB)
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(func=cmd_list)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from apdesk.sync.inbox.app import create_app

    app = create_app(args.db, max_bytes=args.max_bytes)
    print(f"LA inbox on http://{args.host}:{args.port}/ (keys at /v1/keys.pem)", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def cmd_register(args: argparse.Namespace) -> int:
    from apdesk.sync.inbox.db import open_db, register_school

    pem = Path(args.pem)
    if not pem.is_file():
        raise UserError(f"--pem: {pem} is not a file")
    kid = register_school(open_db(args.db), args.urn, pem.read_bytes(), args.token, args.name)
    print(f"Registered school {args.urn} with key {kid}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from apdesk.sync.inbox.db import list_packs, open_db

    rows = list_packs(open_db(args.db))
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['received_at']}  {row['school_urn']}  {row['kind']:<18} {row['pack_id']}")
        print(f"{len(rows)} pack(s)")
    return 0
