"""Finds text that does not fit: a visible label or button narrower than its size hint.

Shared by the translation tests: a longer language (Polish, the pseudo-locale) is exactly what
makes a fixed-width label cut its text off.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QWidget

SLACK = 2  # pixels of rounding Qt allows itself


def clipped_widgets(root: QWidget) -> list[str]:
    """Each visible QLabel / QAbstractButton showing text whose width is below its size hint."""
    problems: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel):
            text = widget.text()
            if not text.strip() or widget.wordWrap():
                continue
        elif isinstance(widget, QAbstractButton):
            text = widget.text()
            if not text.strip():
                continue
        else:
            continue
        needed = widget.minimumSizeHint().width() if isinstance(widget, QLabel) else 0
        needed = max(needed, widget.sizeHint().width())
        if widget.width() + SLACK < needed:
            name = widget.objectName() or type(widget).__name__
            problems.append(f"{name} {text[:50]!r}: {widget.width()}px < {needed}px")
    return problems


TASKBAR = 48  # pixels a taskbar takes from the bottom of a school laptop's screen


def usable(width: int, height: int) -> QSize:
    """What a window may use on a `width` x `height` screen with a taskbar."""
    return QSize(width, height - TASKBAR)


def larger_than(window: QWidget, room: QSize) -> list[str]:
    """Why `window` cannot fit in `room`: a minimum it cannot shrink below, or (once shrunk to
    fit, as the window manager would) a size still beyond the room."""
    problems: list[str] = []
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    name = window.windowTitle() or window.objectName() or type(window).__name__
    if least.width() > room.width() or least.height() > room.height():
        problems.append(f"{name}: needs at least {least.width()}x{least.height()}")
    window.resize(window.size().boundedTo(room))
    size = window.size()
    if size.width() > room.width() or size.height() > room.height():
        problems.append(
            f"{name}: {size.width()}x{size.height()} on a {room.width()}x{room.height()} screen"
        )
    return problems


def sideways_scrolling(root: QWidget) -> list[str]:
    """Each visible form (a scroll area holding a widget) wider than its window: its right-hand
    side, labels and all, is hidden behind a horizontal scroll bar."""
    problems: list[str] = []
    for area in root.findChildren(QScrollArea):
        inner = area.widget()
        if inner is None or not area.isVisibleTo(root):
            continue
        needed = inner.minimumSizeHint().width()
        shown = area.viewport().width()
        if needed > shown + SLACK:
            name = area.accessibleName() or area.objectName() or type(area).__name__
            problems.append(f"{name}: the form needs {needed}px, {shown}px shown")
    return problems
