"""Draining the outbox to the LA: retries with backoff for what may pass, a clear stop otherwise.

Network I/O happens outside any transaction; every database write is its own short session.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt
from tenacity.wait import wait_random_exponential

from apdesk.models import OutboxItem
from apdesk.models.enums import OutboxStatus
from apdesk.models.types import utcnow
from apdesk.store import Store
from apdesk.sync import outbox
from apdesk.sync.connection import Connection, load_connection
from apdesk.sync.http import Stop, Transient, post_pack

# The plain data of a drain live in `report` (the window imports them from there); callers of
# the sender keep importing them from here.
from apdesk.sync.report import ATTENTION as ATTENTION
from apdesk.sync.report import DELIVERED as DELIVERED
from apdesk.sync.report import WAITING as WAITING
from apdesk.sync.report import DrainReport as DrainReport
from apdesk.sync.report import Outcome as Outcome
from apdesk.sync.report import SendPolicy as SendPolicy
from apdesk.sync.verify import PackError, PackIdentity, identity


class _Wait:
    """Full-jitter exponential backoff, except that the server's Retry-After is honoured."""

    def __init__(self, policy: SendPolicy) -> None:
        self.policy = policy
        self.jitter = wait_random_exponential(multiplier=policy.wait_base, max=policy.wait_max)

    def __call__(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, Transient) and exc.retry_after is not None:
            return exc.retry_after
        return float(self.jitter(state))


def make_client(policy: SendPolicy) -> httpx.Client:
    timeout = httpx.Timeout(policy.timeout, connect=policy.connect_timeout)
    return httpx.Client(timeout=timeout, follow_redirects=False)


def check_reachable(client: httpx.Client, endpoint: str) -> str:
    """A real request: any HTTP answer means the LA is reachable. Returns '' or the reason."""
    try:
        client.get(f"{endpoint}/v1/keys")
    except httpx.TransportError as exc:
        return f"the LA at {endpoint} cannot be reached ({type(exc).__name__})"
    return ""


def send_one(
    client: httpx.Client,
    conn: Connection,
    body: bytes,
    pack: PackIdentity,
    policy: SendPolicy,
) -> tuple[dict[str, Any], int]:
    """POST with retries: (receipt, attempts). Raises Stop, or Transient when out of tries."""
    attempts = 0

    def attempt() -> dict[str, Any]:
        nonlocal attempts
        attempts += 1
        return post_pack(client, conn, body, pack)

    enough = stop_after_attempt(policy.attempts)

    def stop(state: RetryCallState) -> bool:
        """Out of tries, or the LA asked for a pause longer than one drain should wait."""
        exc = state.outcome.exception() if state.outcome else None
        later = isinstance(exc, Transient) and (exc.retry_after or 0) > policy.retry_after_max
        return later or bool(enough(state))

    retrying = Retrying(
        stop=stop,
        wait=_Wait(policy),
        retry=retry_if_exception_type(Transient),
        sleep=policy.sleep,
        reraise=True,
    )
    try:
        return retrying(attempt), attempts
    except (Stop, Transient) as exc:
        exc.attempts = attempts
        raise


def _claim(store: Store, pack_id: str) -> bytes | None:
    with store.session() as session:
        item = session.get(OutboxItem, pack_id)
        if item is None or item.status not in outbox.SENDABLE:
            return None
        item.status = OutboxStatus.SENDING
        session.add(item)
        return item.pack


def _record(store: Store, outcome: Outcome, policy: SendPolicy) -> None:
    with store.session() as session:
        item = session.get(OutboxItem, outcome.pack_id)
        if item is None:
            return
        item.attempts += outcome.attempts
        if outcome.state == DELIVERED and outcome.receipt is not None:
            session.add(item)
            outbox.mark_delivered(session, outcome.pack_id, outcome.receipt)
            return
        item.last_error = outcome.message
        if outcome.state == ATTENTION:
            item.status = OutboxStatus.ATTENTION
        else:
            item.status = OutboxStatus.QUEUED
            pause = max(policy.requeue_after, outcome.retry_after)
            item.next_attempt_at = utcnow() + timedelta(seconds=pause)
        session.add(item)


def _wait_all(store: Store, ids: list[str], reason: str) -> list[Outcome]:
    with store.session() as session:
        for pack_id in ids:
            item = session.get(OutboxItem, pack_id)
            if item is not None:
                item.last_error = reason
                session.add(item)
    return [Outcome(pack_id, WAITING, reason) for pack_id in ids]


def drain(
    store: Store,
    policy: SendPolicy | None = None,
    *,
    due_only: bool = False,
    client: httpx.Client | None = None,
) -> DrainReport:
    """Send every sendable pack once round; `due_only` skips packs waiting for a later try."""
    policy = policy or SendPolicy()
    conn = load_connection(store)
    with store.session() as session:
        ids = outbox.sendable_ids(session, utcnow() if due_only else None)
        checkpoint = policy.audit_checkpoints and outbox.checkpoint_due(session, utcnow())
    report = DrainReport()
    if not ids and not (checkpoint and conn.endpoint and not conn.endpoint_problem):
        return report
    if not conn.endpoint:
        report.unreachable = "no LA endpoint is set: set one in Settings > LA connection"
        report.outcomes = _wait_all(store, ids, report.unreachable)
        return report
    if conn.endpoint_problem:
        report.unreachable = conn.endpoint_problem
        report.outcomes = _wait_all(store, ids, report.unreachable)
        return report
    own = client is None
    http = client or make_client(policy)
    try:
        report.unreachable = check_reachable(http, conn.endpoint)
        if report.unreachable:
            report.outcomes = _wait_all(store, ids, report.unreachable)
            return report
        if checkpoint:  # the LA answers: the day's signed audit head goes with the rest
            with store.session() as session:
                ids.append(outbox.queue_checkpoint(session, utcnow()).id)
        for index, pack_id in enumerate(ids):
            claimed = _claim(store, pack_id)
            if claimed is None:
                continue
            outcome = _send(http, conn, pack_id, claimed, policy)
            _record(store, outcome, policy)
            report.outcomes.append(outcome)
            if outcome.state == WAITING:  # the LA went away: do not burn the others' tries
                report.unreachable = outcome.message
                report.outcomes += _wait_all(store, ids[index + 1 :], outcome.message)
                break
    finally:
        if own:
            http.close()
    return report


def _send(
    http: httpx.Client, conn: Connection, pack_id: str, body: bytes, policy: SendPolicy
) -> Outcome:
    try:
        pack = identity(body)
    except PackError as exc:
        return Outcome(pack_id, ATTENTION, f"the pack in the outbox cannot be read ({exc})")
    if pack.pack_id != pack_id:
        return Outcome(pack_id, ATTENTION, "the pack in the outbox names another pack id")
    try:
        receipt, attempts = send_one(http, conn, body, pack, policy)
    except Stop as exc:
        return Outcome(pack_id, ATTENTION, exc.message, exc.attempts)
    except Transient as exc:
        message = f"will try again: {exc.message}"
        return Outcome(pack_id, WAITING, message, exc.attempts, retry_after=exc.retry_after or 0.0)
    return Outcome(pack_id, DELIVERED, "", attempts, receipt)
