"""The File menu's items for what a school does outside any one page: Export…, the attendance
report and the pupils who have left."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu

from apdesk.i18n import _
from apdesk.ui.core.host import ShellWindow


class FileItems(QObject):
    def __init__(self, window: ShellWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QDialog | None = None
        ctx = window.ctx
        export = QAction(_("&Export…"), window)
        export.setShortcut(QKeySequence("Ctrl+Shift+E"))
        export.setStatusTip(
            _("Pupils, providers, placements, plans, timetables, attendance, census")
        )
        export.triggered.connect(self.open_export)
        report = QAction(_("Attendance &report…"), window)
        report.triggered.connect(self.open_report)
        leavers = QAction(_("Pupils who have &left…"), window)
        leavers.triggered.connect(self.open_leavers)
        self.actions = [export, report, leavers]
        menu = window.menuBar().actions()[0].menu()
        if isinstance(menu, QMenu):
            menu.insertActions(window.lock_action, self.actions)
            menu.insertSeparator(window.lock_action)
        window.shortcut_actions.append(export)
        for action in self.actions:
            action.setEnabled(ctx.is_unlocked)
            ctx.locked.connect(lambda a=action: a.setEnabled(False))
            ctx.unlocked.connect(lambda a=action: a.setEnabled(True))

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_export(self) -> QDialog | None:
        from apdesk.ui.exports.dialog import ExportDialog

        if not self.window.ctx.is_unlocked:
            return None
        return self._show(ExportDialog(self.window.ctx, self.window))

    def open_report(self) -> QDialog | None:
        from apdesk.ui.register.report_dialog import AttendanceReportDialog

        if not self.window.ctx.is_unlocked:
            return None
        return self._show(AttendanceReportDialog(self.window.ctx, parent=self.window))

    def open_leavers(self) -> QDialog | None:
        from apdesk.ui.record.leavers_dialog import LeaversDialog

        if not self.window.ctx.is_unlocked:
            return None
        return self._show(LeaversDialog(self.window.ctx, self.window))


def install(window: ShellWindow) -> FileItems:
    return FileItems(window)
