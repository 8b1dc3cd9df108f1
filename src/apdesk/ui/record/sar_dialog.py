"""Subject access from the pupil's record: record when the request arrived (the one-month
deadline then shows on Home's today list), prepare the export, review other people's details
and tick those to redact, then save the JSON and PDF `apdesk sar` makes, redactions applied."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from apdesk.i18n import _, format_date, ngettext
from apdesk.models.column_words import column_label
from apdesk.models.errors import ValidationError
from apdesk.services import sar
from apdesk.services.operations.leavers import (
    complete_subject_access_request,
    record_subject_access_request,
)
from apdesk.services.records.pupil_record import RecordExtras
from apdesk.services.school import SchoolDetails, school_details
from apdesk.services.subject_access import RequestRow, redacted
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.forms import date_edit, name_buttons, optional_date
from apdesk.ui.widgets.guard import GuardedDialog, not_input


def gather(session: Session, upn: str, requested: date) -> tuple[sar.SubjectAccess, SchoolDetails]:
    """Everything held about the pupil, and the school for the PDF's heading (a read)."""
    return sar.build(session, upn, requested), school_details(session)


def write_export(
    access: sar.SubjectAccess, school: SchoolDetails, chosen: list[int], folder: Path
) -> tuple[Path, Path]:
    """Render the PDF and write both files with the chosen items redacted (on the worker)."""
    from apdesk.documents import sar_pdf

    final = redacted(access, chosen)
    return sar.write_files(final, sar_pdf.render(final, school), folder)


