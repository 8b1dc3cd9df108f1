"""From a pupil's record to everything about them: place them, open a placement, their plan,
their row in the register and their timetable. One menu, built from the record on show, used by
the record's "More" button and the Pupils table's context menu, so both offer the same."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from apdesk.i18n import _
from apdesk.models.enums import PlacementStatus
from apdesk.services.pupils import PlacementSummary
from apdesk.ui.pupils.data import PupilView

PLAN_FIRST = (PlacementStatus.ACTIVE, PlacementStatus.REFERRED, PlacementStatus.DRAFT)


def plan_placement(view: PupilView, chosen: int | None = None) -> PlacementSummary | None:
    """The placement whose plan a person means: the one chosen in the list, else the running
    one, else the newest."""
    if chosen is not None:
        found = next((p for p in view.placements if p.id == chosen), None)
        if found is not None:
            return found
    for status in PLAN_FIRST:
        found = next((p for p in view.placements if p.status == status), None)
        if found is not None:
            return found
    return view.placements[0] if view.placements else None


class PupilJumps(QObject):
    """Asks for what the pupil's record links to; the page carries it out."""

    place_requested = Signal(int)  # pupil id: New placement with the pupil chosen
    placement_requested = Signal(int)  # placement id: its editor
    page_requested = Signal(str, dict)  # page key, filter (plans, register, timetables)

    def place(self, view: PupilView) -> None:
        self.place_requested.emit(view.id)

    def open_placement(self, placement_id: int) -> None:
        self.placement_requested.emit(placement_id)

    def open_plan(self, view: PupilView, chosen: int | None = None) -> None:
        placement = plan_placement(view, chosen)
        if placement is not None:
            self.page_requested.emit("plans", {"placement_id": placement.id})

    def open_register(self, view: PupilView) -> None:
        self.page_requested.emit("register", {"pupil_ids": [view.id], "pupil_id": view.id})

    def open_timetable(self, view: PupilView) -> None:
        self.page_requested.emit("timetables", {"pupil_id": view.id})

    def fill(self, menu: QMenu, view: PupilView | None, chosen: Callable[[], int | None]) -> QMenu:
        """`menu` with the actions for `view`; `chosen` names the placement picked in a list."""
        menu.clear()
        if view is None:
            return menu
        self._add(menu, _("&Place this pupil…"), lambda: self.place(view))
        if view.placements:
            placements = menu.addMenu(_("Open pla&cement"))
            for p in view.placements:
                text = f"{p.provider} — {_(p.status_label)}".replace("&", "&&")
                self._add(placements, text, partial(self.open_placement, p.id))
        plan = self._add(menu, _("Open p&lan"), lambda: self.open_plan(view, chosen()))
        plan.setEnabled(bool(view.placements))
        self._add(menu, _("&Attendance row"), lambda: self.open_register(view))
        self._add(menu, _("&Timetable"), lambda: self.open_timetable(view))
        return menu

    @staticmethod
    def _add(menu: QMenu, text: str, slot: Callable[[], None]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        return action


def jumps_menu(parent: QWidget) -> QMenu:
    menu = QMenu(parent)
    menu.setAccessibleName(_("Open this pupil's placement, plan, attendance or timetable"))
    return menu
