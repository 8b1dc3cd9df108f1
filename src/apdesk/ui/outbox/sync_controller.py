"""Background sending of the outbox: its own worker thread, a schedule, and a state signal.

Draining can block on the network for minutes, so it never runs on the single database
writer; `sender.drain` runs its own short operations. Waits between retries are
cancellable, so locking the store or quitting stops the work at its next pause.

A pack queued by any operation starts a round (after a moment); what a round did to the outbox
is announced like any operation's change, so every view showing packs follows it.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from apdesk.models.kinds import Kind
from apdesk.store import Store
from apdesk.store.changes import ANY, Changes
from apdesk.sync.report import DrainReport, SendPolicy
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.outbox.sync_state import (
    OutboxSummary,
    SyncState,
    describe,
    failed_state,
    idle_state,
    sending_state,
    summarize,
)

log = logging.getLogger(__name__)

INTERVAL_MS = 3 * 60 * 1000  # a scheduled look every few minutes
SETTLE_MS = 1500  # after unlock or a change, let the burst of work settle first
STOP_WAIT_MS = 30_000  # longest a quit waits for a request in flight (the HTTP timeout)
SENT = Changes(updated={Kind.OUTBOX: frozenset({ANY})})  # what a round that failed may have changed
GUI_POLICY = SendPolicy(attempts=4, wait_base=2.0, wait_max=30.0, retry_after_max=120.0,
                        timeout=20.0, connect_timeout=5.0)  # fmt: skip


class Cancelled(Exception):
    """The store locked or the application is quitting: stop at this pause."""


class _Bridge(QObject):
    """Carries the worker's news to the GUI thread (queued, since it lives there)."""

    sending = Signal(int, object)  # generation, OutboxSummary
    finished = Signal(int, object, object)  # generation, DrainReport | None, OutboxSummary
    failed = Signal(int, object)  # generation, exception


class _DrainJob(QRunnable):
    def __init__(
        self, store: Store, policy: SendPolicy, send: bool, due_only: bool,
        generation: int, bridge: _Bridge,
    ) -> None:  # fmt: skip
        super().__init__()
        self.store, self.policy, self.send, self.due_only = store, policy, send, due_only
        self.generation, self.bridge = generation, bridge

    def run(self) -> None:
        try:
            from apdesk.sync.sender import drain  # the HTTP stack loads here, not at start-up

            report: DrainReport | None = None
            before = summarize(self.store)
            if self.send and (before.due if self.due_only else before.waiting):
                self.bridge.sending.emit(self.generation, before)
                report = drain(self.store, self.policy, due_only=self.due_only)
            self.bridge.finished.emit(self.generation, report, summarize(self.store))
        except Cancelled:
            self.bridge.finished.emit(self.generation, None, None)
        except Exception as exc:  # reported on the GUI thread, worded for a person
            self.bridge.failed.emit(self.generation, exc)


