"""Plugs sharing into the main window: its state in the status bar, and a clean stop at exit.

One call from the window (`install_sharing(window)`) so the window itself stays small. The
label is empty (hidden) on a laptop that does not share its record.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel

from apdesk.i18n import _
from apdesk.ui.core.host import ShellWindow
from apdesk.ui.sharing.controller import ShareController, ShareState


class SharingUi(QObject):
    def __init__(self, window: ShellWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = ShareController.for_context(window.ctx)
        self.label = QLabel(window)
        self.label.setAccessibleName(_("Sharing state"))
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setContentsMargins(0, 0, 12, 0)
        window.statusBar().addPermanentWidget(self.label)
        self.controller.state_changed.connect(self.show_state)
        self.show_state(self.controller.state)
        window.installEventFilter(self)

    def show_state(self, state: ShareState) -> None:
        self.label.setText(state.text)
        self.label.setToolTip(state.detail)
        self.label.setAccessibleDescription(state.detail)
        self.label.setVisible(bool(state.text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        closing = watched is self.window and event.type() == QEvent.Type.Close
        if closing and shiboken6.isValid(self.controller):
            self.controller.shutdown()
        return False


def install_sharing(window: ShellWindow) -> SharingUi:
    return SharingUi(window)
