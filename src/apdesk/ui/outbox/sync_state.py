"""What the status bar says about sending packs to the LA, worked out from plain counts.

Kept apart from the controller so the wording can be tested without threads or a network.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from apdesk.i18n import _, ngettext
from apdesk.models.enums import OutboxStatus
from apdesk.models.types import utcnow
from apdesk.store import Store
from apdesk.sync import outbox
from apdesk.sync.report import DrainReport

IDLE, SENDING, UP_TO_DATE = "idle", "sending", "up-to-date"
OFFLINE, WAITING, ATTENTION, NOT_SET_UP = "offline", "waiting", "attention", "not-set-up"


@dataclass(frozen=True)
class OutboxSummary:
    """How many packs wait and how many need a person; read in one short session."""

    waiting: int = 0
    due: int = 0
    attention: int = 0
    endpoint_set: bool = False


@dataclass(frozen=True)
class SyncState:
    kind: str
    text: str
    detail: str = ""
    waiting: int = 0
    attention: int = 0


def summarize(store: Store) -> OutboxSummary:
    """Runs on the sync thread (a read: safe beside the writer)."""
    return store.read(read_summary)


def read_summary(session: Session) -> OutboxSummary:
    from apdesk.sync import connection  # with its keys and crypto: not needed to start up

    waiting = len(outbox.sendable_ids(session))
    due = len(outbox.sendable_ids(session, utcnow()))
    attention = len(outbox.list_outbox(session, OutboxStatus.ATTENTION))
    endpoint_set = bool(connection.endpoint(session))
    return OutboxSummary(waiting, due, attention, endpoint_set)


def idle_state() -> SyncState:
    return SyncState(IDLE, "")


def sending_state(summary: OutboxSummary) -> SyncState:
    text = _("Sending…")
    detail = ngettext("Sending {n} pack to the LA", "Sending {n} packs to the LA", summary.due)
    return SyncState(SENDING, text, detail.format(n=summary.due), summary.waiting)


def _waiting_text(n: int) -> str:
    return ngettext("{n} pack waiting", "{n} packs waiting", n).format(n=n)


def describe(
    summary: OutboxSummary, report: DrainReport | None = None, *, offline_hint: bool = False
) -> SyncState:
    """The state after a drain (or after looking without sending, when offline)."""
    waiting, attention = summary.waiting, summary.attention
    unreachable = report.unreachable if report is not None else ""
    if attention:
        text = _("Needs attention ({n})").format(n=attention)
        if waiting:
            text += " · " + _waiting_text(waiting)
        detail = _("Open the Outbox to see what to fix.")
        return SyncState(ATTENTION, text, detail, waiting, attention)
    if waiting and not summary.endpoint_set:
        text = _("LA connection not set — {waiting}").format(waiting=_waiting_text(waiting))
        detail = _("Set the LA endpoint and token in File › Settings › LA connection (Ctrl+,).")
        return SyncState(NOT_SET_UP, text, detail, waiting)
    if waiting and (unreachable or offline_hint):
        text = _("Offline — {waiting}").format(waiting=_waiting_text(waiting))
        detail = unreachable or _("This computer reports no network; packs go when it is back.")
        return SyncState(OFFLINE, text, detail, waiting)
    if waiting:
        text = _("Will retry — {waiting}").format(waiting=_waiting_text(waiting))
        detail = _("The LA asked to try again later; packs go at the next try.")
        return SyncState(WAITING, text, detail, waiting)
    return SyncState(UP_TO_DATE, _("Up to date"), _("Every pack has the LA's receipt."))


def failed_state(message: str) -> SyncState:
    return SyncState(ATTENTION, _("Sync stopped"), message)
