"""From launch to the main window: demo store, first-run wizard, keyring, unlock dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from tests.helpers.store import TEST_PASSPHRASE, MemoryKeyring

from apdesk.services.demo import DEMO_PASSPHRASE
from apdesk.store import KdfParams, Store
from apdesk.ui.core.tasks import InlineTaskRunner
from apdesk.ui.security.unlock_dialog import UnlockDialog
from apdesk.ui.shell.setup_wizard import SetupWizard
from apdesk.ui.shell.startup import Startup


def start(
    qtbot: QtBot, folder: Path, tasks: InlineTaskRunner, settings: QSettings, **kw: object
) -> Startup:
    startup = Startup(folder, tasks, settings, kdf=KdfParams.fast(), demo_pupils=4, **kw)  # type: ignore[arg-type]
    startup.start()
    if startup.window is not None:
        qtbot.addWidget(startup.window)
    return startup


def close(startup: Startup) -> None:
    assert startup.window is not None
    startup.window.ctx.lock()


def test_the_demo_store_is_made_on_first_use_and_reopened_without_a_prompt(
    qtbot: QtBot, tmp_path: Path, tasks: InlineTaskRunner, settings: QSettings
) -> None:
    folder = tmp_path / "demo"
    first = start(qtbot, folder, tasks, settings, demo=True)
    assert first.window is not None and first.window.isVisible()
    assert first.window.pages["home"].values["pupils"].text() == "4"  # type: ignore[attr-defined]
    close(first)
    assert Store.exists(folder)

    again = start(qtbot, folder, tasks, settings, demo=True)
    assert again.window is not None
    assert again.window.lock_label.text() == "Unlocked (passphrase)"
    close(again)
    Store.open(folder, passphrase=DEMO_PASSPHRASE).lock()  # the documented demo passphrase


def test_no_store_starts_the_set_up_wizard(
    qtbot: QtBot, tmp_path: Path, tasks: InlineTaskRunner, settings: QSettings
) -> None:
    startup = start(qtbot, tmp_path / "fresh", tasks, settings)
    assert isinstance(startup.dialog, SetupWizard)
    qtbot.addWidget(startup.dialog)
    assert startup.window is None
    with qtbot.waitSignal(startup.exit_requested) as blocker:
        startup.dialog.reject()
    assert blocker.args == [0]


def test_the_keyring_opens_an_existing_store_without_a_prompt(
    qtbot: QtBot, store_dir: Path, tasks: InlineTaskRunner, settings: QSettings
) -> None:
    Store.create(store_dir, TEST_PASSPHRASE, kdf=KdfParams.fast())[0].lock()
    startup = start(qtbot, store_dir, tasks, settings)
    assert startup.window is not None
    assert startup.window.lock_label.text() == "Unlocked (keyring)"
    close(startup)


def test_an_emptied_keyring_asks_for_the_passphrase_and_says_why(
    qtbot: QtBot,
    store_dir: Path,
    tasks: InlineTaskRunner,
    settings: QSettings,
    memory_keyring: MemoryKeyring,
) -> None:
    Store.create(store_dir, TEST_PASSPHRASE, kdf=KdfParams.fast())[0].lock()
    memory_keyring.secrets.clear()
    startup = start(qtbot, store_dir, tasks, settings)
    dialog = startup.dialog
    assert isinstance(dialog, UnlockDialog)
    qtbot.addWidget(dialog)
    assert dialog.note.isVisible() and "keyring" in dialog.note.text()
    dialog.passphrase.edit.setText(TEST_PASSPHRASE)
    dialog.submit()
    assert startup.window is not None
    qtbot.addWidget(startup.window)
    assert startup.window.lock_label.text() == "Unlocked (passphrase)"
    close(startup)


def test_a_damaged_store_is_reported_not_raised(
    qtbot: QtBot, store_dir: Path, tasks: InlineTaskRunner, settings: QSettings
) -> None:
    Store.create(store_dir, TEST_PASSPHRASE, kdf=KdfParams.fast())[0].lock()
    (store_dir / "apdesk.db").write_bytes(b"\0" * 4096)
    startup = Startup(store_dir, tasks, settings)
    startup.start()
    assert startup.window is None
    assert "could not open the store" in startup.error_box.text()
    with qtbot.waitSignal(startup.exit_requested) as blocker:
        startup.error_box.done(0)
    assert blocker.args == [2]
