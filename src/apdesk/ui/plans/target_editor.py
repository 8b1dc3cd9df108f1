"""Add or edit one SMART target. A refused save keeps everything typed and puts the message
beside the box it is about, so the person fixes one thing rather than retyping the lot."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import N_, _
from apdesk.models.errors import ValidationError
from apdesk.services import plans
from apdesk.services.operations import plans as plan_ops
from apdesk.services.plan_rows import TargetRow
from apdesk.services.plans.plans import TARGET_FIELDS
from apdesk.ui.core.context import AppContext
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.forms import FieldErrors, date_edit, name_buttons, to_date
from apdesk.ui.widgets.guard import GuardedDialog

HINTS = {
    "what": N_("e.g. Attend 90% of sessions at the provider"),
    "measure": N_("e.g. Provider's weekly attendance returns"),
    "baseline": N_("e.g. 62% in the half term before the referral"),
    "target": N_("e.g. 90% for four weeks in a row"),
}


class TargetEditor(GuardedDialog):
    def __init__(
        self,
        ctx: AppContext,
        placement_id: int,
        existing: TargetRow | None = None,
        default_by: date | None = None,
        parent: QWidget | None = None,
        who: str = "",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.placement_id = placement_id
        self.existing = existing
        self.saved_id: int | None = None
        if who:  # whose plan the window belongs to, among the others open
            title = (_("Target for {name}") if existing else _("New target for {name}")).format(
                name=who
            )
        else:
            title = _("Edit target") if existing else _("Add a target")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(560)
        intro = QLabel(
            _("A SMART target: what the pupil will do, how it is measured, where they are now, ")
            + _("what success looks like, and by when."),
            self,
        )
        intro.setWordWrap(True)
        self.general = ErrorLabel(self)
        self.errors = FieldErrors(self.general)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.edits: dict[str, QLineEdit] = {}
        for attr, label in TARGET_FIELDS.items():
            if attr == "by_date":
                continue
            edit = QLineEdit(self)
            edit.setAccessibleName(_(label))
            edit.setPlaceholderText(_(HINTS[attr]))
            edit.setMaxLength(plans.plans.MAX_TEXT + 1)
            self.edits[attr] = edit
            self.errors.add_row(form, _(label), edit, _("&" + label) + ":")
        default = default_by or date.today() + timedelta(weeks=6)
        self.by_date = date_edit(_("By when"), existing.by_date if existing else default, self)
        self.errors.add_row(form, _("By when"), self.by_date, _("By &when") + ":")
        if existing is not None:
            for attr, edit in self.edits.items():
                edit.setText(getattr(existing, attr))
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(_("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.edits["what"].setFocus()  # typing starts with what the pupil will do
        self.watch_input()

    def value(self) -> plans.TargetInput:
        texts = {attr: edit.text() for attr, edit in self.edits.items()}
        return plans.TargetInput(by_date=to_date(self.by_date), **texts)

    def save(self) -> None:
        try:
            data = self.value()
        except ValidationError as exc:
            self._refused(exc)
            return
        if self.existing is not None:
            call = self.ctx.op(plan_ops.update_target, self.existing.id, data)
        else:
            call = self.ctx.op(plan_ops.add_target, self.placement_id, data)
        self.errors.clear()
        self.save_button.setEnabled(False)
        call.success(self._saved).failure(self._refused).run()

    def _saved(self, target_id: int) -> None:
        self.save_button.setEnabled(True)
        self.saved_id = target_id
        self.mark_saved()
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc)
