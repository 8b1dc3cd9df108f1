"""The panel beside the placement form: each rule the placement breaks, with why it matters.

Warnings never block saving: the rules are statutory guidance a coordinator may knowingly depart
from, so they must be seen, not enforced. Activating a warning takes the person to its field.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _, ngettext
from apdesk.services.placement_rules import PlacementWarning
from apdesk.ui.theme import icons

FIELD_ROLE = Qt.ItemDataRole.UserRole + 1
WRAP = Qt.TextFlag.TextWordWrap


class WrappedRows(QStyledItemDelegate):
    """Each warning as wide as the list leaves room for, scroll bar or not, and as tall as its
    words need at that width. Qt's own measure wrapped at another width than it drew at: a row
    ran under the scroll bar, and a long Polish reason lost its last line to "…"."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = self.view
        style = view.style()
        width = max(view.viewport().width() - 2 * view.spacing(), 120)
        drawn = QStyleOptionViewItem(option)
        self.initStyleOption(drawn, index)
        drawn.rect = QRect(0, 0, width, 10**5)
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, drawn, view)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        room = QRect(0, 0, max(text.width() - 2 * margin, 40), 10**5)
        words = drawn.fontMetrics.boundingRect(room, WRAP, drawn.text).height()
        return QSize(width, max(words, drawn.decorationSize.height()) + 2 * margin)


class WarningsPanel(QWidget):
    field_chosen = Signal(str)  # the record field a warning names

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.warnings: list[PlacementWarning] = []
        self.heading = QLabel(_("Checks"), self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setItemDelegate(WrappedRows(self.list))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setSpacing(3)
        self.list.setAccessibleName(_("Warnings"))
        self.list.setAccessibleDescription(_("Press Enter on a warning to go to its field"))
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        self.setMinimumWidth(280)
        self.show_note(_("Checking…"))

    def show_note(self, text: str) -> None:
        """A message instead of warnings (e.g. choose a pupil first, or a value is invalid)."""
        self.warnings = []
        self.list.clear()
        self.heading.setText(_("Checks"))
        self.note.setText(text)

    def show_warnings(self, warnings: list[PlacementWarning]) -> None:
        self.warnings = list(warnings)
        self.list.clear()
        icon = icons.icon("state.warning")
        for w in warnings:
            text = f"{w.message}\n" + _("Why: {reason}").format(reason=w.reason)
            item = QListWidgetItem(icon, text)
            item.setData(FIELD_ROLE, w.field)
            item.setToolTip(_("Go to the field this is about"))
            self.list.addItem(item)
        count = len(warnings)
        self.heading.setText(
            ngettext("{n} warning", "{n} warnings", count).format(n=count)
            if count
            else _("No warnings")
        )
        self.note.setText(
            _("Warnings do not stop you saving. Click one to go to its field.")
            if count
            else _("The placement meets every rule checked.")
        )

    def messages(self) -> list[str]:
        return [w.message for w in self.warnings]

    def codes(self) -> list[str]:
        return [w.code for w in self.warnings]

    def _chosen(self, item: QListWidgetItem) -> None:
        self.field_chosen.emit(str(item.data(FIELD_ROLE)))
