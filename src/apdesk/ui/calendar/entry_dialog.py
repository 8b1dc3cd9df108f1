"""Add or change one term or closure. Saving runs one operation and says what it changed
("1 review moves; 4 expected sessions no longer expected")."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _
from apdesk.models.school import ClosureKind
from apdesk.services.operations.calendar import (
    CalendarChange,
    add_calendar_entry,
    edit_calendar_entry,
)
from apdesk.services.school_calendar import KIND_LABELS, CalendarEntry
from apdesk.ui.core.context import AppContext, Call
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.forms import FieldErrors, date_edit, name_buttons, to_date
from apdesk.ui.widgets.guard import GuardedDialog


class EntryDialog(GuardedDialog):
    """`entry.key` empty adds a new entry; otherwise changes that one."""

    saved = Signal(object)  # the CalendarChange, after it committed

    def __init__(
        self, ctx: AppContext, entry: CalendarEntry, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.key = entry.key
        title = _("Add to the calendar") if not entry.key else _("Change a calendar entry")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(480)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(_("Kind"))
        for value, label in KIND_LABELS.items():
            self.kind.addItem(_(label), value)
        self.kind.setCurrentIndex(max(self.kind.findData(entry.kind), 0))
        self.first = date_edit(_("First day"), entry.first, self)
        self.last = date_edit(_("Last day"), entry.last, self)
        self.last.reference = self.first.value
        self.label = QLineEdit(entry.label, self)
        self.label.setAccessibleName(_("Label"))
        self.label.setPlaceholderText(_("e.g. Autumn half term"))
        self.reason = QLineEdit(entry.reason, self)
        self.reason.setAccessibleName(_("Reason"))
        self.reason.setPlaceholderText(_("needed for an unexpected closure, e.g. heating failure"))
        self.general = ErrorLabel(self)
        self.errors = FieldErrors(self.general)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.errors.add_row(form, _("Kind"), self.kind, _("&Kind:"))
        self.errors.add_row(form, _("First day"), self.first, _("&First day:"))
        self.errors.add_row(form, _("Last day"), self.last, _("&Last day:"))
        self.errors.add_row(form, _("Label"), self.label, _("La&bel:"))
        self.errors.add_row(form, _("Reason"), self.reason, _("&Reason:"))
        self.errors.labels[_("Term dates")] = self.errors.labels[_("First day")]
        note = QLabel(
            _(
                "Saving moves reviews that fall on a day now closed to the next school day, "
                "and says what else changed."
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(_("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.general)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.kind.setFocus()
        self.watch_input()

    def _kind_changed(self) -> None:
        unexpected = self.kind.currentData() == ClosureKind.UNEXPECTED.value
        self.reason.setPlaceholderText(
            _("why the school closed, e.g. heating failure") if unexpected else _("optional")
        )

    def entry(self) -> CalendarEntry:
        return CalendarEntry(
            str(self.kind.currentData()),
            to_date(self.first),
            to_date(self.last),
            self.label.text(),
            self.reason.text(),
            self.key,
        )

    def save(self) -> None:
        self.submit(self._operation, self.saved.emit, errors=self.errors, button=self.save_button)

    def _operation(self) -> Call[CalendarChange]:
        entry, today = self.entry(), date.today()
        if self.key:
            return self.ctx.op(edit_calendar_entry, self.key, entry, today)
        return self.ctx.op(add_calendar_entry, entry, today)
