"""Add or edit one of a pupil's contacts (parent, carer, social worker)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _
from apdesk.models.errors import ValidationError
from apdesk.services.operations.pupils import add_contact, edit_contact
from apdesk.services.pupils import ContactInput
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.guard import GuardedDialog


class ContactEditor(GuardedDialog):
    """`contact_id` None adds a contact to `pupil_id`; otherwise edits that contact."""

    def __init__(
        self,
        ctx: AppContext,
        pupil_id: int,
        data: ContactInput | None = None,
        contact_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pupil_id = pupil_id
        self.contact_id = contact_id
        title = _("New contact") if contact_id is None else _("Edit contact")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        data = data or ContactInput()
        self.name = QLineEdit(data.name)
        self.relationship = QLineEdit(data.relationship)
        self.relationship.setPlaceholderText(_("e.g. Mother, Foster carer, Social worker"))
        self.phone = QLineEdit(data.phone)
        self.email = QLineEdit(data.email)
        self.address = QPlainTextEdit(data.address)
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.address.fontMetrics().lineSpacing() * 3 + 12)
        self.responsibility = QCheckBox(_("Has &parental responsibility"))
        self.responsibility.setChecked(data.parental_responsibility)
        self.fields: dict[str, QWidget] = {
            "Name": self.name,
            "Relationship": self.relationship,
            "Phone": self.phone,
            "Email": self.email,
            "Address": self.address,
        }
        form = QFormLayout()
        captions = {
            "Name": _("&Name"),
            "Relationship": _("&Relationship"),
            "Phone": _("P&hone"),
            "Email": _("&Email"),
            "Address": _("&Address"),
        }
        for key, widget in self.fields.items():
            widget.setAccessibleName(_(key))
            form.addRow(captions[key], widget)
        self.responsibility.setAccessibleName(_("Has parental responsibility"))
        form.addRow("", self.responsibility)
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("&Save"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())
        self.watch_input()

    def input(self) -> ContactInput:
        return ContactInput(
            name=self.name.text(),
            relationship=self.relationship.text().strip(),
            phone=self.phone.text(),
            email=self.email.text(),
            address=self.address.toPlainText().strip(),
            parental_responsibility=self.responsibility.isChecked(),
        )

    def save(self) -> None:
        self.error.show_message("")
        data = self.input()
        if self.contact_id is None:
            call = self.ctx.op(add_contact, self.pupil_id, data)
        else:
            call = self.ctx.op(edit_contact, self.contact_id, data)
        call.success(lambda _id: self._saved()).failure(self._refused).run()

    def _saved(self) -> None:
        self.mark_saved()
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            fix = f" — {exc.fix}" if exc.fix else ""
            self.error.show_message(f"{exc.label}: {exc.message}{fix}.")
            widget = self.fields.get(exc.field)
            if widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.error.show_message(describe_error(exc))
