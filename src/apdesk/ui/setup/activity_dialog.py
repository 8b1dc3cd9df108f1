"""A named IAP session ("Gardening", "Emotional regulation") and which of the five strands of
good practice it belongs to; one no longer offered is retired, so old timetables keep it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _
from apdesk.models.timetable_plan import IapActivityType
from apdesk.services.operations.setup import save_activity
from apdesk.services.timetables.school_setup import ActivityRow
from apdesk.ui.core.context import AppContext, Call
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.forms import FieldErrors, name_buttons
from apdesk.ui.widgets.guard import GuardedDialog


class ActivityDialog(GuardedDialog):
    saved = Signal(int)

    def __init__(
        self, ctx: AppContext, activity: ActivityRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.activity_id = activity.id if activity and activity.id else None
        title = _("New IAP session") if activity is None else _("IAP session")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(440)
        self.name = QLineEdit(activity.name if activity else "", self)
        self.name.setAccessibleName(_("Session name"))
        self.name.setPlaceholderText(_("e.g. Gardening"))
        self.strand = QComboBox(self)
        self.strand.setAccessibleName(_("Strand"))
        for member in IapActivityType:
            self.strand.addItem(_(member.label), member.value)
        if activity is not None:
            self.strand.setCurrentIndex(self.strand.findData(activity.activity_type.value))
        self.active = QCheckBox(_("&Offered now (untick to retire it)"), self)
        self.active.setChecked(activity.active if activity else True)
        self.general = ErrorLabel(self)
        self.errors = FieldErrors(self.general)
        form = QFormLayout()
        self.errors.add_row(form, _("Session name"), self.name, _("&Name:"))
        self.errors.add_row(form, _("Strand"), self.strand, _("&Strand:"))
        form.addRow("", self.active)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(_("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.name.setFocus()
        self.watch_input()

    def save(self) -> None:
        self.submit(self._operation, self.saved.emit, errors=self.errors, button=self.save_button)

    def _operation(self) -> Call[int]:
        strand = IapActivityType(self.strand.currentData())
        return self.ctx.op(
            save_activity, self.name.text(), strand, self.active.isChecked(), self.activity_id
        )
