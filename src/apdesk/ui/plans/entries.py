"""Small dialogs for the rest of the plan: a transition step, an agency, a voice entry.

They share one shape: a form, errors beside the field they name, Save as one operation on the
writer, and nothing typed is lost when a save is refused."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _
from apdesk.models.enums import Agency, VoiceOf
from apdesk.models.errors import ValidationError
from apdesk.services import plans
from apdesk.services.operations import plans as plan_ops
from apdesk.services.plan_rows import StepRow
from apdesk.ui.core.context import AppContext, Call
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.forms import (
    FieldErrors,
    date_edit,
    name_buttons,
    optional_date,
    optional_date_edit,
    to_date,
)
from apdesk.ui.widgets.guard import GuardedDialog


def line(name: str, parent: QWidget, hint: str = "") -> QLineEdit:
    """A line edit at least as wide as its example hint, which is worth reading whole."""
    edit = QLineEdit(parent)
    edit.setAccessibleName(name)
    edit.setPlaceholderText(hint)
    if hint:
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(hint) + 16)
    return edit


def combo(name: str, items: list[tuple[str, str]], parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    box.setAccessibleName(name)
    for text, value in items:
        box.addItem(text, value)
    return box


class EntryDialog(GuardedDialog):
    """A form whose Save runs the operation `call()` names and closes only when it succeeds."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(520)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.general = ErrorLabel(self)
        self.errors = FieldErrors(self.general)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(_("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self._watching = False

    def showEvent(self, event: QShowEvent) -> None:
        """The subclass has added its fields by now: from here on, typing counts as input."""
        if not self._watching:
            self._watching = True
            self.watch_input()
        super().showEvent(event)

    def call(self) -> Call[Any]:
        """The operation that saves the form, with its arguments (not yet run)."""
        raise NotImplementedError

    def save(self) -> None:
        self.errors.clear()
        try:
            call = self.call()
        except ValidationError as exc:  # a date box holding something that is not a date
            self._refused(exc)
            return
        self.save_button.setEnabled(False)
        call.success(lambda _id: self._saved()).failure(self._refused).run()

    def _saved(self) -> None:
        self.save_button.setEnabled(True)
        self.mark_saved()
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc)


class StepEditor(EntryDialog):
    def __init__(
        self,
        ctx: AppContext,
        placement_id: int,
        existing: StepRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = _("Edit transition step") if existing else _("Add a transition step")
        super().__init__(ctx, title, parent)
        self.placement_id, self.existing = placement_id, existing
        self.step = line(
            _("Step"), self, _("e.g. Two mainstream lessons a week with a known adult")
        )
        self.owner = line(_("Who"), self, _("a person or a role, e.g. SENCO"))
        self.by_date = optional_date_edit(
            _("By when"), existing.by_date if existing else None, self
        )
        self.done_box = QCheckBox(_("&Done"), self)
        self.done_box.setAccessibleName(_("Done"))
        self.errors.add_row(self.form, _("Step"), self.step, _("S&tep:"))
        self.errors.add_row(self.form, _("Who"), self.owner, _("&Who:"))
        self.errors.add_row(self.form, _("By when"), self.by_date, _("&By when:"))
        self.form.addRow("", self.done_box)
        if existing is not None:
            self.step.setText(existing.step)
            self.owner.setText(existing.owner)
            self.done_box.setChecked(existing.done)

    def call(self) -> Call[Any]:
        data = plans.StepInput(
            self.step.text(),
            self.owner.text(),
            optional_date(self.by_date),
            self.done_box.isChecked(),
        )
        if self.existing is not None:
            return self.ctx.op(plan_ops.update_step, self.existing.id, data)
        return self.ctx.op(plan_ops.add_step, self.placement_id, data)


class AgencyEditor(EntryDialog):
    def __init__(self, ctx: AppContext, placement_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Add an agency"), parent)
        self.placement_id = placement_id
        items = [(_(a.label), a.value) for a in Agency]
        self.agency = combo(_("Agency"), items, self)
        self.agency_name = line(_("Agency name"), self, _("the team's name; required for Other"))
        self.contact = line(_("Contact"), self, _("the named person at the agency"))
        self.role = line(_("Role"), self, _("their part in the plan"))
        self.consent = optional_date_edit(_("Consent date"), None, self)
        self.consent.setToolTip(_("The day the family agreed to share information"))
        self.errors.add_row(self.form, _("Agency"), self.agency, _("&Agency:"))
        self.errors.add_row(self.form, _("Agency name"), self.agency_name, _("Agency &name:"))
        self.errors.add_row(self.form, _("Contact"), self.contact, _("&Contact:"))
        self.errors.add_row(self.form, _("Role"), self.role, _("&Role on the plan:"))
        self.errors.add_row(self.form, _("Consent date"), self.consent, _("Consent to &share:"))

    def call(self) -> Call[Any]:
        data = plans.AgencyInput(
            str(self.agency.currentData()),
            self.agency_name.text(),
            self.contact.text(),
            self.role.text(),
            optional_date(self.consent),
        )
        return self.ctx.op(plan_ops.add_agency, self.placement_id, data, date.today())


class VoiceEditor(EntryDialog):
    def __init__(self, ctx: AppContext, placement_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Add child or family voice"), parent)
        self.placement_id = placement_id
        self.voice_of = combo(_("Whose voice"), [(_(v.label), v.value) for v in VoiceOf], self)
        self.said_on = date_edit(_("Date"), date.today(), self)
        self.said_on.set_range(latest=date.today())
        self.how = line(_("How gathered"), self, _("e.g. conversation with key adult"))
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(_("What was said"))
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(96)
        self.errors.add_row(self.form, _("Whose voice"), self.voice_of, _("W&hose voice:"))
        self.errors.add_row(self.form, _("Date"), self.said_on, _("&Date:"))
        self.errors.add_row(self.form, _("How gathered"), self.how, _("&How gathered:"))
        self.errors.add_row(self.form, _("What was said"), self.text, _("&What was said:"))

    def call(self) -> Call[Any]:
        data = plans.VoiceInput(
            str(self.voice_of.currentData()),
            to_date(self.said_on),
            self.how.text(),
            self.text.toPlainText(),
        )
        return self.ctx.op(plan_ops.add_voice, self.placement_id, data, date.today())
