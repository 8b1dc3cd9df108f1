"""Where a pop-up opens beside the field it belongs to: below it, or above it when the screen
has no room below, always on the screen and never over the field (Qt would slide it up over
the field, hiding what the user is choosing for)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QWidget


def beside(field: QRect, size: QSize, screen: QRect) -> QPoint:
    """The top-left corner for a pop-up of `size` next to `field` (both in screen coordinates)."""
    x = min(max(field.left(), screen.left()), screen.right() + 1 - size.width())
    below = field.bottom() + 1
    if below + size.height() <= screen.bottom() + 1:
        return QPoint(max(x, screen.left()), below)
    above = field.top() - size.height()
    if above >= screen.top():
        return QPoint(max(x, screen.left()), above)
    return QPoint(max(x, screen.left()), max(screen.top(), screen.bottom() + 1 - size.height()))


def popup_point(field: QWidget, popup: QWidget) -> QPoint:
    """Where `popup` opens for `field`, on the screen the field is on."""
    rect = QRect(field.mapToGlobal(QPoint(0, 0)), field.size())
    screen = field.screen().availableGeometry()
    return beside(rect, popup.sizeHint(), screen)
