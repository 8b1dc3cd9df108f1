"""Security settings (passphrase, recovery key, rotation, backups) and auto-lock in the window."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from tests.helpers.privacy import add_child
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.models import Pupil
from apdesk.services import auto_backup, retention
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.security.backups_tab import AUTO_KEY, FOLDER_KEY, KEEP_KEY
from apdesk.ui.security.clipboard_guard import ClipboardGuard
from apdesk.ui.security.dialog import SecurityDialog
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.shell.pages import PAGES

NEW = "plum violin harbour cactus"


def _dialog(ctx: AppContext, qtbot: QtBot) -> SecurityDialog:
    made = SecurityDialog(ctx, ClipboardGuard(ctx))
    qtbot.addWidget(made)
    made.show()
    return made


def test_change_passphrase_checks_both_copies_strength_and_the_old_one(
    ctx: AppContext, qtbot: QtBot
) -> None:
    dialog = _dialog(ctx, qtbot)
    qtbot.keyClicks(dialog.old.edit, TEST_PASSPHRASE)
    qtbot.keyClicks(dialog.new.edit, NEW)
    qtbot.keyClicks(dialog.again.edit, NEW + "x")
    dialog.change_button.click()
    assert "does not match" in dialog.error.text()
    dialog.new.edit.setText("aaaaaaaaaaaa")
    dialog.again.edit.setText("aaaaaaaaaaaa")
    dialog.change_button.click()
    assert dialog.error.text().startswith("New passphrase")
    dialog.old.edit.setText("not the passphrase at all")
    dialog.new.edit.setText(NEW)
    dialog.again.edit.setText(NEW)
    dialog.change_button.click()
    assert dialog.error.text() and not dialog.changed_note.text()
    assert dialog.new.text() == NEW  # input kept on error
    dialog.old.edit.setText(TEST_PASSPHRASE)
    dialog.change_button.click()
    assert "Passphrase changed" in dialog.changed_note.text() and not dialog.error.text()
    Store.open(ctx.folder, passphrase=NEW, use_keyring=False).lock()


def test_new_recovery_key_is_shown_once_and_works(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(ctx, qtbot)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.recovery_button.click()
    key = dialog.recovery_box.key.text()
    assert not dialog.recovery_box.isHidden() and key
    Store.open(ctx.folder, recovery_key=key, use_keyring=False).lock()
    dialog.recovery_box.findChildren(type(dialog.change_button))[0].click()  # Copy
    assert dialog.guard.holding


def test_rotate_key_needs_the_passphrase_and_gives_a_new_recovery_key(
    ctx: AppContext, qtbot: QtBot
) -> None:
    dialog = _dialog(ctx, qtbot)
    dialog.rotate_button.click()
    assert "Passphrase" in dialog.error.text()
    dialog.rotate_passphrase.edit.setText("wrong wrong wrong")
    dialog.rotate_button.click()
    assert dialog.error.text() and dialog.recovery_box.isHidden()
    dialog.rotate_passphrase.edit.setText(TEST_PASSPHRASE)
    dialog.rotate_button.click()
    key = dialog.recovery_box.key.text()
    assert key and not dialog.error.text()
    assert ctx.store.integrity_ok()
    Store.open(ctx.folder, recovery_key=key, use_keyring=False).lock()
    dialog.recovery_box.copy_key()  # kept: the dialog now closes without asking


def test_backup_now_from_the_dialog(ctx: AppContext, qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(ctx, qtbot)
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog.backups.folder.setText(str(usb))
    dialog.backups.keep.setValue(3)
    dialog.backups.now_button.click()
    assert "Backup written" in dialog.backups.status.text()
    assert len(auto_backup.list_backups(usb)) == 1
    dialog.backups.folder.setText(str(tmp_path / "unplugged"))
    dialog.backups.now_button.click()
    assert "not there" in dialog.backups.status.text()


def test_window_autolocks_explains_why_and_backs_up_daily_on_unlock(
    ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    ctx.settings.setValue(FOLDER_KEY, str(usb))
    ctx.settings.setValue(KEEP_KEY, 2)
    ctx.settings.setValue(AUTO_KEY, "true")
    window = MainWindow(ctx, PAGES[:1])
    qtbot.addWidget(window)
    lock = window.security_ui.autolock
    start = datetime.now(UTC).timestamp()
    lock.idle.clock = lambda: start + 3600
    lock.check()
    assert not ctx.is_unlocked
    dialog = window.unlock_dialog
    assert dialog is not None
    assert "without use" in dialog.note.text()
    assert not any(a.isEnabled() for a in window.security_ui.actions)
    ctx.set_store(Store.open(ctx.folder, passphrase=TEST_PASSPHRASE))
    assert len(auto_backup.list_backups(usb)) == 1
    assert all(a.isEnabled() for a in window.security_ui.actions)


def test_retention_tab_edits_periods_and_purges_after_asking(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ctx.store.session() as s:
        add_child(s, 1, "Longgone", dob=date(1990, 1, 1), on_roll=False, mark_day=date(2015, 1, 5))
        add_child(s, 2, "Stillhere")
    dialog = _dialog(ctx, qtbot)
    tab = dialog.retention
    dialog.tabs.setCurrentWidget(tab)
    assert tab.rules.rowCount() == len(retention.DEFAULT_RULES)
    assert "IRMS" in tab.rules.item(0, 3).text()
    labels = [tab.queue.item(r, 1).text() for r in range(tab.queue.rowCount())]
    assert any("Longgone" in label for label in labels)
    assert not any("Stillhere" in label for label in labels)
    years = tab.rules.cellWidget(4, 1)
    years.setValue(3)
    years.editingFinished.emit()
    with ctx.store.session() as s:
        assert {r.key: r.years for r in retention.rules(s)}["outbox"] == 3
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    tab.purge_button.click()
    with ctx.store.session() as s:
        assert len(s.execute(select(Pupil)).all()) == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.purge_button.click()
    assert "Purged" in tab.status.text() and "1 pupil" in tab.status.text()
    with ctx.store.session() as s:
        assert [p.surname for p in s.execute(select(Pupil)).scalars()] == ["Stillhere"]
    assert tab.queue.rowCount() == 0 and not tab.purge_button.isEnabled()
