"""What a person waits for in the window, timed until the screen shows the result.

The real main window runs on the store with the application's task runner (writer, readers),
offscreen, its clock pinned inside the data's school year. Each interaction is started from the
event loop and timed until its result is in the widgets and painted. Beside it, a 1 ms heartbeat
on the GUI thread records the longest time the event loop did not turn: the time the window was
frozen (no repaint, no typing). Floors from the same run: switching to a bare page, and each
page's read alone on the store (what remains if the GUI cost nothing).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

from apdesk.store import Store
from benchmarks import laptop_screen
from benchmarks.generate import CLOCK
from benchmarks.stats import median

TIMEOUT_S = 300.0
BURST_GAP_MS = 120  # a quick typist: a code and Enter, five pupils down the column
PAGES = ("home", "pupils", "placements", "register", "plans")
AFTER_BUILDING_S = 1.0  # the window left alone once the pages built ahead are in


@contextmanager
def pinned_clock() -> Iterator[None]:
    """`date.today()` and `datetime.now()` inside the data's school year, in every thread."""
    import time_machine

    with time_machine.travel(CLOCK, tick=True):
        yield


class Timing(NamedTuple):
    shown: float  # ms from the action to its result painted
    blocked: float  # ms: the longest the GUI thread did not turn meanwhile
    cpu: float  # ms of CPU the GUI thread spent meanwhile (unaffected by other processes)
    blocked_cpu: float  # ms: the longest block measured in GUI-thread CPU time


