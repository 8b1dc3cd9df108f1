"""The school's details as they go on referral forms, letters and packs to the LA: every
document's letterhead prints the address, phone, email and logo set here."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from apdesk.i18n import N_, _
from apdesk.services.operations.setup import save_school_profile
from apdesk.services.school import SchoolDetails
from apdesk.ui.core.context import AppContext
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.forms import FieldErrors, name_buttons
from apdesk.ui.widgets.guard import GuardedDialog
from apdesk.ui.widgets.logo_field import LogoField

# (attribute, which a ValidationError names; caption)
DETAIL_FIELDS = (
    ("name", N_("School &name:")),
    ("urn", N_("&URN:")),
    ("la_code", N_("&LA code:")),
    ("estab", N_("&Establishment number:")),
    ("address", N_("&Address:")),
    ("phone", N_("P&hone:")),
    ("email", N_("E&mail:")),
    ("key_contact_name", N_("Key &contact:")),
    ("key_contact_role", N_("Contact's &role:")),
    ("key_contact_phone", N_("Contact's p&hone:")),
    ("key_contact_email", N_("Contact's e&mail:")),
)


class SchoolDetailsDialog(GuardedDialog):
    saved = Signal()

    def __init__(
        self, ctx: AppContext, details: SchoolDetails, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("School details"))
        self.setAccessibleName(_("School details"))
        self.setMinimumWidth(520)
        self.edits: dict[str, QLineEdit] = {}
        self.general = ErrorLabel(self)
        self.errors = FieldErrors(self.general)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for attr, caption in DETAIL_FIELDS:
            edit = QLineEdit(getattr(details, attr), self)
            edit.setAccessibleName(_(caption).replace("&", "").rstrip(":"))
            self.errors.add_row(form, attr, edit, _(caption))
            self.edits[attr] = edit
        self.logo = LogoField(details.logo, self)
        logo_error = self.errors.add_row(form, "logo", self.logo, _("L&ogo:"))
        self.logo.problem.connect(logo_error.show_message)
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
        self.edits["name"].setFocus()
        self.watch_input()

    def details(self) -> SchoolDetails:
        values = {attr: edit.text().strip() for attr, edit in self.edits.items()}
        return SchoolDetails(**values, logo=self.logo.logo())

    def save(self) -> None:
        self.submit(
            lambda: self.ctx.op(save_school_profile, self.details()),
            lambda _value: self.saved.emit(),
            errors=self.errors,
            button=self.save_button,
            refused=self._refused,
        )

    def _refused(self, exc: BaseException) -> bool:
        self.errors.show(exc)
        self.adjustSize()  # room for a message that wraps (longer words in other languages)
        return True
