"""Background sharing: its own worker thread, a schedule, and a state for the status bar.

A sync round talks to the hub for as long as the network takes, so it never runs on the one
database writer: `engine.sync_once` opens its own short transactions, and the window learns
what a round merged through `ctx.changed` (so the pages that show it refresh). Starting to
share, making an enrolment code and revoking a laptop also talk to the hub: they run here too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from apdesk.i18n import _, format_number, ngettext
from apdesk.models.kinds import Kind
from apdesk.store import Store
from apdesk.store.changes import Changes
from apdesk.ui.core.context import AppContext, describe_error

log = logging.getLogger(__name__)

INTERVAL_MS = 2 * 60 * 1000  # a round every two minutes
AFTER_CHANGE_MS = 8000  # and soon after a change made here (edits come in bursts)


@dataclass(frozen=True)
class ShareState:
    """What the status bar says about sharing; empty text when the store does not share."""

    text: str
    detail: str
    state: str  # "", "syncing", or a SyncReport state
    conflicts: int = 0


NOT_SHARING = ShareState("", "", "")


class _Bridge(QObject):
    done = Signal(int, object, object)  # generation, result, exception


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], generation: int, bridge: _Bridge) -> None:
        super().__init__()
        self.work, self.generation, self.bridge = work, generation, bridge

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # reported on the GUI thread, worded for a person
            self.bridge.done.emit(self.generation, None, exc)
            return
        self.bridge.done.emit(self.generation, result, None)


def describe(report: Any, conflicts: int, laptops: int) -> ShareState:
    """The status-bar words for a round's report."""
    from apdesk.share.engine import state_words  # the engine loads when sharing first runs

    state = str(report.state)
    text = state_words(state)
    if conflicts:
        text += " · " + ngettext("{n} conflict", "{n} conflicts", conflicts).format(
            n=format_number(conflicts)
        )
    detail = str(report.message or "") or ngettext(
        "{n} laptop shares this record", "{n} laptops share this record", laptops
    ).format(n=format_number(laptops))
    return ShareState(text, detail, state, conflicts)


class ShareController(QObject):
    """One per AppContext (its child): find or make it with `ShareController.for_context`."""

    state_changed = Signal(object)  # ShareState
    finished = Signal(object)  # the result of a round or a task (None on failure)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self._on_done)
        self._generation = 0
        self._running = False
        self._again = False
        self._callbacks: dict[
            int, tuple[Callable[[Any], None], Callable[[BaseException], None]]
        ] = {}
        self._next_task = 1_000_000
        self.sharing = False
        self.state = NOT_SHARING
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.request)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(AFTER_CHANGE_MS)
        self._soon.timeout.connect(self.request)
        ctx.unlocked.connect(self.start)
        ctx.locked.connect(self.stop)
        ctx.changed.connect(self._changed_here)
        if ctx.is_unlocked:
            self.start()

    @classmethod
    def for_context(cls, ctx: AppContext) -> ShareController:
        for child in ctx.children():
            if isinstance(child, ShareController):
                return child
        return cls(ctx)

    # -- life ----------------------------------------------------------------------------------
    def start(self) -> None:
        """The store is open: find out whether it shares; if so, sync now and on a schedule.

        Asked on the sharing thread, not through the window's task runner: a store that does
        not share costs the window nothing."""
        from apdesk.share.views import status

        self._generation += 1
        self.run_task(lambda store: store.read(status), self._first_status, lambda _exc: None)

    def _first_status(self, found: Any) -> None:
        self.sharing = bool(found.sharing)
        if self.sharing:
            self._timer.start()
            self.request()
        else:
            self._set_state(NOT_SHARING)

    def stop(self) -> None:
        self._timer.stop()
        self._soon.stop()
        self._generation += 1
        self._running = False
        self._again = False
        self.sharing = False
        self._set_state(NOT_SHARING)

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        self.stop()
        return self._pool.waitForDone(timeout_ms)

    def _changed_here(self, changes: Changes, source: object) -> None:
        if self.sharing and source is not self and changes:
            self._soon.start()

    # -- rounds --------------------------------------------------------------------------------
    def request(self) -> None:
        """Sync now (a round already running is followed by one more)."""
        if not self.ctx.is_unlocked or not self.sharing:
            return
        if self._running:
            self._again = True
            return
        self._soon.stop()
        self._running = True
        store = self.ctx.store
        self._set_state(ShareState(_("Shared: syncing…"), self.state.detail, "syncing",
                                   self.state.conflicts))  # fmt: skip
        self._pool.start(_Job(lambda: _round(store), self._generation, self._bridge))

    def _on_done(self, generation: int, result: Any, exc: BaseException | None) -> None:
        callbacks = self._callbacks.pop(generation, None)
        if callbacks is not None:
            on_done, on_error = callbacks
            if exc is not None:
                on_error(exc)
            else:
                on_done(result)
            return
        if generation != self._generation:
            return
        self._running = False
        if exc is not None:
            log.warning("sharing stopped: %s", type(exc).__name__)
            self._set_state(ShareState(_("Shared: sync failed"), describe_error(exc), "failed"))
            self.finished.emit(None)
        else:
            report, conflicts, laptops = result
            self._set_state(describe(report, conflicts, laptops))
            if report.changes:
                self.ctx.changed.emit(report.changes, self)
            if Kind.OUTBOX in report.changes.kinds():
                # A pack queued on another laptop: send it now if this one is online.
                from apdesk.ui.outbox.sync_controller import SyncController

                SyncController.for_context(self.ctx).request()
            self.finished.emit(report)
        if self._again and self.sharing:
            self._again = False
            self.request()

    # -- tasks that talk to the hub ------------------------------------------------------------
    def run_task(
        self,
        work: Callable[[Store], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run `work(store)` on the sharing thread (after any round); callbacks on the GUI."""
        store = self.ctx.store
        self._next_task += 1
        task = self._next_task
        self._callbacks[task] = (on_done, on_error)
        self._pool.start(_Job(lambda: work(store), task, self._bridge))

    def now_sharing(self) -> None:
        """Sharing has just started on this laptop."""
        self.sharing = True
        self._timer.start()
        self.request()

    def _set_state(self, state: ShareState) -> None:
        self.state = state
        self.state_changed.emit(state)


def _round(store: Store) -> tuple[Any, int, int]:
    from apdesk.share import views
    from apdesk.share.engine import sync_once

    report = sync_once(store)
    found = store.read(views.status)
    return report, found.conflicts, found.devices
