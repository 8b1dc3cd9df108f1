"""The home page's two documents: the termly report (previewed as a PDF) and the census
export (a CSV for the school census, with the placements that miss an item listed first).
Both are reads; the census list follows changes to the placements while the dialog is open."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from apdesk.files import write_atomic
from apdesk.i18n import _, format_date, ngettext
from apdesk.models.kinds import Kind
from apdesk.services.measures import CensusReport, Period, census_rows, year_to_date
from apdesk.services.measures.census import (
    census_day_to_prepare,
    is_census_day,
    nearest_census_days,
)
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.core.follow import ChangeFollower, Latest
from apdesk.ui.widgets.forms import date_edit, to_date
from apdesk.ui.widgets.pdf_preview import DrawnPages, PdfPreviewDialog, with_preview


class TermlyReportDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Termly report"))
        period = year_to_date(date.today())
        # The one date field every form uses: typed, picked or cleared the same way.
        self.start = date_edit(_("From"), period.start, self)
        self.end = date_edit(_("To"), period.end, self)
        self.anonymised = QCheckBox(_("&Anonymised: initials and year group only"), self)
        self.anonymised.setChecked(True)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("&From:"), self.start)
        form.addRow(_("&To:"), self.end)
        form.addRow("", self.anonymised)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.make = buttons.addButton(_("&Make report"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.build)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def build(self) -> None:
        from apdesk.services.measures.termly import termly_report_pdf

        try:
            period = Period(to_date(self.start), to_date(self.end))
        except Exception as exc:  # a ValidationError naming the field
            self.error.setText(describe_error(exc))
            return
        self.make.setEnabled(False)
        self.ctx.query(
            with_preview(termly_report_pdf),
            period,
            date.today(),
            anonymised=self.anonymised.isChecked(),
        ).success(self._show).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.make.setEnabled(True)
        self.error.setText(describe_error(exc))

    def _show(self, made: tuple[bytes, DrawnPages]) -> None:
        pdf, drawn = made
        self.make.setEnabled(True)
        name = f"termly-report-{to_date(self.start)}-{to_date(self.end)}.pdf"
        self.preview = PdfPreviewDialog(
            pdf, _("Termly report"), name, self.parentWidget(), drawn=drawn
        )
        self.preview.open()
        self.accept()


# The census rows: placements with their pupil and provider.
CENSUS_SHOWS = frozenset({Kind.PLACEMENT, Kind.PUPIL, Kind.PROVIDER})


class CensusDialog(QDialog):
    """Pick the census day, see what is missing, save the CSV."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: CensusReport | None = None
        self.setWindowTitle(_("Census export"))
        self.answer = Latest()  # the day may change faster than the store answers
        self.day = date_edit(_("Census day"), census_day_to_prepare(date.today()), self)
        self.day.changed.connect(self.refresh)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.missing = QPlainTextEdit(self)
        self.missing.setReadOnly(True)
        self.missing.setAccessibleName(_("Placements missing a census item"))
        form = QFormLayout()
        form.addRow(_("Census &day:"), self.day)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save = buttons.addButton(_("&Save CSV…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save.clicked.connect(self.save_csv)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.missing, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.follower = ChangeFollower(self, ctx, CENSUS_SHOWS, lambda _changes: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.ctx.query(census_rows, to_date(self.day)).success(
            self.answer.ask(self.show_report)
        ).run()

    def show_report(self, report: CensusReport) -> None:
        self.report = report
        text = ngettext(
            "{n} placement from {start} to {end}; {m} miss an item the census needs.",
            "{n} placements from {start} to {end}; {m} miss an item the census needs.",
            len(report.rows),
        )
        text = text.format(
            n=len(report.rows),
            start=format_date(report.period.start),
            end=format_date(report.period.end),
            m=len(report.incomplete),
        )
        if not is_census_day(report.census_day):
            before, after = nearest_census_days(report.census_day)
            text += " " + _(
                "Warning: {day} is not a census day; the nearest are {before} and {after}."
            ).format(
                day=format_date(report.census_day),
                before=format_date(before),
                after=format_date(after),
            )
        self.summary.setText(text)
        lines = [f"{r.pupil} at {r.provider}: {', '.join(r.missing)}" for r in report.incomplete]
        lines = lines or [_("Every placement has every item.")]
        if report.left_out:
            lines.append(_("Not returned (on-site): {who}").format(who=", ".join(report.left_out)))
        lines += ["", *report.notes]
        self.missing.setPlainText("\n".join(lines))

    def save_csv(self) -> None:
        if self.report is None:
            return
        name = f"census-ap-placements-{self.report.census_day.isoformat()}.csv"
        path, _filter = QFileDialog.getSaveFileName(self, _("Save census CSV"), name, "CSV (*.csv)")
        if not path:
            return
        try:
            write_atomic(Path(path), self.report.csv_text(), encoding="utf-8-sig")
        except OSError as exc:
            QMessageBox.warning(self, _("Census export"), _("Could not save: {e}").format(e=exc))
