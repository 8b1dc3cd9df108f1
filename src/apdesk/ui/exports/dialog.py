"""File > Export: pick what to export and the format, then where to save it. Attendance for
the MIS and the census helper open their own dialogs (a date range, a census day), the same
ones the Attendance and Home pages use. Files are written privately and whole."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from apdesk.files import write_atomic
from apdesk.i18n import _, ngettext
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.exports.data import KINDS, ExportKind, render_export
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.forms import name_buttons


class ExportDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved: Path | None = None
        self.child: QDialog | None = None
        self.setWindowTitle(_("Export"))
        self.setAccessibleName(_("Export"))
        self.resize(560, 440)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("What to export"))
        for kind in KINDS:
            item = QListWidgetItem(_(kind.title))
            item.setData(Qt.ItemDataRole.UserRole, kind.key)
            item.setToolTip(_(kind.note))
            self.list.addItem(item)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.csv = QRadioButton(_("&CSV (opens in a spreadsheet)"), self)
        self.json = QRadioButton(_("&JSON (for another system)"), self)
        self.format = QButtonGroup(self)
        self.format.addButton(self.csv)
        self.format.addButton(self.json)
        self.csv.setChecked(True)
        formats = QHBoxLayout()
        formats.addWidget(self.csv)
        formats.addWidget(self.json)
        formats.addStretch(1)
        self.error = ErrorLabel(self)
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = buttons.addButton(_("&Save…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save)
        name_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        what = QLabel(_("&What to export:"), self)
        what.setBuddy(self.list)  # Alt+W goes to the list; the & is a shortcut, not shown
        layout.addWidget(what)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)
        layout.addLayout(formats)
        layout.addWidget(self.error)
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._chosen)
        self.list.itemActivated.connect(lambda _i: self.save())
        self.list.setCurrentRow(0)
        self.list.setFocus()

    def done(self, result: int) -> None:
        self.list.blockSignals(True)  # no "current row" news while the list is torn down
        super().done(result)

    def kind(self) -> ExportKind:
        return KINDS[max(self.list.currentRow(), 0)]

    def _chosen(self, _row: int) -> None:
        kind = self.kind()
        self.note.setText(_(kind.note))
        self.csv.setEnabled("csv" in kind.formats)
        self.json.setEnabled("json" in kind.formats)
        if "csv" not in kind.formats:
            self.json.setChecked(True)
        elif "json" not in kind.formats:
            self.csv.setChecked(True)

    def save(self) -> None:
        kind = self.kind()
        if kind.key == "attendance":
            self._open_attendance()
            return
        if kind.key == "census":
            self._open_census()
            return
        fmt = "json" if self.json.isChecked() else "csv"
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export {what}").format(what=_(kind.title)),
            f"{kind.key}.{fmt}",
            _("CSV files (*.csv)") if fmt == "csv" else _("JSON files (*.json)"),
        )
        if name:
            self.save_to(Path(name), kind.key, fmt)

    def save_to(self, path: Path, kind: str, fmt: str) -> None:
        self.error.show_message("")
        self.outcome.setText("")
        if not path.parent.is_dir():
            self.error.show_message(
                _("File: the folder {folder} does not exist; choose another.").format(
                    folder=path.parent
                )
            )
            return
        self.ctx.query(render_export, kind, fmt).success(
            lambda answer: self._write(path, fmt, *answer)
        ).failure(lambda exc: self.error.show_message(describe_error(exc))).run()

    def _write(self, path: Path, fmt: str, text: str, count: int) -> None:
        try:
            # Excel reads UTF-8 CSV correctly only with a byte order mark (as the command does).
            write_atomic(path, text, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
        except OSError as exc:
            self.error.show_message(
                _("File: cannot save it ({why}); choose another folder.").format(why=exc.strerror)
            )
            return
        self.saved = path
        self.outcome.setText(
            ngettext("Saved {n} record to {path}.", "Saved {n} records to {path}.", count).format(
                n=count, path=path
            )
        )

    def _open_attendance(self) -> None:
        from datetime import date, timedelta

        from apdesk.ui.register.export_dialog import ExportDialog as AttendanceExport

        today = date.today()
        monday = today - timedelta(days=today.weekday())
        self.child = AttendanceExport(self.ctx, monday, monday + timedelta(days=4), self)
        self.child.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.child.open()

    def _open_census(self) -> None:
        from apdesk.ui.home.dialogs import CensusDialog

        self.child = CensusDialog(self.ctx, self)
        self.child.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.child.open()
