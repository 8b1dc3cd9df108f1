"""`apdesk hub serve`: the school hub that relays sealed changes between laptops."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from apdesk.i18n import _

DEFAULT_DB = "apdesk-hub.db"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("hub", help=_("the school hub (relays sealed changes between laptops)"))
    hub_sub = p.add_subparsers(dest="hub_command", metavar="ACTION", required=True)
    s = hub_sub.add_parser("serve", help=_("run the hub"))
    s.add_argument("--db", default=DEFAULT_DB, help=_("SQLite file or SQLAlchemy URL (PostgreSQL)"))
    s.add_argument(
        "--host", default="127.0.0.1", help=_("the address to listen on (default: 127.0.0.1)")
    )
    s.add_argument("--port", type=int, default=8766, help=_("the port (default: 8766)"))
    s.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from apdesk.share.hub.app import create_app

    if "://" not in args.db:
        path = Path(args.db)
        existed = path.exists()
        app = create_app(args.db)
        if not existed:
            os.chmod(path, 0o600)
    else:
        app = create_app(args.db)
    print(
        _("School hub on http://{host}:{port}/ (database: {db})").format(
            host=args.host, port=args.port, db=_shown(args.db)
        ),
        flush=True,
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _shown(db: str) -> str:
    """The database without any password in its URL."""
    if "://" in db and "@" in db:
        scheme, _sep, rest = db.partition("://")
        return f"{scheme}://…@{rest.rpartition('@')[2]}"
    return db
