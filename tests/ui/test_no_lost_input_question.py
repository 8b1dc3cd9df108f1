"""The unsaved-changes question itself: Enter presses Cancel, and Cancel is also what looks like
the default (Save is not painted as the primary button); every button has its own Alt key. A
dialog whose save cannot be undone (ending a placement) asks about closing instead."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from tests.helpers.plans import make_placement, make_pupil

from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.placements.editor import PlacementEditor
from apdesk.ui.placements.end_dialog import EndPlacementDialog

Seen = dict[str, object]


def look_then_enter(seen: Seen) -> None:
    """Note how the next message box looks, then press Enter on it."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        buttons = [b for b in box.buttons() if isinstance(b, QPushButton)]
        seen["text"] = box.text()
        seen["words"] = sorted(b.text() for b in buttons)
        seen["primary"] = [b.text() for b in buttons if b.property("variant") == "primary"]
        # What the eye sees: the fill at the top middle of each button, inside its border.
        seen["fills"] = {
            b.text(): b.grab().toImage().pixelColor(b.width() // 2, 3).name() for b in buttons
        }
        seen["default"] = box.defaultButton().text()
        seen["keys"] = [b.text().lower().split("&")[1][:1] for b in buttons if "&" in b.text()]
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press)


def placement(store: Store) -> int:
    with store.session() as s:
        today = date.today()
        made = make_placement(
            s, make_pupil(s), start=today - timedelta(days=20), end=today + timedelta(days=40)
        )
        return made.id or 0


def test_enter_presses_cancel_which_alone_looks_like_the_default(
    qtbot: QtBot, ctx: AppContext, store: Store, theme: object
) -> None:
    editor = PlacementEditor(ctx, placement(store))
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor._baseline is not None)
    notes = editor.binder.widgets["learning_outcomes"]
    notes.setFocus()
    qtbot.keyClicks(notes, "Level 1 English by July")
    seen: Seen = {}
    look_then_enter(seen)
    qtbot.keyClick(notes, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: "text" in seen)
    assert seen["default"] == "&Cancel" or seen["default"] == "Cancel"
    assert seen["primary"] == []  # Save is not drawn as the button Enter presses
    fills = seen["fills"]
    assert isinstance(fills, dict) and fills["&Save"] == fills["&Discard"]
    assert seen["words"] == sorted(["&Save", "&Discard", str(seen["default"])])
    keys = seen["keys"]
    assert isinstance(keys, list) and len(set(keys)) == len(keys) and "d" in keys
    qtbot.wait(20)
    assert editor.isVisible() and editor.has_unsaved_input()  # Enter kept the work
    editor.mark_saved()


def test_closing_the_end_placement_dialog_asks_about_closing_not_saving(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    dialog = EndPlacementDialog(ctx, placement(store), "Alex Example")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._baseline is not None)
    dialog.notes.setFocus()
    qtbot.keyClicks(dialog.notes, "Moved to Riverside College")
    seen: Seen = {}
    look_then_enter(seen)
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: "text" in seen)
    assert seen["text"] == "Close without ending the placement?"
    assert seen["words"] == ["&Discard", "&Keep editing"]
    assert seen["default"] == "&Keep editing"
    qtbot.wait(20)
    assert dialog.isVisible() and dialog.notes.toPlainText() == "Moved to Riverside College"
    dialog.mark_saved()
