"""The school's address, phone, email and logo from the window: the set-up wizard's optional
page, File > School details… (one window, Save / Discard / Cancel on unsaved input, a bad
logo refused in a line naming the field), and Help > User guide opening the bundled guide."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QTextBrowser, QWizard
from pytestqt.qtbot import QtBot
from tests.helpers.unsaved import Button, answer_next_box

from apdesk.services.demo.logo import demo_logo
from apdesk.services.school import school_details
from apdesk.store import KdfParams, Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.tasks import InlineTaskRunner
from apdesk.ui.setup.details_dialog import SchoolDetailsDialog
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.shell.setup_wizard import CONTACT, PASSPHRASE, RECOVERY, SCHOOL, SetupWizard
from apdesk.ui.shell.user_guide import GuideWindow

PASSPHRASE_TEXT = "marble kettle orchard lamp"


def _logo_file(tmp_path: Path) -> Path:
    path = tmp_path / "crest.png"
    path.write_bytes(demo_logo())
    return path


def test_the_wizard_keeps_the_address_phone_email_and_logo(
    qtbot: QtBot, tmp_path: Path, tasks: InlineTaskRunner
) -> None:
    wizard = SetupWizard(tmp_path / "new", tasks, kdf=KdfParams.fast())
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.school_page.edits["name"], "Riverside Academy")
    wizard.next()
    assert wizard.currentId() == CONTACT
    page = wizard.contact_page
    qtbot.keyClicks(page.edits["address"], "3 Quay Street, Riverside RV1 4AB")
    qtbot.keyClicks(page.edits["phone"], "ring us")
    wizard.next()
    assert wizard.currentId() == CONTACT
    assert page.error.text().startswith("Phone: 'ring us' is not a phone number")
    assert wizard.focusWidget() is page.edits["phone"]
    text = tmp_path / "notes.png"
    text.write_text("not a picture")
    assert not page.logo.load_file(text)
    assert "Logo: the file is not a PNG or JPEG image" in page.error.text()
    assert page.logo.logo() == b""
    assert page.logo.load_file(_logo_file(tmp_path))
    page.edits["phone"].setText("01632 960777")
    qtbot.keyClicks(page.edits["email"], "office@riverside.example")
    wizard.next()
    assert wizard.currentId() == PASSPHRASE
    qtbot.keyClicks(wizard.passphrase_page.passphrase.edit, PASSPHRASE_TEXT)
    qtbot.keyClicks(wizard.passphrase_page.again.edit, PASSPHRASE_TEXT)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == RECOVERY)
    assert wizard.store is not None
    details = wizard.store.read(school_details)
    assert details.address == "3 Quay Street, Riverside RV1 4AB"
    assert (details.phone, details.email) == ("01632 960777", "office@riverside.example")
    assert details.logo == demo_logo()
    wizard.store.lock()
    assert SCHOOL < CONTACT < PASSPHRASE  # the optional page sits before the store is made


def test_the_contact_page_may_be_left_empty(
    qtbot: QtBot, tmp_path: Path, tasks: InlineTaskRunner
) -> None:
    wizard = SetupWizard(tmp_path / "new", tasks, kdf=KdfParams.fast())
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.school_page.edits["name"], "Riverside Academy")
    wizard.next()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert wizard.currentId() == PASSPHRASE


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def test_file_school_details_saves_the_logo_and_asks_before_dropping_input(
    qtbot: QtBot, ctx: AppContext, store: Store, tmp_path: Path
) -> None:
    window = _window(qtbot, ctx)
    window.school_action.trigger()
    qtbot.waitUntil(lambda: ctx.windows.get(("school", "details")) is not None)
    dialog = ctx.windows.get(("school", "details"))
    assert isinstance(dialog, SchoolDetailsDialog)
    window.school_action.trigger()  # a second time raises the same window
    assert len([w for w in window.findChildren(SchoolDetailsDialog) if w.isVisible()]) == 1

    assert dialog.logo.load_file(_logo_file(tmp_path))
    assert dialog.isWindowModified()
    asked: list[str] = []
    answer_next_box(Button.Cancel, asked)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["School details has changes that are not saved."]
    assert dialog.isVisible()

    dialog.edits["email"].setText("office@")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "is not an email address" in dialog.errors.labels["email"].message.text()
    assert store.read(school_details).logo == b""  # nothing kept of a refused save
    dialog.edits["email"].setText("office@fernhill.example")
    dialog.edits["address"].setText("2 Orchard Road, Fernhill FH1 1AA")
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    kept = store.read(school_details)
    assert kept.logo == demo_logo()
    assert kept.email == "office@fernhill.example"
    assert kept.address == "2 Orchard Road, Fernhill FH1 1AA"


def test_help_user_guide_opens_the_bundled_guide(qtbot: QtBot, ctx: AppContext) -> None:
    window = _window(qtbot, ctx)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert help_menu.actions()[0] is window.guide_action
    window.guide_action.trigger()
    guide = window.findChild(GuideWindow)
    assert guide is not None and guide.isVisible()
    browser = guide.findChild(QTextBrowser)
    assert browser.source().isLocalFile()
    assert "apdesk user guide" in browser.toPlainText()
    assert "Importing pupils" in browser.toPlainText()
    guide.follow(QUrl("first-set-up.md"))  # a link between pages, as the contents table has
    assert browser.source().fileName() == "first-set-up.md"
    assert browser.toPlainText().startswith("First set-up")
    assert guide.back_button.isEnabled()
    qtbot.mouseClick(guide.back_button, Qt.MouseButton.LeftButton)
    assert "Importing pupils" in browser.toPlainText()
