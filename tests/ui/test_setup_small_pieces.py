"""Small pieces a school needs: the register's search box, the offer to remember the store on
this computer after a passphrase-only unlock, and the commands speaking the chosen language."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from apdesk.locale_choice import command_locale, save_choice
from apdesk.models import Placement, Provider, Pupil
from apdesk.models.enums import PlacementStatus, SettingType
from apdesk.models.upn import make_upn
from apdesk.store import KdfParams, Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.tasks import InlineTaskRunner
from apdesk.ui.register.page import RegisterPage
from apdesk.ui.shell.main_window import MainWindow

MON = date(2025, 11, 17)


def test_the_register_search_box_narrows_the_week(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    with store.session() as s:
        provider = Provider(name="Oak Centre", setting_type=SettingType.AP_ACADEMY)
        s.add(provider)
        s.flush()
        for n, (first, last) in enumerate((("Ada", "Ash"), ("Ben", "Birch"), ("Cy", "Cole"))):
            pupil = Pupil(upn=make_upn(855, 4001, 25, 40 + n), forename=first, surname=last,
                          dob=date(2012, 1, 1))  # fmt: skip
            s.add(pupil)
            s.flush()
            s.add(Placement(pupil_id=pupil.id or 0, provider_id=provider.id or 0,
                            status=PlacementStatus.ACTIVE, sessions=["MON_AM"],
                            start_date=MON))  # fmt: skip
    page = RegisterPage(ctx)
    qtbot.addWidget(page)
    page.now = lambda: datetime.combine(MON, time(10))
    page.show()
    page.go_to_week(MON)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.bar.search.hasFocus()
    qtbot.keyClicks(page.bar.search, "bir")
    assert [r.name for r in page.model.rows] == ["Ben Birch"]
    page.bar.search.setText(make_upn(855, 4001, 25, 42).lower())
    assert [r.name for r in page.model.rows] == ["Cy Cole"]
    qtbot.keyClick(page.bar.search, Qt.Key.Key_Return)
    assert page.view.hasFocus()
    page.bar.search.clear()
    assert page.model.rowCount() == 3


def test_after_a_passphrase_unlock_without_a_keyring_key_apdesk_offers_to_remember(
    qtbot: QtBot, tmp_path: Path, memory_keyring: object, monkeypatch: object
) -> None:
    folder = tmp_path / "store"
    made, _recovery = Store.create(folder, "plum orchard bicycle", use_keyring=False,
                                   kdf=KdfParams.fast())  # fmt: skip
    made.lock()
    store = Store.open(folder, passphrase="plum orchard bicycle")
    assert store.unlocked_by.keyring_missing
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(folder, InlineTaskRunner(), settings, store=store)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    box = window.remember_offer.offer_if_needed()
    assert box is not None and "keyring has no key" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "Remembered" in window.statusBar().currentMessage())
    store.lock()
    assert Store.open(folder).unlocked_by.method == "keyring"  # opens by itself now


def test_the_commands_speak_the_language_chosen_in_the_window(
    tmp_path: Path, cli_env: dict[str, str], monkeypatch: object
) -> None:
    home = Path(cli_env["APDESK_HOME"])
    env = {**cli_env, "APDESK_PASSPHRASE": "plum orchard bicycle", "LANG": "C"}
    folder = tmp_path / "store"
    made, _recovery = Store.create(folder, "plum orchard bicycle", use_keyring=False,
                                   kdf=KdfParams.fast())  # fmt: skip
    made.lock()
    apdesk = str(Path(sys.executable).with_name("apdesk"))

    def show() -> str:
        done = subprocess.run([apdesk, "calendar", "show", "--year", "2025", "--store",
                               str(folder)], env=env, capture_output=True, text=True,
                              timeout=120, check=False)  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "No terms set" in show()
    monkeypatch.setenv("APDESK_HOME", str(home))  # type: ignore[attr-defined]
    save_choice("pl_PL")
    assert command_locale() == "pl_PL"
    polish = show()
    assert "No terms set" not in polish and "dni" in polish
