"""Nothing typed is lost in the real editors on the demo store: Escape and Close ask, a
double-click opens one window, and a lock keeps an open placement editor's input. The import
wizards and the set-up wizard ask to leave, the Security dialog asks before dropping a typed
passphrase change or an unkept recovery key, and the provider editor's Save keeps every tab."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlmodel import select
from tests.helpers.editors import EDITORS, any_provider, running
from tests.helpers.store import TEST_PASSPHRASE
from tests.helpers.unsaved import Button, answer_next_box, type_something

from apdesk.models import Placement, ProviderAudit, QualityConcern
from apdesk.services.demo import populate
from apdesk.store import KdfParams, Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.tasks import InlineTaskRunner
from apdesk.ui.placements.editor import PlacementEditor
from apdesk.ui.placements.page import PlacementsPage
from apdesk.ui.providers.editor import ProviderEditor
from apdesk.ui.providers.page import ProvidersPage
from apdesk.ui.pupils.import_dialog import ImportDialog
from apdesk.ui.register.import_dialog import ImportReturnDialog
from apdesk.ui.security.clipboard_guard import ClipboardGuard
from apdesk.ui.security.dialog import SecurityDialog
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.shell.setup_wizard import SetupWizard
from apdesk.ui.widgets.guard import GuardedDialog, InputGuard


@pytest.fixture
def demo(store: Store) -> Store:
    populate(store, pupils=12, seed=3)
    return store


def shown(qtbot: QtBot, dialog: GuardedDialog) -> GuardedDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.has_unsaved_input() is False and dialog._baseline is not None)
    return dialog


@pytest.mark.parametrize("how", ["escape", "close"])
@pytest.mark.parametrize("name", list(EDITORS))
def test_escape_or_close_with_unsaved_input_asks_and_cancel_keeps_it(
    qtbot: QtBot, demo: Store, ctx: AppContext, name: str, how: str
) -> None:
    dialog = shown(qtbot, EDITORS[name](ctx, demo))
    box = type_something(qtbot, dialog)
    assert dialog.isWindowModified() and dialog.windowTitle().endswith("[*]")
    asked: list[str] = []
    answer_next_box(Button.Cancel, asked)
    if how == "escape":
        qtbot.keyClick(box, Qt.Key.Key_Escape)
    else:
        dialog.close()
    # Ending a placement cannot be undone: its question is about closing, not saving.
    question = ("has changes that are not saved.", "Close without ending the placement?")
    assert len(asked) == 1 and asked[0].endswith(question)
    assert dialog.isVisible()
    assert dialog.has_unsaved_input()  # still there, as typed
    answer_next_box(Button.Discard, asked)
    dialog.close()
    assert len(asked) == 2 and not dialog.isVisible()


def test_an_untouched_editor_closes_without_asking(
    qtbot: QtBot, demo: Store, ctx: AppContext
) -> None:
    dialog = shown(qtbot, PlacementEditor(ctx, running(demo).id))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def _double_click_first_row(qtbot: QtBot, page: QWidget, table_name: str = "table") -> None:
    table = getattr(page, table_name)
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    at = table.visualRect(table.model().index(0, 0)).center()
    left = Qt.MouseButton.LeftButton
    # What a mouse sends for a double-click: press, release, double-click, release.
    qtbot.mouseClick(table.viewport(), left, pos=at)
    qtbot.mouseDClick(table.viewport(), left, pos=at)
    qtbot.mouseRelease(table.viewport(), left, pos=at)


@pytest.mark.parametrize(
    "page_type, editor_type",
    [(PlacementsPage, PlacementEditor), (ProvidersPage, ProviderEditor)],
    ids=["placements", "providers"],
)
def test_a_double_click_opens_one_editor_and_a_second_brings_it_forward(
    qtbot: QtBot, demo: Store, ctx: AppContext, page_type: type[QWidget], editor_type: type
) -> None:
    page = page_type(ctx)  # type: ignore[call-arg]
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    _double_click_first_row(qtbot, page)
    qtbot.waitUntil(lambda: len(page.findChildren(editor_type)) >= 1)
    first = page.findChildren(editor_type)
    _double_click_first_row(qtbot, page)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter on the same row: still one
    editors = [e for e in page.findChildren(editor_type) if e.isVisible()]
    assert len(editors) == 1 and editors == first


def test_lock_then_unlock_keeps_a_changed_placement_editor_and_it_still_saves(
    qtbot: QtBot, demo: Store, ctx: AppContext
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    keys = [spec.key for spec in window.specs]
    window.sidebar.setCurrentRow(keys.index("placements"))
    page = window.pages["placements"]
    assert isinstance(page, PlacementsPage)
    placement = running(demo)
    editor = page.open_placement(placement.id)
    qtbot.waitUntil(lambda: editor._baseline is not None)
    notes = editor.binder.widgets["learning_outcomes"]
    assert isinstance(notes, QPlainTextEdit)
    notes.setFocus()
    notes.selectAll()
    qtbot.keyClicks(notes, "Level 1 English by July")
    assert editor.isWindowModified()

    window.lock()
    assert not editor.isVisible()
    ctx.set_store(Store.open(demo.folder, passphrase=TEST_PASSPHRASE))
    qtbot.waitUntil(editor.isVisible)
    assert notes.toPlainText() == "Level 1 English by July"
    assert editor.isWindowModified() and editor.has_unsaved_input()

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # a change after unlock
    qtbot.waitUntil(lambda: not editor.isWindowModified())
    assert editor.message.text() == ""
    with ctx.store.session() as session:  # type: ignore[union-attr]
        saved = session.get(Placement, placement.id)
        assert saved is not None and saved.learning_outcomes == "Level 1 English by July"
    # The rebuilt page opens the same window for the same record, not a twin.
    again = window.pages["placements"]
    assert isinstance(again, PlacementsPage) and again is not page
    assert again.open_placement(placement.id) is editor


# -- wizards -------------------------------------------------------------------------------
LEAVE_IMPORT = "Leave the import? What you chose will be lost."
LEAVE_SET_UP = "Leave the set-up? What you typed will be lost."
Wizard = tuple[QDialog, Callable[[], None], str]


def _pupil_import(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> Wizard:
    dialog = ImportDialog(ctx)
    return dialog, lambda: qtbot.keyClicks(dialog.path, str(tmp_path / "pupils.csv")), LEAVE_IMPORT


def _provider_return(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> Wizard:
    dialog = ImportReturnDialog(ctx)
    path = tmp_path / "return.csv"
    path.write_text("upn,date,session,code\n", encoding="utf-8")

    def choose() -> None:  # as the file dialog answers
        original = QFileDialog.getOpenFileName
        QFileDialog.getOpenFileName = lambda *a, **k: (str(path), "")  # type: ignore[method-assign]
        try:
            dialog.choose_file()
        finally:
            QFileDialog.getOpenFileName = original  # type: ignore[method-assign]

    return dialog, choose, LEAVE_IMPORT


def _set_up(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> Wizard:
    wizard = SetupWizard(tmp_path / "new-store", InlineTaskRunner(), kdf=KdfParams.fast())
    name = wizard.school_page.edits["name"]
    return wizard, lambda: qtbot.keyClicks(name, "Riverside Academy"), LEAVE_SET_UP


WIZARDS = {"pupil import": _pupil_import, "provider return": _provider_return, "set-up": _set_up}


def _open(qtbot: QtBot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("name", list(WIZARDS))
def test_an_untouched_wizard_closes_quietly(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, name: str
) -> None:
    dialog, _touch, _question = WIZARDS[name](qtbot, ctx, tmp_path)
    _open(qtbot, dialog)
    assert not dialog.isWindowModified()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # a question here would block the test
    assert not dialog.isVisible()


@pytest.mark.parametrize("how", ["escape", "close button", "window close"])
@pytest.mark.parametrize("name", list(WIZARDS))
def test_a_wizard_holding_choices_asks_to_leave_with_stay_the_default(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, name: str, how: str
) -> None:
    dialog, touch, question = WIZARDS[name](qtbot, ctx, tmp_path)
    _open(qtbot, dialog)
    touch()
    assert isinstance(dialog, InputGuard) and dialog.has_unsaved_input()
    assert dialog.isWindowModified() and dialog.windowTitle().endswith("[*]")
    asked: list[str] = []
    answer_next_box(Button.Cancel, asked)  # Stay
    if how == "escape":
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    elif how == "close button":
        cancel = next(
            b
            for b in dialog.findChildren(QAbstractButton)
            if b.isVisible() and b.text().replace("&", "") in ("Cancel", "Close")
        )
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    else:
        dialog.close()
    assert asked == [question] and dialog.isVisible() and dialog.has_unsaved_input()
    answer_next_box(Button.Discard, asked)  # Leave
    dialog.close()
    assert asked == [question, question] and not dialog.isVisible()


# -- the Security dialog ---------------------------------------------------------------------
def _security(qtbot: QtBot, ctx: AppContext) -> SecurityDialog:
    dialog = SecurityDialog(ctx, ClipboardGuard(ctx))
    _open(qtbot, dialog)
    return dialog


def test_security_an_untouched_dialog_closes_quietly(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = _security(qtbot, ctx)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_security_a_typed_passphrase_change_asks_and_save_makes_it(
    qtbot: QtBot, ctx: AppContext
) -> None:
    dialog = _security(qtbot, ctx)
    new = "plum violin harbour cactus"
    qtbot.keyClicks(dialog.old.edit, TEST_PASSPHRASE)
    assert dialog.isWindowModified() and dialog.windowTitle().endswith("[*]")
    asked: list[str] = []
    answer_next_box(Button.Cancel, asked)
    qtbot.keyClick(dialog.old.edit, Qt.Key.Key_Escape)
    assert asked == ["Security has changes that are not saved."]
    assert dialog.isVisible() and dialog.old.text() == TEST_PASSPHRASE
    qtbot.keyClicks(dialog.new.edit, new)
    qtbot.keyClicks(dialog.again.edit, new)
    answer_next_box(Button.Save, asked)
    dialog.close()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    Store.open(ctx.folder, passphrase=new, use_keyring=False).lock()


def test_security_a_new_recovery_key_not_kept_asks_before_it_is_gone(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _security(qtbot, ctx)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.recovery_button.click()
    qtbot.waitUntil(lambda: bool(dialog.recovery_box.key.text()))
    asked: list[str] = []
    answer_next_box(Button.Cancel, asked)  # Go back
    dialog.close()
    assert asked == ["The new recovery key is shown only once."] and dialog.isVisible()
    dialog.recovery_box.copy_key()
    dialog.close()  # kept: no question now
    assert not dialog.isVisible()


# -- the provider editor's tabs ----------------------------------------------------------------
def test_save_on_closing_the_provider_editor_keeps_the_audit_and_concern_typed(
    qtbot: QtBot, demo: Store, ctx: AppContext
) -> None:
    provider_id = any_provider(demo)
    with demo.session() as session:
        audits_before = len(session.exec(select(ProviderAudit)).all())
        concerns_before = len(session.exec(select(QualityConcern)).all())
    editor = ProviderEditor(ctx, provider_id)
    shown(qtbot, editor)
    day = (date.today() - timedelta(days=7)).strftime("%d/%m/%Y")
    editor.tabs.setCurrentWidget(editor.audits)
    editor.audits.audit_date.edit.setFocus()
    qtbot.keyClicks(editor.audits.audit_date.edit, day)
    qtbot.keyClicks(editor.audits.notes, "Visited; registers seen")
    editor.tabs.setCurrentWidget(editor.concerns)
    editor.concerns.raised_on.edit.setFocus()
    qtbot.keyClicks(editor.concerns.raised_on.edit, day)
    qtbot.keyClicks(editor.concerns.concern, "Pupil left site unsupervised")
    qtbot.keyClicks(editor.concerns.told, "LADO")
    assert editor.isWindowModified()

    asked: list[str] = []
    answer_next_box(Button.Save, asked)
    qtbot.keyClick(editor.concerns.told, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert len(asked) == 1
    with demo.session() as session:
        audits = session.exec(select(ProviderAudit)).all()
        concerns = session.exec(select(QualityConcern)).all()
    assert len(audits) == audits_before + 1 and len(concerns) == concerns_before + 1
    assert any(a.notes == "Visited; registers seen" for a in audits)
    assert any(c.concern == "Pupil left site unsupervised" and c.told == "LADO" for c in concerns)


def test_a_refused_audit_keeps_the_provider_editor_open_on_its_tab(
    qtbot: QtBot, demo: Store, ctx: AppContext
) -> None:
    editor = ProviderEditor(ctx, any_provider(demo))
    shown(qtbot, editor)
    editor.tabs.setCurrentWidget(editor.audits)
    qtbot.keyClicks(editor.audits.notes, "No date given")  # the audit's date is missing
    editor.tabs.setCurrentIndex(0)
    asked: list[str] = []
    answer_next_box(Button.Save, asked)
    editor.close()
    qtbot.waitUntil(lambda: bool(editor.audits.error.text()))
    assert editor.isVisible() and editor.tabs.currentWidget() is editor.audits
    assert "Audit date" in editor.audits.error.text()
    assert editor.audits.notes.toPlainText() == "No date given"


def test_security_tab_runs_down_the_three_passphrases_before_the_show_buttons(
    qtbot: QtBot, ctx: AppContext
) -> None:
    dialog = _security(qtbot, ctx)
    dialog.old.edit.setFocus()
    qtbot.waitUntil(dialog.old.edit.hasFocus)
    walked: list[QWidget | None] = []
    for _step in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    boxes = (dialog.old, dialog.new, dialog.again)
    assert walked == [dialog.new.edit, dialog.again.edit, *[b.toggle for b in boxes]]