class SubjectAccessDialog(GuardedDialog):
    saved_files = Signal(object)  # (json path, pdf path)

    def __init__(
        self, ctx: AppContext, record: RecordExtras, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record = record
        self.request: RequestRow | None = next((r for r in record.requests if r.is_open), None)
        self.access: sar.SubjectAccess | None = None
        self.school: SchoolDetails | None = None
        self.paths: tuple[Path, Path] | None = None
        title = _("Subject access: {name}").format(name=record.name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(680, 640)
        # -- the request
        box = QGroupBox(_("The request"), self)
        self.received = date_edit(_("Received on"), date.today(), box)
        self.requested_by = QLineEdit(box)
        self.requested_by.setAccessibleName(_("Requested by"))
        self.requested_by.setPlaceholderText(_("e.g. the pupil's mother, a solicitor"))
        self.deadline = QLabel(box)
        self.deadline.setWordWrap(True)
        self.deadline.setAccessibleName(_("Deadline"))
        self.record_button = QPushButton(_("&Record the request"), box)
        self.record_button.clicked.connect(self.record_request)
        form = QFormLayout(box)
        form.addRow(_("&Received on:"), self.received)
        form.addRow(_("Requested &by:"), self.requested_by)
        form.addRow("", self.deadline)
        record_row = QHBoxLayout()
        record_row.addWidget(self.record_button)
        record_row.addStretch(1)
        form.addRow("", record_row)
        self.received.changed.connect(self._show_deadline)
        # -- the export
        export = QGroupBox(_("The export"), self)
        self.prepare_button = QPushButton(_("&Prepare the export"), export)
        self.prepare_button.clicked.connect(self.prepare)
        self.summary = QLabel(export)
        self.summary.setWordWrap(True)
        self.items = not_input(QListWidget(export))
        self.items.setAccessibleName(_("Other people's details: tick those to redact"))
        self.save_button = QPushButton(_("&Save JSON and PDF…"), export)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.choose_folder)
        export_buttons = QHBoxLayout()
        export_buttons.addWidget(self.prepare_button)
        export_buttons.addWidget(self.save_button)
        export_buttons.addStretch(1)
        column = QVBoxLayout(export)
        column.addLayout(export_buttons)
        column.addWidget(self.summary)
        column.addWidget(self.items, 1)
        self.error = ErrorLabel(self)
        self.done_note = QLabel(self)
        self.done_note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        name_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(export, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.done_note)
        layout.addWidget(buttons)
        self._show_request()
        self.watch_input()

    # -- the request ---------------------------------------------------------------------
    def _show_request(self) -> None:
        request = self.request
        if request is not None:
            self.received.set_value(request.requested_on)
            self.requested_by.setText(request.requested_by)
            self.record_button.setEnabled(False)
            self.record_button.setText(_("Recorded"))
        self._show_deadline()

    def _show_deadline(self) -> None:
        day = self.received.value()
        if day is None:
            self.deadline.setText("")
            return
        due = sar.respond_by(day)
        self.deadline.setText(
            _(
                "Answer by {day}: one calendar month from receipt. It is on Home's list until "
                "it is answered."
            ).format(day=format_date(due))
        )

    def record_request(self) -> None:
        self.error.show_message("")
        try:
            received = optional_date(self.received)
        except ValidationError as exc:
            self.error.show_message(describe_error(exc))
            return
        self.ctx.op(
            record_subject_access_request,
            self.record.pupil_id,
            received,
            self.requested_by.text(),
            "",
            date.today(),
        ).success(self._recorded).failure(
            lambda exc: self.error.show_message(describe_error(exc))
        ).source(self).run()

    def _recorded(self, request: RequestRow) -> None:
        self.request = request
        self._show_request()
        self.mark_saved()

    # -- the export ----------------------------------------------------------------------
    def prepare(self) -> None:
        self.error.show_message("")
        requested = (
            self.request.requested_on if self.request else (self.received.value() or date.today())
        )
        self.ctx.query(gather, self.record.upn, requested).success(self._gathered).failure(
            lambda exc: self.error.show_message(describe_error(exc))
        ).run()

    def _gathered(self, answer: tuple[sar.SubjectAccess, SchoolDetails]) -> None:
        self.access, self.school = answer
        access = self.access
        records = sum(len(rows) for rows in access.sections.values())
        self.summary.setText(
            ngettext(
                "{records} records and {events} audit events. {n} item of other people's "
                "details to review: tick each one to redact before saving.",
                "{records} records and {events} audit events. {n} items of other people's "
                "details to review: tick each one to redact before saving.",
                len(access.third_party),
            ).format(records=records, events=len(access.audit_events), n=len(access.third_party))
        )
        self.items.clear()
        for item in access.third_party:
            text = (
                f"{item['section']} · {column_label(item['field'], item['table'])}: {item['value']}"
            )
            row = QListWidgetItem(text)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            self.items.addItem(row)
        self.save_button.setEnabled(True)
        self.items.setCurrentRow(0)

    def chosen(self) -> list[int]:
        return [
            row
            for row in range(self.items.count())
            if self.items.item(row).checkState() == Qt.CheckState.Checked
        ]

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Save the subject access export in"))
        if folder:
            self.save_to(Path(folder))

    def save_to(self, folder: Path) -> None:
        access, school = self.access, self.school
        if access is None or school is None:
            return
        chosen = self.chosen()
        self.error.show_message("")
        self.ctx.tasks.submit(
            lambda: write_export(access, school, chosen, folder),
            self._written,
            lambda exc: self.error.show_message(describe_error(exc)),
        )

    def _written(self, paths: tuple[Path, Path]) -> None:
        self.paths = paths
        self.saved_files.emit(paths)
        json_path, pdf_path = paths
        self.done_note.setText(
            _("Saved {pdf} and {json}.").format(pdf=pdf_path.name, json=json_path.name)
        )
        if self.request is not None and self.request.is_open:
            self.ctx.op(complete_subject_access_request, self.request.id, date.today()).success(
                self._answered
            ).failure(lambda exc: self.error.show_message(describe_error(exc))).run()

    def _answered(self, request: RequestRow) -> None:
        self.request = request
        self.done_note.setText(
            self.done_note.text() + " " + _("The request is marked answered today.")
        )
