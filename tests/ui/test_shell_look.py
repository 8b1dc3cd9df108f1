"""The shell in apdesk's look: title, sidebar, stable geometry, the Appearance dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QRadioButton
from pytestqt.qtbot import QtBot
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.services.demo import populate
from apdesk.services.school import SchoolDetails, save_school
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.shell.appearance import AppearanceDialog
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.theme import current
from apdesk.ui.theme.apply import Appearance, ThemeManager
from apdesk.ui.theme.tokens import colours


@pytest.fixture
def window(qtbot: QtBot, store: Store, ctx: AppContext, theme: ThemeManager) -> MainWindow:
    with store.session() as session:
        save_school(session, SchoolDetails(name="Riverside Academy", urn="123456"))
    made = MainWindow(ctx)
    qtbot.addWidget(made)
    made.resize(1280, 700)
    made.show()
    qtbot.waitExposed(made)
    return made


def test_the_title_names_the_school_and_the_page(qtbot: QtBot, window: MainWindow) -> None:
    school = "Riverside Academy"
    window.sidebar.setCurrentRow([s.key for s in window.specs].index("placements"))
    qtbot.waitUntil(lambda: window.windowTitle() == f"{school} — Placements — apdesk")
    window.lock()
    assert window.windowTitle() == f"{school} — Locked — apdesk"
    window.unlock_dialog.reject()


def test_the_sidebar_and_the_window_keep_their_size_on_every_page_and_after_unlocking(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    populate(store, pupils=8, seed=5)  # pages with rows in them, as a school has
    size, width = window.size(), window.sidebar.width()
    left = window.stack.mapTo(window, window.stack.rect().topLeft()).x()
    for row in range(window.sidebar.count()):
        window.sidebar.setCurrentRow(row)
        QApplication.processEvents()
        assert (window.size(), window.sidebar.width()) == (size, width), window.specs[row].key
    window.lock()
    QApplication.processEvents()
    assert (window.size(), window.sidebar.width()) == (size, width)
    dialog = window.unlock_dialog
    qtbot.keyClicks(dialog.passphrase.edit, TEST_PASSPHRASE)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert (window.size(), window.sidebar.width()) == (size, width)
    assert window.stack.mapTo(window, window.stack.rect().topLeft()).x() == left
    window.ctx.store.lock()


def test_the_current_page_is_drawn_in_the_accent(window: MainWindow) -> None:
    window.sidebar.setCurrentRow(2)
    rect = window.sidebar.visualItemRect(window.sidebar.item(2))
    image = window.sidebar.viewport().grab().toImage()
    inside = image.pixelColor(rect.right() - 6, rect.center().y()).name().upper()
    assert inside == colours("light")["accent.bg"]
    other = window.sidebar.visualItemRect(window.sidebar.item(4))
    assert image.pixelColor(other.right() - 6, other.center().y()).name().upper() != inside


def test_the_sidebar_fits_every_title_at_the_largest_text_size(
    qtbot: QtBot,
    window: MainWindow,
    theme: ThemeManager,
) -> None:
    theme.preview(Appearance("light", "larger"))
    QApplication.processEvents()
    assert window.sidebar.font().pointSizeF() == pytest.approx(theme.base_font.pointSizeF() * 1.3)
    metrics = window.sidebar.fontMetrics()
    widest = max(metrics.horizontalAdvance(window.sidebar.item(r).text()) for r in range(10))
    assert window.sidebar.viewport().width() > widest + window.sidebar.iconSize().width()


def test_appearance_previews_saves_and_cancels(
    qtbot: QtBot,
    window: MainWindow,
    theme: ThemeManager,
    settings: QSettings,
) -> None:
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Go", "&View", "&Help"]
    dialog = AppearanceDialog(theme, window)
    qtbot.addWidget(dialog)
    dialog.show()
    buttons = {b.property("preference"): b for b in dialog.findChildren(QRadioButton)}
    assert set(buttons) == {"system", "light", "dark", "hc"}
    buttons["dark"].click()
    assert current.scheme() == "dark"  # shown at once
    dialog.reject()
    assert current.scheme() == "light"  # Cancel puts it back
    assert settings.value("ui/appearance") is None
    again = AppearanceDialog(theme, window)
    qtbot.addWidget(again)
    again.show()
    again.findChildren(QRadioButton)[3].click()  # High contrast
    again.text_size.setCurrentIndex(again.text_size.findData("large"))
    again.accept()
    assert current.scheme() == "hc"
    assert Appearance.load(settings) == Appearance("hc", "large")
