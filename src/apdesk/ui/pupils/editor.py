"""Add or edit a pupil. A refusal is shown beside the field it names; nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import cast

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import N_, _
from apdesk.models.enums import Gender, NeedCategory, SenStatus
from apdesk.models.errors import ValidationError
from apdesk.services.operations.pupils import add_pupil, edit_pupil
from apdesk.services.pupils import FIELD_LABELS, PupilInput, expected_year, year_label
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.widgets.banner import Banner
from apdesk.ui.widgets.basics import BusyBar, ErrorLabel
from apdesk.ui.widgets.guard import GuardedDialog
from apdesk.ui.widgets.screen_fit import fit_to_screen

NO_DATE = QDate(1900, 1, 1)  # the date edit's "not entered yet" value, shown as blank
LABEL_TO_FIELD = {label: name for name, label in FIELD_LABELS.items()}


class NeedsList(QListWidget):
    """Asks for the width of its longest need, so every need shows whole wherever the screen
    has room: in Polish the longest is 340 px, and a narrower list hid the ends of the names
    behind a sideways scroll bar that also covered the last row."""

    def sizeHint(self) -> QSize:
        width = self.sizeHintForColumn(0) + 2 * self.frameWidth() + 8
        return QSize(max(width, super().sizeHint().width()), super().sizeHint().height())


SUPPORT_FIELDS = frozenset({"health_needs", "family_support", "safety_info"})  # right column
WIDTH = 880  # two columns of fields


class DateOfBirthEdit(QDateEdit):
    """Blank until typed into: the first digit starts a date, so a blank is never a guess."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.date() == NO_DATE and event.text().isdigit():
            self.setDate(QDate(QDate.currentDate().year() - 10, 1, 1))
            self.setSelectedSection(QDateTimeEdit.Section.DaySection)
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """The calendar opens near a pupil's likely birth year, not at the blank's 1900."""
        super().mousePressEvent(event)
        calendar = self.calendarWidget()
        if self.date() == NO_DATE and calendar is not None:
            calendar.setCurrentPage(QDate.currentDate().year() - 10, 1)


