"""The attendance report: for each pupil in AP over a range, the sessions expected at a
provider (only school days count: holidays, INSET days and closures are skipped), the marks
recorded against them, and the attendance rate by the DfE method."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import N_, _, format_date, format_number, format_percent, ngettext
from apdesk.models.kinds import Kind
from apdesk.services.attendance.report_rows import AttendanceReport, attendance_rows
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.core.follow import ChangeFollower, Latest
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.forms import date_edit, name_buttons, to_date

# The first two figures count only the sessions a pupil was due at a provider; attended and
# possible count every session, at school and at providers, by the DfE method. Saying so in the
# headers keeps "Attended 39" beside "Marked 16" from reading as a contradiction.
HEADERS = (
    (N_("Pupil"), ""),
    (N_("UPN"), ""),
    (N_("Due at provider"), N_("Sessions the pupil was due at a provider in these dates")),
    (N_("Marked at provider"), N_("Of the sessions due at a provider, those with a mark")),
    (N_("Attended (all)"), N_("Sessions attended, at school and at providers (DfE method)")),
    (N_("Possible (all)"), N_("Possible sessions, at school and at providers (DfE method)")),
    (N_("Attendance"), N_("Attended as a share of possible sessions")),
)
SHOWS = frozenset({Kind.MARK, Kind.PLACEMENT, Kind.CLOSURE, Kind.TERM, Kind.PUPIL})


class AttendanceReportDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        start: date | None = None,
        end: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: AttendanceReport | None = None
        self.answer = Latest()
        self.setWindowTitle(_("Attendance report"))
        self.setAccessibleName(_("Attendance report"))
        self.resize(820, 520)
        today = date.today()
        self.start = date_edit(_("From"), start or today - timedelta(days=28), self)
        self.end = date_edit(_("To"), end or today, self)
        self.start.changed.connect(self.reload)
        self.end.changed.connect(self.reload)
        form = QFormLayout()
        form.addRow(_("&From:"), self.start)
        form.addRow(_("&To:"), self.end)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(_("Report summary"))
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([_(h) for h, _tip in HEADERS])
        for column, (_h, tip) in enumerate(HEADERS):
            header = self.table.horizontalHeaderItem(column)
            if tip and header is not None:
                header.setToolTip(_(tip))
        self.table.setAccessibleName(_("Attendance by pupil"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        name_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.follower = ChangeFollower(self, ctx, SHOWS, lambda _c: self.reload())
        self.reload()

    def reload(self) -> None:
        self.error.show_message("")
        try:
            start, end = to_date(self.start), to_date(self.end)
        except Exception as exc:  # a ValidationError naming the field
            self.error.show_message(describe_error(exc))
            return
        if end < start:
            self.error.show_message(_("To: is before From (choose a later day)."))
            return
        self.ctx.query(attendance_rows, start, end, date.today()).success(
            self.answer.ask(self.show_report)
        ).failure(lambda exc: self.error.show_message(describe_error(exc))).run()

    def show_report(self, report: AttendanceReport) -> None:
        self.report = report
        self.summary.setText(
            ngettext(
                "{days} school day from {start} to {end} (holidays, INSET days and closures "
                "are not school days).",
                "{days} school days from {start} to {end} (holidays, INSET days and closures "
                "are not school days).",
                report.school_days,
            ).format(
                days=format_number(report.school_days),
                start=format_date(report.start),
                end=format_date(report.end),
            )
        )
        self.table.setRowCount(len(report.rows))
        for r, row in enumerate(report.rows):
            rate = format_percent(row.rate) if row.rate is not None else "—"
            cells = (
                row.name,
                row.upn,
                format_number(row.expected),
                format_number(row.marked),
                format_number(row.attended),
                format_number(row.possible),
                rate,
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
