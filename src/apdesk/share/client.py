"""Talking to the school hub over HTTP (httpx): one method per hub call, errors as exceptions.

`HubUnreachable` means try later (no answer, or the hub is overloaded); `HubRefused` means a
person must act (the laptop was revoked, a code expired, ...), worded from the hub's code.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

import httpx

from apdesk.i18n import _
from apdesk.models.errors import ApdeskError
from apdesk.share.refusals import refusal_text

TIMEOUT = httpx.Timeout(60.0, connect=10.0)
RETRYABLE = {408, 425, 429, 500, 502, 503, 504}


class HubUnreachable(ApdeskError):
    """The hub did not answer (or answered that it is busy): nothing changed; try later."""


class HubRefused(ApdeskError):
    """The hub answered no, for a reason a person can act on."""

    def __init__(self, status: int, message: str, code: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.code = code


def _refused(answer: httpx.Response) -> HubRefused:
    """The hub's no, worded on this laptop from the code the hub gave (its English sentence
    is kept only as detail, for a code this laptop does not know)."""
    try:
        data = answer.json()
    except ValueError:
        data = None
    data = data if isinstance(data, dict) else {}
    code, detail = str(data.get("code") or ""), str(data.get("error") or "")
    return HubRefused(answer.status_code, refusal_text(answer.status_code, code, detail), code)


@dataclass(frozen=True)
class Snapshot:
    seq: int
    epoch: int
    schema: str
    device: str
    body: bytes


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text)


class HubClient:
    def __init__(
        self, url: str, school: str = "", token: str = "", client: httpx.Client | None = None
    ) -> None:
        self.url = url.rstrip("/")
        self.school = school
        self.token = token
        self._client = client or httpx.Client(timeout=TIMEOUT, follow_redirects=False)
        self._own = client is None

    def close(self) -> None:
        if self._own:
            self._client.close()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- plumbing ------------------------------------------------------------------------------
    def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}))
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        try:
            answer = self._client.request(method, self.url + path, headers=headers, **kwargs)
        except httpx.TransportError as exc:
            raise HubUnreachable(
                _("the hub at {url} cannot be reached ({problem})").format(
                    url=self.url, problem=type(exc).__name__
                )
            ) from exc
        if answer.status_code in RETRYABLE:
            raise HubUnreachable(
                _("the hub at {url} is busy (HTTP {status})").format(
                    url=self.url, status=answer.status_code
                )
            )
        if answer.status_code >= 400:
            raise _refused(answer)
        return answer

    def _json(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        data = self._request(method, path, **kwargs).json()
        if not isinstance(data, dict):
            raise HubRefused(502, _("the hub's answer was not understood"))
        return data

    @property
    def _school(self) -> str:
        return f"/v1/schools/{self.school}"

    # -- calls ---------------------------------------------------------------------------------
    def register_school(self, device: str, card: bytes, schema: str) -> str:
        body = {"school_id": self.school, "device_id": device, "card": b64(card), "schema": schema}
        return str(self._json("POST", "/v1/schools", json=body)["token"])

    def hello(self, schema: str, pulled_seq: int) -> dict[str, Any]:
        return self._json(
            "POST", f"{self._school}/hello", json={"schema": schema, "pulled_seq": pulled_seq}
        )

    def push(self, batches: list[dict[str, Any]]) -> list[int]:
        body = {"batches": [{**b, "body": b64(b["body"])} for b in batches]}
        return [int(s) for s in self._json("POST", f"{self._school}/batches", json=body)["seqs"]]

    def pull(self, after: int, limit: int = 500) -> tuple[list[dict[str, Any]], int]:
        data = self._json("GET", f"{self._school}/batches", params={"after": after, "limit": limit})
        batches = [{**b, "body": unb64(b["body"])} for b in data["batches"]]
        return batches, int(data["last_seq"])

    def put_snapshot(
        self, seq: int, epoch: int, schema: str, body: bytes, snapshot: str = "", chunks: int = 0
    ) -> None:
        """The sealed manifest that makes the uploaded chunks of `snapshot` the school's."""
        headers = {"X-Seq": str(seq), "X-Epoch": str(epoch), "X-Schema": schema,
                   "Content-Type": "application/octet-stream"}  # fmt: skip
        if snapshot:
            headers |= {"X-Snapshot": snapshot, "X-Chunks": str(chunks)}
        self._request("PUT", f"{self._school}/snapshot", content=body, headers=headers)

    def put_snapshot_chunk(self, snapshot: str, index: int, body: bytes) -> None:
        headers = {"Content-Type": "application/octet-stream"}
        path = f"{self._school}/snapshot/chunks/{snapshot}/{index}"
        self._request("PUT", path, content=body, headers=headers)

    def get_snapshot(self) -> Snapshot:
        answer = self._request("GET", f"{self._school}/snapshot")
        h = answer.headers
        return Snapshot(
            int(h["x-seq"]), int(h["x-epoch"]), h["x-schema"], h["x-device"], answer.content
        )

    def get_snapshot_chunk(self, snapshot: str, index: int) -> bytes:
        return self._request("GET", f"{self._school}/snapshot/chunks/{snapshot}/{index}").content

    def create_enrolment(self, lookup: str, verifier_sha256: str, blob: bytes) -> str:
        body = {"lookup": lookup, "verifier_sha256": verifier_sha256, "blob": b64(blob)}
        return str(self._json("POST", f"{self._school}/enrolments", json=body)["expires_at"])

    def read_enrolment(self, lookup: str, verifier: str) -> tuple[str, bytes, int]:
        data = self._json("GET", f"/v1/enrolments/{lookup}", headers={"X-Verifier": verifier})
        return str(data["school_id"]), unb64(data["blob"]), int(data["epoch"])

    def use_enrolment(
        self, lookup: str, verifier: str, device: str, card: bytes, card_epoch: int, schema: str
    ) -> str:
        body = {"verifier": verifier, "device_id": device, "card": b64(card),
                "card_epoch": card_epoch, "schema": schema}  # fmt: skip
        data = self._json("POST", f"/v1/enrolments/{lookup}", json=body)
        self.school = str(data["school_id"])
        return str(data["token"])

    def revoke(self, device: str, epoch: int, wrapped: dict[str, bytes]) -> None:
        body = {"epoch": epoch, "wrapped": {k: b64(v) for k, v in wrapped.items()}}
        self._json("POST", f"{self._school}/devices/{device}/revoke", json=body)
