"""The columns of each table on the plan page, and a read-only table view to show them in."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from apdesk.i18n import N_, _
from apdesk.services.plan_rows import FollowUpRow, ReviewRow, StepRow, TargetRow, VoiceRow
from apdesk.services.plans.agencies import AgencyRow
from apdesk.ui.theme import icons
from apdesk.ui.widgets.columns_model import SORT_ROLE, Column, RowsModel, day, day_sort


def _rating(row: TargetRow) -> str:
    if row.rating is None:
        return _("Not rated yet")
    text = _(row.rating.label)
    return f"{text}: {row.rating_note}" if row.rating_note else text


TARGET_COLUMNS: list[Column[TargetRow]] = [
    Column(N_("What"), lambda r: r.what),
    Column(N_("How measured"), lambda r: r.measure),
    Column(N_("Baseline"), lambda r: r.baseline),
    Column(N_("Target"), lambda r: r.target),
    Column(N_("By when"), lambda r: day(r.by_date), lambda r: day_sort(r.by_date)),
    Column(
        N_("Latest progress"),
        _rating,
        lambda r: r.rating.score if r.rating else 0,
        tooltip=lambda r: (
            _rating(r) + (_(" (rated {day})").format(day=day(r.rated_on)) if r.rated_on else "")
        ),
    ),
]

STEP_COLUMNS: list[Column[StepRow]] = [
    Column(N_("Step"), lambda r: r.step),
    Column(N_("Who"), lambda r: r.owner),
    Column(N_("By when"), lambda r: day(r.by_date), lambda r: day_sort(r.by_date)),
    Column(N_("Done"), lambda r: _(N_("Done")) if r.done else _("Not yet"), lambda r: int(r.done)),
]


def _warning_icon(widget: QWidget) -> QIcon:
    return icons.icon("state.warning")


def agency_columns(widget: QWidget) -> list[Column[AgencyRow]]:
    warning = _warning_icon(widget)
    return [
        Column(N_("Agency"), lambda r: r.name),
        Column(N_("Contact"), lambda r: r.contact),
        Column(N_("Role on the plan"), lambda r: r.role),
        Column(
            N_("Consent to share"),
            lambda r: day(r.consent_date) if r.consent_date else _("Not recorded"),
            lambda r: day_sort(r.consent_date),
            icon=lambda r: warning if r.warning else None,
            tooltip=lambda r: r.warning or day(r.consent_date),
        ),
    ]


VOICE_COLUMNS: list[Column[VoiceRow]] = [
    Column(N_("Whose voice"), lambda r: _(r.voice_of)),
    Column(N_("Date"), lambda r: day(r.said_on), lambda r: day_sort(r.said_on)),
    Column(N_("How gathered"), lambda r: r.how_gathered),
    Column(N_("What was said"), lambda r: r.text),
]

REVIEW_COLUMNS: list[Column[ReviewRow]] = [
    Column(
        N_("Date"),
        lambda r: day(r.held_on) if r.held_on else _("Scheduled {day}").format(day=day(r.date)),
        lambda r: day_sort(r.date),
    ),
    Column(N_("Who attended"), lambda r: ", ".join(r.attendees)),
    Column(N_("Decisions"), lambda r: r.decisions),
    Column(N_("Next review"), lambda r: day(r.next_review), lambda r: day_sort(r.next_review)),
]


def _follow_up_state(row: FollowUpRow) -> str:
    if row.done_on is None:
        return _("Not done yet")
    answer = _("still attending") if row.still_attending else _("not attending")
    return _("Checked {day}: {answer}").format(day=day(row.done_on), answer=answer)


FOLLOW_UP_COLUMNS: list[Column[FollowUpRow]] = [
    Column(N_("Follow-up"), lambda r: _("{n} weeks").format(n=r.weeks), lambda r: r.weeks),
    Column(N_("Due"), lambda r: day(r.due_on), lambda r: day_sort(r.due_on)),
    Column(N_("Result"), _follow_up_state),
    Column(N_("Attendance since the return"), lambda r: r.attendance),
    Column(N_("Note"), lambda r: r.note),
]


class RowsTable(QTableView):
    """A sortable, read-only table of one plan section; wraps long text onto several lines."""

    def __init__(
        self,
        name: str,
        columns: Sequence[Column],  # type: ignore[type-arg]
        parent: QWidget | None = None,
        fit: Sequence[int] = (),
    ) -> None:
        super().__init__(parent)
        self.rows_model: RowsModel = RowsModel(columns, self)  # type: ignore[type-arg]
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.rows_model)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setAccessibleName(name)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for column in fit:  # short values (dates, states): leave the room to the text
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def set_rows(self, rows: Sequence[object]) -> None:
        self.rows_model.set_rows(rows)

    def current_row(self) -> object | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return self.rows_model.row_at(self.proxy.mapToSource(index).row())