def _text_box(name: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


class PupilEditor(GuardedDialog):
    """`pupil_id` None adds a pupil; otherwise `data` is that pupil's current record."""

    def __init__(
        self,
        ctx: AppContext,
        data: PupilInput | None = None,
        pupil_id: int | None = None,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pupil_id = pupil_id
        self.saved_id: int | None = None
        self.today = today
        self._year_touched = pupil_id is not None
        title = _("New pupil") if pupil_id is None else _("Edit pupil")
        if data is not None and pupil_id is not None:
            name = f"{data.preferred_name or data.forename} {data.surname}".strip()
            title = _("Pupil: {name}").format(name=name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._build()
        self.set_input(data or PupilInput())
        self.upn.setFocus()
        self.watch_input()

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        self.upn = QLineEdit()
        self.upn.setMaxLength(13)
        self.upn.setPlaceholderText(_("13 characters, e.g. A123456789012"))
        self.forename, self.surname, self.preferred_name = QLineEdit(), QLineEdit(), QLineEdit()
        self.dob = DateOfBirthEdit()
        self.dob.setCalendarPopup(True)
        self.dob.setDisplayFormat("dd/MM/yyyy")
        self.dob.setMinimumDate(NO_DATE)
        self.dob.setSpecialValueText(_("Not entered"))
        self.dob.setMaximumDate(QDate.currentDate())
        self.gender = QComboBox()
        for gender in Gender:
            self.gender.addItem(_(gender.label), gender)
        self.nc_year = QComboBox()
        self.nc_year.addItem(_("Choose…"), None)
        for year in range(15):
            self.nc_year.addItem(year_label(year), year)
        self.sen_status = QComboBox()
        for status in SenStatus:
            self.sen_status.addItem(_(status.label), status)
        self.looked_after = QCheckBox(_("&Looked after (in the care of the local authority)"))
        self.needs = NeedsList()
        for need in NeedCategory:
            item = QListWidgetItem(_(need.label))
            item.setData(Qt.ItemDataRole.UserRole, need.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.needs.addItem(item)
        self.needs.setFixedHeight(
            self.needs.sizeHintForRow(0) * self.needs.count() + 2 * self.needs.frameWidth() + 4
        )
        self.health_needs = _text_box(_("Health needs"))
        self.family_support = _text_box(_("Family support"))
        self.safety_info = _text_box(_("Safety information"))

        self.fields: dict[str, QWidget] = {
            "upn": self.upn,
            "forename": self.forename,
            "surname": self.surname,
            "preferred_name": self.preferred_name,
            "dob": self.dob,
            "gender": self.gender,
            "nc_year": self.nc_year,
            "sen_status": self.sen_status,
            "looked_after": self.looked_after,
            "health_needs": self.health_needs,
            "family_support": self.family_support,
            "safety_info": self.safety_info,
        }
        mnemonics = {  # marked here, translated where the label is made
            "upn": N_("&UPN"),
            "forename": N_("&Forename"),
            "surname": N_("Su&rname"),
            "dob": N_("&Date of birth"),
            "nc_year": N_("&Year"),
            "sen_status": N_("S&EN status"),
        }
        self.errors: dict[str, ErrorLabel] = {}
        self.labels: dict[str, QLabel] = {}
        # Who the pupil is on the left, their needs and support on the right: as one column the
        # form was 700 px tall, taller than a 1280x720 laptop's screen with its taskbar.
        who, support = QFormLayout(), QFormLayout()
        for column in (who, support):
            column.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, widget in self.fields.items():
            form = support if name in SUPPORT_FIELDS else who
            caption = _(FIELD_LABELS[name])
            widget.setAccessibleName(caption)
            if name == "looked_after":
                label = QLabel("")
            else:
                label = QLabel(_(mnemonics.get(name, FIELD_LABELS[name])))
                label.setBuddy(widget)
            error = ErrorLabel()
            cell = QWidget()
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(error)
            form.addRow(label, cell)
            self.labels[name] = label
            self.errors[name] = error
            if name == "looked_after":
                needs_label = QLabel(_("&Needs"))
                needs_label.setBuddy(self.needs)
                self.needs.setAccessibleName(_("Needs"))
                support.addRow(needs_label, self.needs)

        self.warning = Banner("warning", parent=self)
        self.warning.hide()
        self.problem = ErrorLabel()
        self.busy = BusyBar()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(_("&Save"))
        self.save_button.setAccessibleName(_("Save the pupil"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        columns = QHBoxLayout()
        columns.addLayout(who)  # as wide as it asks: the rest goes to the needs and notes
        columns.addSpacing(
            self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) * 3
        )
        columns.addLayout(support, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.warning)
        layout.addWidget(self.problem)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.dob.dateChanged.connect(self._dob_changed)
        self.nc_year.activated.connect(self._year_chosen)
        self.nc_year.currentIndexChanged.connect(self._show_warnings)
        fit_to_screen(self, max(WIDTH, self.sizeHint().width()), self.sizeHint().height())

    # -- values --------------------------------------------------------------------
    def set_input(self, data: PupilInput) -> None:
        self.upn.setText(data.upn)
        self.forename.setText(data.forename)
        self.surname.setText(data.surname)
        self.preferred_name.setText(data.preferred_name)
        dob = data.dob
        self.dob.setDate(QDate(dob.year, dob.month, dob.day) if dob else NO_DATE)
        self.gender.setCurrentIndex(max(self.gender.findData(Gender(data.gender)), 0))
        self.nc_year.setCurrentIndex(max(self.nc_year.findData(data.nc_year), 0))
        self.sen_status.setCurrentIndex(
            max(self.sen_status.findData(SenStatus(data.sen_status)), 0)
        )
        self.looked_after.setChecked(data.looked_after)
        for row in range(self.needs.count()):
            item = self.needs.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in data.needs
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.health_needs.setPlainText(data.health_needs)
        self.family_support.setPlainText(data.family_support)
        self.safety_info.setPlainText(data.safety_info)

    def input(self) -> PupilInput:
        dob = self.dob.date()
        return PupilInput(
            upn=self.upn.text().strip().upper(),
            forename=self.forename.text(),
            surname=self.surname.text(),
            preferred_name=self.preferred_name.text(),
            dob=None if dob == NO_DATE else cast(date, dob.toPython()),
            gender=self.gender.currentData(),
            nc_year=self.nc_year.currentData(),
            sen_status=self.sen_status.currentData(),
            looked_after=self.looked_after.isChecked(),
            needs=[
                str(self.needs.item(r).data(Qt.ItemDataRole.UserRole))
                for r in range(self.needs.count())
                if self.needs.item(r).checkState() == Qt.CheckState.Checked
            ],
            health_needs=self.health_needs.toPlainText().strip(),
            family_support=self.family_support.toPlainText().strip(),
            safety_info=self.safety_info.toPlainText().strip(),
        )

    def _year_chosen(self, _index: int) -> None:
        self._year_touched = True

    def _dob_changed(self, value: QDate) -> None:
        """A new pupil's year group follows the date of birth until the person picks one."""
        if not self._year_touched and value != NO_DATE:
            year = expected_year(cast(date, value.toPython()), self.today())
            if 0 <= year <= 14:
                self.nc_year.setCurrentIndex(self.nc_year.findData(year))
        self._show_warnings()

    def _show_warnings(self, *_args: object) -> None:
        notes = self.input().warnings(self.today())
        self.warning.set_message("warning", " ".join(notes))
        self.warning.setVisible(bool(notes))

    # -- saving --------------------------------------------------------------------
    def clear_errors(self) -> None:
        self.problem.show_message("")
        for name, error in self.errors.items():
            error.show_message("")
            font = QFont(self.labels[name].font())
            font.setBold(False)
            self.labels[name].setFont(font)
            self.fields[name].setAccessibleDescription("")

    def show_error(self, field: str, message: str) -> None:
        """Put `message` under the field, make its label bold and move the cursor there."""
        name = field if field in self.fields else LABEL_TO_FIELD.get(field, "upn")
        self.errors[name].show_message(message)
        font = QFont(self.labels[name].font())
        font.setBold(True)
        self.labels[name].setFont(font)
        widget = self.fields[name]
        widget.setAccessibleDescription(message)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def save(self) -> None:
        self.clear_errors()
        data = self.input()
        today = self.today()
        try:
            data.validate(today)  # plain rules first: no trip to the store for a typo
        except ValidationError as exc:
            self._refused(exc)
            return
        if self.pupil_id is None:
            call = self.ctx.op(add_pupil, data, today)
        else:
            call = self.ctx.op(edit_pupil, self.pupil_id, data, today)
        self._set_busy(True)
        call.success(self._saved).failure(self._refused).run()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.save_button.setEnabled(not busy)

    def _saved(self, pupil_id: int) -> None:
        self._set_busy(False)
        self.saved_id = pupil_id
        self.mark_saved()
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            text = f"{exc.message[:1].upper()}{exc.message[1:]}"
            self.show_error(exc.field, f"{text} — {exc.fix}." if exc.fix else f"{text}.")
        else:
            self.problem.show_message(describe_error(exc))
