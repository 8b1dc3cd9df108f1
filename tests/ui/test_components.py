"""The shared components: page header, cards and tiles, banners, empty states, toasts, chips."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from apdesk.ui.theme.apply import ThemeManager
from apdesk.ui.theme.tokens import colours
from apdesk.ui.widgets.banner import Banner
from apdesk.ui.widgets.card import KpiTile
from apdesk.ui.widgets.chip import StatusChip
from apdesk.ui.widgets.empty_state import EmptyState
from apdesk.ui.widgets.page_header import PageHeader
from apdesk.ui.widgets.toast import SHOWN_MS, notify


def test_the_page_header_mirrors_its_actions(qtbot: QtBot) -> None:
    header = PageHeader("Placements", "77 placements")
    qtbot.addWidget(header)
    new = QAction("&New placement…", header)
    fired: list[bool] = []
    new.triggered.connect(lambda: fired.append(True))
    button = header.add_action(new, primary=True)
    assert button.property("variant") == "primary"
    assert button.accessibleName() == "New placement"
    new.setEnabled(False)
    assert not button.isEnabled()
    new.setEnabled(True)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert fired == [True]
    header.set_context("")
    assert header.context.isHidden()
    assert header.title.property("role") == "page-title"


@pytest.mark.parametrize("kind", ["info", "success", "warning", "danger"])
def test_a_banner_says_its_kind_in_words_and_shape(
    qtbot: QtBot,
    theme: ThemeManager,
    kind: str,
) -> None:
    banner = Banner(kind, "Marks missing for 8 sessions.", action="Open register")
    qtbot.addWidget(banner)
    banner.show()
    assert banner.property("kind") == kind
    assert banner.accessibleName().endswith(": Marks missing for 8 sessions.")
    assert banner.accessibleName().split(":")[0] in {"Information", "Done", "Warning", "Problem"}
    edge = banner.grab().toImage().pixelColor(1, banner.height() // 2).name().upper()
    assert edge == colours("light")[f"{kind}.fg"]  # the 4 px edge in the status colour
    with qtbot.waitSignal(banner.action_clicked):
        qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)


def test_a_banner_refuses_an_unknown_kind_and_can_be_dismissed(qtbot: QtBot) -> None:
    with pytest.raises(ValueError, match="'error' is not one of"):
        Banner("error", "x")
    banner = Banner("info", "Filtered", dismissible=True)
    qtbot.addWidget(banner)
    banner.show()
    with qtbot.waitSignal(banner.dismissed):
        qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
    assert banner.isHidden()


def test_a_kpi_tile_opens_with_the_keyboard_and_describes_itself(qtbot: QtBot) -> None:
    tile = KpiTile("Pupils in AP now", "27", "in 32 placements", clickable=True)
    qtbot.addWidget(tile)
    assert tile.accessibleName() == "Pupils in AP now, 27, in 32 placements"
    assert tile.focusPolicy() == Qt.FocusPolicy.StrongFocus
    with qtbot.waitSignal(tile.activated):
        qtbot.keyClick(tile, Qt.Key.Key_Return)
    tile.set_value("28", "in 33 placements")
    assert tile.accessibleName() == "Pupils in AP now, 28, in 33 placements"
    still = KpiTile("School attendance", "74.0%")
    qtbot.addWidget(still)
    with qtbot.assertNotEmitted(still.activated):
        qtbot.keyClick(still, Qt.Key.Key_Return)


def test_an_empty_state_offers_the_next_step(qtbot: QtBot) -> None:
    empty = EmptyState("empty.list", "No placements yet.", action="New placement…")
    qtbot.addWidget(empty)
    empty.show()
    assert empty.button.isVisible() and empty.button.property("variant") == "primary"
    assert empty.accessibleName() == "No placements yet."
    quiet = EmptyState("empty.search", "Nothing matches the search.")
    qtbot.addWidget(quiet)
    quiet.show()
    assert not quiet.button.isVisible() and not quiet.detail.isVisible()


def test_a_toast_shows_repeats_in_the_status_bar_and_goes_by_itself(qtbot: QtBot) -> None:
    window = QMainWindow()
    window.setCentralWidget(QWidget())
    window.statusBar().showMessage("Ready")
    qtbot.addWidget(window)
    window.resize(800, 500)
    window.show()
    toast = notify(window, "Saved")
    assert toast.isVisible() and toast.text() == "Saved"
    assert window.statusBar().currentMessage() == "Saved"
    assert toast.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert toast.geometry().bottom() < window.statusBar().geometry().top()
    assert notify(window, "Sent to the LA", "info") is toast  # one toast per window
    qtbot.waitUntil(lambda: not toast.isVisible(), timeout=SHOWN_MS + 2000)


def test_a_chip_names_its_state(qtbot: QtBot) -> None:
    chip = StatusChip("referred", "Referred")
    qtbot.addWidget(chip)
    assert chip.property("state") == "referred" and chip.accessibleName() == "Referred"
    with pytest.raises(ValueError):
        chip.set_state("cancelled", "Cancelled")
