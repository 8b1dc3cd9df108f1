"""An IAP group: its name and base room, the adults with it and their roles, and how many
pupils it takes. What falls short of good practice (ten or more pupils, fewer than two staff,
no qualified teacher) is said as it is typed; the group can still be saved. A capacity lower
than saved timetables already place in the base names those periods first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _, ngettext
from apdesk.services.operations.setup import save_iap_group
from apdesk.services.timetables.group_capacity import OverCapacity
from apdesk.services.timetables.group_staff import (
    ROLES,
    SUPPORT,
    TEACHER,
    StaffMember,
    group_warnings,
)
from apdesk.services.timetables.school_setup import GroupRow
from apdesk.ui.core.context import AppContext, Call
from apdesk.ui.widgets.banner import Banner
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.forms import FieldErrors, name_buttons
from apdesk.ui.widgets.guard import GuardedDialog

LISTED = 10  # periods named in the capacity question


class GroupDialog(GuardedDialog):
    saved = Signal(int)  # the group's id

    def __init__(
        self, ctx: AppContext, group: GroupRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.group_id = group.id if group else None
        title = (
            _("New IAP group") if group is None else _("IAP group: {name}").format(name=group.name)
        )
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(560, 520)
        self.name = QLineEdit(group.name if group else "", self)
        self.name.setAccessibleName(_("Group name"))
        self.name.setPlaceholderText(_("e.g. The Bridge"))
        self.room = QLineEdit(group.room if group else "", self)
        self.room.setAccessibleName(_("Base room"))
        self.room.setPlaceholderText(_("e.g. Room 12, inclusion base"))
        self.capacity = QSpinBox(self)
        self.capacity.setRange(1, 30)
        self.capacity.setValue(group.capacity if group else 8)
        self.capacity.setAccessibleName(_("Capacity"))
        self.capacity.setSuffix(_(" pupils"))
        self.staff = QTableWidget(0, 2, self)
        self.staff.setHorizontalHeaderLabels([_("Name"), _("Role")])
        self.staff.setAccessibleName(_("Staff with the group"))
        self.staff.verticalHeader().setVisible(False)
        self.staff.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.staff.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.staff.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.staff.verticalHeader().setDefaultSectionSize(34)
        self.add_staff = QPushButton(_("Add &staff member"), self)
        self.add_staff.clicked.connect(
            lambda: self.add_member(StaffMember("", SUPPORT), focus=True)
        )
        self.remove_staff = QPushButton(_("Remo&ve staff member"), self)
        self.remove_staff.clicked.connect(self.remove_member)
        staff_buttons = QHBoxLayout()
        staff_buttons.addWidget(self.add_staff)
        staff_buttons.addWidget(self.remove_staff)
        staff_buttons.addStretch(1)
        self.advice = Banner("warning", parent=self)  # the under-ten and staffing checks
        self.general = ErrorLabel(self)
        self.errors = FieldErrors(self.general)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.errors.add_row(form, "Group name", self.name, _("&Name:"))
        self.errors.add_row(form, "Room", self.room, _("Base &room:"))
        self.errors.add_row(form, "Capacity", self.capacity, _("&Capacity:"))
        staff_caption = QLabel(_("Staff and their roles:"), self)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(_("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(staff_caption)
        layout.addWidget(self.staff, 1)
        layout.addLayout(staff_buttons)
        layout.addWidget(self.advice)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        members: Sequence[StaffMember] = (
            group.staff if group else (StaffMember("", TEACHER), StaffMember("", SUPPORT))
        )
        for member in members:
            self.add_member(member)
        self.capacity.valueChanged.connect(self._advise)
        self._advise()
        self.name.setFocus()
        self.watch_input()

    def add_member(self, member: StaffMember, focus: bool = False) -> None:
        row = self.staff.rowCount()
        self.staff.insertRow(row)
        name = QLineEdit(member.name)
        name.setAccessibleName(_("Staff name"))
        name.textChanged.connect(self._advise)
        role = QComboBox()
        role.setAccessibleName(_("Role"))
        for value, label in ROLES.items():
            role.addItem(_(label), value)
        role.setCurrentIndex(max(role.findData(member.role), 0))
        role.currentIndexChanged.connect(self._advise)
        self.staff.setCellWidget(row, 0, name)
        self.staff.setCellWidget(row, 1, role)
        if focus:
            self.staff.setCurrentCell(row, 0)
            name.setFocus()
            self._touched()
            self._advise()

    def remove_member(self) -> None:
        row = self.staff.currentRow()
        if row >= 0:
            self.staff.removeRow(row)
            self._touched()
            self._advise()

    def members(self) -> list[StaffMember]:
        out = []
        for row in range(self.staff.rowCount()):
            name: QLineEdit = self.staff.cellWidget(row, 0)  # type: ignore[assignment]
            role: QComboBox = self.staff.cellWidget(row, 1)  # type: ignore[assignment]
            out.append(StaffMember(name.text().strip(), str(role.currentData())))
        return out

    def _advise(self, *_args: object) -> None:
        warnings = group_warnings(self.capacity.value(), self.members())
        self.advice.set_message("warning", "\n".join(warnings))
        self.advice.setVisible(bool(warnings))

    def save(self, confirmed: bool = False) -> None:
        self.submit(
            lambda: self._operation(confirmed),
            self._saved,
            errors=self.errors,
            button=self.save_button,
            refused=self._over_capacity,
        )

    def _operation(self, confirmed: bool) -> Call[int]:
        return self.ctx.op(
            save_iap_group,
            self.name.text(),
            self.room.text(),
            self.members(),
            self.capacity.value(),
            self.group_id,
            date.today(),
            confirmed,
        )

    def _saved(self, group_id: int) -> None:
        self.group_id = group_id
        self.saved.emit(group_id)

    def _over_capacity(self, exc: BaseException) -> bool:
        """Fuller periods than the new capacity: ask before saving it (True: handled here)."""
        if isinstance(exc, OverCapacity):
            self.confirm_capacity(exc)
            return True
        return False

    def confirm_capacity(self, exc: OverCapacity) -> QMessageBox:
        """Name the periods already fuller than the new capacity; saving anyway is a choice."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Saved timetables fill the base"))
        box.setText(
            ngettext(
                "Saved timetables already place more pupils than {capacity} in the base in "
                "{n} period.",
                "Saved timetables already place more pupils than {capacity} in the base in "
                "{n} periods.",
                len(exc.full),
            ).format(capacity=self.capacity.value(), n=len(exc.full))
        )
        lines = [
            _("{period}: {names}").format(period=f.name, names=", ".join(f.pupils))
            for f in exc.full[:LISTED]
        ]
        if len(exc.full) > LISTED:  # a two-week cycle can fill fifty periods: keep it on screen
            more = len(exc.full) - LISTED
            lines.append(
                ngettext("and {n} more period", "and {n} more periods", more).format(n=more)
            )
        box.setInformativeText(
            "\n".join(lines)
            + "\n\n"
            + _(
                "Move pupils to other sessions in their timetables, or keep the new capacity: "
                "those periods are then shown as over capacity."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Save).setText(_("&Keep the new capacity"))
        box.accepted.connect(lambda: self.save(confirmed=True))
        box.rejected.connect(self.capacity.setFocus)
        self.capacity_box = box
        box.open()
        return box
