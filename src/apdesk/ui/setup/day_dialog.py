"""The school day and the timetable cycle: periods with their times (lessons, breaks, lunch),
one or two weeks, and which Monday starts week A. A change that would leave saved timetables
with slots in a period that no longer exists is explained first and saved only when confirmed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import N_, _
from apdesk.models.errors import ValidationError
from apdesk.models.timetable_grid import PeriodDef, Structure
from apdesk.models.timetable_plan import PeriodKind
from apdesk.services.operations.setup import DaySaved, save_school_day
from apdesk.ui.core.context import AppContext, Call
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.date_field import DateField
from apdesk.ui.widgets.forms import FieldErrors, name_buttons
from apdesk.ui.widgets.guard import GuardedDialog

HEADERS = (N_("Name"), N_("Kind"), N_("Starts"), N_("Ends"))
LABEL, KIND, STARTS, ENDS = range(4)


def _time_edit(value: time, name: str) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute))
    edit.setDisplayFormat("HH:mm")
    edit.setAccessibleName(name)
    return edit


class SchoolDayDialog(GuardedDialog):
    saved = Signal(object)  # DaySaved

    def __init__(
        self, ctx: AppContext, structure: Structure, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.numbers: list[int] = []  # each row's period number (saved slots refer to it)
        self.setWindowTitle(_("School day and cycle"))
        self.setAccessibleName(_("School day and cycle"))
        self.resize(620, 600)
        intro = QLabel(
            _(
                "The periods of the day, in order. Pupils keep lunch and breaks with their "
                "mainstream peers; a timetable places lessons only."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.table.setAccessibleName(_("Periods of the day"))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)
        for column in (KIND, STARTS, ENDS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.add_button = QPushButton(_("&Add period"), self)
        self.add_button.setAccessibleName(_("Add a period at the end of the day"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(_("Re&move period"), self)
        self.remove_button.setAccessibleName(_("Remove the chosen period"))
        self.remove_button.clicked.connect(self.remove_row)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.add_button)
        row_buttons.addWidget(self.remove_button)
        row_buttons.addStretch(1)
        self.one_week = QRadioButton(_("&One week"), self)
        self.two_weeks = QRadioButton(_("T&wo weeks (week A and week B)"), self)
        self.cycle = QButtonGroup(self)
        self.cycle.addButton(self.one_week, 1)
        self.cycle.addButton(self.two_weeks, 2)
        (self.two_weeks if structure.cycle_weeks == 2 else self.one_week).setChecked(True)
        self.week_a = DateField(_("A Monday in week A"), self, value=structure.anchor)
        self.two_weeks.toggled.connect(self.week_a.setEnabled)
        self.week_a.setEnabled(structure.cycle_weeks == 2)
        cycle_row = QHBoxLayout()
        cycle_row.addWidget(self.one_week)
        cycle_row.addWidget(self.two_weeks)
        cycle_row.addStretch(1)
        form = QFormLayout()
        form.addRow(_("Cycle:"), cycle_row)
        self.error = ErrorLabel(self)
        self.errors = FieldErrors(self.error)  # a refusal beside its field, else at the foot
        self.errors.add_row(form, _("A Monday in week A"), self.week_a, _("Week &A includes:"))
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(_("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for period in structure.periods:
            self._append(period)
        self.table.setCurrentCell(0, LABEL)
        self.watch_input()

    # -- rows ----------------------------------------------------------------------
    def _append(self, period: PeriodDef, at: int | None = None) -> None:
        row = self.table.rowCount() if at is None else at
        self.table.insertRow(row)
        self.numbers.insert(row, period.number)
        label = QLineEdit(period.label)
        label.setAccessibleName(_("Period name"))
        kind = QComboBox()
        kind.setAccessibleName(_("Kind of period"))
        for member in PeriodKind:
            kind.addItem(_(member.label), member.value)
        kind.setCurrentIndex(kind.findData(period.kind.value))
        self.table.setCellWidget(row, LABEL, label)
        self.table.setCellWidget(row, KIND, kind)
        self.table.setCellWidget(row, STARTS, _time_edit(period.starts, _("Starts")))
        self.table.setCellWidget(row, ENDS, _time_edit(period.ends, _("Ends")))

    def add_row(self) -> None:
        """A new lesson at the end of the day, starting when the last period ends."""
        before = self.periods_or_none()
        starts = max((p.ends for p in before), default=time(8, 50))
        ends = time(min(starts.hour + 1, 23), starts.minute)
        number = max(self.numbers, default=0) + 1
        at = self.table.rowCount()
        label = _("Period {n}").format(n=number)
        self._append(PeriodDef(number, label, starts, ends, PeriodKind.LESSON), at)
        self.table.setCurrentCell(at, LABEL)
        self.table.cellWidget(at, LABEL).setFocus()
        self._touched()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        del self.numbers[row]
        self.table.setCurrentCell(min(row, self.table.rowCount() - 1), LABEL)
        self._touched()

    def periods(self) -> list[PeriodDef]:
        out = []
        for row in range(self.table.rowCount()):
            label: QLineEdit = self.table.cellWidget(row, LABEL)  # type: ignore[assignment]
            kind: QComboBox = self.table.cellWidget(row, KIND)  # type: ignore[assignment]
            starts: QTimeEdit = self.table.cellWidget(row, STARTS)  # type: ignore[assignment]
            ends: QTimeEdit = self.table.cellWidget(row, ENDS)  # type: ignore[assignment]
            out.append(
                PeriodDef(
                    self.numbers[row],
                    label.text().strip(),
                    starts.time().toPython(),  # type: ignore[arg-type]
                    ends.time().toPython(),  # type: ignore[arg-type]
                    PeriodKind(kind.currentData()),
                )
            )
        return out

    def periods_or_none(self) -> Sequence[PeriodDef]:
        try:
            return self.periods()
        except ValueError:
            return []

    # -- saving --------------------------------------------------------------------
    def save(self, confirmed: bool = False) -> None:
        self.submit(
            lambda: self._operation(confirmed),
            self.saved.emit,
            errors=self.errors,
            button=self.save_button,
            refused=self._refused,
        )

    def _operation(self, confirmed: bool) -> Call[DaySaved]:
        problem = self.week_a.problem()
        if problem is not None:
            raise ValidationError(_("A Monday in week A"), problem)
        weeks = 2 if self.two_weeks.isChecked() else 1
        anchor = self.week_a.value() if weeks == 2 else None
        return self.ctx.op(save_school_day, self.periods(), weeks, anchor, confirmed)

    def _refused(self, exc: BaseException) -> bool:
        """Saved timetables that would lose slots: asked, not refused (True: handled)."""
        if isinstance(exc, ValidationError) and exc.field == _("School day"):
            self.confirm_breaks(exc.message)
            return True
        return False

    def confirm_breaks(self, message: str) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Saved timetables would change"))
        box.setText(_("This school day leaves some saved timetables with nowhere to put a slot."))
        box.setInformativeText(message.replace("; ", "\n"))
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Save).setText(_("&Save and drop those slots"))
        box.accepted.connect(lambda: self.save(confirmed=True))
        self.breaks_box = box
        box.open()
