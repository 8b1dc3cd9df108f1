"""Asking why a mark is being changed: the register keeps the original and the reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _, format_date
from apdesk.models.codes import meaning_words
from apdesk.models.enums import Session as AmPm
from apdesk.ui.register.words import half_text
from apdesk.ui.widgets.basics import ErrorLabel


@dataclass(frozen=True)
class Change:
    """One mark to write, as the page hands it to the service."""

    pupil_id: int
    name: str
    day: date
    half: AmPm
    old: str | None
    new: str


def describe_code(code: str | None) -> str:
    """The code and its meaning as "N: Reason for absence not yet established": a meaning
    such as "Present (morning)" has brackets of its own, so it is not put in brackets."""
    if not code:
        return _("no mark")
    meaning = meaning_words(code)
    return _("{code}: {meaning}").format(code=code, meaning=meaning) if meaning else code


class AmendDialog(QDialog):
    """Old code, new code and a required reason; accepted only with a reason."""

    def __init__(self, change: Change, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.change = change
        self.setWindowTitle(_("Amend a mark"))
        self.setAccessibleName(_("Amend a mark"))
        intro = QLabel(
            _(
                "{name}, {day} {half}. The register keeps the original mark; say why it is "
                "being changed."
            ).format(name=change.name, day=format_date(change.day), half=half_text(change.half))
        )
        intro.setWordWrap(True)
        self.old = QLabel(describe_code(change.old))
        self.new = QLabel(describe_code(change.new))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(_("Reason for the amendment"))
        self.reason.setPlaceholderText(_("e.g. provider corrected its return"))
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(_("Recorded:"), self.old)
        form.addRow(_("Change to:"), self.new)
        reason_label = QLabel(_("&Reason:"))
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("&Amend"))
        ok.setAccessibleName(_("Record the amendment"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.reason.setFocus()

    def accept(self) -> None:
        if not self.reason.text().strip():
            self.error.show_message(_("Reason: say why the mark is being changed."))
            self.reason.setFocus()
            return
        super().accept()

    def reason_text(self) -> str:
        return self.reason.text().strip()