class Probe:
    """A heartbeat every millisecond on the GUI thread: the longest gap between two beats is
    the longest the event loop was blocked. It also asks `done()` on each beat."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEventLoop, Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._beat)
        self.deadline = QTimer()
        self.deadline.setSingleShot(True)
        self.deadline.setInterval(int(TIMEOUT_S * 1000))
        self.loop = QEventLoop()
        self.deadline.timeout.connect(self.loop.quit)
        self.last = 0.0
        self.longest = 0.0
        self.last_cpu = 0.0
        self.longest_cpu = 0.0  # the same gap in the GUI thread's CPU time
        self.done: Callable[[], bool] = lambda: True
        self.finished_at: float | None = None
        self.cpu = 0.0  # GUI-thread CPU time of the last run: its own work, whatever the load

    def _beat(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.longest = max(self.longest, now - self.last)
        self.longest_cpu = max(self.longest_cpu, cpu - self.last_cpu)
        self.last, self.last_cpu = now, cpu
        if self.finished_at is None and self.done():  # done() paints: that is a block too
            self.finished_at = time.perf_counter()
            self.longest = max(self.longest, self.finished_at - now)
            self.longest_cpu = max(self.longest_cpu, time.thread_time() - cpu)
            self.loop.quit()

    def run(self, action: Callable[[], Any], done: Callable[[], bool]) -> tuple[float, float]:
        """(ms until `done()` held and the window was painted, longest GUI block in ms)."""
        from PySide6.QtCore import QTimer

        self.done, self.finished_at, self.longest = done, None, 0.0
        started: list[float] = []
        cpu = time.thread_time()

        def start() -> None:
            started.append(time.perf_counter())
            action()

        QTimer.singleShot(0, start)
        self.deadline.start()
        self.last, self.last_cpu, self.longest_cpu = time.perf_counter(), time.thread_time(), 0.0
        self.timer.start()
        self.loop.exec()
        self.timer.stop()
        self.deadline.stop()
        self.cpu = (time.thread_time() - cpu) * 1000
        if self.finished_at is None:
            raise TimeoutError("the window did not show the result in time")
        return (self.finished_at - started[0]) * 1000, self.longest * 1000


class Bench:
    """The window, its pages and the probe; each method is one interaction."""

    def __init__(self, store: Store, folder: Path) -> None:
        laptop_screen.use()
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

        from apdesk.ui.core.context import AppContext
        from apdesk.ui.core.tasks import ThreadTaskRunner
        from apdesk.ui.shell.main_window import MainWindow

        self.app = QApplication.instance() or QApplication([])
        self.scratch = tempfile.TemporaryDirectory()
        settings = QSettings(str(Path(self.scratch.name) / "s.ini"), QSettings.Format.IniFormat)
        self.store = store
        self.tasks = ThreadTaskRunner()
        self.ctx = AppContext(folder, self.tasks, settings, store=store)
        self.probe = Probe()
        self.window = MainWindow(self.ctx)
        self.window.resize(1366, 768)
        self.window.show()
        self.bare = QWidget()
        QVBoxLayout(self.bare).addWidget(QLabel("A bare page"))
        self.window.stack.addWidget(self.bare)
        self.keys = [spec.key for spec in self.window.specs]
        self.settle()
        self.built_ahead = self.build_ahead()

    # -- helpers -------------------------------------------------------------------
    def idle(self) -> bool:
        return not self.tasks.busy

    def settle(self) -> None:
        """Wait for all queued work, so one interaction does not time another's leftovers."""
        self.probe.run(lambda: None, self.idle)

    def painted(self, check: Callable[[], bool]) -> Callable[[], bool]:
        def done() -> bool:
            if not check():
                return False
            self.window.repaint()
            return True

        return done

    def time(self, action: Callable[[], Any], check: Callable[[], bool]) -> Timing:
        try:
            shown, blocked = self.probe.run(action, self.painted(check))
        except TimeoutError:
            raise TimeoutError(
                f"{_name(action)}: no result on screen in {TIMEOUT_S:.0f} s"
            ) from None
        cpu, blocked_cpu = self.probe.cpu, self.probe.longest_cpu * 1000
        self.settle()
        return Timing(shown, blocked, cpu, blocked_cpu)

    def build_ahead(self) -> Timing | None:
        """Wait while the window builds its busiest pages ahead (if it does): the longest block
        meanwhile is the cost of a page's build, paid while nobody is waiting for it. Every
        "first visit" below is then of a page built ahead, as a person would find it."""
        ahead = getattr(self.window, "build_ahead", None)
        if ahead is None:
            return None
        quiet: list[float] = []

        def done() -> bool:  # and a second more: what drawing them queued (a long list's
            if not (self.idle() and ahead.finished):  # layout, a hundred rows a turn) runs too
                return False
            quiet.append(quiet[0] if quiet else time.perf_counter())
            return time.perf_counter() - quiet[0] >= AFTER_BUILDING_S

        return self.time(lambda: None, done)

    def to_bare(self) -> Timing:
        self.window.sidebar.blockSignals(True)
        self.window.sidebar.setCurrentRow(-1)
        self.window.sidebar.blockSignals(False)
        return self.time(
            lambda: self.window.stack.setCurrentWidget(self.bare),
            lambda: self.window.stack.currentWidget() is self.bare,
        )

    def to_page(self, key: str) -> Timing:
        row = self.keys.index(key)
        return self.time(
            lambda: self.window.sidebar.setCurrentRow(row),
            lambda: self.idle() and self.window.stack.currentWidget() is self.window.pages.get(key),
        )

    def page(self, key: str) -> Any:
        return self.window.pages[key]

    def read_alone(self, key: str) -> float | None:
        """The page's read on the store, with no GUI: the floor of what the page can show."""
        loader = getattr(self.page(key), "loader", None)
        fetch = getattr(loader, "fetch", None)
        if key == "home":  # the whole read: the page's own keeps parts after marks alone
            from apdesk.services.measures.dashboard import load_dashboard

            asked = self.page(key).asked_at
            fetch = lambda session: load_dashboard(session, asked)  # noqa: E731
        if fetch is None and key == "pupils":
            from apdesk.services.pupils import list_pupils

            fetch = list_pupils
        if fetch is None:
            return None
        started = time.perf_counter()
        self.store.read(fetch)
        return (time.perf_counter() - started) * 1000

    def close(self) -> None:
        self.window.close()
        self.tasks.shutdown()
        self.scratch.cleanup()


def log(message: str) -> None:
    print(f"benchmarks: window: {message}", file=sys.stderr, flush=True)


def _name(action: Callable[[], Any]) -> str:
    inner = getattr(action, "func", action)
    return str(getattr(inner, "__qualname__", inner))


def _summary(values: list[float]) -> dict[str, float]:
    return {
        "median": round(median(values), 1),
        "min": round(min(values), 1),
        "max": round(max(values), 1),
    }


def _fig(timings: list[Timing]) -> dict[str, Any]:
    return {
        "shown_ms": _summary([t.shown for t in timings]),
        "blocked_ms": _summary([t.blocked for t in timings]),
        "blocked_cpu_ms": _summary([t.blocked_cpu for t in timings]),
        "gui_cpu_ms": _summary([t.cpu for t in timings]),
    }


