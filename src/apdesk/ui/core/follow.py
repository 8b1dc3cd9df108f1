"""Views follow changes: a page or dialog refreshes only when an operation changed what it shows.

A view declares the kinds of record it shows. When a change set touches one of them the view
refreshes at once if it is on screen, or the next time it is shown if not; a change the view
started itself is skipped when the view says it already shows the result. `Loader` keeps one
read in flight per view: changes that arrive while it runs are absorbed into one more read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget
from sqlmodel import Session

from apdesk.models.kinds import Kind
from apdesk.store.changes import NO_CHANGES, Changes
from apdesk.ui.core.context import AppContext

T = TypeVar("T")


class ChangeFollower(QObject):
    """Calls `refresh(changes)` when an operation touched `kinds` and `view` can be seen."""

    # Class defaults: if Python's garbage collector clears this object's attributes while its
    # view still lives (a view dropped without a parent), Qt may still call in; it then sees
    # a follower that follows nothing, instead of raising inside Qt's event loop.
    kinds: frozenset[Kind] = frozenset()
    stale = False

    def __init__(
        self,
        view: QWidget,
        ctx: AppContext,
        kinds: Iterable[Kind],
        refresh: Callable[[Changes], None],
        *,
        skip_own: bool = False,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.kinds = frozenset(kinds)
        self.refresh = refresh
        self.skip_own = skip_own  # the view updates itself after its own operations
        self.pending: Changes = NO_CHANGES  # changes not yet shown (the view was hidden)
        self.stale = False
        ctx.changed.connect(self._changed)
        view.installEventFilter(self)

    def _changed(self, changes: Changes, source: object) -> None:
        if not changes.touches(self.kinds):
            return
        if self.skip_own and source is self.view:
            return
        self.pending = self.pending.merge(changes)
        self.stale = True
        if self.view.isVisible():
            self.flush()

    def flush(self) -> None:
        """Refresh now if anything is pending."""
        if not self.stale:
            return
        changes, self.pending, self.stale = self.pending, NO_CHANGES, False
        self.refresh(changes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.stale and watched is self.view:
            self.flush()
        return False


class Loader(QObject, Generic[T]):
    """One read in flight for a view; reloads asked for meanwhile become one more read."""

    def __init__(
        self,
        ctx: AppContext,
        fetch: Callable[[Session], T],
        show: Callable[[T], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fetch = fetch
        self.show = show
        self.running = False
        self.again = False
        self.started: Callable[[], None] | None = None  # told as each read is asked for

    def reload(self, *_ignored: Any) -> None:
        if not self.ctx.is_unlocked:
            return
        if self.running:
            self.again = True
            return
        self.running = True
        if self.started is not None:  # the value shown is always that of the last read asked
            self.started()
        self.ctx.query(self.fetch).success(self._arrived).failure(self._failed).run()

    def _arrived(self, value: T) -> None:
        self.running = False
        if self.again:
            self.again = False
            self.reload()
            return
        self.show(value)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.again = False
        self.ctx.report(exc)


class Latest:
    """The same question asked again: only the newest answer is shown. Reads run on several
    threads, so an older answer can arrive after a newer one; `ask(show)` wraps the callback:
    `ctx.query(load_pupil, pid).success(self.pupil_answer.ask(self.show_pupil)).run()`."""

    def __init__(self) -> None:
        self.asked = 0

    def ask(self, show: Callable[[T], None]) -> Callable[[T], None]:
        self.asked += 1
        number = self.asked

        def answer(value: T) -> None:
            if number == self.asked:
                show(value)

        return answer
