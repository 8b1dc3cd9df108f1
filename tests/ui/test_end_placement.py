"""Ending a placement is one action wherever it starts: the Placements page and the Plans page
open the same dialog and run the same operation, so both leave the same records (outcome,
destination, notes, follow-ups and the LA's end pack), and each page shows the other's end."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlmodel import select
from tests.helpers.plans import make_placement, make_pupil

from apdesk.models import FollowUp, OutboxItem, Placement
from apdesk.models.enums import PackKind, PlacementOutcome, PlacementStatus
from apdesk.services.school import SchoolDetails, save_school
from apdesk.store import Store
from apdesk.sync.verify import verify_pack
from apdesk.ui.core.context import AppContext
from apdesk.ui.placements import end_dialog
from apdesk.ui.placements.end_dialog import EndPlacementDialog
from apdesk.ui.placements.page import PlacementsPage
from apdesk.ui.plans.page import PlansPage


def started() -> date:
    """Sixteen weeks ago, worked out when asked: a suite that runs past midnight moves the day."""
    return date.today() - timedelta(weeks=16)


def ended() -> date:
    """A week ago."""
    return date.today() - timedelta(weeks=1)


DESTINATION = "Year 10 at Hillside Academy, full timetable"
NOTES = "Back full time from Monday; mentor meets her weekly."


@pytest.fixture
def two_running(store: Store) -> tuple[int, int]:
    """Two pupils at the same stage of the same kind of placement."""
    with store.session() as s:
        save_school(
            s, SchoolDetails(name="Hillside Academy", urn="100001", la_code="855", estab="4001")
        )
        ids = []
        for surname in ("Fairweather", "Hartley"):
            placement = make_placement(
                s, make_pupil(s, surname), start=started(), end=date.today() + timedelta(weeks=8)
            )
            ids.append(placement.id or 0)
        return ids[0], ids[1]


def fill(qtbot: QtBot, dialog: EndPlacementDialog) -> None:
    dialog.set_outcome(PlacementOutcome.RETURNED)
    dialog.ended_on.set_value(ended())
    qtbot.keyClicks(dialog.destination, DESTINATION)
    qtbot.keyClicks(dialog.notes, NOTES)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def record(store: Store, placement_id: int) -> dict[str, Any]:
    """What the end left behind, without the ids that tell the two pupils apart."""
    with store.session() as s:
        placement = s.get(Placement, placement_id)
        assert placement is not None
        follow_ups = s.exec(select(FollowUp).where(FollowUp.placement_id == placement_id)).all()
        packs = s.exec(select(OutboxItem).where(OutboxItem.placement_id == placement_id)).all()
        notifications = []
        for pack in packs:
            notification = verify_pack(pack.pack).notification
            assert notification is not None
            for key in ("pack_id", "created_at", "pupil"):
                notification.pop(key)
            notification["placement"].pop("reference")
            notifications.append((pack.kind, notification))
        return {
            "status": placement.status,
            "outcome": placement.outcome,
            "ended_on": placement.ended_on,
            "destination": placement.destination,
            "notes": placement.outcome_notes,
            "follow_ups": sorted((f.weeks, f.due_on, f.done_on) for f in follow_ups),
            "packs": notifications,
        }


def test_ending_from_either_page_leaves_the_same_records(
    qtbot: QtBot, ctx: AppContext, store: Store, two_running: tuple[int, int]
) -> None:
    from_placements, from_plans = two_running
    placements = PlacementsPage(ctx)
    plans = PlansPage(ctx)
    for page in (placements, plans):
        qtbot.addWidget(page)
        page.resize(1200, 760)
        page.show()

    placements.select(from_placements)
    dialog = placements.end_selected()
    assert isinstance(dialog, EndPlacementDialog)
    fill(qtbot, dialog)

    plans.show_placement(from_plans)
    qtbot.waitUntil(lambda: plans.view.data is not None)
    qtbot.mouseClick(plans.view.end_button, Qt.MouseButton.LeftButton)
    assert isinstance(plans.dialog, EndPlacementDialog)  # the same dialog, not a look-alike
    fill(qtbot, plans.dialog)

    first, second = record(store, from_placements), record(store, from_plans)
    assert first == second
    assert first["status"] is PlacementStatus.ENDED
    assert first["outcome"] is PlacementOutcome.RETURNED
    assert (first["destination"], first["notes"]) == (DESTINATION, NOTES)
    six, twelve = ended() + timedelta(weeks=6), ended() + timedelta(weeks=12)
    assert first["follow_ups"] == [(6, six, None), (12, twelve, None)]
    [(kind, notification)] = first["packs"]
    assert kind is PackKind.PLACEMENT_END
    assert notification["placement"]["outcome"] == PlacementOutcome.RETURNED.value

    # Each page shows the other's end without being asked to refresh.
    statuses = {row.id: row.status for row in placements.model.rows}
    assert statuses == {from_placements: PlacementStatus.ENDED, from_plans: PlacementStatus.ENDED}
    shown = plans.choices.rows
    assert {c.id: c.status for c in shown}[from_placements] is PlacementStatus.ENDED
    assert [f.weeks for f in plans.view.follow_ups.rows_model.rows] == [6, 12]


def test_a_refused_end_keeps_what_was_typed_and_names_the_field(
    qtbot: QtBot, ctx: AppContext, store: Store, two_running: tuple[int, int]
) -> None:
    placement_id, _other = two_running
    dialog = EndPlacementDialog(ctx, placement_id, "Alex Fairweather")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.destination, DESTINATION)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no outcome yet
    assert "Outcome: is missing" in dialog.errors.labels["Outcome"].text()
    dialog.set_outcome(PlacementOutcome.RETURNED)
    dialog.ended_on.set_value(started() - timedelta(days=1))  # before the start
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "before the start" in dialog.errors.labels["End"].text()
    assert dialog.errors.labels["Outcome"].text() == ""
    assert dialog.isVisible() and dialog.destination.text() == DESTINATION
    with store.session() as s:
        placement = s.get(Placement, placement_id)
        assert placement is not None and placement.status is PlacementStatus.ACTIVE
        assert s.exec(select(FollowUp)).all() == []
        assert s.exec(select(OutboxItem)).all() == []


def test_cancel_asks_before_dropping_what_was_typed(
    qtbot: QtBot, ctx: AppContext, two_running: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answer = QMessageBox.StandardButton.Cancel

    def ask(
        _parent: object, _title: str, question: str, *_args: object
    ) -> QMessageBox.StandardButton:
        asked.append(question)
        return answer

    # Ending cannot be undone: the question is about closing without ending, not about saving.
    monkeypatch.setattr(end_dialog, "ask_go_or_stay", ask)
    dialog = EndPlacementDialog(ctx, two_running[0], "Alex Fairweather")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert asked == [] and not dialog.isVisible()
    dialog.show()
    qtbot.keyClicks(dialog.notes, NOTES)
    assert dialog.isWindowModified()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert (
        asked == ["Close without ending the placement?"] and dialog.isVisible()
    )  # kept: the notes are still there
    assert dialog.notes.toPlainText() == NOTES
    answer = QMessageBox.StandardButton.Discard
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
