"""Mark a pupil as left: the last day on roll, the destination and the reason. The record
stays (under the retention rules) but leaves the current lists. Open placements must be ended
first: the dialog names them, and the operation refuses while any is open."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _
from apdesk.services.leavers import DESTINATIONS, LeaverRow
from apdesk.services.operations.leavers import mark_pupil_left
from apdesk.services.records.pupil_record import RecordExtras
from apdesk.ui.core.context import AppContext, Call
from apdesk.ui.widgets.banner import Banner
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.forms import FieldErrors, date_edit, name_buttons, optional_date
from apdesk.ui.widgets.guard import GuardedDialog


class LeaverDialog(GuardedDialog):
    left = Signal(object)  # LeaverRow

    def __init__(
        self, ctx: AppContext, record: RecordExtras, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pupil_id = record.pupil_id
        title = _("Mark {name} as left").format(name=record.name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(560)
        intro = QLabel(
            _(
                "{name} comes off the current lists. The record is kept for as long as the "
                "retention rules say, and the pupil can be reinstated from File › Pupils who "
                "have left."
            ).format(name=record.name),
            self,
        )
        intro.setWordWrap(True)
        self.blocker = Banner(
            "warning",
            _("End these placements first: {list}.").format(list="; ".join(record.open_placements)),
            parent=self,
        )
        self.blocker.setVisible(bool(record.open_placements))
        self.left_on = date_edit(_("Last day on roll"), date.today(), self)
        self.destination = QComboBox(self)
        self.destination.setEditable(True)
        self.destination.setAccessibleName(_("Destination"))
        self.destination.setMinimumContentsLength(42)
        self.destination.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.destination.addItem("")
        for text in DESTINATIONS:
            self.destination.addItem(_(text))
        line = self.destination.lineEdit()
        if line is not None:  # always: the box is editable
            line.setPlaceholderText(_("Where the pupil went, e.g. the new school"))
        self.reason = QPlainTextEdit(self)
        self.reason.setAccessibleName(_("Reason for leaving"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(80)
        self.general = ErrorLabel(self)
        self.errors = FieldErrors(self.general)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.errors.add_row(form, _("Last day"), self.left_on, _("&Last day on roll:"))
        self.errors.labels[_("Last day on roll")] = self.errors.labels[_("Last day")]
        self.errors.add_row(form, _("Destination"), self.destination, _("&Destination:"))
        self.errors.add_row(form, _("Reason"), self.reason, _("&Reason:"))
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            _("&Mark as left"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.blocker)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.left_on.setFocus()
        self.watch_input()

    def save(self) -> None:
        self.submit(self._operation, self.left.emit, errors=self.errors, button=self.save_button)

    def _operation(self) -> Call[LeaverRow]:
        return self.ctx.op(
            mark_pupil_left,
            self.pupil_id,
            optional_date(self.left_on),
            self.destination.currentText(),
            self.reason.toPlainText(),
            date.today(),
        )
