"""Nothing typed is lost: guarded dialogs ask before dropping input, and survive a lock."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.tasks import InlineTaskRunner
from apdesk.ui.core.windows import OpenWindows
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.widgets.date_field import DateField
from apdesk.ui.widgets.guard import GuardedDialog, not_input

Button = QMessageBox.StandardButton


class NoteEditor(GuardedDialog):
    """A small editor of the usual parts; `saves` counts what was saved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Note")
        self.name = QLineEdit(self)
        self.when = DateField("Date", self)
        self.kind = QComboBox(self)
        self.kind.addItems(["Call", "Visit"])
        self.text = QPlainTextEdit(self)
        self.search = not_input(QLineEdit(self))
        layout = QVBoxLayout(self)
        for widget in (self.name, self.when, self.kind, self.text, self.search):
            layout.addWidget(widget)
        self.saves: list[str] = []
        self.watch_input()

    def save(self) -> None:
        self.saves.append(self.name.text())
        self.saved_and_close()


def answer_next_box(button: Button, asked: list[str]) -> None:
    """Click `button` on the next message box, as a person would."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        cancel_is_default = box.defaultButton() == box.button(Button.Cancel)
        asked.append(box.text() if cancel_is_default else "Cancel was not the default")
        box.button(button).click()

    QTimer.singleShot(0, click)


@pytest.fixture
def editor(qtbot: QtBot) -> NoteEditor:
    made = NoteEditor()
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def test_untouched_and_not_input_fields_close_without_asking(
    qtbot: QtBot, editor: NoteEditor
) -> None:
    qtbot.keyClicks(editor.search, "Ada")
    assert not editor.isWindowModified()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()


@pytest.mark.parametrize(
    "edit",
    [
        lambda e, bot: bot.keyClicks(e.name, "Ada"),
        lambda e, bot: bot.keyClicks(e.when.edit, "11/01/2027"),
        lambda e, bot: e.kind.setCurrentIndex(1),
        lambda e, bot: bot.keyClicks(e.text, "Rang home."),
    ],
    ids=["line", "date", "choice", "text"],
)
def test_escape_with_unsaved_input_asks_and_cancel_keeps_it(
    qtbot: QtBot, editor: NoteEditor, edit: Callable[[NoteEditor, QtBot], None]
) -> None:
    edit(editor, qtbot)
    assert editor.isWindowModified() and editor.windowTitle() == "Note[*]"
    asked: list[str] = []
    answer_next_box(Button.Cancel, asked)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert asked == ["Note has changes that are not saved."]
    assert editor.isVisible() and editor.has_unsaved_input()


def test_close_then_save_saves_and_closes(qtbot: QtBot, editor: NoteEditor) -> None:
    qtbot.keyClicks(editor.name, "Ada Ash")
    asked: list[str] = []
    answer_next_box(Button.Save, asked)
    editor.close()
    assert asked and editor.saves == ["Ada Ash"] and not editor.isVisible()


def test_discard_closes_and_drops_the_input(qtbot: QtBot, editor: NoteEditor) -> None:
    qtbot.keyClicks(editor.name, "Ada Ash")
    asked: list[str] = []
    answer_next_box(Button.Discard, asked)
    editor.reject()
    assert asked and editor.saves == [] and not editor.isVisible()


def test_typing_back_the_saved_value_is_not_a_change(qtbot: QtBot, editor: NoteEditor) -> None:
    qtbot.keyClicks(editor.name, "A")
    assert editor.isWindowModified()
    qtbot.keyClick(editor.name, Qt.Key.Key_Backspace)
    assert not editor.isWindowModified()


def test_a_record_opens_in_one_window(qtbot: QtBot) -> None:
    windows = OpenWindows()
    made: list[NoteEditor] = []

    def make() -> NoteEditor:
        made.append(NoteEditor())
        qtbot.addWidget(made[-1])
        return made[-1]

    first = windows.show(("note", 7), make)
    second = windows.show(("note", 7), make)  # a double-click and an Enter
    assert first is second and len(made) == 1
    other = windows.show(("note", 8), make)
    assert other is not first
    first.reject()
    assert windows.show(("note", 7), make) is not first  # closed: a fresh one


def test_quitting_with_an_unsaved_editor_asks(qtbot: QtBot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    editor = NoteEditor(window)
    editor.show()
    qtbot.keyClicks(editor.name, "Ada Ash")
    asked: list[str] = []
    answer_next_box(Button.Cancel, asked)
    assert not window.close()
    assert asked and window.isVisible() and editor.isVisible()


def test_lock_keeps_an_open_changed_editor_and_unlock_brings_it_back(
    qtbot: QtBot, store: Store, tasks: InlineTaskRunner, settings: QSettings
) -> None:
    ctx = AppContext(store.folder, tasks, settings, store=store)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.stack.currentWidget()
    editor = NoteEditor(page)  # editors belong to pages, which a lock throws away
    editor.show()
    qtbot.keyClicks(editor.name, "Ada Ash")
    qtbot.keyClicks(editor.text, "Safeguarding: see the file.")
    window.lock()
    assert not editor.isVisible()
    assert editor.name.text() == "Ada Ash"  # kept in memory, behind the lock
    ctx.set_store(Store.open(store.folder, passphrase=TEST_PASSPHRASE))
    qtbot.waitUntil(editor.isVisible)
    assert editor.name.text() == "Ada Ash"
    assert editor.text.toPlainText() == "Safeguarding: see the file."
    assert editor.has_unsaved_input()
    ctx.lock()
