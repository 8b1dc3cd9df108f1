"""Auto-lock: lock the store after a spell without input, on suspend, and on demand.

Any key press or mouse action anywhere in the application counts as the person being there.
The idle clock runs on wall-clock time (see `services.idle`), so a laptop that slept past the
timeout locks the moment it wakes, before anyone can read the screen.

Input is watched on the application's windows, where the window system delivers it, not on the
whole application: a filter on the application is called in Python for every event of every
widget (each paint, layout and timer), thousands while an editor opens, and cost the GUI thread
a third of that time. A window is watched from the moment it takes the focus, and every window
open is looked at again with each idle check.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QWindow

from apdesk.i18n import _
from apdesk.services.idle import IdleClock, clamp_minutes
from apdesk.ui.core import settings_keys
from apdesk.ui.core.context import AppContext

IDLE_KEY = settings_keys.IDLE_MINUTES.name
CHECK_MS = 5000
INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


def idle_minutes(ctx: AppContext) -> int:
    return clamp_minutes(ctx.settings.value(IDLE_KEY, settings_keys.IDLE_MINUTES.default))


class AutoLock(QObject):
    """Installed once per main window; harmless while the store is already locked."""

    def __init__(
        self,
        ctx: AppContext,
        clock: Callable[[], float] = time.time,
        check_ms: int = CHECK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reason = ""  # why the last lock happened, for the unlock dialog
        self.idle = IdleClock(idle_minutes(ctx) * 60, clock)
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            self._watch_windows()
            app.focusWindowChanged.connect(self._watch)
            # Some platforms never report this; the idle timer still covers them.
            app.applicationStateChanged.connect(self._state_changed)
        ctx.unlocked.connect(self._started)
        ctx.locked.connect(self.timer.stop)
        if ctx.is_unlocked:
            self._started()

    def set_minutes(self, minutes: int) -> None:
        minutes = clamp_minutes(minutes)
        self.ctx.settings.setValue(IDLE_KEY, minutes)
        self.idle.timeout_s = minutes * 60

    def _started(self) -> None:
        self.reason = ""
        self.idle.timeout_s = idle_minutes(self.ctx) * 60
        self.idle.touch()
        self.timer.start()

    def _watch(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # installing it again leaves one filter

    def _watch_windows(self) -> None:
        for window in QGuiApplication.topLevelWindows():
            self._watch(window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.idle.touch()
        return False

    def check(self) -> None:
        self._watch_windows()  # windows opened since, which have not taken the focus
        if self.ctx.is_unlocked and self.idle.expired():
            minutes = round(self.idle.timeout_s / 60)
            self.lock_now(
                _("The store locked itself after {n} minutes without use.").format(n=minutes)
            )

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock_now(_("The store locked itself when the computer went to sleep."))
        elif state == Qt.ApplicationState.ApplicationActive:
            self.check()  # waking from sleep: lock at once if the idle time has passed

    def lock_now(self, reason: str = "") -> None:
        if self.ctx.is_unlocked:
            self.reason = reason
            self.ctx.lock()

    def uninstall(self) -> None:
        for window in QGuiApplication.topLevelWindows():
            window.removeEventFilter(self)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.disconnect(self._watch)
        self.timer.stop()
