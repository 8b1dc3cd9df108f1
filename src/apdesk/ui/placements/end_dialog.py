"""End a placement: the one dialog the Placements and Plans pages both open.

It asks for the outcome (required: the LA counts them), the last day, where the pupil went next
and any notes, and runs the one `end_placement` operation: the placement ends, a return gets its
6- and 12-week follow-ups and the LA's end pack is queued, in one transaction. A refusal puts the
message beside the field it names and keeps everything typed; closing with something typed asks
first, as every editor does.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _
from apdesk.models.enums import PlacementOutcome
from apdesk.services.operations.placements import PlacementEnded, end_placement
from apdesk.services.placement_actions import outcome_choices
from apdesk.ui.core.context import AppContext, Call
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.forms import FieldErrors, date_edit, name_buttons, to_date
from apdesk.ui.widgets.guard import GuardedDialog, ask_go_or_stay


class EndPlacementDialog(GuardedDialog):
    ended = Signal(object)  # the PlacementEnded, after the operation committed
    asks_on_its_own = True  # its save ends the placement: never part of a "Save all"

    def ask(self) -> QMessageBox.StandardButton:
        """Its Save cannot be undone, so closing asks about closing, not about saving."""
        return ask_go_or_stay(
            self,
            _("End placement"),
            _("Close without ending the placement?"),
            _("&Discard"),
            _("&Keep editing"),
            _("Your notes will be lost."),
            QMessageBox.Icon.Warning,
        )

    def __init__(
        self, ctx: AppContext, placement_id: int, pupil_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.placement_id = placement_id
        self.result_value: PlacementEnded | None = None
        self.setWindowTitle(_("End placement"))
        self.setAccessibleName(_("End placement"))
        self.setMinimumWidth(540)
        intro = QLabel(
            _("End {name}'s placement. Record where the pupil went next.").format(name=pupil_name),
            self,
        )
        intro.setWordWrap(True)
        self.outcome = QComboBox(self)
        self.outcome.setAccessibleName(_("Outcome"))
        self.outcome.addItem(_("Choose the outcome…"), "")
        for value, label in outcome_choices():
            self.outcome.addItem(label, value)
        self.ended_on = date_edit(_("Ended on"), date.today(), self)
        self.destination = QLineEdit(self)
        self.destination.setAccessibleName(_("Destination"))
        self.destination.setPlaceholderText(_("e.g. the school or college (optional)"))
        self.notes = QPlainTextEdit(self)
        self.notes.setAccessibleName(_("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        self.general = ErrorLabel(self)
        self.errors = FieldErrors(self.general)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.errors.add_row(form, _("Outcome"), self.outcome, _("&Outcome:"))
        ended_error = self.errors.add_row(form, _("End"), self.ended_on, _("Ended o&n:"))
        self.errors.labels[_("Ended on")] = ended_error  # a date that is not a date
        self.errors.add_row(form, _("Destination"), self.destination, _("&Destination:"))
        self.errors.add_row(form, _("Notes"), self.notes, _("No&tes:"))
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            _("&End placement"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.outcome.setFocus()
        self.watch_input()

    def set_outcome(self, outcome: PlacementOutcome) -> None:
        self.outcome.setCurrentIndex(self.outcome.findData(outcome.value))

    def save(self) -> None:
        self.submit(self._operation, self._ended, errors=self.errors, button=self.save_button)

    def _operation(self) -> Call[PlacementEnded]:
        return self.ctx.op(
            end_placement,
            self.placement_id,
            str(self.outcome.currentData() or "") or None,
            to_date(self.ended_on),
            self.destination.text(),
            self.notes.toPlainText(),
            date.today(),
        )

    def _ended(self, ended: PlacementEnded) -> None:
        self.result_value = ended
        self.ended.emit(ended)
