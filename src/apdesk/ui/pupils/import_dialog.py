"""Import pupils from a MIS file in steps: choose the file, match its columns, check, import.

The check is a dry run of the very import that follows, so what it promises is what happens;
and an import is all or nothing, so a file with any bad row changes nothing. Enter moves one
step at a time and never imports: Import is pressed on purpose. Closing with a file chosen asks
before leaving.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import N_, _
from apdesk.services import imports
from apdesk.services.imports import ImportResult, detect_format, preview_csv
from apdesk.services.operations import pupils as pupil_ops
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.pupils.import_steps import CheckStep, MappingStep
from apdesk.ui.widgets.basics import BusyBar, ErrorLabel
from apdesk.ui.widgets.guard import GuardedDialog, ask_leave
from apdesk.ui.widgets.screen_fit import fit_to_screen

MAX_BYTES = 50 * 1024 * 1024
CHOOSE, MAPPING, CHECK, DONE = range(4)
TITLES = {
    CHOOSE: N_("Step 1: choose the file"),
    MAPPING: N_("Step 2: match the columns"),
    CHECK: N_("Step 3: check"),
    DONE: N_("Done"),
}


class ImportDialog(GuardedDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data = b""
        self.filename = ""
        self.fmt = "csv"
        self.outcome: ImportResult | None = None
        self.accept_destination = False  # the person confirmed a CTF for another school
        self.setWindowTitle(_("Import pupils"))
        self.setAccessibleName(_("Import pupils"))
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._choose_step())
        self.mapping = MappingStep()
        self.stack.addWidget(self.mapping)
        self.check = CheckStep()
        self.stack.addWidget(self.check)
        self.finished_label = QLabel()
        self.finished_label.setWordWrap(True)
        self.finished_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.finished_label.setAccessibleName(_("Import result"))
        self.stack.addWidget(self.finished_label)
        self.busy = BusyBar()
        self.back_button = QPushButton(_("< &Back"))
        self.next_button = QPushButton(_("&Next >"))
        self.import_button = QPushButton(_("&Import"))
        self.import_button.setAccessibleName(_("Import the pupils"))
        self.close_button = QPushButton(_("Cancel"))
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.reject)
        for button in (self.back_button, self.next_button, self.import_button, self.close_button):
            button.setAutoDefault(False)  # Enter presses Next alone, never Import
        buttons = QHBoxLayout()
        self.busy.setMaximumWidth(160)
        buttons.addWidget(self.busy)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.import_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 760, 520)
        self.go(CHOOSE)
        self.watch_input()

    def ask(self) -> QMessageBox.StandardButton:
        return ask_leave(self, _("Leave the import? What you chose will be lost."))

    def has_unsaved_input(self) -> bool:
        """A file chosen (or columns matched) and not yet imported."""
        return self.stack.currentIndex() != DONE and super().has_unsaved_input()

    def _choose_step(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            _(
                "Choose a CSV export of your MIS (with a header row) or a common transfer file "
                "(CTF, .xml). Pupils already in apdesk are matched by UPN and updated, not "
                "duplicated. Nothing is saved until you press Import."
            )
        )
        intro.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setAccessibleName(_("File to import"))
        self.path.setPlaceholderText(_("pupils.csv or a CTF .xml file"))
        browse = QPushButton(_("&Choose file…"))
        browse.setAccessibleName(_("Choose the file to import"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.file_error = ErrorLabel()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.file_error)
        layout.addStretch(1)
        return page

    # -- moving between steps --------------------------------------------------------
    def go(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        self.heading.setText(_(TITLES[step]))
        self.back_button.setEnabled(step in (MAPPING, CHECK))
        self.next_button.setVisible(step in (CHOOSE, MAPPING))
        self.next_button.setText(_("&Check") if step == MAPPING else _("&Next >"))
        self.import_button.setVisible(step == CHECK)
        self.import_button.setEnabled(
            step == CHECK and self.outcome is not None and self.outcome.ok
        )
        self.close_button.setText(_("&Close") if step == DONE else _("Cancel"))
        self.back_button.setVisible(step != DONE)
        # Enter means Next (or Check) and nothing else: on the check, Import must be pressed.
        self.next_button.setDefault(step in (CHOOSE, MAPPING))
        self.input_changed()

    def back(self) -> None:
        step = self.stack.currentIndex()
        if step == CHECK and self.fmt == "csv":
            self.go(MAPPING)
        elif step in (CHECK, MAPPING):
            self.go(CHOOSE)

    def next(self) -> None:
        step = self.stack.currentIndex()
        if step == CHOOSE:
            self.load_file(Path(self.path.text().strip()))
        elif step == MAPPING:
            self.dry_run()

    def browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            _("Choose the pupil file"),
            str(Path.home()),
            _("MIS exports (*.csv *.txt *.xml);;All files (*)"),
        )
        if chosen:
            self.path.setText(chosen)
            self.load_file(Path(chosen))

    # -- the steps' work ---------------------------------------------------------------
    def load_file(self, path: Path) -> None:
        self.file_error.show_message("")
        if not self.path.text().strip():
            self.file_error.show_message(_("Choose a file first."))
            return
        try:
            if path.stat().st_size > MAX_BYTES:
                raise ValueError(_("The file is over 50 MB: split it into smaller files."))
            self.data = path.read_bytes()
        except OSError as exc:
            self.file_error.show_message(
                _("Cannot read {name} ({error}): check the file name.").format(
                    name=path.name, error=exc.strerror
                )
            )
            return
        except ValueError as exc:
            self.file_error.show_message(str(exc))
            return
        self.filename = path.name
        self.accept_destination = False
        self.fmt = detect_format(self.data, self.filename)
        if self.fmt == "ctf":
            self.dry_run()
            return
        preview = preview_csv(self.data)
        if preview.problem:
            self.file_error.show_message(f"{preview.problem[:1].upper()}{preview.problem[1:]}.")
            return
        self.mapping.show_preview(preview)
        self.go(MAPPING)

    def column_map(self) -> dict[str, str] | None:
        return self.mapping.column_map() if self.fmt == "csv" else None

    def left_out(self) -> list[str]:
        chosen = self.column_map() or {}
        return [header for header, name in chosen.items() if not name and header]

    def dry_run(self) -> None:
        data, filename, fmt, column_map = self.data, self.filename, self.fmt, self.column_map()
        accept = self.accept_destination
        self._set_busy(True)
        self.ctx.query(
            imports.import_pupils,
            data,
            filename=filename,
            fmt=fmt,
            column_map=column_map,
            dry_run=True,
            accept_destination=accept,
        ).success(self._checked).failure(self._failed).run()

    def ask_destination(self, message: str) -> bool:
        """A CTF addressed to another school: import it only if the person says so."""
        answer = QMessageBox.question(
            self,
            _("A CTF for another school"),
            _("{message}.\n\nImport these pupils anyway?").format(
                message=message[:1].upper() + message[1:].split(" (confirm")[0]
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _checked(self, result: ImportResult) -> None:
        self._set_busy(False)
        ask = bool(result.destination) and len(result.errors) == 1 and not self.accept_destination
        if ask and self.ask_destination(result.destination):
            self.accept_destination = True
            self.dry_run()
            return
        self.outcome = result
        self.check.show_result(result, left_out=self.left_out())
        self.go(CHECK)

    def run_import(self) -> None:
        if self.outcome is None or not self.outcome.ok:
            return
        data, filename, fmt, column_map = self.data, self.filename, self.fmt, self.column_map()
        accept = self.accept_destination
        self._set_busy(True)
        self.ctx.op(
            pupil_ops.import_pupils,
            data,
            filename=filename,
            fmt=fmt,
            column_map=column_map,
            accept_destination=accept,
        ).success(self._imported).failure(self._failed).run()

    def _imported(self, result: ImportResult) -> None:
        self._set_busy(False)
        self.outcome = result
        if not result.ok:
            self.check.show_result(result, refused_import=True, left_out=self.left_out())
            self.go(CHECK)
            return
        self.finished_label.setText(
            _("<b>{imported} imported, {updated} updated.</b><br><br>From {name}.").format(
                imported=result.imported, updated=result.updated, name=self.filename
            )
        )
        self.go(DONE)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.file_error.show_message(describe_error(exc))
        self.go(CHOOSE)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for button in (self.back_button, self.next_button, self.import_button):
            button.setEnabled(not busy and button is not self.import_button)
        if not busy:
            self.go(self.stack.currentIndex())
