"""One POST of a pack and what its answer means: delivered, try again, or stop and fix."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from apdesk.i18n import N_, _
from apdesk.sync.connection import Connection
from apdesk.sync.problems import connection_problem
from apdesk.sync.receipt import ReceiptError, check_receipt
from apdesk.sync.verify import PackIdentity

RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
FIXES = {
    400: N_(
        "The LA could not read the pack{detail}: save it to a file and send it to the LA "
        "another way, or ask the LA's support team"
    ),
    401: N_(
        "The LA rejected the school's token{detail}: set a new one in Settings > LA connection"
    ),
    403: N_(
        "The LA does not accept packs from this school{detail}: ask the LA to register the "
        "school's public key (Settings > LA connection > Export public key)"
    ),
    404: N_(
        "The LA endpoint has no pack inbox{detail}: check the LA endpoint address in "
        "Settings > LA connection"
    ),
    409: N_(
        "The LA already holds a different pack under this pack's id{detail}: a copy of the "
        "pack may have been sent by someone else; ask the LA to check, then build the pack again"
    ),
    413: N_(
        "The pack is larger than the LA accepts{detail}: save it to a file and send it another way"
    ),
    422: N_(
        "The LA refused the pack{detail}: check the school's key is the one the LA "
        "registered, then build the pack again"
    ),
}


class Transient(Exception):
    """A failure that may pass: time out, dropped connection, 5xx, 429."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after
        self.attempts = 0


class Stop(Exception):
    """The LA said no in a way retrying cannot fix; `message` tells the person what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
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


def _detail(response: httpx.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return ""
    text = data.get("error") if isinstance(data, dict) else None
    return f" ({text})" if isinstance(text, str) and text else ""


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
    fix = FIXES.get(status, N_("The LA answered {status}{detail}: ask the LA's support team"))
    raise Stop(_(fix).format(status=status, detail=_detail(response)))
