"""Build the busiest pages while the window waits, so their first visit only shows them.

A page's first visit used to build its widgets on the GUI thread when it was chosen: on a trust's
store 20-55 ms of a frozen window for the Attendance, Pupils, Placements and Plans pages. Once
the first page shows its data and the warm-up has imported the pages' code, these pages are
built one at a time, each when the task runner has fallen idle (the page before has read and
shown its data), hidden in the window's stack as a visited page would be; at the next idle
moment, its data in, it is laid out at its size, and at the ones after drawn off screen, a band
at a time. They start their first read as a visited page does and follow changes as hidden
pages do, so a later visit shows them at once. Nothing moves on screen and the focus stays
where it is.
Locking stops it (the pages are thrown away with the key); unlocking starts it again. A page
chosen before its turn is built then, as it always was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QPoint, QRect, QTimer
from PySide6.QtGui import QPixmap, QRegion
from PySide6.QtWidgets import QApplication, QWidget

from apdesk.ui.core.context import AppContext
from apdesk.ui.shell import long_lived

BUILT_AHEAD = ("register", "pupils", "placements", "plans")  # the costliest first visits
LOOK_EVERY_MS = 150  # how often to look whether the runner has fallen idle
BANDS = 4  # a page is drawn ahead a quarter of its height per idle turn


def lay_out(page: QWidget) -> None:
    """Give the hidden page the size it will have, a turn before it is drawn: pages that fit
    themselves to their size (the register's split between the week and its side) do so at
    the next turn of the event loop, and the drawing must see the result."""
    stack = page.parentWidget()
    if stack is not None:  # the stack sizes only the page it shows: this one, at that size
        page.setGeometry(stack.contentsRect())
    # A hidden widget hears of its new size only when drawn: drawing one pixel tells them all.
    page.render(QPixmap(1, 1), QPoint(), QRegion(0, 0, 1, 1))


def draw(page: QWidget, part: int, parts: int = BANDS) -> None:
    """Draw band `part` of `parts` of the laid-out hidden page off screen. What Qt works out on
    a widget's first paint (its style sheet's rules, text layouts, the register's cells, the
    charts, the icons' pixmaps) is then ready, and the first visit paints as fast as any later
    one. A band at a time, one per idle turn: the whole register page at once held the
    window for 40-60 ms, and a click then waited for it."""
    top = page.height() * part // parts
    bottom = page.height() * (part + 1) // parts
    page.grab(QRect(0, top, page.width(), bottom - top))


class BuildAhead(QObject):
    """Builds `BUILT_AHEAD` pages one per idle moment through `build(key)` (the window's own
    page builder). `waiting()` says when to hold back (the warm-up is still importing)."""

    def __init__(
        self,
        ctx: AppContext,
        build: Callable[[str], QWidget | None],
        built: Callable[[str], bool],
        waiting: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.build = build
        self.built = built
        self.waiting = waiting
        self.queue: list[str] = []
        self.page: QWidget | None = None  # built, not drawn yet
        self.sized = False  # the page has been laid out at its size, to be drawn next
        self.part = 0  # the band of the page to draw next
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(LOOK_EVERY_MS)
        self.timer.timeout.connect(self._look)
        ctx.locked.connect(self.cancel)

    @property
    def finished(self) -> bool:
        return not self.queue

    def start(self, keys: Iterable[str]) -> None:
        """Queue the pages among `keys` worth building ahead; only with a runner that reads
        beside the GUI thread (the pages' reads must not run on it)."""
        if not self.ctx.tasks.runs_beside_gui:
            return
        available = set(keys)
        self.queue = [key for key in BUILT_AHEAD if key in available and not self.built(key)]
        long_lived.set_aside()  # the first page and the window are built
        if self.queue:
            self.timer.start()

    def cancel(self) -> None:
        self.queue, self.page, self.sized, self.part = [], None, False, 0
        long_lived.give_back()
        self.timer.stop()

    def _look(self) -> None:
        if not self.queue or not self.ctx.is_unlocked:
            self.cancel()
            return
        if self.ctx.tasks.busy or self.waiting() or QApplication.activeModalWidget() is not None:
            self.timer.start()  # someone is waiting for something: later
            return
        key = self.queue[0]
        page = self.page
        if page is None and not self.built(key):
            self.page = self.build(key)  # this turn builds it; the next idle ones lay it out
        elif page is not None and not page.isVisible() and not self.sized:
            lay_out(page)  # the next idle turns draw it
            self.sized = True
        elif page is not None and not page.isVisible() and self.part < BANDS:
            draw(page, self.part)
            self.part += 1
        else:
            self.queue.pop(0)
            self.page, self.sized, self.part = None, False, 0
            if not self.queue:  # the window's pages are all built: they live until the lock
                long_lived.set_aside()
        if self.queue:
            self.timer.start()
