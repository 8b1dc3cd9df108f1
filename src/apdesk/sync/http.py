"""One POST of a pack and what its answer means: delivered, try again, or stop and fix."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from apdesk.i18n import _
from apdesk.sync import send_errors
from apdesk.sync.connection import Connection
from apdesk.sync.problems import connection_problem
from apdesk.sync.receipt import ReceiptError, check_receipt
from apdesk.sync.send_errors import refused_stored
from apdesk.sync.verify import PackIdentity

RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


class Transient(Exception):
    """A failure that may pass: time out, dropped connection, 5xx, 429."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after
        self.attempts = 0


class Stop(Exception):
    """The LA said no in a way retrying cannot fix; `message` tells the person what to do,
    and `stored` (when the LA answered) is what the shared outbox row keeps, to be worded
    again for whoever reads it."""

    def __init__(self, message: str, stored: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.stored = stored
        self.attempts = 0


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _answer(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def post_pack(
    client: httpx.Client, conn: Connection, body: bytes, pack: PackIdentity
) -> dict[str, Any]:
    """POST the pack; its receipt, checked against the pack's id, manifest and audit head."""
    pack_id = pack.pack_id
    headers = {
        "Idempotency-Key": pack_id,
        "Authorization": f"Bearer {conn.token}",
        "Content-Type": "application/zip",
    }
    try:
        response = client.post(f"{conn.endpoint}/v1/packs", content=body, headers=headers)
    except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
        raise Transient(connection_problem(exc, conn.endpoint)) from exc
    except httpx.TransportError as exc:  # an address or proxy no retry will mend
        raise Stop(connection_problem(exc, conn.endpoint)) from exc
    status = response.status_code
    if 200 <= status < 300:
        try:
            return check_receipt(
                response.json(), pack_id, pack.manifest_sha256, conn.la_signing_key, pack.audit
            )
        except (ValueError, ReceiptError) as exc:
            raise Stop(
                _("{problem}: the pack stays in the outbox; ask the LA to check").format(
                    problem=exc
                )
            ) from exc
    if status in RETRY_STATUSES:
        raise Transient(
            _("the LA answered {status}").format(status=status),
            retry_after(response.headers.get("Retry-After")),
        )
    stored = refused_stored(status, _answer(response))
    raise Stop(send_errors.error_text(stored), stored)
