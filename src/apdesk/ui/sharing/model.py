"""The Sharing page's tables: the laptops that share the record, and the open conflicts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from apdesk.i18n import N_, _
from apdesk.share.conflict_words import conflict_what as conflict_what
from apdesk.share.conflict_words import field_words as field_words
from apdesk.share.conflict_words import when_text as when_text
from apdesk.share.views import ConflictRow, DeviceRow, Status
from apdesk.ui.widgets.row_table import RowTableModel

ROW_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class PageData:
    status: Status
    devices: list[DeviceRow]
    conflicts: list[ConflictRow]


class DevicesModel(RowTableModel[DeviceRow]):
    NAME, THIS, SCHEMA, SEEN, STATE = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [N_("Laptop"), N_("This one"), N_("apdesk schema"), N_("Last sync"), N_("State")],
            parent,
        )

    def cell(self, row: DeviceRow, column: int, role: int) -> Any:
        if role == ROW_ROLE:
            return row
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.NAME: row.name,
            self.THIS: _("yes") if row.this else "",
            self.SCHEMA: row.schema,
            self.SEEN: when_text(row.last_seen),
            self.STATE: _("revoked") if row.revoked else _("sharing"),
        }.get(column)


class ConflictsModel(RowTableModel[ConflictRow]):
    RECORD, WHAT, BY = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__([N_("Record"), N_("Conflict"), N_("Laptops")], parent)

    def cell(self, row: ConflictRow, column: int, role: int) -> Any:
        if role == ROW_ROLE:
            return row
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.RECORD:
            return row.record
        if column == self.WHAT:
            return conflict_what(row)
        if row.versions:
            return ", ".join(dict.fromkeys(v.device for v in row.versions))
        return str(row.detail.get("by", ""))
