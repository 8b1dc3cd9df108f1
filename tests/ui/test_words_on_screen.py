"""Words and numbers as a reader sees them: a shortcut's & never shown as a character, a number
of years in the right form ("1 year", "2 years"), decimals with the language's mark."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from apdesk.i18n import set_locale
from apdesk.models.enums import PlacementStatus
from apdesk.services.placement_lifecycle import PlacementRow
from apdesk.ui.core.context import AppContext
from apdesk.ui.exports.dialog import ExportDialog
from apdesk.ui.placements.model import HOURS, PlacementsModel
from apdesk.ui.security.retention_tab import RetentionTab


def literal_ampersands(root: QWidget) -> list[str]:
    """Visible plain-text labels whose & marks a shortcut for no field: Qt shows the & itself."""
    shown: list[str] = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if not label.isVisibleTo(root) or label.buddy() is not None:
            continue
        if label.textFormat() == Qt.TextFormat.RichText or "<" in text:
            continue
        if "&" in text.replace("&&", ""):
            shown.append(text)
    return shown


def test_the_export_dialog_shows_no_stray_ampersand(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert literal_ampersands(dialog) == []


def test_retention_periods_say_year_or_years(qtbot: QtBot, ctx: AppContext) -> None:
    tab = RetentionTab(ctx)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.rules.rowCount() > 0)
    box = next(
        widget
        for row in range(tab.rules.rowCount())
        if isinstance(widget := tab.rules.cellWidget(row, 1), QSpinBox) and widget.isEnabled()
    )
    box.setValue(1)
    assert box.text() == "1 year"
    box.setValue(2)
    assert box.text() == "2 years"


@pytest.mark.parametrize(("locale", "shown"), [("en_GB", "13.5"), ("pl_PL", "13,5")])
def test_placement_hours_use_the_languages_decimal_mark(
    qtbot: QtBot, locale: str, shown: str
) -> None:
    set_locale(locale)
    holder = QWidget()
    qtbot.addWidget(holder)
    model = PlacementsModel(holder)
    row = PlacementRow(
        1, 1, "Jay Southgate", "A123", 1, "Riverside PRU", PlacementStatus.ACTIVE, "", 13.5,
        date(2026, 9, 1), None, "",
    )  # fmt: skip
    model.set_rows([row])
    assert model.index(0, HOURS).data() == shown  # as the editor's hours box shows it
