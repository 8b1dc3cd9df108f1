"""The School page: what a new school sets up before anything else, and keeps up all year.

Tabs: the school's details with a getting-started list, the calendar (terms and closures), the
school day and cycle, IAP groups and the named IAP sessions. Editors open as their own windows
(one per record) and never drop typed input; the page follows changes made anywhere."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _, ngettext
from apdesk.models.kinds import Kind
from apdesk.services.timetables.school_setup import SetupView, school_setup
from apdesk.ui.calendar.page import CalendarPanel
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.follow import ChangeFollower, Latest
from apdesk.ui.outbox.no_connection import open_connection_settings
from apdesk.ui.widgets.page_header import PAGE_MARGINS, PageHeader
from apdesk.ui.widgets.value_label import ValueLabel

SHOWS = frozenset(
    {
        Kind.SCHOOL,
        Kind.PERIOD,
        Kind.SETTING,
        Kind.IAP_GROUP,
        Kind.IAP_ACTIVITY,
        Kind.TERM,
        Kind.PUPIL,
        Kind.PROVIDER,
        Kind.PLACEMENT,
    }
)
DETAILS, CALENDAR, DAY, GROUPS, ACTIVITIES = range(5)
ELSEWHERE, LA_CONNECTION = -1, -2  # steps done on another page, or in File › Settings


def _button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(name)
    return button


def _table(headers: list[str], name: str, parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    if rows and table.currentRow() < 0:
        table.setCurrentCell(0, 0)


class SchoolPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.view: SetupView | None = None
        self.answer = Latest()
        self.dialog: QWidget | None = None
        self.setAccessibleName(_("School set-up"))
        self.header = PageHeader(
            _("School set-up"),
            _("The school's details, calendar, school day, IAP groups and sessions"),
            self,
        )
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(_("School set-up sections"))
        self.tabs.addTab(self._details_tab(), _("&Details"))
        self.calendar = CalendarPanel(ctx, self)
        self.tabs.addTab(self.calendar, _("&Calendar"))
        self.tabs.addTab(self._day_tab(), _("School da&y"))
        self.tabs.addTab(self._groups_tab(), _("&IAP groups"))
        self.tabs.addTab(self._activities_tab(), _("IAP &sessions"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        self.follower = ChangeFollower(self, ctx, SHOWS, lambda _c: self.reload())
        self.reload()

    # -- tabs ------------------------------------------------------------------------
    def _details_tab(self) -> QWidget:
        tab = QWidget(self)
        self.details_text = ValueLabel(_("The school's details"), "", tab)
        self.details_text.setWordWrap(True)
        self.details_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_button = _button(_("&Edit details…"), _("Edit the school's details"), tab)
        self.details_button.clicked.connect(self.edit_details)
        steps_title = QLabel(_("Getting started"), tab)
        steps_title.setProperty("role", "section")
        self.steps = QListWidget(tab)
        self.steps.setAccessibleName(_("Getting started"))
        self.steps.itemActivated.connect(self._step_chosen)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.details_text)
        layout.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(8)
        layout.addWidget(steps_title)
        layout.addWidget(self.steps, 1)
        return tab

    def _day_tab(self) -> QWidget:
        tab = QWidget(self)
        self.day_text = QLabel(tab)
        self.day_text.setWordWrap(True)
        self.periods = _table([_("Period"), _("Kind"), _("Times")], _("Periods of the day"), tab)
        self.day_button = _button(
            _("&Edit the day and cycle…"), _("Edit the school day and cycle"), tab
        )
        self.day_button.clicked.connect(self.edit_day)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.day_text)
        layout.addWidget(self.periods, 1)
        layout.addWidget(self.day_button, 0, Qt.AlignmentFlag.AlignLeft)
        return tab

    def _groups_tab(self) -> QWidget:
        tab = QWidget(self)
        self.groups = _table(
            [_("Group"), _("Base room"), _("Capacity"), _("Staff"), _("Good practice")],
            _("IAP groups"),
            tab,
        )
        self.groups.itemActivated.connect(lambda _i: self.edit_group())
        self.add_group_button = _button(_("&New group…"), _("Add an IAP group"), tab)
        self.add_group_button.clicked.connect(lambda: self.open_group(None))
        self.edit_group_button = _button(_("Edit &group…"), _("Edit the chosen group"), tab)
        self.edit_group_button.clicked.connect(self.edit_group)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_group_button)
        buttons.addWidget(self.edit_group_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.groups, 1)
        layout.addLayout(buttons)
        return tab

    def _activities_tab(self) -> QWidget:
        tab = QWidget(self)
        note = QLabel(
            _(
                "Named sessions a timetable's IAP slots can hold, each in one of the five strands "
                "of good practice: diagnosis and assessment, intervention and therapy, enrichment, "
                "vocational learning and curriculum teaching."
            ),
            tab,
        )
        note.setWordWrap(True)
        self.activities = _table([_("Session"), _("Strand"), _("Offered")], _("IAP sessions"), tab)
        self.activities.itemActivated.connect(lambda _i: self.edit_activity())
        self.add_activity_button = _button(_("New &session…"), _("Add an IAP session"), tab)
        self.add_activity_button.clicked.connect(lambda: self.open_activity(None))
        self.edit_activity_button = _button(_("Edit s&ession…"), _("Edit the chosen session"), tab)
        self.edit_activity_button.clicked.connect(self.edit_activity)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_activity_button)
        buttons.addWidget(self.edit_activity_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(note)
        layout.addWidget(self.activities, 1)
        layout.addLayout(buttons)
        return tab

    # -- reading -----------------------------------------------------------------------
    def reload(self) -> None:
        if self.ctx.is_unlocked:
            self.ctx.query(school_setup, date.today()).success(
                self.answer.ask(self.show_view)
            ).run()

    def show_view(self, view: SetupView) -> None:
        self.view = view
        d = view.details
        lines = [f"<b>{d.name or _('No name yet')}</b>"]
        ids = " · ".join(
            part
            for part in (
                _("URN {urn}").format(urn=d.urn) if d.urn else "",
                _("LA {code}").format(code=d.la_code) if d.la_code else "",
                _("establishment {n}").format(n=d.estab) if d.estab else "",
            )
            if part
        )
        if ids:
            lines.append(ids)
        if d.address:
            lines.append(d.address.replace("\n", ", "))
        reach = "   ".join(p for p in (d.phone, d.email) if p)
        if reach:
            lines.append(reach)
        if d.key_contact_name:
            lines.append(
                _("Key contact: {name}").format(
                    name=", ".join(
                        p
                        for p in (d.key_contact_name, d.key_contact_role, d.key_contact_email)
                        if p
                    )
                )
            )
        self.details_text.setText("<br>".join(lines))
        self._fill_steps(view)
        s = view.structure
        cycle = (
            _("a two-week cycle (weeks A and B)") if s.cycle_weeks == 2 else _("a one-week cycle")
        )
        lessons = len(s.lessons)
        text = ngettext(
            "{n} lesson a day, {cycle}.", "{n} lessons a day, {cycle}.", lessons
        ).format(n=lessons, cycle=cycle)
        if not view.day_saved:
            text += " " + _("This is the usual day, assumed until the school saves its own.")
        self.day_text.setText(text)
        _fill(self.periods, [(p.label, _(p.kind.label), p.times) for p in s.periods])
        _fill(
            self.groups,
            [
                (
                    g.name,
                    g.room,
                    str(g.capacity),
                    "; ".join(f"{m.name} ({m.role_label})" for m in g.staff),
                    " ".join(g.warnings) or _("Meets good practice"),
                )
                for g in view.groups
            ],
        )
        self.edit_group_button.setEnabled(bool(view.groups))
        _fill(
            self.activities,
            [
                (a.name, _(a.activity_type.label), _("Yes") if a.active else _("Retired"))
                for a in view.activities
            ],
        )

    def _fill_steps(self, view: SetupView) -> None:
        steps = (
            (
                bool(view.details.name and view.details.urn),
                _("School details with the URN"),
                DETAILS,
            ),
            (view.terms_this_year > 0, _("Term dates for this school year"), CALENDAR),
            (view.day_saved, _("The school day and cycle"), DAY),
            (bool(view.groups), _("An IAP group, if the school runs internal AP"), GROUPS),
            (view.providers > 0, _("Providers (Providers page)"), ELSEWHERE),
            (view.pupils > 0, _("Pupils, imported from the MIS (Pupils page)"), ELSEWHERE),
            (view.placements > 0, _("A first placement (Placements page)"), ELSEWHERE),
            (
                view.la_connected,
                _("The LA connection, to send packs (File › Settings › LA connection)"),
                LA_CONNECTION,
            ),
        )
        self.steps.clear()
        for done, text, tab in steps:
            mark = "✓" if done else "○"
            state = _("done") if done else _("to do")
            item = QListWidgetItem(f"{mark}  {text}")
            item.setData(Qt.ItemDataRole.UserRole, tab)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{text}: {state}")
            self.steps.addItem(item)

    def _step_chosen(self, item: QListWidgetItem) -> None:
        tab = int(item.data(Qt.ItemDataRole.UserRole))
        if tab == LA_CONNECTION:
            self.dialog = open_connection_settings(self.ctx, self)
        elif tab >= 0:
            self.tabs.setCurrentIndex(tab)

    # -- editors -----------------------------------------------------------------------
    def edit_details(self) -> QWidget | None:
        from apdesk.ui.setup.details_dialog import SchoolDetailsDialog

        if self.view is None:
            return None
        details = self.view.details
        self.dialog = self.ctx.windows.show(
            ("school", "details"), lambda: self._owned(SchoolDetailsDialog(self.ctx, details, self))
        )
        return self.dialog

    def edit_day(self) -> QWidget | None:
        from apdesk.ui.setup.day_dialog import SchoolDayDialog

        if self.view is None:
            return None
        structure = self.view.structure
        self.dialog = self.ctx.windows.show(
            ("school", "day"), lambda: self._owned(SchoolDayDialog(self.ctx, structure, self))
        )
        return self.dialog

    def open_group(self, row: int | None) -> QWidget | None:
        from apdesk.ui.setup.group_dialog import GroupDialog

        group = self.view.groups[row] if self.view is not None and row is not None else None
        key = ("iapgroup", group.id if group else "new")
        self.dialog = self.ctx.windows.show(
            key, lambda: self._owned(GroupDialog(self.ctx, group, self))
        )
        return self.dialog

    def edit_group(self) -> None:
        row = self.groups.currentRow()
        if self.view is not None and 0 <= row < len(self.view.groups):
            self.open_group(row)

    def open_activity(self, row: int | None) -> QWidget | None:
        from apdesk.ui.setup.activity_dialog import ActivityDialog

        activity = self.view.activities[row] if self.view is not None and row is not None else None
        key = ("iapactivity", activity.name if activity else "new")
        self.dialog = self.ctx.windows.show(
            key, lambda: self._owned(ActivityDialog(self.ctx, activity, self))
        )
        return self.dialog

    def edit_activity(self) -> None:
        row = self.activities.currentRow()
        if self.view is not None and 0 <= row < len(self.view.activities):
            self.open_activity(row)

    @staticmethod
    def _owned(dialog: QWidget) -> QWidget:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return dialog
