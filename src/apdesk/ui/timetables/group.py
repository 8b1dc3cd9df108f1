"""The group view: who is in the IAP base in each lesson of the week around a date, and who is
staffing it. Problems are written in the cell, not only coloured. Read when first shown, then
again whenever a timetable, group, pupil or the school's day changes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from apdesk.i18n import _, format_date, ngettext
from apdesk.models.kinds import Kind
from apdesk.models.timetable_grid import DAY_NAMES, DAYS
from apdesk.services.timetables import GroupView, group_view
from apdesk.services.timetables.groups import GroupCell, list_groups
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.follow import ChangeFollower, Latest
from apdesk.ui.timetables.widgets import buddy, date_edit, picked

SHOWS = frozenset(
    {
        Kind.TIMETABLE_VERSION,
        Kind.TIMETABLE_SLOT,
        Kind.TIMETABLE_STATE,
        Kind.IAP_GROUP,
        Kind.PUPIL,
        Kind.PERIOD,
    }
)


def group_choices(session: Session) -> list[tuple[int, str]]:
    return [(g.id or 0, g.name) for g in list_groups(session)]


def cell_text(cell: GroupCell, capacity: int) -> str:
    if not cell.pupils:
        return _("No one in the base")
    lines = [
        _("{n} of {cap} places · {s} staff").format(
            n=len(cell.pupils), cap=capacity, s=len(cell.staff)
        )
    ]
    if cell.over_capacity:
        lines.insert(0, _("OVER CAPACITY"))
    if len(cell.staff) < 2:
        lines.insert(0, _("FEWER THAN TWO STAFF"))
    lines += [f"{name} · {activity}" for _pid, name, activity in cell.pupils]
    return "\n".join(lines)


class GroupViewPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: GroupView | None = None
        self.group = QComboBox(self)
        self.group.setAccessibleName(_("IAP group"))
        self.group.setMinimumContentsLength(16)
        self.on_date = date_edit(self, date.today(), _("Week of"))
        self.staff = QLabel(self)
        self.staff.setWordWrap(True)
        self.staff.setAccessibleName(_("Group staffing"))
        self.table = QTableWidget(self)
        self.table.setAccessibleName(_("Who is in the base in each lesson"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        top.addWidget(buddy(_("&Group:"), self.group))
        top.addWidget(self.group)
        top.addSpacing(12)
        top.addWidget(buddy(_("&Week of:"), self.on_date))
        top.addWidget(self.on_date)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.staff)
        layout.addWidget(self.table, 1)
        self.group.currentIndexChanged.connect(self.refresh)
        self.on_date.dateChanged.connect(self.refresh)
        self.loaded = False  # read when first shown: the tab may never be opened
        self.answer = Latest()  # the group and week last chosen are the ones shown
        self.follower = ChangeFollower(self, ctx, SHOWS, lambda _changes: self.load_groups())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.loaded:
            self.load_groups()

    def load_groups(self) -> None:
        if self.ctx.is_unlocked:
            self.loaded = True
            self.ctx.query(group_choices).success(self._show_groups).run()

    def _show_groups(self, groups: list[tuple[int, str]]) -> None:
        chosen = self.group.currentData()
        self.group.blockSignals(True)
        self.group.clear()
        for gid, name in groups:
            self.group.addItem(name, gid)
        if chosen is not None and self.group.findData(chosen) >= 0:
            self.group.setCurrentIndex(self.group.findData(chosen))
        self.group.blockSignals(False)
        if not groups:
            self.staff.setText(_("No IAP group yet: groups are set up with the school's day."))
            self.table.clear()
            return
        self.refresh()

    def refresh(self) -> None:
        gid = self.group.currentData()
        if gid is None or not self.ctx.is_unlocked:
            return
        show = self.answer.ask(self.show_view)
        self.ctx.query(group_view, gid, picked(self.on_date)).success(show).run()

    def show_view(self, view: GroupView) -> None:
        self.view = view
        on_date = picked(self.on_date)
        structure = view.structure
        week = structure.week_of(on_date)
        lessons = structure.lessons
        staff = ", ".join(view.staff) or _("no staff named")
        where = f" ({view.room})" if view.room else ""
        cycle = _(", week {n} of the cycle").format(n=week) if structure.cycle_weeks > 1 else ""
        self.staff.setText(
            _(
                "{name}{where}: capacity {cap}; staff {staff}. Timetables in force on "
                "{day}{cycle}; busiest lesson: {busy}."
            ).format(
                name=view.name,
                where=where,
                cap=view.capacity,
                staff=staff,
                day=format_date(on_date),
                cycle=cycle,
                busy=ngettext("{n} pupil", "{n} pupils", view.busiest()).format(n=view.busiest()),
            )
        )
        self.table.clear()
        self.table.setRowCount(len(lessons))
        self.table.setColumnCount(len(DAYS))
        self.table.setHorizontalHeaderLabels([_(DAY_NAMES[d]) for d in DAYS])
        self.table.setVerticalHeaderLabels([f"{p.label}\n{p.times}" for p in lessons])
        for row, period in enumerate(lessons):
            for column, day in enumerate(DAYS):
                cell = view.cells.get((week, day, period.number), GroupCell(staff=view.staff))
                item = QTableWidgetItem(cell_text(cell, view.capacity))
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                if cell.over_capacity or len(cell.staff) < 2:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
