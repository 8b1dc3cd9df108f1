"""The unlock dialog: passphrase, wrong key, and the recovery-key path."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.store import KdfParams, Store
from apdesk.ui.core.tasks import InlineTaskRunner, ThreadTaskRunner
from apdesk.ui.security.unlock_dialog import RECOVERY_PAGE, UnlockDialog


@pytest.fixture
def locked(store_dir: Path) -> tuple[Path, str]:
    """A store on disk, locked, without a keyring key; returns its folder and recovery key."""
    store, recovery = Store.create(
        store_dir, TEST_PASSPHRASE, use_keyring=False, kdf=KdfParams.fast()
    )
    store.lock()
    return store_dir, recovery


def make_dialog(qtbot: QtBot, folder: Path, tasks: object) -> UnlockDialog:
    dialog = UnlockDialog(folder, tasks)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_passphrase_is_hidden_until_shown(
    qtbot: QtBot, locked: tuple[Path, str], tasks: InlineTaskRunner
) -> None:
    dialog = make_dialog(qtbot, locked[0], tasks)
    assert dialog.passphrase.edit.echoMode() == QLineEdit.EchoMode.Password
    qtbot.mouseClick(dialog.passphrase.toggle, Qt.MouseButton.LeftButton)
    assert dialog.passphrase.edit.echoMode() == QLineEdit.EchoMode.Normal


def test_the_right_passphrase_opens_the_store(qtbot: QtBot, locked: tuple[Path, str]) -> None:
    runner = ThreadTaskRunner()
    dialog = make_dialog(qtbot, locked[0], runner)
    qtbot.keyClicks(dialog.passphrase.edit, TEST_PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.passphrase.edit, Qt.Key.Key_Return)
        assert dialog.busy.isVisibleTo(dialog)  # the key derivation runs on the worker
    assert dialog.store is not None and not dialog.store.is_locked
    assert dialog.store.unlocked_by.method == "passphrase"
    dialog.store.lock()
    runner.shutdown()


def test_a_wrong_passphrase_says_so_and_keeps_the_dialog(
    qtbot: QtBot, locked: tuple[Path, str], tasks: InlineTaskRunner
) -> None:
    dialog = make_dialog(qtbot, locked[0], tasks)
    qtbot.keyClicks(dialog.passphrase.edit, "not the passphrase at all")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.store is None
    assert "passphrase does not open this store" in dialog.error.text()
    assert not dialog.busy.isVisibleTo(dialog)
    assert dialog.unlock_button.isEnabled()


def test_the_recovery_key_with_a_new_passphrase_opens_the_store(
    qtbot: QtBot, locked: tuple[Path, str], tasks: InlineTaskRunner
) -> None:
    folder, recovery = locked
    dialog = make_dialog(qtbot, folder, tasks)
    qtbot.mouseClick(dialog.recovery_link, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == RECOVERY_PAGE
    qtbot.keyClicks(dialog.recovery_key.edit, recovery.lower())  # case and dashes do not matter
    qtbot.keyClicks(dialog.new_passphrase.edit, "lantern otter quarry velvet")
    qtbot.keyClicks(dialog.confirm_passphrase.edit, "lantern otter quarry velvet")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.store is not None and dialog.store.unlocked_by.method == "recovery"
    dialog.store.lock()
    reopened = Store.open(folder, passphrase="lantern otter quarry velvet")
    assert not reopened.is_locked
    reopened.lock()


def test_the_recovery_path_refuses_a_weak_or_mismatched_new_passphrase(
    qtbot: QtBot, locked: tuple[Path, str], tasks: InlineTaskRunner
) -> None:
    folder, recovery = locked
    dialog = make_dialog(qtbot, folder, tasks)
    dialog.show_recovery_page()
    qtbot.keyClicks(dialog.recovery_key.edit, recovery)
    qtbot.keyClicks(dialog.new_passphrase.edit, "short")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert "New passphrase" in dialog.error.text()
    dialog.new_passphrase.edit.setText("lantern otter quarry velvet")
    dialog.confirm_passphrase.edit.setText("lantern otter quarry")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert "differ" in dialog.error.text()
    assert dialog.store is None
    reopened = Store.open(folder, passphrase=TEST_PASSPHRASE)  # nothing changed
    reopened.lock()


def test_a_wrong_recovery_key_is_refused(
    qtbot: QtBot, locked: tuple[Path, str], tasks: InlineTaskRunner
) -> None:
    dialog = make_dialog(qtbot, locked[0], tasks)
    dialog.show_recovery_page()
    qtbot.keyClicks(dialog.recovery_key.edit, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    dialog.new_passphrase.edit.setText("lantern otter quarry velvet")
    dialog.confirm_passphrase.edit.setText("lantern otter quarry velvet")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert "recovery key does not open this store" in dialog.error.text()
    assert dialog.isVisible()


def test_the_keyring_note_is_shown_when_given(
    qtbot: QtBot, locked: tuple[Path, str], tasks: InlineTaskRunner
) -> None:
    dialog = UnlockDialog(locked[0], tasks, note="The keyring did not have the key.")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.note.isVisible()
    plain = UnlockDialog(locked[0], tasks)
    qtbot.addWidget(plain)
    plain.show()
    assert not plain.note.isVisible()


def test_a_store_without_a_working_recovery_key_says_so_before_the_window(
    qtbot: QtBot, locked: tuple[Path, str], tasks: InlineTaskRunner
) -> None:
    """As an interrupted key rotation leaves it: the unlock window says what to do next."""
    from apdesk.store.header import KeyHeader

    folder, _recovery = locked
    header = KeyHeader.load(folder)
    header.slots.pop("recovery")
    header.save(folder)
    dialog = make_dialog(qtbot, folder, tasks)
    qtbot.keyClicks(dialog.passphrase.edit, TEST_PASSPHRASE)
    qtbot.keyClick(dialog.passphrase.edit, Qt.Key.Key_Return)

    assert dialog.isVisible() and dialog.store is not None  # unlocked, and it says why it waits
    assert "no recovery key" in dialog.error.text()
    assert "File › Security › Keys" in dialog.error.text()
    button = dialog.unlock_button
    assert button.text() == "Continue" and button.isDefault() and button.isEnabled()
    assert button.accessibleName() == "Continue"
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the default button: Enter carries on
    dialog.store.lock()
