"""Today's work: one row per kind of task, most urgent first, each opening its page filtered.

Urgency is said in words and with an icon, not by colour alone."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

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


MAX_RECORDS = 5  # rows of actions under one item; the rest are a click away, filtered


class RecordActions(QWidget):
    """One record under a row of work, with what can be done about it (extend, end)."""

    def __init__(self, placement_id: int, words: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placement_id = placement_id
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(self)
        row.setContentsMargins(38, 0, 8, 2)
        self.label = QLabel(words, self)
        self.label.setWordWrap(True)
        self.extend_button = QPushButton(_("Extend…"), self)
        self.extend_button.setAccessibleName(_("Extend the placement: {what}").format(what=words))
        self.extend_button.setToolTip(_("Open the placement at its end date"))
        self.end_button = QPushButton(_("End…"), self)
        self.end_button.setAccessibleName(_("End the placement: {what}").format(what=words))
        self.end_button.setToolTip(_("Record the outcome and the last day"))
        row.addWidget(self.label, 1)
        row.addWidget(self.extend_button)
        row.addWidget(self.end_button)
        self.setMaximumWidth(780)  # the actions stay near the record they act on, in a column


class TodayList(QWidget):
    open_item = Signal(object)  # TodayItem
    extend_placement = Signal(int)  # placement id
    end_placement = Signal(int, str)  # placement id, pupil's name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[WorkRow] = []
        self.items: list[TodayItem] | None = None  # what the rows show
        self.record_actions: list[RecordActions] = []  # under a row: what to do about each record
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(0)
        self.empty = QLabel(_("✓  Nothing waiting: no unmarked pupils, late returns or due work."))
        self.layout_.addWidget(self.empty)
        self.setAccessibleName(_("Today's work"))

    def set_items(self, items: list[TodayItem]) -> None:
        """Rows for `items`; the same items as shown keep their rows (and the focus in them):
        most reads after a mark leave today's work as it was."""
        if items == self.items:
            return
        self.items = list(items)
        old: list[QWidget] = [*self.rows, *self.record_actions]
        for widget in old:
            self.layout_.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self.rows, self.record_actions = [], []
        for item in items:
            row = WorkRow(item, self)
            row.clicked.connect(lambda _c=False, it=item: self.open_item.emit(it))
            self.layout_.addWidget(row)
            self.rows.append(row)
            for placement_id, name, words in item.records[:MAX_RECORDS]:
                actions = RecordActions(placement_id, words, self)
                actions.extend_button.clicked.connect(
                    lambda _c=False, pid=placement_id: self.extend_placement.emit(pid)
                )
                actions.end_button.clicked.connect(
                    lambda _c=False, pid=placement_id, who=name: self.end_placement.emit(pid, who)
                )
                self.layout_.addWidget(actions)
                self.record_actions.append(actions)
        self.empty.setVisible(not items)
