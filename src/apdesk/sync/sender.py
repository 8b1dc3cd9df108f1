"""Draining the outbox to the LA: retries with backoff for what may pass, a clear stop otherwise.

Network I/O happens outside any transaction; every database write is its own short operation
(claim a pack, record what the LA answered, note why packs wait, queue the day's checkpoint),
and the round's report carries what they changed, so open views follow a sending round.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, ParamSpec, TypeVar

import httpx
from sqlmodel import Session
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt
from tenacity.wait import wait_random_exponential

from apdesk.i18n import _
from apdesk.models import OutboxItem
from apdesk.models.enums import OutboxStatus
from apdesk.models.types import utcnow
from apdesk.store import Store
from apdesk.store.operations import OperationFn, operation
from apdesk.sync import outbox, send_errors
from apdesk.sync.connection import Connection, load_connection
from apdesk.sync.http import Stop, Transient, post_pack
from apdesk.sync.problems import answer_problem, connection_problem

# The plain data of a drain live in `report` (the window imports them from there); callers of
# the sender keep importing them from here.
from apdesk.sync.report import ATTENTION as ATTENTION
from apdesk.sync.report import DELIVERED as DELIVERED
from apdesk.sync.report import WAITING as WAITING
from apdesk.sync.report import DrainReport as DrainReport
from apdesk.sync.report import Outcome as Outcome
from apdesk.sync.report import SendPolicy as SendPolicy
from apdesk.sync.verify import PackError, PackIdentity, identity

P = ParamSpec("P")
T = TypeVar("T")


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
    """A real request: any HTTP answer means the LA is reachable. Returns '' or the reason,
    in a sentence (the packs' own answers say what a refusal means)."""
    try:
        client.get(f"{endpoint}/v1/keys")
    except httpx.TransportError as exc:
        return connection_problem(exc, endpoint)
    return ""


def connection_check(client: httpx.Client, endpoint: str) -> str:
    """What Test connection says: '' when the LA's inbox answered, else why not, in words."""
    try:
        response = client.get(f"{endpoint}/v1/keys")
    except (httpx.TransportError, httpx.InvalidURL) as exc:
        return connection_problem(exc, endpoint)
    return answer_problem(response.status_code, endpoint)


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


@operation
def claim_pack(session: Session, pack_id: str) -> bytes | None:
    """Mark a sendable pack as being sent; its bytes, or None if it is no longer sendable."""
    item = session.get(OutboxItem, pack_id)
    if item is None or item.status not in outbox.SENDABLE:
        return None
    item.status = OutboxStatus.SENDING
    session.add(item)
    return item.pack


@operation
def record_send(session: Session, outcome: Outcome, requeue_after: float) -> None:
    """What the LA answered: delivered with its receipt, refused, or try again later."""
    item = session.get(OutboxItem, outcome.pack_id)
    if item is None:
        return
    item.attempts += outcome.attempts
    item.waiting = ""
    if outcome.state == DELIVERED and outcome.receipt is not None:
        session.add(item)
        outbox.mark_delivered(session, outcome.pack_id, outcome.receipt)
        return
    item.last_error = outcome.stored or outcome.message
    if outcome.state == ATTENTION:
        item.status = OutboxStatus.ATTENTION
    else:
        item.status = OutboxStatus.QUEUED
        pause = max(requeue_after, outcome.retry_after)
        item.next_attempt_at = utcnow() + timedelta(seconds=pause)
    session.add(item)


@operation
def note_waiting(session: Session, ids: list[str], code: str) -> None:
    """Why these packs wait (no endpoint, the LA unreachable), as a code (`outbox.WAITING`): the
    rows are shared, so each laptop's Outbox page words it in its own language. Packs already
    marked so are left alone (no change to share)."""
    for pack_id in ids:
        item = session.get(OutboxItem, pack_id)
        if item is not None and (item.waiting != code or item.last_error):
            item.waiting = code
            item.last_error = ""
            session.add(item)


@operation
def queue_audit_checkpoint(session: Session, now: datetime) -> str:
    """The day's signed audit head, queued once the LA answers; its pack id."""
    return outbox.queue_checkpoint(session, now).id


def _round(session: Session, due_only: bool, checkpoints: bool) -> tuple[list[str], bool]:
    """The packs to send this round, and whether the day's audit checkpoint is due."""
    now = utcnow()
    ids = outbox.sendable_ids(session, now if due_only else None)
    return ids, checkpoints and outbox.checkpoint_due(session, now)


class _Books:
    """The round's bookkeeping: each write one operation, their change sets gathered."""

    def __init__(self, store: Store, report: DrainReport) -> None:
        self.store, self.report = store, report

    def claim(self, pack_id: str) -> bytes | None:
        return self._run(claim_pack, pack_id)

    def record(self, outcome: Outcome, policy: SendPolicy) -> None:
        self._run(record_send, outcome, policy.requeue_after)

    def checkpoint(self) -> str:
        return self._run(queue_audit_checkpoint, utcnow())

    def wait_all(self, ids: list[str], code: str, reason: str) -> list[Outcome]:
        if ids:
            self._run(note_waiting, ids, code)
        return [Outcome(pack_id, WAITING, reason) for pack_id in ids]

    def _run(self, op: OperationFn[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        done = self.store.run(op, *args, **kwargs)
        self.report.changes = self.report.changes.merge(done.changes)
        return done.value


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
    ids, checkpoint = store.read(_round, due_only, policy.audit_checkpoints)
    report = DrainReport()
    books = _Books(store, report)
    if not ids and not (checkpoint and conn.endpoint and not conn.endpoint_problem):
        return report
    if not conn.endpoint:
        report.unreachable = _(
            "No LA connection is set up yet; set the LA's address and token in File › Settings › "
            "LA connection."
        )
        report.outcomes = books.wait_all(ids, outbox.NO_ENDPOINT, report.unreachable)
        return report
    if conn.endpoint_problem:
        report.unreachable = conn.endpoint_problem
        report.outcomes = books.wait_all(ids, outbox.ENDPOINT_PROBLEM, report.unreachable)
        return report
    own = client is None
    http = client or make_client(policy)
    try:
        report.unreachable = check_reachable(http, conn.endpoint)
        if report.unreachable:
            report.outcomes = books.wait_all(ids, outbox.UNREACHABLE, report.unreachable)
            return report
        if checkpoint:  # the LA answers: the day's signed audit head goes with the rest
            ids.append(books.checkpoint())
        for index, pack_id in enumerate(ids):
            claimed = books.claim(pack_id)
            if claimed is None:
                continue
            outcome = _send(http, conn, pack_id, claimed, policy)
            books.record(outcome, policy)
            report.outcomes.append(outcome)
            if outcome.state == WAITING:  # the LA went away: do not burn the others' tries
                report.unreachable = outcome.message
                rest = ids[index + 1 :]
                report.outcomes += books.wait_all(rest, outbox.UNREACHABLE, outcome.message)
                break
    finally:
        if own:
            http.close()
    return report


def _kept(
    pack_id: str,
    state: str,
    code: str,
    detail: str = "",
    attempts: int = 0,
    retry_after: float = 0.0,
) -> Outcome:
    """An outcome whose reason the outbox row keeps as a code, worded here for the report."""
    stored = send_errors.stored_error(code, detail)
    message = send_errors.error_text(stored)
    return Outcome(pack_id, state, message, attempts, retry_after=retry_after, stored=stored)


def _send(
    http: httpx.Client, conn: Connection, pack_id: str, body: bytes, policy: SendPolicy
) -> Outcome:
    try:
        pack = identity(body)
    except PackError as exc:
        return _kept(pack_id, ATTENTION, send_errors.UNREADABLE, str(exc))
    if pack.pack_id != pack_id:
        return _kept(pack_id, ATTENTION, send_errors.OTHER_PACK)
    try:
        receipt, attempts = send_one(http, conn, body, pack, policy)
    except Stop as exc:
        return Outcome(pack_id, ATTENTION, exc.message, exc.attempts, stored=exc.stored)
    except Transient as exc:
        return _kept(
            pack_id,
            WAITING,
            send_errors.RETRY,
            exc.message,
            exc.attempts,
            retry_after=exc.retry_after or 0.0,
        )
    return Outcome(pack_id, DELIVERED, "", attempts, receipt)
