"""Pupils who have left: kept under the retention rules, off the current lists. A pupil marked
as left in error (or who came back) is reinstated here."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import N_, _, format_date
from apdesk.models.kinds import Kind
from apdesk.services.leavers import LeaverRow, list_leavers
from apdesk.services.operations.leavers import reinstate_pupil
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.core.follow import ChangeFollower, Loader
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.forms import name_buttons

HEADERS = (N_("Pupil"), N_("UPN"), N_("Left on"), N_("Destination"), N_("Reason"))


class LeaversDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[LeaverRow] = []
        self.setWindowTitle(_("Pupils who have left"))
        self.setAccessibleName(_("Pupils who have left"))
        self.resize(760, 440)
        note = QLabel(
            _(
                "Their records are kept for as long as the retention rules say "
                "(File › Security › Retention), then offered for purging."
            ),
            self,
        )
        note.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.table.setAccessibleName(_("Pupils who have left"))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.reinstate_button = buttons.addButton(
            _("&Reinstate"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.reinstate_button.clicked.connect(self.reinstate)
        name_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.loader: Loader[list[LeaverRow]] = Loader(ctx, list_leavers, self.show_rows, self)
        self.follower = ChangeFollower(self, ctx, {Kind.PUPIL}, lambda _c: self.loader.reload())
        self.loader.reload()

    def show_rows(self, rows: list[LeaverRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (
                row.name,
                row.upn,
                format_date(row.left_on) if row.left_on else "",
                row.destination,
                row.reason,
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.reinstate_button.setEnabled(bool(rows))
        if rows:
            self.table.setCurrentCell(0, 0)

    def reinstate(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return
        self.ctx.op(reinstate_pupil, self.rows[row].id).failure(
            lambda exc: self.error.show_message(describe_error(exc))
        ).run()
