"""Export for MIS: the current marks in a date range as UPN,Date,Session,Code.

The file holds pupils' attendance, so it is written privately (0600) and atomically: a
half-written export never sits where the MIS would pick it up.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from apdesk.files import write_atomic
from apdesk.i18n import _, ngettext
from apdesk.services.attendance import mis_csv
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.screen_fit import title_width


class ExportDialog(QDialog):
    def __init__(
        self, ctx: AppContext, start: date, end: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved: Path | None = None
        self.setWindowTitle(_("Export attendance for MIS"))
        self.setMinimumWidth(title_width(self))
        self.setAccessibleName(_("Export attendance for MIS"))
        intro = QLabel(
            _("Current marks as UPN, Date, Session, Code, ready for your MIS to import.")
        )
        intro.setWordWrap(True)
        self.start = QDateEdit(QDate(start.year, start.month, start.day))
        self.end = QDateEdit(QDate(end.year, end.month, end.day))
        for edit, name in ((self.start, _("From date")), (self.end, _("To date"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(name)
        form = QFormLayout()
        form.addRow(_("&From:"), self.start)
        form.addRow(_("&To:"), self.end)
        self.error = ErrorLabel()
        self.saved_note = QLabel()
        self.saved_note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        save = buttons.addButton(_("&Save CSV…"), QDialogButtonBox.ButtonRole.ActionRole)
        save.setAccessibleName(_("Save the export as a CSV file"))
        save.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.saved_note)
        layout.addWidget(buttons)

    def save(self) -> None:
        start: date = self.start.date().toPython()  # type: ignore[assignment]
        end: date = self.end.date().toPython()  # type: ignore[assignment]
        suggested = f"attendance-{start.isoformat()}-to-{end.isoformat()}.csv"
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save the MIS export"), suggested, _("CSV files (*.csv)")
        )
        if not name:
            return
        path = Path(name)
        self.error.show_message("")
        self.ctx.query(mis_csv, start, end).success(lambda text: self._write(path, text)).failure(
            lambda exc: self.error.show_message(describe_error(exc))
        ).run()

    def _write(self, path: Path, text: str) -> None:
        try:
            write_atomic(path, text)
        except OSError as exc:
            self.error.show_message(
                _("File: cannot save it ({why}); choose another folder.").format(why=exc.strerror)
            )
            return
        self.saved = path
        rows = max(text.count("\r\n") - 1, 0)
        self.saved_note.setText(
            ngettext("Saved {n} mark to {path}.", "Saved {n} marks to {path}.", rows).format(
                n=rows, path=path
            )
        )
