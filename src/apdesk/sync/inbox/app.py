"""The inbox's HTTP face.

    POST /v1/packs          a school's pack (the school's bearer token)
    GET  /v1/keys(.pem)     the LA's public keys (anyone: schools need them)
    GET  /                  the list of packs received, as HTML      } the LA's admin token,
    GET  /v1/packs          the same as JSON                          } as a bearer token or
    GET  /v1/receipts?urn=  one school's signed receipts (its witness) } a Basic password

Nothing but the public keys answers without a token: the list names schools and pupils' packs.
"""

from __future__ import annotations

import base64
import hmac
import html
import io
from collections import defaultdict
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import OperationalError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from apdesk.sync.inbox.db import list_packs, open_db, receipts_of, schools
from apdesk.sync.inbox.la_keys import LaKeys, la_keys_for
from apdesk.sync.inbox.receive import receive
from apdesk.sync.inbox_refusals import TOO_LARGE, refusal

MAX_BYTES = 16 * 1024 * 1024  # a pack is a notification and a PDF: well under a megabyte
REALM = 'Basic realm="LA inbox", charset="UTF-8"'

Handler = Callable[[Request], Awaitable[Response]]


class TooLarge(Exception):
    pass


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge
    body = io.BytesIO()  # getvalue() hands over its buffer: no second copy
    async for chunk in request.stream():
        if body.tell() + len(chunk) > limit:
            raise TooLarge
        body.write(chunk)
    return body.getvalue()


def _presented_token(request: Request) -> str:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer":
        return value.strip()
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            return ""
        return decoded.partition(":")[2]
    return ""


def _admin_only(admin_token: str, handler: Handler) -> Handler:
    expected = admin_token.encode()

    async def guarded(request: Request) -> Response:
        if not hmac.compare_digest(_presented_token(request).encode(), expected):
            return JSONResponse(
                {"error": "this page needs the LA's admin token"},
                401,
                headers={"WWW-Authenticate": REALM},
            )
        return await handler(request)

    return guarded


def _page(engine: Engine, rows: list[dict[str, Any]]) -> str:
    with engine.connect() as conn:
        found = conn.execute(select(schools.c.urn, schools.c.name)).all()
        names = {str(urn): str(name) for urn, name in found}
    by_school: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_school[row["school_urn"]].append(row)
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<title>LA inbox</title></head><body><h1>Packs received</h1>",
    ]
    if not by_school:
        parts.append("<p>No packs have arrived yet.</p>")
    for urn in sorted(names):
        received = by_school.get(urn, [])
        title = html.escape(f"{names[urn] or 'School'} (URN {urn}): {len(received)} packs")
        parts.append(f"<h2>{title}</h2>")
        if not received:
            continue
        parts.append(
            "<table><tr><th>Received</th><th>Kind</th><th>Pack id</th>"
            "<th>Manifest SHA-256</th><th>Bytes</th><th>Encrypted</th><th>Audit chain</th></tr>"
        )
        for row in received:
            audit = row["audit_finding"] or (
                f"{row['audit_count']} rows" if row["audit_count"] is not None else ""
            )
            cells = (
                row["received_at"],
                row["kind"],
                row["pack_id"],
                (row["manifest_sha256"] or "")[:16],
                row["size"],
                "yes" if row["encrypted"] else "no",
                audit,
            )
            parts.append(
                "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


def create_app(
    db_url: str, *, inbox_key: bytes, admin_token: str, max_bytes: int = MAX_BYTES
) -> Starlette:
    """The inbox app over its database; the LA key pairs are made on first start."""
    if len(admin_token) < 16:
        raise ValueError("the admin token must be at least 16 characters")
    engine = open_db(db_url)
    keys: LaKeys = la_keys_for(engine, inbox_key)

    async def post_pack(request: Request) -> Response:
        try:
            body = await _body(request, max_bytes)
        except TooLarge:
            limit = {"limit": max(1, max_bytes // (1024 * 1024))}
            said = f"packs are limited to {max_bytes} bytes"
            return JSONResponse(refusal(said, TOO_LARGE, params=limit), 413)
        try:
            answer = await run_in_threadpool(
                receive,
                engine,
                keys,
                request.headers.get("authorization", ""),
                request.headers.get("idempotency-key", ""),
                body,
            )
        except OperationalError:
            return JSONResponse(
                {"error": "the inbox's database is not available: try again later"},
                503,
                headers={"Retry-After": "60"},
            )
        return JSONResponse(answer.body, answer.status)

    async def get_keys(request: Request) -> Response:
        return JSONResponse(keys.published())

    async def get_keys_pem(request: Request) -> Response:
        return Response(keys.pem_bundle(), media_type="application/x-pem-file")

    async def index(request: Request) -> Response:
        rows = await run_in_threadpool(list_packs, engine)
        page = await run_in_threadpool(_page, engine, rows)
        return HTMLResponse(page)

    async def pack_list(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(list_packs, engine))

    async def receipts(request: Request) -> Response:
        urn = request.query_params.get("urn", "")
        if not (urn.isdigit() and len(urn) == 6):
            return JSONResponse({"error": "give the school's URN: ?urn=123456"}, 400)
        return JSONResponse(await run_in_threadpool(receipts_of, engine, urn))

    app = Starlette(
        routes=[
            Route("/", _admin_only(admin_token, index), methods=["GET"]),
            Route("/v1/packs", post_pack, methods=["POST"]),
            Route("/v1/packs", _admin_only(admin_token, pack_list), methods=["GET"]),
            Route("/v1/receipts", _admin_only(admin_token, receipts), methods=["GET"]),
            Route("/v1/keys", get_keys, methods=["GET"]),
            Route("/v1/keys.pem", get_keys_pem, methods=["GET"]),
        ]
    )
    app.state.engine = engine
    app.state.keys = keys
    return app
