"""The inbox's HTTP face: POST /v1/packs, GET /v1/keys(.pem), and an HTML list at /."""

from __future__ import annotations

import html
from collections import defaultdict
from typing import Any

from sqlalchemy import Engine, select
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from apdesk.sync.inbox.db import LaKeys, la_keys_for, list_packs, open_db, schools
from apdesk.sync.inbox.receive import receive

MAX_BYTES = 25 * 1024 * 1024


class TooLarge(Exception):
    pass


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLarge
        chunks.append(chunk)
    return b"".join(chunks)


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
            "<th>SHA-256</th><th>Bytes</th><th>Encrypted</th></tr>"
        )
        for row in received:
            cells = (
                row["received_at"],
                row["kind"],
                row["pack_id"],
                row["sha256"][:16],
                row["size"],
                "yes" if row["encrypted"] else "no",
            )
            parts.append(
                "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


def create_app(db_url: str, *, max_bytes: int = MAX_BYTES) -> Starlette:
    """The inbox app over its database; the LA key pairs are made on first start."""
    engine = open_db(db_url)
    keys: LaKeys = la_keys_for(engine)

    async def post_pack(request: Request) -> Response:
        try:
            body = await _body(request, max_bytes)
        except TooLarge:
            return JSONResponse({"error": f"packs are limited to {max_bytes} bytes"}, 413)
        answer = await run_in_threadpool(
            receive,
            engine,
            keys,
            request.headers.get("authorization", ""),
            request.headers.get("idempotency-key", ""),
            body,
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

    app = Starlette(
        routes=[
            Route("/", index, methods=["GET"]),
            Route("/v1/packs", post_pack, methods=["POST"]),
            Route("/v1/keys", get_keys, methods=["GET"]),
            Route("/v1/keys.pem", get_keys_pem, methods=["GET"]),
        ]
    )
    app.state.engine = engine
    app.state.keys = keys
    return app