def _one(timing: Timing) -> dict[str, float]:
    return {
        "shown_ms": round(timing.shown, 1),
        "blocked_ms": round(timing.blocked, 1),
        "blocked_cpu_ms": round(timing.blocked_cpu, 1),
        "gui_cpu_ms": round(timing.cpu, 1),
    }


def _repeat(runs: int, fn: Callable[[], Timing]) -> dict[str, Any]:
    return _fig([fn() for _ in range(max(1, runs))])


def clear_cells(store: Store, wanted: int) -> int:
    """Rub out this morning's school marks for `wanted` pupils on the register, so there are
    empty cells to type into (the synthetic store marked every session up to 22 July)."""
    from sqlalchemy import text

    from apdesk.services.attendance.register import register_grid

    today = date.today()
    grid = store.read(register_grid, today, today, today)
    pupils = [
        pid
        for (pid, day, half), cell in grid.cells.items()
        if day == today and half.value == "AM" and not cell.expected_at_provider
    ][:wanted]
    these = "FROM attendancemark WHERE pupil_id = :p AND mark_date = :d AND session = 'AM'"
    with store.engine.begin() as conn:
        for pid in pupils:
            args = {"p": pid, "d": today.isoformat()}
            # Their sharing entries go with them: a mark typed later may take a freed id.
            conn.execute(
                text(
                    "DELETE FROM sharerow WHERE tbl = 'attendancemark' "
                    f"AND lid IN (SELECT CAST(id AS TEXT) {these})"
                ),
                args,
            )
            conn.execute(text(f"DELETE {these}"), args)
    return len(pupils)


def measure(store: Store, folder: Path, runs: int) -> dict[str, Any]:
    with pinned_clock():
        clear_cells(store, 10 * max(1, runs) + 10)
        bench = Bench(store, folder)
        try:
            return _measure(bench, runs)
        finally:
            bench.close()


def _measure(bench: Bench, runs: int) -> dict[str, Any]:
    out: dict[str, Any] = {"clock": date.today().isoformat()}
    out["bare_page"] = _repeat(runs, bench.to_bare)
    if bench.built_ahead is not None:
        out["pages_built_ahead"] = _one(bench.built_ahead)
    for key in PAGES:
        out.update(_group(f"page {key}", partial(_page, bench, key, runs)))
    out.update(_group("placement editor", lambda: _editor(bench, runs)))
    out.update(_group("register", lambda: _register(bench, runs)))
    out.update(_group("print preview", lambda: _preview(bench, runs)))
    out.update(
        _group(
            "home after a mark", lambda: {"page_home_after_a_mark": _home_after_change(bench, runs)}
        )
    )
    return out


def _page(bench: Bench, key: str, runs: int) -> dict[str, Any]:
    """The page shown the first time (built), then again; and its read alone."""
    bench.to_bare()
    first = bench.to_page(key)
    again = []
    for _ in range(max(1, runs)):
        bench.to_bare()
        again.append(bench.to_page(key))
    reads = [bench.read_alone(key) for _ in range(max(1, runs))]
    return {
        f"page_{key}": {
            "first": _one(first),
            "again": _fig(again),
            "read_alone_ms": None if reads[0] is None else _summary([r for r in reads if r]),
        }
    }


