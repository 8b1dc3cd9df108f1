"""The pages of the set-up wizard: school details, how to reach the school (optional: address,
phone, email and logo for every document's letterhead), passphrase, recovery key."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from apdesk.i18n import N_, _
from apdesk.models.errors import ValidationError
from apdesk.models.school import SchoolDetails
from apdesk.store import Store
from apdesk.ui.widgets.basics import (
    BusyBar,
    ErrorLabel,
    PassphraseInput,
    StrengthMeter,
    monospace_font,
)
from apdesk.ui.widgets.logo_field import LogoField
from apdesk.ui.widgets.value_label import ValueLabel


class StoreMaker(Protocol):
    """What the passphrase and recovery pages ask of the wizard that holds them."""

    @property
    def store(self) -> Store | None: ...
    @property
    def recovery_key(self) -> str: ...

    def create_store(
        self, passphrase: str, on_done: Callable[[object], None], on_error: Callable[[str], None]
    ) -> None: ...


# (SchoolDetails attribute, which a ValidationError names; label; placeholder)
SCHOOL_FIELDS = (
    ("name", N_("School &name"), N_("Riverside Academy")),
    ("urn", "&URN", N_("6 digits")),
    ("la_code", N_("&LA code"), N_("3 digits, e.g. 855")),
    ("estab", N_("&Establishment number"), N_("4 digits, e.g. 4001")),
    ("key_contact_name", N_("Key &contact"), N_("Name of the AP lead")),
    ("key_contact_role", N_("Contact &role"), N_("e.g. Assistant head (inclusion)")),
    ("key_contact_phone", N_("Contact &phone"), ""),
    ("key_contact_email", N_("Contact &email"), ""),
)


class SchoolPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(_("Your school"))
        self.setSubTitle(
            _("These details go on referral forms and letters. Only the name is needed now.")
        )
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for attr, label, placeholder in SCHOOL_FIELDS:
            edit = QLineEdit(self)
            edit.setAccessibleName(_(label.replace("&", "")))
            if placeholder:
                edit.setPlaceholderText(_(placeholder))
            form.addRow(_(label) + ":", edit)
            self.edits[attr] = edit
        self.registerField("name*", self.edits["name"])
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def details(self) -> SchoolDetails:
        return SchoolDetails().model_copy(
            update={attr: edit.text().strip() for attr, edit in self.edits.items()}
        )

    def validatePage(self) -> bool:
        try:
            self.details().validate()
        except ValidationError as exc:
            self.error.show_message(str(exc))
            edit = self.edits.get(exc.field)
            if edit is not None:
                edit.setFocus()
                edit.selectAll()
            return False
        self.error.show_message("")
        return True


# (SchoolDetails attribute, which a ValidationError names; label; placeholder)
CONTACT_FIELDS = (
    ("address", N_("&Address"), N_("1 Mill Lane, Northbridge, NB1 2AP")),
    ("phone", N_("P&hone"), N_("e.g. 01632 960000")),
    ("email", N_("E&mail"), N_("e.g. office@school.example")),
)


class ContactPage(QWizardPage):
    """Optional: what prints under the school's name on every form and letter."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(_("How to reach the school"))
        self.setSubTitle(
            _(
                "Printed under the school's name at the top of every form and letter. All "
                "optional: File › School details changes them later."
            )
        )
        self.edits: dict[str, QLineEdit] = {}
        self.by_error_field: dict[str, QWidget] = {}
        form = QFormLayout()
        for attr, label, placeholder in CONTACT_FIELDS:
            edit = QLineEdit(self)
            edit.setAccessibleName(_(label.replace("&", "")))
            edit.setPlaceholderText(_(placeholder))
            form.addRow(_(label) + ":", edit)
            self.edits[attr] = edit
            self.by_error_field[attr] = edit
        self.logo = LogoField(b"", self)
        form.addRow(_("L&ogo") + ":", self.logo)
        self.by_error_field["logo"] = self.logo
        self.error = ErrorLabel(self)
        self.logo.problem.connect(self.error.show_message)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def values(self) -> dict[str, str | bytes]:
        found: dict[str, str | bytes] = {a: e.text().strip() for a, e in self.edits.items()}
        found["logo"] = self.logo.logo()
        return found

    def validatePage(self) -> bool:
        try:
            SchoolDetails().model_copy(update=self.values()).validate()
        except ValidationError as exc:
            self.error.show_message(str(exc))
            widget = self.by_error_field.get(exc.field)
            if widget is not None:
                widget.setFocus()
            return False
        self.error.show_message("")
        return True


