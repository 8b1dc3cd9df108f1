"""A titled section whose title gives way to a narrow panel instead of widening it.

Qt's group box will not be narrower than its title, and a title cannot wrap: one long title
("Leaving, suspensions and subject access", longer still in Polish) made a pupil's record
scroll sideways beside the list. This box asks only for its contents' width; when it is
narrower than its title, the title is elided and whole in the tooltip (screen readers read
the accessible name, which is always whole)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QHelpEvent, QResizeEvent
from PySide6.QtWidgets import QGroupBox, QStyle, QStyleOptionGroupBox, QToolTip, QWidget

TITLE_SLACK = 8  # pixels the style keeps beside a title


class SectionBox(QGroupBox):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._whole = title
        self.setAccessibleName(title)

    def minimumSizeHint(self) -> QSize:
        """The contents' least width (the layout's), not the title's; the height as Qt has it."""
        own = QWidget.minimumSizeHint(self)
        return QSize(own.width(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_title()

    def _fit_title(self) -> None:
        room = max(0, self.width() - TITLE_SLACK)
        shown = self.fontMetrics().elidedText(self._whole, Qt.TextElideMode.ElideRight, room)
        if shown != self.title():
            self.setTitle(shown)

    def event(self, event: QEvent) -> bool:
        """Over an elided title, the tooltip is the whole title; elsewhere in the section it is
        what the widget under the pointer says, not the title again."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            if self.title() != self._whole and self._title_rect().contains(event.pos()):
                QToolTip.showText(event.globalPos(), self._whole, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def _title_rect(self) -> QRect:
        option = QStyleOptionGroupBox()
        self.initStyleOption(option)
        label = QStyle.SubControl.SC_GroupBoxLabel
        return self.style().subControlRect(QStyle.ComplexControl.CC_GroupBox, option, label, self)
