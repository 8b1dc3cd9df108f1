"""The outbox as a table: one row per pack, fed plain `OutboxRow`s, filtered by status."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QObject,
    QSortFilterProxyModel,
    Qt,
)

from apdesk.i18n import N_, _, format_date
from apdesk.models.enums import OutboxStatus
from apdesk.sync.outbox import OutboxRow, waiting_text
from apdesk.ui.theme import icons
from apdesk.ui.widgets.row_table import Index, RowTableModel

CREATED, PUPIL, KIND, STATUS, ATTEMPTS, PROBLEM, DELIVERED = range(7)
HEADERS = (
    N_("Created"),
    N_("Pupil"),
    N_("Kind"),
    N_("Status"),
    N_("Tries"),
    N_("Last error / what to fix"),
    N_("Delivered"),
)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the OutboxRow itself
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # the status value ("queued", ...)
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

STATUS_ICONS = {
    OutboxStatus.QUEUED.value: "state.queued",
    OutboxStatus.SENDING.value: "state.sending",
    OutboxStatus.DELIVERED.value: "state.delivered",
    OutboxStatus.ATTENTION.value: "state.attention",
}


def when(value: datetime | None) -> str:
    """A local date and time, short enough for a column: 3 Mar 2025 14:05."""
    if value is None:
        return ""
    local = value.astimezone()
    return f"{format_date(local.date(), 'd MMM y')} {local:%H:%M}"


def receipt_text(row: OutboxRow) -> str:
    """The Delivered column: when, and that the LA's receipt is held."""
    if row.delivered_at is None:
        return ""
    return _("{when} · receipt held").format(when=when(row.delivered_at))


def receipt_detail(row: OutboxRow) -> str:
    """The receipt's identity in full: the pack it names, when the LA took it, its key."""
    receipt = row.receipt or {}
    try:
        received = when(datetime.fromisoformat(str(receipt.get("received_at"))))
    except ValueError:
        received = str(receipt.get("received_at", ""))
    return _(
        "Receipt from the LA for pack {pack_id}, received {received}, signed with LA key {key}."
    ).format(
        pack_id=receipt.get("pack_id", row.pack_id),
        received=received,
        key=receipt.get("la_key_id", ""),
    )


def problem_text(row: OutboxRow) -> str:
    if row.status in (OutboxStatus.DELIVERED.value, OutboxStatus.SENDING.value):
        return ""  # delivered needs nothing; a pack on its way has no error yet
    text = waiting_text(row.waiting) or row.last_error
    if row.status == OutboxStatus.QUEUED.value and row.next_attempt_at is not None:
        text = _("{error} (next try {when})").format(error=text, when=when(row.next_attempt_at))
    text = text.strip()
    return text[:1].upper() + text[1:]  # the sender's reasons start in lower case


class OutboxModel(RowTableModel[OutboxRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(HEADERS, parent)

    def cell(self, row: OutboxRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS:
            pixmap = STATUS_ICONS.get(row.status)
            return icons.icon(pixmap) if pixmap is not None else None
        if role == ROW_ROLE:
            return row
        if role == STATUS_ROLE:
            return row.status
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        return None

    def _display(self, row: OutboxRow, column: int) -> str | int | None:
        if column == CREATED:
            return when(row.created_at)
        if column == PUPIL:
            return f"{row.pupil_name} ({row.upn})" if row.upn else row.pupil_name
        if column == KIND:
            return _(row.kind_label)
        if column == STATUS:
            return _(row.status_label)
        if column == ATTEMPTS:
            return row.attempts
        if column == PROBLEM:
            return problem_text(row)
        if column == DELIVERED:
            return receipt_text(row)
        return None

    def _tooltip(self, row: OutboxRow, column: int) -> str | None:
        if column == PROBLEM:
            return problem_text(row) or None
        if column == DELIVERED and row.receipt:
            return json.dumps(row.receipt, indent=2, sort_keys=True)
        if column == STATUS:
            return _("Pack {pack_id}").format(pack_id=row.pack_id)
        return None

    def _sort_key(self, row: OutboxRow, column: int) -> Any:
        if column == CREATED:
            return row.created_at.timestamp()
        if column == DELIVERED:
            return row.delivered_at.timestamp() if row.delivered_at else 0.0
        if column == ATTEMPTS:
            return row.attempts
        return str(self._display(row, column) or "").casefold()

    def row_at(self, row: int) -> OutboxRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None


class StatusFilter(QSortFilterProxyModel):
    """Shows the packs with the chosen statuses (all of them when none is chosen)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.statuses: frozenset[str] = frozenset()
        self.setSortRole(SORT_ROLE)

    def set_statuses(self, statuses: frozenset[str]) -> None:
        self.beginFilterChange()
        self.statuses = statuses
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.statuses:
            return True
        index = self.sourceModel().index(source_row, STATUS, source_parent)
        return str(index.data(STATUS_ROLE)) in self.statuses
