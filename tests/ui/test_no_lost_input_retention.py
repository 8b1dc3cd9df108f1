"""The Security dialog's retention periods are input like the rest: a year changed and not yet
saved puts `*` in the title, Escape asks, Save on the way out keeps it, Discard lets it go."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox
from pytestqt.qtbot import QtBot
from tests.helpers.unsaved import Button, answer_next_box

from apdesk.services import retention
from apdesk.ui.core.context import AppContext
from apdesk.ui.security.clipboard_guard import ClipboardGuard
from apdesk.ui.security.dialog import SecurityDialog


def _years(ctx: AppContext) -> dict[str, int]:
    return {rule.key: rule.years for rule in ctx.store.read(retention.rules)}


def _open_on_retention(qtbot: QtBot, ctx: AppContext) -> tuple[SecurityDialog, str, QSpinBox]:
    dialog = SecurityDialog(ctx, ClipboardGuard(ctx))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentWidget(dialog.retention)
    table = dialog.retention.rules
    keys = [rule.key for rule in ctx.store.read(retention.rules)]
    boxes = [table.cellWidget(row, 1) for row in range(table.rowCount())]
    key, box = next(
        (key, box)
        for key, box in zip(keys, boxes, strict=True)
        if isinstance(box, QSpinBox) and box.isEnabled()
    )
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "9")  # typed, not yet left: no save has run
    return dialog, key, box


def test_a_changed_period_asks_on_escape_and_save_keeps_it(qtbot: QtBot, ctx: AppContext) -> None:
    dialog, key, box = _open_on_retention(qtbot, ctx)
    assert box.value() == 9 and _years(ctx)[key] != 9
    assert dialog.isWindowModified()
    asked: list[str] = []
    answer_next_box(Button.Cancel, asked)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["Security has changes that are not saved."] and dialog.isVisible()
    answer_next_box(Button.Save, asked)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _years(ctx)[key] == 9


def test_a_changed_period_discarded_is_not_saved(qtbot: QtBot, ctx: AppContext) -> None:
    dialog, key, _box = _open_on_retention(qtbot, ctx)
    before = _years(ctx)[key]
    asked: list[str] = []
    answer_next_box(Button.Discard, asked)
    dialog.close()
    assert asked and not dialog.isVisible()
    assert _years(ctx)[key] == before
