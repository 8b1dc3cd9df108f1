"""The hub's HTTP face (Starlette; database work in the thread pool).

POST /v1/schools                                  register a school and its first laptop
POST /v1/schools/{school}/hello                   schema, progress -> devices, keys, head
POST /v1/schools/{school}/batches                 push sealed batches (idempotent by id)
GET  /v1/schools/{school}/batches?after=N&limit=M pull them in order
PUT  /v1/schools/{school}/snapshot                a sealed snapshot for laptops that join
GET  /v1/schools/{school}/snapshot
PUT  /v1/schools/{school}/snapshot/chunks/{snapshot}/{index}   a sealed part of a snapshot
GET  /v1/schools/{school}/snapshot/chunks/{snapshot}/{index}
POST /v1/schools/{school}/enrolments              a one-time code's sealed keyring
GET  /v1/enrolments/{lookup}                      (X-Verifier) the sealed keyring
POST /v1/enrolments/{lookup}                      use the code: enrol a laptop
POST /v1/schools/{school}/devices/{device}/revoke shut a laptop out, new key epoch
GET  /v1/health
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.exc import OperationalError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from apdesk.share import refusals
from apdesk.share.hub import keys, service
from apdesk.share.hub.db import HubDb, open_db
from apdesk.share.hub.service import Answer, error

MAX_BYTES = 512 * 1024 * 1024  # a large school's snapshot fits; anything bigger is refused
Handler = Callable[[Request], Awaitable[Response]]


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


def _respond(answer: Answer) -> Response:
    if answer.blob is not None:
        return Response(answer.blob, answer.status, answer.body, "application/octet-stream")
    return JSONResponse(answer.body, answer.status)


BUSY_RETRY_S = 2
CLIENT_GONE = 499  # no one reads it: the status a proxy logs for a request its client abandoned


async def _client_gone(_request: Request, _exc: Exception) -> Response:
    """A laptop closed the connection part way through sending (its sync was stopped, it
    slept, its network dropped): a normal event for a hub, not a fault to log. Nothing was
    written, and the laptop sends the whole request again next time."""
    return Response(status_code=CLIENT_GONE)


async def _database_busy(_request: Request, _exc: Exception) -> Response:
    """The database is locked by another write or out of reach (a PostgreSQL failover): 503
    with Retry-After, which laptops retry, rather than a 500 that reads like a fault."""
    return JSONResponse(
        {"error": "the hub's database is busy or out of reach: try again shortly"},
        503,
        headers={"Retry-After": str(BUSY_RETRY_S)},
    )


def create_app(db_url: str, *, max_bytes: int = MAX_BYTES) -> Starlette:
    db: HubDb = open_db(db_url)

    async def read_json(request: Request) -> dict[str, Any] | Answer:
        try:
            data = json.loads(await _body(request, max_bytes))
        except TooLarge:
            return error(413, refusals.TOO_LARGE, f"requests are limited to {max_bytes} bytes")
        except ValueError:
            return error(422, refusals.NOT_JSON, "the body is not JSON")
        if not isinstance(data, dict):
            return error(422, refusals.NOT_JSON, "expected an object")
        return data

    def device_call(
        work: Callable[..., Answer], *, json_body: bool = True, raw_body: bool = False
    ) -> Handler:
        async def handler(request: Request) -> Response:
            school = request.path_params["school"]
            device = await run_in_threadpool(
                service.authenticate, db, school, request.headers.get("authorization", "")
            )
            if isinstance(device, Answer):
                return _respond(device)
            args: list[Any] = [db, device]
            for name in ("device", "snapshot", "index"):
                if name in request.path_params:
                    args.append(request.path_params[name])
            if raw_body:
                try:
                    blob = await _body(request, max_bytes)
                except TooLarge:
                    return _respond(error(413, refusals.TOO_LARGE, "the snapshot is too large"))
                args += [blob] if "index" in request.path_params else [dict(request.headers), blob]
            elif json_body:
                body = await read_json(request)
                if isinstance(body, Answer):
                    return _respond(body)
                args.append(body)
            return _respond(await run_in_threadpool(work, *args))

        return handler

    async def register(request: Request) -> Response:
        body = await read_json(request)
        if isinstance(body, Answer):
            return _respond(body)
        return _respond(await run_in_threadpool(service.register_school, db, body))

    async def pull(request: Request) -> Response:
        device = await run_in_threadpool(
            service.authenticate,
            db,
            request.path_params["school"],
            request.headers.get("authorization", ""),
        )
        if isinstance(device, Answer):
            return _respond(device)
        try:
            after = int(request.query_params.get("after", "0"))
            limit = int(request.query_params.get("limit", str(service.PULL_LIMIT)))
        except ValueError:
            return _respond(error(422, refusals.INCOMPLETE, "after and limit are numbers"))
        return _respond(await run_in_threadpool(service.pull, db, device, after, limit))

    async def enrolment(request: Request) -> Response:
        lookup = request.path_params["lookup"]
        if request.method == "GET":
            verifier = request.headers.get("x-verifier", "")
            return _respond(await run_in_threadpool(keys.read_enrolment, db, lookup, verifier))
        body = await read_json(request)
        if isinstance(body, Answer):
            return _respond(body)
        return _respond(await run_in_threadpool(keys.use_enrolment, db, lookup, body))

    async def health(_request: Request) -> Response:
        return JSONResponse({"ok": True, **await run_in_threadpool(service.stats, db)})

    school = "/v1/schools/{school}"
    app = Starlette(
        routes=[
            Route("/v1/health", health, methods=["GET"]),
            Route("/v1/schools", register, methods=["POST"]),
            Route(f"{school}/hello", device_call(service.hello), methods=["POST"]),
            Route(f"{school}/batches", device_call(service.push), methods=["POST"]),
            Route(f"{school}/batches", pull, methods=["GET"]),
            Route(
                f"{school}/snapshot",
                device_call(service.put_snapshot, json_body=False, raw_body=True),
                methods=["PUT"],
            ),
            Route(
                f"{school}/snapshot",
                device_call(service.get_snapshot, json_body=False),
                methods=["GET"],
            ),
            Route(
                f"{school}/snapshot/chunks/{{snapshot}}/{{index}}",
                device_call(service.put_snapshot_chunk, json_body=False, raw_body=True),
                methods=["PUT"],
            ),
            Route(
                f"{school}/snapshot/chunks/{{snapshot}}/{{index}}",
                device_call(service.get_snapshot_chunk, json_body=False),
                methods=["GET"],
            ),
            Route(f"{school}/enrolments", device_call(keys.create_enrolment), methods=["POST"]),
            Route("/v1/enrolments/{lookup}", enrolment, methods=["GET", "POST"]),
            Route(
                f"{school}/devices/{{device}}/revoke", device_call(keys.revoke), methods=["POST"]
            ),
        ],
        exception_handlers={OperationalError: _database_busy, ClientDisconnect: _client_gone},
    )
    app.state.engine = db.read
    app.state.db = db
    return app