class PassphrasePage(QWizardPage):
    """Committing this page creates the store (on the worker); there is no going back after."""

    def __init__(self, maker: StoreMaker) -> None:
        super().__init__()
        self.maker = maker
        self.setTitle(_("Passphrase"))
        self.setSubTitle(
            _(
                "The store is encrypted. On this computer it opens by itself through the system "
                "keyring; anywhere else it needs this passphrase."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, _("Create the store"))
        self.passphrase = PassphraseInput(_("Passphrase"), self)
        self.again = PassphraseInput(_("Passphrase again"), self)
        self.meter = StrengthMeter(self)
        self.passphrase.edit.secret_changed.connect(self.meter.update_for)
        self.passphrase.edit.textChanged.connect(self.completeChanged)
        self.again.edit.textChanged.connect(self.completeChanged)
        self.error = ErrorLabel(self)
        self.busy = BusyBar(self)
        form = QFormLayout()
        form.addRow(_("&Passphrase:"), self.passphrase)
        form.addRow(_("&Again:"), self.again)
        form.addRow("", self.meter)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        # Tab goes from the passphrase to its confirmation; the Show buttons come after.
        # (The second box itself stands before its line: it hands focus to the line.)
        order = (self.passphrase.edit, self.again, self.again.edit, self.passphrase.toggle,
                 self.again.toggle)  # fmt: skip
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self.creating = False

    def isComplete(self) -> bool:
        return bool(self.passphrase.text() and self.again.text()) and not self.creating

    def validatePage(self) -> bool:
        if self.maker.store is not None:
            return True
        strength = self.meter.update_for(self.passphrase.text())
        if not strength.acceptable:
            self.error.show_message(_("Passphrase: {hint}").format(hint=strength.hint))
            return False
        if self.passphrase.text() != self.again.text():
            self.error.show_message(_("The two passphrases differ: type the same one twice."))
            return False
        self.error.show_message("")
        self._set_creating(True)
        self.maker.create_store(self.passphrase.text(), self._created, self._failed)
        return False  # the wizard moves on by itself once the store exists

    def _created(self, _value: object) -> None:
        self._set_creating(False)
        QTimer.singleShot(0, self.wizard().next)

    def _failed(self, message: str) -> None:
        self._set_creating(False)
        self.error.show_message(message)

    def _set_creating(self, creating: bool) -> None:
        self.creating = creating
        self.busy.setVisible(creating)
        self.passphrase.setEnabled(not creating)
        self.again.setEnabled(not creating)
        self.completeChanged.emit()


class RecoveryPage(QWizardPage):
    """The recovery key, shown once; Finish waits for the person to say they kept it."""

    def __init__(self, maker: StoreMaker) -> None:
        super().__init__()
        self.maker = maker
        self.setTitle(_("Recovery key"))
        self.setSubTitle(
            _(
                "If the passphrase is forgotten, this key is the only way into the store. "
                "It is shown once: print it or write it down, and keep it locked away."
            )
        )
        self.key_label = ValueLabel(_("Recovery key"), "", self)
        self.key_label.setFont(monospace_font(1.6))
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setWordWrap(True)
        self.key_label.setFrameShape(QLabel.Shape.StyledPanel)
        self.key_label.setMargin(12)
        self.print_button = QPushButton(_("&Print…"), self)
        self.print_button.setAccessibleName(_("Print the recovery key"))
        self.pdf_button = QPushButton(_("&Save as PDF…"), self)
        self.pdf_button.setAccessibleName(_("Save the recovery key as a PDF"))
        self.copy_button = QPushButton(_("&Copy"), self)
        self.copy_button.setAccessibleName(_("Copy the recovery key"))
        self.copy_button.clicked.connect(self.copy)
        self.confirm = QCheckBox(_("I have &printed or written down the recovery key"), self)
        self.confirm.setAccessibleName(_("I have printed or written down the recovery key"))
        self.confirm.toggled.connect(self.completeChanged)
        self.registerField("recovery_kept*", self.confirm)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.key_label)
        layout.addLayout(buttons)
        layout.addSpacing(12)
        layout.addWidget(self.confirm)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.key_label.setText(self.maker.recovery_key)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.key_label.text())

    def isComplete(self) -> bool:
        return self.confirm.isChecked()
