"""Record or correct a suspension: the first and last day (from the morning or from
lunchtime), how many sessions, the reason in the letter, and whether the school arranged
education from the sixth day. Sessions without education arranged are marked E in the
register where they have no mark yet."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _
from apdesk.services.operations.leavers import save_suspension
from apdesk.services.records.suspensions import SuspensionInput, SuspensionSaved, SuspensionView
from apdesk.ui.core.context import AppContext, Call
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.forms import (
    FieldErrors,
    date_edit,
    name_buttons,
    optional_date,
    optional_date_edit,
)
from apdesk.ui.widgets.guard import GuardedDialog


class SuspensionDialog(GuardedDialog):
    saved = Signal(object)  # SuspensionSaved

    def __init__(
        self,
        ctx: AppContext,
        pupil_id: int,
        pupil_name: str,
        existing: SuspensionView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pupil_id = pupil_id
        self.suspension_id = existing.id if existing else None
        title = (
            _("Suspension: {name}").format(name=pupil_name)
            if existing is None
            else _("Change suspension: {name}").format(name=pupil_name)
        )
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(600)
        today = date.today()
        self.start = date_edit(_("First day"), existing.start if existing else today, self)
        self.first_session = QComboBox(self)
        self.first_session.setAccessibleName(_("First session"))
        self.first_session.addItem(_("Morning (from the start of the day)"), "AM")
        self.first_session.addItem(_("Afternoon (from lunchtime)"), "PM")
        if existing is not None and existing.first_session == "PM":
            self.first_session.setCurrentIndex(1)
        self.end = date_edit(_("Last day"), existing.end if existing else today, self)
        self.end.reference = self.start.value
        self.all_sessions = QCheckBox(_("Every session from the first to the last day"), self)
        self.sessions = QSpinBox(self)
        self.sessions.setRange(1, 90)
        self.sessions.setAccessibleName(_("Sessions"))
        self.sessions.setSuffix(_(" sessions"))
        self.all_sessions.setChecked(existing is None)
        if existing is not None:
            self.sessions.setValue(existing.sessions)
        self.all_sessions.toggled.connect(self._count_changed)
        self.reason = QPlainTextEdit(existing.reason if existing else "", self)
        self.reason.setAccessibleName(_("Reason"))
        self.reason.setPlaceholderText(_("As given in the letter to the parents"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(70)
        self.ap_arranged = QCheckBox(_("The school &arranged education from the sixth day"), self)
        self.ap_arranged.setChecked(bool(existing and existing.ap_arranged))
        self.ap_from = optional_date_edit(
            _("Education arranged from"), existing.ap_from if existing else None, self
        )
        self.ap_details = QLineEdit(existing.ap_details if existing else "", self)
        self.ap_details.setAccessibleName(_("Where the education is"))
        self.ap_details.setPlaceholderText(_("e.g. Riverside Learning Centre, 9:00 to 15:00"))
        for widget in (self.ap_from, self.ap_details):
            widget.setEnabled(self.ap_arranged.isChecked())
            self.ap_arranged.toggled.connect(widget.setEnabled)
        note = QLabel(
            _(
                "Each session without education arranged is marked E (suspended, no alternative "
                "provision) in the register where it has no mark yet."
            ),
            self,
        )
        note.setWordWrap(True)
        self.general = ErrorLabel(self)
        self.errors = FieldErrors(self.general)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.errors.add_row(form, _("First day"), self.start, _("&First day:"))
        self.errors.add_row(form, _("First session"), self.first_session, _("From &the:"))
        self.errors.add_row(form, _("Last day"), self.end, _("&Last day:"))
        form.addRow("", self.all_sessions)
        self.errors.add_row(form, _("Sessions"), self.sessions, _("&Sessions:"))
        self.sessions_row = self.sessions.parentWidget() or self.sessions
        self.form = form
        self.errors.add_row(form, _("Reason"), self.reason, _("&Reason:"))
        form.addRow("", self.ap_arranged)
        self.errors.add_row(form, _("Education arranged from"), self.ap_from, _("Arranged &from:"))
        self.errors.add_row(form, _("Where"), self.ap_details, _("&Where:"))
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(_("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.general)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._count_changed(self.all_sessions.isChecked())
        self.start.setFocus()
        self.watch_input()

    def _count_changed(self, every: bool) -> None:
        """The count is typed only for a suspension that ends part-way through a day."""
        self.sessions.setEnabled(not every)
        self.form.setRowVisible(self.sessions_row, not every)

    def data(self) -> SuspensionInput:
        return SuspensionInput(
            start=optional_date(self.start),
            end=optional_date(self.end),
            reason=self.reason.toPlainText(),
            first_session=str(self.first_session.currentData()),
            sessions=None if self.all_sessions.isChecked() else self.sessions.value(),
            ap_arranged=self.ap_arranged.isChecked(),
            ap_from=optional_date(self.ap_from) if self.ap_arranged.isChecked() else None,
            ap_details=self.ap_details.text(),
        )

    def save(self) -> None:
        self.submit(self._operation, self.saved.emit, errors=self.errors, button=self.save_button)

    def _operation(self) -> Call[SuspensionSaved]:
        data = self.data()
        return self.ctx.op(save_suspension, self.pupil_id, data, date.today(), self.suspension_id)
