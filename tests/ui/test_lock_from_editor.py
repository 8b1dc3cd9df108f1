"""Ctrl+L locks from inside an open editor (a modal window over the main one): the editor hides
with its input kept in memory and comes back after unlock. The offer to remember the store on
this computer is asked once, and never takes the keys typed after an unlock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot
from tests.helpers.editors import running
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.services.demo import populate
from apdesk.store import KdfParams, Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.tasks import InlineTaskRunner
from apdesk.ui.placements.page import PlacementsPage
from apdesk.ui.shell.main_window import MainWindow


def test_ctrl_l_in_an_open_editor_locks_and_unlock_brings_the_input_back(
    qtbot: QtBot, store: Store, ctx: AppContext
) -> None:
    populate(store, pupils=6, seed=3)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.sidebar.setCurrentRow([spec.key for spec in window.specs].index("placements"))
    page = window.pages["placements"]
    assert isinstance(page, PlacementsPage)
    editor = page.open_placement(running(store).id)
    qtbot.waitUntil(lambda: editor._baseline is not None)
    assert editor.isModal() or editor.windowModality() != Qt.WindowModality.NonModal
    notes = editor.binder.widgets["learning_outcomes"]
    assert isinstance(notes, QPlainTextEdit)
    notes.setFocus()
    notes.selectAll()
    qtbot.keyClicks(notes, "Level 1 English by July")
    handle = editor.windowHandle()
    assert handle is not None
    QTest.keyClick(handle, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # as typed
    qtbot.waitUntil(lambda: not ctx.is_unlocked)
    assert not editor.isVisible()
    if window.unlock_dialog is not None:
        window.unlock_dialog.reject()
    ctx.set_store(Store.open(store.folder, passphrase=TEST_PASSPHRASE))
    qtbot.waitUntil(editor.isVisible)
    assert notes.toPlainText() == "Level 1 English by July" and editor.has_unsaved_input()
    editor.mark_saved()


def test_the_offer_to_remember_is_made_once_per_store(
    qtbot: QtBot, tmp_path: Path, memory_keyring: object
) -> None:
    folder = tmp_path / "store"
    made, _recovery = Store.create(folder, "plum orchard bicycle", use_keyring=False,
                                   kdf=KdfParams.fast())  # fmt: skip
    made.lock()
    store = Store.open(folder, passphrase="plum orchard bicycle")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(folder, InlineTaskRunner(), settings, store=store)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    box = window.remember_offer.offer_if_needed()
    assert box is not None and box.isVisible()
    # It takes the keys, so a keyboard or screen-reader user can answer it (Escape: not now).
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # "Not now"
    qtbot.waitUntil(lambda: window.remember_offer.box is None)
    window.lock()
    if window.unlock_dialog is not None:
        window.unlock_dialog.reject()
    ctx.set_store(Store.open(folder, passphrase="plum orchard bicycle"))
    assert window.remember_offer.offer_if_needed() is None  # answered: not asked again
