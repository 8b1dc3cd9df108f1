"""End a placement with its outcome. The outcome is required (the LA counts them), the end
pack for the LA is queued in the same transaction, and a return to mainstream gets its 6- and
12-week follow-ups stored so they show up as due."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _
from apdesk.models.enums import PlacementOutcome
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.plans.data import end_and_follow_up
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.forms import FieldErrors, date_edit, name_buttons, to_date


class EndPlacementDialog(QDialog):
    def __init__(
        self, ctx: AppContext, placement_id: int, pupil_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.placement_id = placement_id
        self.follow_ups = 0
        self.setWindowTitle(_("End placement"))
        self.setAccessibleName(_("End placement"))
        self.setMinimumWidth(520)
        intro = QLabel(
            _("End {name}'s placement. Choose where they went next.").format(name=pupil_name), self
        )
        intro.setWordWrap(True)
        self.outcome = QComboBox(self)
        self.outcome.setAccessibleName(_("Outcome"))
        self.outcome.addItem(_("Choose an outcome…"), "")
        for outcome in PlacementOutcome:
            self.outcome.addItem(_(outcome.label), outcome.value)
        self.ended_on = date_edit(_("Ended on"), date.today(), self)
        self.notes = QPlainTextEdit(self)
        self.notes.setAccessibleName(_("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        self.general = ErrorLabel(self)
        self.errors = FieldErrors(self.general)
        form = QFormLayout()
        self.errors.add_row(form, _("Outcome"), self.outcome, _("&Outcome:"))
        self.errors.add_row(form, _("End"), self.ended_on, _("&Ended on:"))
        form.addRow(_("&Notes:"), self.notes)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            _("&End placement"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)

    def set_outcome(self, outcome: PlacementOutcome) -> None:
        self.outcome.setCurrentIndex(self.outcome.findData(outcome.value))

    def save(self) -> None:
        outcome = str(self.outcome.currentData() or "") or None
        ended_on, notes, pid = to_date(self.ended_on), self.notes.toPlainText(), self.placement_id

        def work(store: Store) -> int:
            with store.session() as s:
                return end_and_follow_up(s, pid, outcome, ended_on, notes, date.today())

        self.errors.clear()
        self.save_button.setEnabled(False)
        self.ctx.write(work, self._saved, self._refused)

    def _saved(self, follow_ups: int) -> None:
        self.save_button.setEnabled(True)
        self.follow_ups = follow_ups
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc)
