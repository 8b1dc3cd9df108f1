"""Auto-lock with a fake clock, and the clipboard guard."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
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
    """Keys and clicks arrive as the window system delivers them: to a window of the app."""
    clock = FakeClock()
    guard = _autolock(ctx, clock)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.activateWindow()
    qtbot.waitUntil(edit.isActiveWindow)  # the window the keys go to: watched as it took focus
    window = edit.windowHandle()
    assert window is not None
    clock.now += 4 * 60
    QTest.keyClick(window, Qt.Key.Key_A)
    clock.now += 4 * 60
    guard.check()
    assert ctx.is_unlocked
    clock.now += 4 * 60
    QTest.mouseClick(
        window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(2, 2)
    )
    clock.now += 2 * 60
    guard.check()
    assert ctx.is_unlocked
    clock.now += 3 * 60
    guard.check()
    assert not ctx.is_unlocked
    guard.uninstall()


def test_input_in_a_window_opened_later_counts_too(ctx: AppContext, qtbot: QtBot) -> None:
    clock = FakeClock()
    guard = _autolock(ctx, clock)
    later = QLineEdit()  # a dialog opened after the auto-lock started, never focused
    qtbot.addWidget(later)
    later.show()
    qtbot.waitExposed(later)
    guard.check()  # each check looks at the windows open now
    window = later.windowHandle()
    assert window is not None
    clock.now += 4 * 60
    QTest.keyClick(window, Qt.Key.Key_B)
    clock.now += 4 * 60
    guard.check()
    assert ctx.is_unlocked
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
