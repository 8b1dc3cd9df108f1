"""An icon drawn as part of a layout, in the current theme's colours at the screen's scale.

A QLabel holding a pixmap keeps the colours and pixel size of the moment it was set; this
paints the icon each time, so a theme switch or a move to a HiDPI screen needs nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class IconLabel(QWidget):
    def __init__(self, icon: QIcon, size: int = 16, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icon = icon
        self._side = size
        self.setFixedSize(size, size)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_icon(self, icon: QIcon) -> None:
        self._icon = icon
        self.update()

    def icon(self) -> QIcon:
        return self._icon

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side)

    def paintEvent(self, event: QPaintEvent) -> None:
        mode = QIcon.Mode.Normal if self.isEnabled() else QIcon.Mode.Disabled
        painter = QPainter(self)
        self._icon.paint(painter, self.rect(), mode=mode)
        painter.end()
