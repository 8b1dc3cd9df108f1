"""Import what the other pages, the editors and the print preview need, off the GUI thread.

The first visit of a page used to spend most of its time importing the page's modules on the GUI
thread (on a two-core laptop 20-200 ms, the Plans and Placements pages with the PDF libraries):
a window frozen for several frames. Once the window has shown its first page and its data, one
background thread imports them instead, page by page in the sidebar's order, then the editors and
the print preview. Importing is safe beside the GUI thread because these modules only define
classes and functions: no widget is made while they load (widgets are made when a page is built,
on the GUI thread). A page visited before its turn simply imports what it needs itself; Python's
import locks keep the two from loading a module twice.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Sequence
from importlib import import_module

from PySide6.QtCore import QObject

from apdesk.ui.core.context import AppContext
from apdesk.ui.core.tasks import Pool
from apdesk.ui.shell.pages import PageSpec

log = logging.getLogger(__name__)

# Opened from the pages: the editors people open most, the print preview and what it draws.
AFTER_PAGES = (
    "apdesk.ui.placements.editor",
    "apdesk.ui.placements.print_actions",
    "apdesk.ui.widgets.pdf_preview",
    "apdesk.ui.pupils.editor",
    "apdesk.ui.providers.editor",
    "apdesk.ui.home.dialogs",
    "PySide6.QtNetwork",  # the sync's network hint, loaded a few seconds after unlocking
)


def modules_to_warm(specs: Iterable[PageSpec], built: Iterable[str] = ()) -> list[str]:
    """The modules of the pages not built yet, in the sidebar's order, then AFTER_PAGES; none
    that is loaded already."""
    skip = set(built)
    names = [spec.factory.partition(":")[0] for spec in specs if spec.key not in skip]
    names += AFTER_PAGES
    return [name for name in dict.fromkeys(names) if name not in sys.modules]


def import_all(names: Sequence[str], stop: list[bool]) -> int:
    """Import `names` one by one until `stop[0]` is set; how many were imported. Runs on the
    background thread: a module that fails here is logged and left for its page to report."""
    done = 0
    for name in names:
        if stop[0]:
            break
        try:
            import_module(name)
        except Exception:  # the page that needs it imports it again and shows what went wrong
            log.warning("could not import %s ahead of time", name, exc_info=True)
            continue
        done += 1
    return done


class WarmUp(QObject):
    """Starts the imports the first time the task runner falls idle after `start()`: by then the
    page on screen has shown its data, so the imports never delay it. Locking stops them after
    the module being imported; the next unlock starts them again for what is still missing."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.names: list[str] = []
        self.waiting = False
        self.running = False
        self.stop = [False]  # read by the background thread between two modules
        ctx.locked.connect(self.cancel)

    def start(self, specs: Iterable[PageSpec], built: Iterable[str] = ()) -> None:
        """Warm up what `specs` need beyond the pages in `built`, once the runner is idle."""
        if self.waiting or self.running or not self.ctx.tasks.runs_beside_gui:
            return
        self.names = modules_to_warm(specs, built)
        if not self.names:
            return
        self.waiting = True
        self.ctx.tasks.busy_changed.connect(self._busy_changed)
        if not self.ctx.tasks.busy:
            self._busy_changed(False)

    def _busy_changed(self, busy: bool) -> None:
        if busy or not self.waiting:
            return
        self.waiting = False
        self.ctx.tasks.busy_changed.disconnect(self._busy_changed)
        self.running, self.stop = True, [False]
        names, stop = list(self.names), self.stop
        self.ctx.tasks.submit(
            lambda: import_all(names, stop),
            on_result=self._finished,
            on_error=self._finished,
            pool=Pool.BACKGROUND,
        )

    def _finished(self, _outcome: object) -> None:
        self.running = False

    def cancel(self) -> None:
        """Stop after the module being imported (locking, closing the window)."""
        self.stop[0] = True
        if self.waiting:
            self.waiting = False
            self.ctx.tasks.busy_changed.disconnect(self._busy_changed)
