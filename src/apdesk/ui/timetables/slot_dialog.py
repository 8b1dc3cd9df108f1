"""A small dialog for a slot's details: the lesson (subject, class, teacher), the IAP session,
or the off-site placement. Opened with Enter or F2 on a cell, or when a letter needs more."""

from __future__ import annotations

from collections.abc import Sequence

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
from apdesk.models.enums import SlotKind
from apdesk.models.errors import ValidationError
from apdesk.models.timetable_grid import CellKey
from apdesk.services.timetables import SlotValue, set_slot
from apdesk.ui.timetables.widgets import name_controls
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.guard import GuardedDialog

KINDS = (SlotKind.MAINSTREAM, SlotKind.IAP, SlotKind.OFFSITE, SlotKind.SOCIAL)


class SlotDialog(GuardedDialog):
    def __init__(
        self,
        key: CellKey,
        where: str,
        value: SlotValue | None,
        kind: SlotKind,
        activities: Sequence[str],
        placements: Sequence[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.value: SlotValue | None = None
        self.setWindowTitle(where)  # whose timetable and which slot: "Jay Southgate: Monday P1"
        self.kind = QComboBox(self)
        for k in KINDS:
            self.kind.addItem(_(k.label))
        self.kind.setCurrentIndex(KINDS.index(kind))
        self.kind.setAccessibleName(_("Kind of slot"))
        current = value or SlotValue(kind)
        self.subject = self._line(current.subject, _("Subject"), _("e.g. Maths"))
        self.class_code = self._line(current.class_code, _("Class"), _("e.g. 9X/Ma1"))
        self.teacher = self._line(current.teacher, _("Teacher"), _("e.g. Mr Patel"))
        self.activity = QComboBox(self)
        self.activity.setEditable(True)
        self.activity.addItems(list(activities))
        self.activity.setCurrentText(current.activity)
        self.activity.setAccessibleName(_("Activity"))
        self.placement = QComboBox(self)
        self.placement.setAccessibleName(_("Off-site placement"))
        for pid, label in placements:
            self.placement.addItem(label, pid)
        if current.placement_id is not None:
            self.placement.setCurrentIndex(max(0, self.placement.findData(current.placement_id)))
        self.error = ErrorLabel(self)
        self.note = QLabel(
            _("An IAP session keeps the lesson it replaces, so a later step can give it back."),
            self,
        )
        self.note.setWordWrap(True)
        self.form = QFormLayout()
        self.form.addRow(_("&Kind"), self.kind)
        self.form.addRow(self.note)
        self.form.addRow(_("&Subject"), self.subject)
        self.form.addRow(_("&Class"), self.class_code)
        self.form.addRow(_("&Teacher"), self.teacher)
        self.form.addRow(_("&Activity"), self.activity)
        self.form.addRow(_("&Placement"), self.placement)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        name_controls(self)
        self.kind.currentIndexChanged.connect(self._show_fields)
        self._show_fields()
        self.setMinimumWidth(380)
        self.watch_input()

    def save(self) -> None:
        """Save on the way out is OK: the slot goes into the draft if it is valid."""
        self.accept()

    def _line(self, text: str, name: str, hint: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(hint)
        return edit

    def current_kind(self) -> SlotKind:
        return KINDS[max(0, self.kind.currentIndex())]

    def _show_fields(self) -> None:
        kind = self.current_kind()
        lesson = kind in (SlotKind.MAINSTREAM, SlotKind.IAP)
        for widget, shown in (
            (self.note, kind is SlotKind.IAP),
            (self.subject, kind is not SlotKind.SOCIAL),
            (self.class_code, lesson),
            (self.teacher, lesson),
            (self.activity, kind is not SlotKind.MAINSTREAM),
            (self.placement, kind is SlotKind.OFFSITE),
        ):
            self.form.setRowVisible(widget, shown)
        self.adjustSize()

    def build(self) -> SlotValue:
        kind = self.current_kind()
        subject, class_code = self.subject.text().strip(), self.class_code.text().strip()
        teacher, activity = self.teacher.text().strip(), self.activity.currentText().strip()
        if kind is SlotKind.MAINSTREAM:
            return SlotValue.mainstream(subject, class_code, teacher)
        if kind is SlotKind.IAP:
            return SlotValue.iap(activity, subject, class_code, teacher)
        if kind is SlotKind.OFFSITE:
            placement = self.placement.currentData()
            if placement is None:
                raise ValidationError(
                    "Placement", "this pupil has no placement", "record the placement first"
                )
            return SlotValue.offsite(placement, activity, subject)
        return SlotValue.social(activity)

    def accept(self) -> None:
        try:
            value = self.build()
            set_slot({}, self.key, value)
        except ValidationError as exc:
            self.error.show_message(str(exc))
            return
        self.value = value
        self.mark_saved()
        super().accept()
