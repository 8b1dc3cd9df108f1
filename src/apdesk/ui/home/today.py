"""Today's work: one row per kind of task, most urgent first, each opening its page filtered.

Urgency is said in words and with an icon, not by colour alone."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from apdesk.i18n import _
from apdesk.services.measures import TodayItem
from apdesk.services.measures.today import URGENT
from apdesk.ui.theme import icons


class WorkRow(QPushButton):
    def __init__(self, item: TodayItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        urgent = item.severity == URGENT
        word = _("Today") if urgent else _("Soon")
        text = f"{word}:  {item.title}"
        if item.detail:
            text += f"\n        {item.detail}"
        self.setText(text)
        icon = "state.warning" if urgent else "state.info"
        self.setIcon(icons.icon(icon))
        self.setIconSize(QSize(22, 22))
        self.setFlat(True)
        self.setStyleSheet("QPushButton { text-align: left; padding: 4px 8px; }")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(f"{word}: {item.title}")
        self.setAccessibleDescription(item.detail)
        self.setToolTip(_("Open the list, filtered to these"))


class TodayList(QWidget):
    open_item = Signal(object)  # TodayItem

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[WorkRow] = []
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(0)
        self.empty = QLabel(_("✓  Nothing waiting: no unmarked pupils, late returns or due work."))
        self.layout_.addWidget(self.empty)
        self.setAccessibleName(_("Today's work"))

    def set_items(self, items: list[TodayItem]) -> None:
        for row in self.rows:
            self.layout_.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows = []
        for item in items:
            row = WorkRow(item, self)
            row.clicked.connect(lambda _c=False, it=item: self.open_item.emit(it))
            self.layout_.addWidget(row)
            self.rows.append(row)
        self.empty.setVisible(not items)
