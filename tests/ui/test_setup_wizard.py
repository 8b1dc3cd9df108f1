"""The first-run wizard: school details, passphrase, recovery key, and a store that opens."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot
from tests.helpers.setup_wizard import open_wizard
from tests.helpers.unsaved import Button, answer_next_box

from apdesk.services.school import school_details
from apdesk.store import Store
from apdesk.ui.core.tasks import InlineTaskRunner
from apdesk.ui.shell.setup_wizard import (
    CONTACT,
    PASSPHRASE,
    RECOVERY,
    SCHOOL,
    SetupWizard,
    recovery_sheet,
    write_pdf,
)

PASSPHRASE_TEXT = "marble kettle orchard lamp"


@pytest.fixture
def wizard(qtbot: QtBot, tmp_path: Path, tasks: InlineTaskRunner) -> SetupWizard:
    return open_wizard(qtbot, tmp_path, tasks)


def fill_school(wizard: SetupWizard, **values: str) -> None:
    for attr, text in values.items():
        wizard.school_page.edits[attr].setText(text)


def to_passphrase_page(wizard: SetupWizard) -> None:
    fill_school(wizard, name="Riverside Academy", urn="123456", la_code="855", estab="4001")
    wizard.next()
    assert wizard.currentId() == CONTACT  # optional: passed by as it is
    wizard.next()
    assert wizard.currentId() == PASSPHRASE


def test_the_school_name_is_required(wizard: SetupWizard) -> None:
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    fill_school(wizard, name="Riverside Academy")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_bad_school_details_are_named_inline(wizard: SetupWizard) -> None:
    fill_school(wizard, name="Riverside Academy", urn="12")
    wizard.next()
    assert wizard.currentId() == SCHOOL
    assert wizard.school_page.error.text().startswith("URN:")
    assert "6 digits" in wizard.school_page.error.text()
    fill_school(wizard, urn="123456", la_code="85")
    wizard.next()
    assert wizard.school_page.error.text().startswith("LA code:")


def test_weak_or_mismatched_passphrases_are_refused(
    qtbot: QtBot, wizard: SetupWizard, tmp_path: Path
) -> None:
    to_passphrase_page(wizard)
    page = wizard.passphrase_page
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert not commit.isEnabled()
    qtbot.keyClicks(page.passphrase.edit, "aaaaaaaaaaaa")
    qtbot.keyClicks(page.again.edit, "aaaaaaaaaaaa")
    assert page.meter.bar.value() == 1
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    assert "repeated" in page.error.text()
    page.passphrase.edit.setText(PASSPHRASE_TEXT)
    page.again.edit.setText(PASSPHRASE_TEXT + "s")
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    assert "differ" in page.error.text()
    assert wizard.currentId() == PASSPHRASE
    assert not Store.exists(tmp_path / "new-store")


def test_the_wizard_creates_a_store_that_opens_with_the_chosen_passphrase(
    qtbot: QtBot, wizard: SetupWizard, tmp_path: Path
) -> None:
    to_passphrase_page(wizard)
    page = wizard.passphrase_page
    qtbot.keyClicks(page.passphrase.edit, PASSPHRASE_TEXT)
    qtbot.keyClicks(page.again.edit, PASSPHRASE_TEXT)
    assert page.meter.strength.acceptable
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == RECOVERY)

    recovery = wizard.recovery_key
    assert len(recovery.replace("-", "")) == 32
    assert wizard.recovery_page.key_label.text() == recovery
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    wizard.reject()  # once the store exists, walking away without the key is not offered
    assert wizard.isVisible()
    wizard.recovery_page.copy()
    assert QGuiApplication.clipboard().text() == recovery
    wizard.recovery_page.confirm.setChecked(True)
    assert finish.isEnabled()
    with qtbot.waitSignal(wizard.accepted):
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert wizard.recovery_key == ""
    assert wizard.store is not None
    wizard.store.lock()

    folder = tmp_path / "new-store"
    by_passphrase = Store.open(folder, passphrase=PASSPHRASE_TEXT)
    with by_passphrase.session() as session:
        details = school_details(session)
    assert (details.name, details.urn, details.la_code) == ("Riverside Academy", "123456", "855")
    by_passphrase.lock()
    by_recovery = Store.open(folder, recovery_key=recovery)
    by_recovery.lock()
    by_keyring = Store.open(folder)  # the wizard also remembers the key on this computer
    assert by_keyring.unlocked_by.method == "keyring"
    by_keyring.lock()


def test_the_recovery_sheet_saves_as_a_pdf_holding_the_key(qapp: object, tmp_path: Path) -> None:
    key = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"
    target = tmp_path / "recovery.pdf"
    write_pdf(recovery_sheet(key, "Riverside Academy", tmp_path / "store"), target)
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert key in "".join(text.split())
    assert "Riverside Academy" in " ".join(text.split())


def test_the_wizard_cannot_be_cancelled_while_the_store_is_being_made(wizard: SetupWizard) -> None:
    to_passphrase_page(wizard)
    wizard.passphrase_page.creating = True  # as while the worker derives the keys
    wizard.reject()
    assert wizard.isVisible()
    wizard.passphrase_page.creating = False
    asked: list[str] = []
    answer_next_box(Button.Discard, asked)  # what was typed is lost: Leave is asked for
    wizard.reject()
    assert asked == ["Leave the set-up? What you typed will be lost."]
    assert not wizard.isVisible()


def test_tab_goes_from_the_passphrase_to_its_confirmation_then_the_show_buttons(
    qtbot: QtBot, wizard: SetupWizard
) -> None:
    to_passphrase_page(wizard)
    page = wizard.passphrase_page
    page.passphrase.edit.setFocus()
    qtbot.waitUntil(page.passphrase.edit.hasFocus)
    walked = []
    for _step in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked == [page.again.edit, page.passphrase.toggle, page.again.toggle]


def test_confirming_the_recovery_key_moves_no_button(qtbot: QtBot, wizard: SetupWizard) -> None:
    wizard.resize(1000, 640)
    to_passphrase_page(wizard)
    page = wizard.passphrase_page
    qtbot.keyClicks(page.passphrase.edit, PASSPHRASE_TEXT)
    qtbot.keyClicks(page.again.edit, PASSPHRASE_TEXT)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == RECOVERY)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    cancel = wizard.button(QWizard.WizardButton.CancelButton)

    def where() -> list[tuple[int, int, int, int, bool]]:
        QApplication.processEvents()
        return [
            (b.mapTo(wizard, b.rect().topLeft()).x(), b.y(), b.width(), b.height(), b.isVisible())
            for b in (finish, cancel)
        ]

    before = where()
    assert not cancel.isEnabled()  # the store exists: the only way on is Finish
    box = wizard.recovery_page.confirm
    on_the_box = QPoint(8, box.height() // 2)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=on_the_box)
    assert finish.isEnabled() and where() == before
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=on_the_box)
    assert not finish.isEnabled() and where() == before
    wizard.recovery_page.confirm.setChecked(True)
    with qtbot.waitSignal(wizard.accepted):
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert wizard.store is not None
    wizard.store.lock()
