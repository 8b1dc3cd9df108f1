"""Short confirmations ("Saved", "Sent to the LA", "Locked") that come and go by themselves.

A toast floats over the bottom of the window for a few seconds, never takes focus and never
needs clicking; the same words go to the status bar, where they stay a little longer, and are
announced to screen readers. Anything that needs a decision is a dialog or a banner, not a toast.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QWidget

from apdesk.ui.theme.icons import icon
from apdesk.ui.theme.tokens import SPACING
from apdesk.ui.widgets.announce import announce
from apdesk.ui.widgets.icon_label import IconLabel

SHOWN_MS = 4000
STATUS_MS = 8000
KIND_ICONS = {
    "success": "state.success",
    "info": "state.info",
    "warning": "state.warning",
    "danger": "state.danger",
}


class Toast(QFrame):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("Toast")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.icon = IconLabel(icon("state.success", "inverse"), 18, self)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(SPACING["md"], SPACING["sm"], SPACING["lg"], SPACING["sm"])
        layout.setSpacing(SPACING["sm"])
        layout.addWidget(self.icon)
        layout.addWidget(self.label)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.hide)
        window.installEventFilter(self)
        self.hide()

    def show_message(self, text: str, kind: str = "success") -> None:
        self.icon.set_icon(icon(KIND_ICONS.get(kind, "state.info"), "inverse"))
        self.label.setText(text)
        self.setAccessibleName(text)
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self.timer.start(SHOWN_MS)
        window = self.parentWidget()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, STATUS_MS)
        announce(self, text)  # a screen reader hears it without the focus moving

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def _place(self) -> None:
        window = self.parentWidget()
        if window is None:
            return
        bottom = window.height() - SPACING["xl"]
        if isinstance(window, QMainWindow) and window.statusBar().isVisible():
            bottom -= window.statusBar().height()
        self.move((window.width() - self.width()) // 2, bottom - self.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False


def notify(window: QWidget, text: str, kind: str = "success") -> Toast:
    """Show `text` in the window's toast (made on first use)."""
    toast = window.findChild(Toast, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if toast is None:
        toast = Toast(window)
    toast.show_message(text, kind)
    return toast