class SyncController(QObject):
    """One per AppContext (its child): find or make it with `SyncController.for_context`."""

    state_changed = Signal(object)  # SyncState
    drained = Signal(object)  # DrainReport | None, after each round (pages refresh on it)

    def __init__(
        self,
        ctx: AppContext,
        *,
        policy: SendPolicy = GUI_POLICY,
        watch_network: bool = True,
    ) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self._cancel = threading.Event()
        self.policy = replace(policy, sleep=self._sleep)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._bridge = _Bridge(self)
        self._bridge.sending.connect(self._on_sending)
        self._bridge.finished.connect(self._on_finished)
        self._bridge.failed.connect(self._on_failed)
        self._generation = 0
        self._running = False
        self._again: tuple[bool, bool] | None = None  # (send, due_only) asked for while running
        self.state: SyncState = idle_state()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.request)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.request)
        self.network: object | None = None  # loaded at the first round, not while starting up
        self._watch_network = watch_network
        ctx.unlocked.connect(self.start)
        ctx.locked.connect(self.stop)
        ctx.changed.connect(self._records_changed)
        if ctx.is_unlocked:
            self.start()

    @classmethod
    def for_context(cls, ctx: AppContext) -> SyncController:
        for child in ctx.children():
            if isinstance(child, SyncController):
                return child
        return cls(ctx)

    def _records_changed(self, changes: Changes, source: object) -> None:
        """A pack was queued or put back by someone: send soon. (Not our own rounds' news.)"""
        if source is not self and self.active and changes.touches({Kind.OUTBOX}):
            self._settle.start()

    # -- network hint ----------------------------------------------------------
    def _load_network(self) -> object | None:
        """Qt's hint that the network came back; none on platforms without a backend."""
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if QNetworkInformation.instance() is None:
                QNetworkInformation.loadDefaultBackend()
            info = QNetworkInformation.instance()
        except (ImportError, RuntimeError):  # pragma: no cover - depends on the platform
            return None
        if info is not None:
            info.reachabilityChanged.connect(self._on_reachability)
        return info

    def offline_hint(self) -> bool:
        if self.network is None:
            return False
        from PySide6.QtNetwork import QNetworkInformation

        reach = self.network.reachability()  # type: ignore[attr-defined]
        return bool(reach == QNetworkInformation.Reachability.Disconnected)

    def _on_reachability(self, _reachability: object) -> None:
        if self.active and not self.offline_hint():
            self.request()

    # -- life ------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self._timer.isActive()

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """The store is open: look now (after a moment) and then every few minutes."""
        self._cancel.clear()
        self._generation += 1
        self._timer.start()
        self._settle.start()

    def stop(self) -> None:
        """The store locked: no new rounds; the one in flight stops at its next pause."""
        self._timer.stop()
        self._settle.stop()
        self._cancel.set()
        self._generation += 1
        self._again = None
        self._running = False
        self._set_state(idle_state())

    def shutdown(self, timeout_ms: int = STOP_WAIT_MS) -> bool:
        """At exit: stop and wait (bounded) so no thread outlives the application."""
        self.stop()
        return self._pool.waitForDone(timeout_ms)

    def _sleep(self, seconds: float) -> None:
        if self._cancel.wait(seconds):
            raise Cancelled

    # -- rounds ----------------------------------------------------------------
    def send_now(self) -> None:
        """A person asked: try every queued pack now, whatever the network hint says."""
        self.request(send=True, due_only=False)

    def request(self, send: bool | None = None, due_only: bool = True) -> None:
        if not self.ctx.is_unlocked:
            return
        if self._watch_network:
            self._watch_network = False
            self.network = self._load_network()
        if send is None:
            send = not self.offline_hint()
        if self._running:
            self._again = (send or bool(self._again and self._again[0]), due_only)
            return
        self._settle.stop()
        self._running = True
        job = _DrainJob(self.ctx.store, self.policy, send, due_only, self._generation, self._bridge)
        self._pool.start(job)

    def _after_round(self) -> None:
        self._running = False
        again, self._again = self._again, None
        if again is not None and self.active:
            self.request(*again)

    def _on_sending(self, generation: int, summary: OutboxSummary) -> None:
        if generation == self._generation:
            self._set_state(sending_state(summary))

    def _on_finished(
        self, generation: int, report: DrainReport | None, summary: OutboxSummary | None
    ) -> None:
        if generation != self._generation:
            return
        if summary is not None:
            self._set_state(describe(summary, report, offline_hint=self.offline_hint()))
        if report is not None and report.changes:
            self.ctx.changed.emit(report.changes, self)  # the round's own operations' changes
        self.drained.emit(report)
        self._after_round()

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        log.warning("sending the outbox stopped: %s", type(exc).__name__)
        self._set_state(failed_state(describe_error(exc)))
        self.ctx.changed.emit(SENT, self)  # it may have stopped half way through
        self.drained.emit(None)
        self._after_round()

    def _set_state(self, state: SyncState) -> None:
        self.state = state
        self.state_changed.emit(state)
