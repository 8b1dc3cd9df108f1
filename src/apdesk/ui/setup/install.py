"""File > School details…: the school's address, phone, email, key contact and logo, beside
the LA connection's Settings…, in the same window the School page's Edit details… opens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from apdesk.i18n import _
from apdesk.services.school import SchoolDetails, school_details
from apdesk.ui.core.context import AppContext


class SchoolDetailsAction(QAction):
    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        super().__init__(_("School &details…"), window)
        self.window_ = window
        self.ctx = ctx
        self.setStatusTip(
            _("The school's address, phone, email, key contact and logo, printed on documents")
        )
        self.triggered.connect(self.open)
        ctx.locked.connect(lambda: self.setEnabled(False))
        ctx.unlocked.connect(lambda: self.setEnabled(True))
        self.setEnabled(ctx.is_unlocked)

    def open(self) -> None:
        if self.ctx.is_unlocked:
            self.ctx.query(school_details).success(self._show).run()

    def _show(self, details: SchoolDetails) -> None:
        self.show_dialog(details)

    def show_dialog(self, details: SchoolDetails) -> QWidget:
        from apdesk.ui.setup.details_dialog import SchoolDetailsDialog

        def make() -> QWidget:
            dialog = SchoolDetailsDialog(self.ctx, details, self.window_)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            return dialog

        shown: QWidget = self.ctx.windows.show(("school", "details"), make)
        return shown


def install_school_details(window: QMainWindow, ctx: AppContext, after: QAction) -> QAction:
    """Put the action in the File menu just after `after` (Settings…)."""
    action = SchoolDetailsAction(window, ctx)
    for entry in window.menuBar().actions():
        menu = entry.menu()
        if isinstance(menu, QMenu) and after in menu.actions():
            actions = menu.actions()
            following = actions[actions.index(after) + 1]
            menu.insertAction(following, action)
            break
    return action
