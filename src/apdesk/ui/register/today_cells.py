"""The Today panel's cells: a read-only table, a late provider's contact and a pupil's half-day,
each with the words a tooltip and a screen reader give."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from apdesk.i18n import _
from apdesk.models.enums import Session as AmPm
from apdesk.services.attendance import TodayPupil

NOT_EXPECTED = "–"  # a half-day the pupil is not expected at a provider


def readonly_table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def contact_item(phone: str, email: str) -> QTableWidgetItem:
    """The number to phone (first-day absence is chased by phone), or the address where there
    is no number: both fit no narrow panel side by side. Bare, beside the missing sessions: the
    word "Phone" before it cut the number's last digits. The tooltip, a screen reader and the
    row's menu give both, named."""
    words = [
        _("Phone {phone}").format(phone=phone) if phone else "",
        _("Email {email}").format(email=email) if email else "",
    ]
    said = "\n".join(word for word in words if word) or _("No phone or email")
    item = QTableWidgetItem(phone or email or said)
    item.setToolTip(said)
    item.setData(Qt.ItemDataRole.AccessibleTextRole, said.replace("\n", "; "))
    item.setData(Qt.ItemDataRole.UserRole, (phone, email))
    return item


def session_text(pupil: TodayPupil, half: AmPm) -> tuple[str, str]:
    """What the half-day's cell shows, and what its tooltip and a screen reader say: a dash
    where the pupil is not expected (the words made the column wider than the names)."""
    if half not in pupil.expected:
        return NOT_EXPECTED, _("not expected")
    mark = pupil.marks.get(half)
    return (mark, mark) if mark else ("?", _("No mark yet"))
