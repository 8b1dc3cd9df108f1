"""Importing a provider's attendance return: check first, then import only a clean file.

The check is a dry run of the very import that follows, and the import is all or nothing,
so a file with any bad row changes nothing. Warnings (a mark with no placement covering the
date) do not stop an import: schools track pupils before the placement is recorded. The check
is a read; the import is one operation. If the register changes while the dialog is open, the
file is checked again, so the counts shown are the ones the import would make. Enter never
imports (Import is pressed on purpose), and closing with a file chosen but not imported asks
before leaving.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _, ngettext
from apdesk.models.kinds import Kind
from apdesk.services.attendance import ImportResult, import_returns
from apdesk.services.attendance.returns_csv import column_words
from apdesk.services.operations.attendance import import_provider_return
from apdesk.store.changes import Changes
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.core.follow import ChangeFollower, Latest
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.guard import GuardedDialog, ask_leave
from apdesk.ui.widgets.screen_fit import fit_to_screen

MAX_BYTES = 10 * 1024 * 1024
# What the check depends on: the pupils on roll, their placements, current marks, closures.
SHOWS = frozenset({Kind.MARK, Kind.PUPIL, Kind.PLACEMENT, Kind.CLOSURE})


def _counts(result: ImportResult, with_warnings: bool = False) -> str:
    """ "3 new marks, 1 amendment, 2 unchanged": each count with its own plural."""
    parts = [
        ngettext("{n} new mark", "{n} new marks", result.imported).format(n=result.imported),
        ngettext("{n} amendment", "{n} amendments", result.amended).format(n=result.amended),
        _("{n} unchanged").format(n=result.unchanged),
    ]
    if with_warnings:
        n = len(result.warnings)
        parts.append(ngettext("{n} warning", "{n} warnings", n).format(n=n))
    return ", ".join(parts)


class ImportReturnDialog(GuardedDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data = b""
        self.filename = ""
        self.checked: ImportResult | None = None
        self.outcome: ImportResult | None = None
        self.settled = self.data  # the file last imported, or nothing
        self.setWindowTitle(_("Import provider return"))
        self.setAccessibleName(_("Import provider return"))
        intro = QLabel(
            _(
                "A CSV with the columns upn, date, session (AM or PM) and code, and optionally "
                "minutes_late and note. The file is checked first; nothing is written unless "
                "every row is right."
            )
        )
        intro.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setAccessibleName(_("Chosen file"))
        choose = QPushButton(_("&Choose file…"))
        choose.setAccessibleName(_("Choose the return file"))
        choose.clicked.connect(self.choose_file)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(_("Reason for any amendments"))
        self.reason.setPlaceholderText(
            _("Reason for changed marks, e.g. provider's corrected return")
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = QTableWidget(0, 4)
        self.problems.setHorizontalHeaderLabels([_("Kind"), _("Row"), _("Column"), _("Message")])
        self.problems.setAccessibleName(_("Errors and warnings in the file"))
        self.problems.verticalHeader().hide()
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(
            _("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setAccessibleName(_("Import the checked file"))
        self.import_button.setEnabled(False)
        self.import_button.setAutoDefault(False)  # Enter in the reason box never imports
        self.import_button.clicked.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        reason_label = QLabel(
            _(
                "&Reason for any changed marks (optional; otherwise "
                '"Provider return" and the file name):'
            )
        )
        reason_label.setBuddy(self.reason)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 680, 460)
        self.answer = Latest()  # the check of the file last chosen is the one shown
        self.follower = ChangeFollower(self, ctx, SHOWS, self._changed, skip_own=True)
        self.watch_input()

    def ask(self) -> QMessageBox.StandardButton:
        return ask_leave(self, _("Leave the import? What you chose will be lost."))

    def mark_saved(self) -> None:
        self.settled = self.data  # imported (or nothing chosen): no longer anything to lose
        super().mark_saved()

    def has_unsaved_input(self) -> bool:
        """A file chosen and not imported yet, or a reason typed."""
        return self.data is not self.settled or super().has_unsaved_input()

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a provider return"), "", _("CSV files (*.csv);;All files (*)")
        )
        if not name:
            return
        path = Path(name)
        try:
            if path.stat().st_size > MAX_BYTES:
                self.error.show_message(_("File: too large for a return; split it by week."))
                return
            data = path.read_bytes()
        except OSError as exc:
            self.error.show_message(_("File: cannot read it ({why}).").format(why=exc.strerror))
            return
        self.load(data, path.name)

    def load(self, data: bytes, filename: str) -> None:
        """Check `data` with a dry run; Import is enabled only when it has no errors."""
        self.data, self.filename = data, filename
        self.path.setText(filename)
        self.checked = self.outcome = None
        self.import_button.setEnabled(False)
        self.error.show_message("")
        self.summary.setText(_("Checking…"))
        self.input_changed()
        self.ctx.query(
            import_returns, data, filename=filename, dry_run=True, reason=self.reason.text()
        ).success(self.answer.ask(self.show_check)).failure(self.show_error).run()

    def _changed(self, _changes: Changes) -> None:
        """Someone else changed the register: check the file again before importing it."""
        if self.data and self.outcome is None:
            self.load(self.data, self.filename)

    def show_check(self, result: ImportResult) -> None:
        self.checked = result
        self._fill(result)
        if result.errors:
            self.summary.setText(
                ngettext(
                    "{n} problem in the file: nothing will be imported. Fix it and choose "
                    "the file again.",
                    "{n} problems in the file: nothing will be imported. Fix them and choose "
                    "the file again.",
                    len(result.errors),
                ).format(n=len(result.errors))
            )
            return
        self.summary.setText(
            _("Ready: {counts}.").format(counts=_counts(result, with_warnings=True))
        )
        self.import_button.setEnabled(True)

    def run(self) -> None:
        if self.checked is None or not self.checked.ok:
            return
        data, filename, reason = self.data, self.filename, self.reason.text()
        self.import_button.setEnabled(False)
        self.ctx.op(import_provider_return, data, filename, reason=reason).success(
            self.show_done
        ).failure(self.show_error).source(self).run()

    def show_done(self, result: ImportResult) -> None:
        self.outcome = result
        self._fill(result)
        if not result.ok:  # e.g. an amendment needs a reason: say so, nothing was written
            self.summary.setText(_("Not imported: see the problems below."))
            self.import_button.setEnabled(False)
            return
        self.summary.setText(_("Imported: {counts}.").format(counts=_counts(result)))
        self.mark_saved()

    def show_error(self, exc: BaseException) -> None:
        self.summary.setText("")
        self.error.show_message(describe_error(exc))

    def _fill(self, result: ImportResult) -> None:
        rows = [(_("Error"), p) for p in result.errors] + [
            (_("Warning"), p) for p in result.warnings
        ]
        self.problems.setRowCount(len(rows))
        for index, (kind, problem) in enumerate(rows):
            where = column_words(str(problem.get("column", "")))
            texts = (kind, str(problem.get("row", "")), where, str(problem.get("message", "")))
            for column, text in enumerate(texts):
                self.problems.setItem(index, column, QTableWidgetItem(text))
