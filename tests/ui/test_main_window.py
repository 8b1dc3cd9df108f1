"""The shell: sidebar pages, status bar, Lock (Ctrl+L) and remembered geometry."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import select
from tests.helpers.failures import LoggedErrors, WorkerErrors
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.models import Placement
from apdesk.models.enums import PlacementStatus
from apdesk.models.kinds import Kind
from apdesk.services.demo import demo_school, populate
from apdesk.store import Store
from apdesk.store.changes import ANY, Changes
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.tasks import InlineTaskRunner
from apdesk.ui.home.page import HomePage
from apdesk.ui.shell.about import AboutDialog
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.shell.pages import PAGES, PageSpec


def store_rows(store: Store) -> list[Placement]:
    with store.session() as session:
        return list(session.exec(select(Placement)).all())


class NotesPage(QWidget):
    """A second page, so switching and "back to the same page" can be seen."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.shown = 0
        QLabel("notes", self)

    def page_shown(self) -> None:
        self.shown += 1


TWO_PAGES = [
    next(spec for spec in PAGES if spec.key == "home"),
    PageSpec("notes", "Notes", "page.plans", f"{__name__}:NotesPage"),
]


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    made = MainWindow(ctx, TWO_PAGES)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def test_every_registered_page_is_in_the_sidebar(window: MainWindow) -> None:
    titles = [window.sidebar.item(row).text() for row in range(window.sidebar.count())]
    assert titles == ["Home", "Notes"]
    assert isinstance(window.stack.currentWidget(), HomePage)
    assert all(window.sidebar.item(row).icon().isNull() is False for row in range(2))


def test_the_home_page_shows_the_school_and_real_counts(
    qtbot: QtBot, store: Store, tasks: InlineTaskRunner, settings: QSettings
) -> None:
    made = populate(store, pupils=6, seed=3)
    ctx = AppContext(store.folder, tasks, settings, store=store)
    home = HomePage(ctx)
    qtbot.addWidget(home)
    assert home.school.text() == demo_school().name
    assert "URN 139999" in home.identifiers.text()
    assert home.values["pupils"].text() == str(made["pupils"])
    assert home.values["providers"].text() == str(made["providers"])
    placements = store_rows(store)  # the demo's plans add re-referrals beyond `made`
    assert home.values["placements"].text() == str(len(placements))
    active = sum(1 for p in placements if p.status == PlacementStatus.ACTIVE)
    assert 0 < active <= len(placements)
    assert home.values["active_placements"].text() == str(active)
    populate(store, pupils=2, seed=4)  # the demo builder writes below the operations
    home.show()
    assert home.values["pupils"].text() == str(made["pupils"])  # no operation told it
    ctx.changed.emit(Changes(created={Kind.PUPIL: frozenset({ANY})}), None)
    assert home.values["pupils"].text() == str(made["pupils"] + 2)


def test_ctrl_number_switches_pages_and_is_remembered(
    qtbot: QtBot, window: MainWindow, settings: QSettings
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "notes"
    page = window.stack.currentWidget()
    assert isinstance(page, NotesPage)
    assert page.shown == 1
    qtbot.waitUntil(lambda: settings.value("main/page") == "notes")  # once settled on it
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    window.save_settings()  # closing the window writes the page shown last at once
    assert settings.value("main/page") == window.current_key() != "notes"


def test_ctrl_l_locks_hides_the_pages_and_unlocking_returns_to_the_same_page(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    window.sidebar.setCurrentRow(1)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert store.is_locked
    assert not window.ctx.is_unlocked
    assert window.pages == {}
    assert window.stack.currentWidget() is window.locked_panel
    assert not window.sidebar.isEnabled()
    assert window.lock_label.text() == "Locked"
    dialog = window.unlock_dialog
    assert dialog is not None and dialog.isVisible()

    qtbot.keyClicks(dialog.passphrase.edit, TEST_PASSPHRASE)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert window.ctx.is_unlocked
    assert window.current_key() == "notes"
    assert isinstance(window.stack.currentWidget(), NotesPage)
    assert window.lock_label.text() == "Unlocked (passphrase)"
    window.ctx.store.lock()


def test_cancelling_the_unlock_leaves_the_window_locked(qtbot: QtBot, window: MainWindow) -> None:
    window.lock_action.trigger()
    dialog = window.unlock_dialog
    assert dialog is not None
    dialog.reject()
    assert window.unlock_dialog is None
    assert window.stack.currentWidget() is window.locked_panel
    qtbot.mouseClick(window.locked_panel.unlock_button, Qt.MouseButton.LeftButton)
    assert window.unlock_dialog is not None and window.unlock_dialog.isVisible()


def test_the_status_bar_names_the_store_and_how_it_was_unlocked(
    window: MainWindow, store: Store
) -> None:
    assert str(store.folder) in window.store_label.text()
    assert window.lock_label.text() == "Unlocked (passphrase)"


def test_geometry_is_saved_and_restored(qtbot: QtBot, ctx: AppContext, settings: QSettings) -> None:
    first = MainWindow(ctx, TWO_PAGES)
    qtbot.addWidget(first)
    first.show()
    first.resize(713, 511)  # within the offscreen screen's 800x600
    first.close()
    assert Path(settings.fileName()).exists()

    second = MainWindow(ctx, TWO_PAGES)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (713, 511)


def test_background_errors_are_shown_to_the_person(
    qtbot: QtBot, window: MainWindow, worker_errors: WorkerErrors, logged_errors: LoggedErrors
) -> None:
    window.ctx.query(lambda _session: 1 / 0).run()
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1
    assert "ZeroDivisionError" in boxes[0].text()
    assert worker_errors == [f"shown to the person: {boxes[0].text()}"]
    [logged] = logged_errors()  # the details go to the log, not to the screen
    assert logged.exc_info is not None and logged.exc_info[0] is ZeroDivisionError


def test_the_about_dialog_lists_the_versions(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = AboutDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.values["SQLCipher"].text().startswith("4.")
    assert dialog.values["Qt"].text().startswith("6.")
    assert dialog.values["PySide6"].text().startswith("6.")
    assert dialog.values["Python"].text().startswith("3.")


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLineEdit, QListWidget

    controls = [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QLineEdit | QListWidget) and w.isVisible()
    ]
    assert controls
    assert [w for w in controls if not w.accessibleName()] == []
