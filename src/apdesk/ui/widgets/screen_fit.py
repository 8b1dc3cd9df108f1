"""Windows open no larger than the screen they open on: a school laptop is 1366x768 or less,
with a taskbar, and a dialog whose buttons sit below the screen's edge cannot be finished."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QWidget

WANTED = "wanted_size"
FRAME = QSize(16, 48)  # the window manager's borders and title bar, kept free


def room_on_screen(widget: QWidget) -> QSize:
    """The space a window of `widget` can take on its screen (the primary one before it shows)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1366, 720)
    return screen.availableGeometry().size() - FRAME


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to `width` x `height`, or to the screen's room where that is smaller. The size
    asked for is kept as the `wanted_size` property (what a larger screen would show)."""
    widget.setProperty(WANTED, QSize(width, height))
    widget.resize(QSize(width, height).boundedTo(room_on_screen(widget)))


TITLE_BAR_BUTTONS = 110  # the window manager's icon and its buttons beside a window's title


def title_width(window: QWidget) -> int:
    """The width that shows `window`'s whole title beside the title bar's buttons."""
    font = window.font()
    font.setBold(True)  # window managers draw titles in bold
    return QFontMetrics(font).horizontalAdvance(window.windowTitle()) + TITLE_BAR_BUTTONS
