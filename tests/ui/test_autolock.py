"""Auto-lock with a fake clock, and the clipboard guard."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from apdesk.ui.core.context import AppContext
from apdesk.ui.security.autolock import IDLE_KEY, AutoLock
from apdesk.ui.security.clipboard_guard import ClipboardGuard


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def _autolock(ctx: AppContext, clock: FakeClock) -> AutoLock:
    ctx.settings.setValue(IDLE_KEY, 5)
    return AutoLock(ctx, clock=clock, check_ms=10)


def test_locks_after_the_idle_time_and_drops_the_key(ctx: AppContext, qtbot: QtBot) -> None:
    clock = FakeClock()
    guard = _autolock(ctx, clock)
    store = ctx.store
    clock.now += 4 * 60
    guard.check()
    assert ctx.is_unlocked
    clock.now += 60
    with qtbot.waitSignal(ctx.locked):
        pass  # the timer's next check does it
    assert not ctx.is_unlocked and store.is_locked
    guard.uninstall()


def test_input_resets_the_idle_time(ctx: AppContext, qtbot: QtBot) -> None:
    clock = FakeClock()
    guard = _autolock(ctx, clock)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    clock.now += 4 * 60
    qtbot.keyClick(edit, Qt.Key.Key_A)
    clock.now += 4 * 60
    guard.check()
    assert ctx.is_unlocked
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        QPointF(2, 2),
        QPointF(2, 2),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    clock.now += 4 * 60
    QApplication.sendEvent(edit, press)
    clock.now += 2 * 60
    guard.check()
    assert ctx.is_unlocked
    clock.now += 3 * 60
    guard.check()
    assert not ctx.is_unlocked
    guard.uninstall()


def test_suspend_locks_and_waking_late_locks(ctx: AppContext, qtbot: QtBot) -> None:
    clock = FakeClock()
    guard = _autolock(ctx, clock)
    guard._state_changed(Qt.ApplicationState.ApplicationInactive)
    assert ctx.is_unlocked
    with qtbot.waitSignal(ctx.locked):
        guard._state_changed(Qt.ApplicationState.ApplicationSuspended)
    guard.uninstall()


def test_minutes_setting_is_used_and_clamped(ctx: AppContext) -> None:
    clock = FakeClock()
    guard = _autolock(ctx, clock)
    guard.set_minutes(0)
    assert guard.idle.timeout_s == 60 and ctx.settings.value(IDLE_KEY) == 1
    guard.uninstall()


def test_clipboard_is_cleared_only_if_it_still_holds_our_copy(
    ctx: AppContext, qtbot: QtBot
) -> None:
    clipboard = QGuiApplication.clipboard()
    guard = ClipboardGuard(ctx, clear_after_ms=20)
    guard.copy("A123456789012 Robin Example")
    assert clipboard.text() == "A123456789012 Robin Example"
    qtbot.waitUntil(lambda: not guard.holding)
    assert clipboard.text() == ""
    guard.copy("personal")
    clipboard.setText("something the person copied later")
    qtbot.waitUntil(lambda: not guard.holding)
    assert clipboard.text() == "something the person copied later"
    guard.copy("personal again")
    ctx.lock()
    assert clipboard.text() == "" and not guard.holding
