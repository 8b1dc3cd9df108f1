"""The small dialog for a status move: the day a placement was referred or started.

Ending asks for more (outcome, destination, notes): that is `end_dialog.EndPlacementDialog`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QWidget

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
