"""Placing a pupil with the keyboard alone: shortcuts, Tab, typing and Ctrl+S, never the mouse."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import select

from apdesk import models
from apdesk.models.enums import SettingType
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.placements.editor import PlacementEditor
from apdesk.ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def add_pupil_and_provider(store: Store) -> tuple[int, int]:
    with store.session() as s:
        pupil = models.Pupil(
            upn="A123456789012", forename="Tamsin", surname="Okafor", dob=date(2011, 5, 14)
        )
        provider = models.Provider(name="Brookside Learning Centre", setting_type=SettingType.PRU)
        s.add(pupil)
        s.add(provider)
        s.flush()
        return pupil.id or 0, provider.id or 0


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    widget = focused()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, key, modifier)


def tab_to(qtbot: QtBot, target: QWidget, limit: int = 40) -> None:
    """Press Tab until `target` has the focus, as a person would; fails if it is never reached."""
    for _ in range(limit):
        if focused() is target:
            return
        press(qtbot, Qt.Key.Key_Tab)
    assert focused() is target, f"Tab never reached {target.accessibleName()!r}"


def type_text(qtbot: QtBot, text: str) -> None:
    widget = focused()
    assert widget is not None
    qtbot.keyClicks(widget, text)


def test_place_a_pupil_with_the_keyboard_alone(qtbot: QtBot, ctx: AppContext) -> None:
    pupil_id, provider_id = add_pupil_and_provider(ctx.store)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.sidebar.setFocus()

    # The Go menu's shortcut for the Placements page (Ctrl+<its place in the sidebar>).
    row = [spec.key for spec in window.specs].index("placements")
    assert row < 9
    press(qtbot, Qt.Key(Qt.Key.Key_1.value + row), CTRL)
    page = window.pages["placements"]
    assert window.stack.currentWidget() is page

    press(qtbot, Qt.Key.Key_N, CTRL)  # New placement
    editor = page.editor  # type: ignore[attr-defined]
    assert isinstance(editor, PlacementEditor)
    qtbot.waitUntil(editor.isActiveWindow)

    pupil: QComboBox = editor.sections.pupil
    tab_to(qtbot, pupil)
    wanted = pupil.itemText(pupil.findData(pupil_id))  # "Tamsin Okafor (A123…)"
    surname = wanted.split(" (")[0].split()[-1]
    type_text(qtbot, surname[:5])  # the list shows the pupils whose names hold what is typed
    popup = pupil.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert pupil.currentData() == pupil_id

    provider: QComboBox = editor.sections.provider
    tab_to(qtbot, provider)
    # No QA on record, so choosing it asks why; Escape leaves the answer for the form's own
    # reason field, the next stop after the provider.
    escape = QTimer(editor)
    escape.setInterval(10)

    def dismiss_question() -> None:
        question = QApplication.activeModalWidget()
        if question is not None and question is not editor and question.isVisible():
            escape.stop()
            qtbot.keyClick(question, Qt.Key.Key_Escape)

    escape.timeout.connect(dismiss_question)
    escape.start()
    type_text(qtbot, provider.itemText(provider.findData(provider_id))[:1])
    assert provider.currentData() == provider_id
    reason = editor.binder.widgets["qa_override_reason"]
    qtbot.waitUntil(lambda: not escape.isActive())
    editor.activateWindow()  # what the window manager does when a dialog closes
    qtbot.waitUntil(editor.isActiveWindow)
    tab_to(qtbot, reason)
    type_text(qtbot, "Family's choice; QA visit booked")

    contact = editor.binder.widgets["key_contact_name"]
    assert isinstance(contact, QLineEdit)
    tab_to(qtbot, contact)
    type_text(qtbot, "Mr O. Pike")

    with qtbot.waitSignal(editor.saved, timeout=5000):
        press(qtbot, Qt.Key.Key_S, CTRL)

    with ctx.store.session() as s:
        rows = s.exec(select(models.Placement)).all()
        assert [(r.pupil_id, r.provider_id, r.key_contact_name) for r in rows] == [
            (pupil_id, provider_id, "Mr O. Pike")
        ]
        assert rows[0].qa_override_reason == "Family's choice; QA visit booked"
    assert editor.placement_id is not None
    editor.reject()
