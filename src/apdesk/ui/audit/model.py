"""The audit log as a table model fed plain rows (no session behind it)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from apdesk.i18n import N_, _, format_date_time, format_number, ngettext
from apdesk.models.record_words import AUDIT_ACTION_WORDS, RECORD_WORDS
from apdesk.services.amendment_reasons import UNDONE
from apdesk.services.audit_log import AuditRow, about_whom, describe_change, purged_words
from apdesk.services.audit_records import RecordFacts, is_undo, mark_of, mark_words
from apdesk.services.audit_steps import describe_entry, step_action, step_summary

WHEN, USER, ACTION, RECORD, PUPIL, CHANGE = range(6)
HEADERS = (N_("When"), N_("User"), N_("Action"), N_("Record"), N_("Pupil"), N_("Change"))
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def record_label(row: AuditRow, facts: RecordFacts | None = None) -> str:
    """The record in words, never its number: a mark by its code and session."""
    found = mark_of(row, facts)
    if found is not None:
        return mark_words(found)
    return _(RECORD_WORDS.get(row.entity, row.entity.capitalize()))


def action_label(row: AuditRow, facts: RecordFacts | None = None) -> str:
    """What was done: a first mark taken back reads "Undone", not "Added" or "Changed"."""
    step = step_action(row, facts)
    if step:
        return step
    if is_undo(row, facts):
        return _(UNDONE)
    return _(AUDIT_ACTION_WORDS.get(row.action, row.action))


def change_summary(row: AuditRow, facts: RecordFacts | None = None) -> str:
    """One line: the fields an update changed; for an addition or removal, how many fields;
    for a step in the register, the mark before and after it."""
    step = step_summary(row, facts)
    if step:
        return step
    if row.action == "update":
        lines = describe_change(row, facts).splitlines()
        if not lines:
            return ""
        first, more = lines[0], len(lines) - 1
        return first if more <= 0 else _("{first} (+{more} more)").format(first=first, more=more)
    if row.action == "purge":
        return ", ".join(purged_words(row))
    values = row.after or row.before
    shown = [v for v in values.values() if v not in (None, "", [])]
    return ngettext("{n} field recorded", "{n} fields recorded", len(shown)).format(
        n=format_number(len(shown))
    )


class AuditModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRow] = []
        self._whom: list[str] = []
        self.facts: RecordFacts | None = None

    def set_rows(
        self,
        rows: list[AuditRow],
        names: dict[str, dict[int, str]] | None = None,
        facts: RecordFacts | None = None,
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.facts = facts
        known = names or {"pupil": {}, "placement": {}}
        self._whom = [about_whom(row, known, facts) for row in self._rows]
        self.endResetModel()

    def row_at(self, row: int) -> AuditRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return _(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == CHANGE:
            return describe_entry(row, self.facts)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == WHEN:
            return format_date_time(row.at)
        if column == USER:
            return row.actor
        if column == ACTION:
            return action_label(row, self.facts)
        if column == RECORD:
            return record_label(row, self.facts)
        if column == PUPIL:
            return self._whom[index.row()]
        if column == CHANGE:
            return change_summary(row, self.facts)
        return None
