"""The checks beside the grid: each problem with the reason it matters; choosing one selects the
slots it names so the lead can see and fix them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from apdesk.i18n import _, ngettext
from apdesk.services.timetables import Check
from apdesk.ui.theme.icons import icon

SLOTS_ROLE = Qt.ItemDataRole.UserRole + 1


class ChecksPanel(QWidget):
    slots_chosen = Signal(object)  # tuple of cell keys

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(_("Checks"), self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(_("Checks on this timetable"))
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.currentItemChanged.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        self.checks: list[Check] = []

    def set_checks(self, checks: Sequence[Check] | None) -> None:
        """None means "still checking"; an empty list says so in words."""
        self.list.clear()
        self.checks = list(checks or [])
        if checks is None:
            self.heading.setText(_("Checks (checking…)"))
            return
        count = len(self.checks)
        self.heading.setText(
            ngettext("Checks: {n} to look at", "Checks: {n} to look at", count).format(n=count)
            if count
            else _("Checks: none")
        )
        if not count:
            item = QListWidgetItem(_("No problems found with this timetable."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        for check in self.checks:
            item = QListWidgetItem(
                icon("state.warning", "warning"),
                check.message + "\n" + _("Why:") + " " + check.reason,
            )
            item.setData(SLOTS_ROLE, tuple(check.slots))
            item.setToolTip(check.reason)
            self.list.addItem(item)

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None and item.data(SLOTS_ROLE):
            self.slots_chosen.emit(item.data(SLOTS_ROLE))
