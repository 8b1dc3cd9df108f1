"""Small dialogs for status moves: the day of a referral or start, and ending with an outcome.

Ending needs an outcome: the LA watches where pupils go next (and re-referrals) to see whether
returns to school last. The dialog writes through placement_actions itself, so the end pack is
queued in the same transaction and a refused end keeps what the person typed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _
from apdesk.models.errors import ValidationError
from apdesk.services.placement_actions import end, outcome_choices
from apdesk.services.placements import PlacementResult
from apdesk.store import Store
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.binding import text_box
from apdesk.ui.widgets.fields import DateField


class DayDialog(QDialog):
    """Asks for the day something happened (referred, started); today by default."""

    def __init__(self, title: str, prompt: str, day: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.day = DateField(prompt, self)
        self.day.set_value(day)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(prompt + ":", self.day)
        form.addRow(buttons)

    def value(self) -> date:
        return self.day.value() or date.today()


class EndPlacementDialog(QDialog):
    def __init__(
        self, ctx: AppContext, placement_id: int, pupil_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.placement_id = ctx, placement_id
        self.result_value: PlacementResult | None = None
        self.setWindowTitle(_("End placement"))
        self.setAccessibleName(self.windowTitle())
        intro = QLabel(
            _("End {name}'s placement. Record where the pupil went next.").format(name=pupil_name)
        )
        intro.setWordWrap(True)
        self.outcome = QComboBox(self)
        self.outcome.setAccessibleName(_("Outcome"))
        self.outcome.addItem(_("Choose the outcome…"), "")
        for value, label in outcome_choices():
            self.outcome.addItem(label, value)
        self.ended_on = DateField(_("Ended on"), self)
        self.ended_on.set_value(date.today())
        self.destination = QLineEdit(self)
        self.destination.setAccessibleName(_("Destination"))
        self.destination.setPlaceholderText(_("e.g. the school or college (optional)"))
        self.notes = text_box(_("Notes"), 3)
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.end_button = buttons.addButton(
            _("&End placement"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.end_button.clicked.connect(self.submit)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_("Outcome") + ":", self.outcome)
        form.addRow(_("Ended on") + ":", self.ended_on)
        form.addRow(_("Destination") + ":", self.destination)
        form.addRow(_("Notes") + ":", self.notes)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(580, self.sizeHint().height())

    def submit(self) -> None:
        outcome = str(self.outcome.currentData() or "")
        ended_on = self.ended_on.value()
        if not outcome:
            self.error.show_message(_("Outcome: choose where the pupil went next."))
            self.outcome.setFocus()
            return
        if ended_on is None:
            self.error.show_message(_("Ended on: enter the last day of the placement."))
            self.ended_on.setFocus()
            return
        self.error.show_message("")
        placement_id, notes, destination = (
            self.placement_id,
            self.notes.toPlainText(),
            self.destination.text(),
        )

        def write(store: Store) -> PlacementResult:
            with store.session() as session:
                return end(
                    session,
                    placement_id,
                    outcome,
                    ended_on,
                    notes,
                    today=date.today(),
                    destination=destination,
                )

        self.end_button.setEnabled(False)
        self.ctx.write(write, self._ended, self._failed)

    def _ended(self, result: PlacementResult) -> None:
        self.result_value = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.end_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.error.show_message(str(exc))
        else:
            self.error.show_message(describe_error(exc))