def _group(name: str, fn: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """One group of figures; one that shows nothing in time is reported and left out."""
    log(name)
    try:
        return fn()
    except TimeoutError as exc:
        log(f"{name} not measured: {exc}")
        return {}


def _editor(bench: Bench, runs: int) -> dict[str, Any]:
    bench.to_page("placements")
    page = bench.page("placements")
    placement_id = page.rows[0].id

    def open_one(pid: int | None) -> Timing:
        editors: list[Any] = []

        def ready() -> bool:
            if not editors or not bench.idle():
                return False
            editor = editors[0]
            return bool(editor.isVisible() and editor.sections.pupil.count() > 1)

        result = bench.time(lambda: editors.append(page.open_placement(pid)), ready)
        editors[0].done(0)
        editors[0].deleteLater()
        bench.settle()
        return result

    return {
        "placement_editor_existing": _repeat(runs, lambda: open_one(placement_id)),
        "placement_editor_new": _repeat(runs, lambda: open_one(None)),
    }


def _register(bench: Bench, runs: int) -> dict[str, Any]:
    bench.to_page("register")
    page = bench.page("register")
    model = page.model
    this_week = page.monday

    def week(step: int) -> Timing:
        target = page.monday + timedelta(days=7 * step)
        return bench.time(
            lambda: page.go_to_week(target),
            lambda: bench.idle() and page.asked[0] == target and model.rowCount() > 0,
        )

    moves = []
    for i in range(max(1, runs)):
        moves.append(week(1 if i % 2 == 0 else -1))
    if page.monday != this_week:
        week(-1)
    out: dict[str, Any] = {"register_next_week": _fig(moves)}
    empty = _empty_cells(page, 5 * (max(1, runs) + 1))
    if len(empty) < max(1, runs) + 5:
        out["mark_one"] = out["mark_burst_of_five"] = None
        return out

    def typed(index: Any) -> Callable[[], bool]:
        return partial(_shows_mark, model, index)

    ones = []
    for _ in range(max(1, runs)):
        index = empty.pop()
        page.view.setCurrentIndex(index)
        ones.append(bench.time(partial(_type, page, index), typed(index)))
    out["mark_one"] = _fig(ones)
    burst = [empty.pop() for _ in range(5)]
    out["mark_burst_of_five"] = _burst(bench, page, burst)
    return out


def _type(page: Any, index: Any) -> None:
    page.view.setCurrentIndex(index)
    page.view.type_character("/")


def _burst(bench: Bench, page: Any, cells: list[Any]) -> dict[str, Any]:
    """Five marks typed one after another without waiting: each until its cell shows it."""
    from PySide6.QtCore import QTimer

    model = page.model
    started: dict[int, float] = {}
    shown: dict[int, float] = {}

    def type_one(n: int) -> None:
        started[n] = _now()
        _type(page, cells[n])

    def type_all() -> None:
        for n in range(len(cells)):
            QTimer.singleShot(n * BURST_GAP_MS, partial(type_one, n))

    def all_shown() -> bool:
        for n, index in enumerate(cells):
            if n not in shown and n in started and model.cell_at(index).code == "/":
                shown[n] = _now()
        return len(shown) == len(cells)

    timing = bench.time(type_all, all_shown)
    each = [(shown[n] - started[n]) * 1000 for n in range(len(cells))]
    return {
        "each_ms": [round(v, 1) for v in each],
        "fifth_ms": round(each[-1], 1),
        "blocked_ms": round(timing.blocked, 1),
        "blocked_cpu_ms": round(timing.blocked_cpu, 1),
        "gui_cpu_ms": round(timing.cpu, 1),
    }


def _shows_mark(model: Any, index: Any) -> bool:
    return bool(model.cell_at(index).code == "/")


def _now() -> float:
    return time.perf_counter()


def _empty_cells(page: Any, wanted: int) -> list[Any]:
    """Cells of today's morning with no mark, not expected at a provider: a register to fill."""
    model = page.model
    today = date.today()
    column = next(
        (c for c in range(model.columnCount()) if model.slot(c)[0] == today),
        0,
    )
    found = []
    for row in range(model.rowCount()):
        index = model.index(row, column)
        cell = model.cell_at(index)
        if cell.code is None and not cell.expected_at_provider:
            found.append(index)
            if len(found) >= wanted:
                break
    return found


def _preview(bench: Bench, runs: int) -> dict[str, Any]:
    bench.to_page("placements")
    page = bench.page("placements")
    page.table.selectRow(0)
    page.table.setCurrentIndex(page.proxy.index(0, 0))

    def one() -> Timing:
        page.preview = None

        def ready() -> bool:
            return bench.idle() and page.preview is not None and page.preview.isVisible()

        result = bench.time(page.print_referral, ready)
        page.preview.done(0)
        page.preview.deleteLater()
        bench.settle()
        return result

    return {"print_preview_referral": _repeat(runs, one)}


def _home_after_change(bench: Bench, runs: int) -> dict[str, Any]:
    """A mark typed on the register, then Home: the dashboard read again for the change."""
    bench.to_page("register")
    page = bench.page("register")
    cells = _empty_cells(page, max(1, runs))
    model = page.model
    results, reads = [], []
    home = bench.page("home")
    for index in cells:
        bench.time(partial(_type, page, index), partial(_shows_mark, model, index))
        bench.to_bare()
        results.append(bench.to_page("home"))
        # The page's own read as it runs after marks alone, again with no GUI (after the
        # switch timed above, so as not to warm its caches for it).
        started = time.perf_counter()
        bench.store.read(home.loader.fetch)
        reads.append((time.perf_counter() - started) * 1000)
        bench.to_page("register")
    if not results:
        return {}
    return {**_fig(results), "read_alone_ms": _summary(reads)}
