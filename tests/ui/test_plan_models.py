"""The plan page's table models hold plain rows and pass Qt's model checks."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester

from apdesk.models.enums import PlacementStatus
from apdesk.models.plan_progress import ProgressRating
from apdesk.services.plan_rows import PlacementChoice, TargetRow
from apdesk.services.plans.due_list import DueRow
from apdesk.ui.plans.page import CHOICE_COLUMNS, ChoiceFilter
from apdesk.ui.plans.review_models import due_columns
from apdesk.ui.plans.tables import TARGET_COLUMNS
from apdesk.ui.widgets.columns_model import ROW_ROLE, SORT_ROLE, RowsModel

TODAY = date(2025, 3, 3)


def test_the_targets_model(qtmodeltester: ModelTester) -> None:
    model: RowsModel[TargetRow] = RowsModel(TARGET_COLUMNS)
    qtmodeltester.check(model)
    rows = [
        TargetRow(1, "Attend", "Returns", "62%", "90%", TODAY, ProgressRating.SECURE, "85%"),
        TargetRow(2, "Calm", "Log", "None", "Two", None),
    ]
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.index(0, 5).data() == "Secure: 85%"
    assert model.index(1, 5).data() == "Not rated yet"
    assert model.index(0, 5).data(SORT_ROLE) == 4
    assert model.index(1, 0).data(ROW_ROLE) is rows[1]
    assert model.headerData(4, Qt.Orientation.Horizontal) == "By when"


def test_the_due_model(qapp: object, qtmodeltester: ModelTester) -> None:
    widget = QWidget()
    model: RowsModel[DueRow] = RowsModel(due_columns(widget))
    model.set_rows(
        [
            DueRow("review", 1, "Ava Lee", "A1", "Riverside", "Review", TODAY, True, 5),
            DueRow("follow_up", 2, "Ben Ode", "B2", "", "6-week follow-up", TODAY, False, 0),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Overdue by 5 days"
    assert model.index(1, 0).data() == "Due today"
    assert model.index(0, 0).data(SORT_ROLE) < model.index(1, 0).data(SORT_ROLE)


def test_the_placement_search(qtmodeltester: ModelTester) -> None:
    model: RowsModel[PlacementChoice] = RowsModel(CHOICE_COLUMNS)
    model.set_rows(
        [
            PlacementChoice(1, "Ava Lee", "A123", "Riverside", PlacementStatus.ACTIVE),
            PlacementChoice(2, "Ben Ode", "B456", "Hilltop", PlacementStatus.ENDED),
        ]
    )
    proxy = ChoiceFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_search("hilltop ended")
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data(ROW_ROLE).id == 2
    proxy.set_search("a123")
    assert proxy.rowCount() == 1
