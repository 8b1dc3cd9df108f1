"""The School page's editors by keyboard: the calendar planner (Enter adds or edits, Delete
removes, Page Down moves a month), a school day that would break saved timetables explained
before it is saved, IAP groups and sessions; and File > Export writing what the command does."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlmodel import select
from tests.helpers.clipping import usable

from apdesk.models import (
    Closure,
    IapActivity,
    IapGroup,
    Pupil,
    TimetableSlot,
    TimetableVersion,
)
from apdesk.models.enums import SlotKind
from apdesk.models.upn import make_upn
from apdesk.services.calendar import school_year_of
from apdesk.services.operations.calendar import add_calendar_entry
from apdesk.services.school_calendar.entries import CalendarEntry
from apdesk.store import Store
from apdesk.ui.calendar.entry_dialog import EntryDialog
from apdesk.ui.core.context import AppContext
from apdesk.ui.exports.dialog import ExportDialog
from apdesk.ui.setup.page import SchoolPage
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.widgets import keyboard

YEAR = school_year_of(date.today())


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> SchoolPage:
    made = SchoolPage(ctx)
    qtbot.addWidget(made)
    made.resize(1166, 700)
    made.show()
    return made


def first_weekday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def test_the_planner_adds_edits_and_removes_by_keyboard(
    qtbot: QtBot, page: SchoolPage, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    calendar = page.calendar
    page.tabs.setCurrentWidget(calendar)
    planner = calendar.planner
    day = first_weekday(date(YEAR, 11, 3))
    planner.setFocus()
    planner.go_to(day)
    qtbot.keyClick(planner, Qt.Key.Key_PageDown)
    assert planner.current_day() == day.replace(month=12)
    qtbot.keyClick(planner, Qt.Key.Key_PageUp)
    qtbot.keyClick(planner, Qt.Key.Key_Return)
    dialog = calendar.dialog
    dialog.kind.setCurrentIndex(dialog.kind.findData("unexpected"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Reason: is needed for an unexpected closure" in dialog.errors.labels["Reason"].text()
    qtbot.keyClicks(dialog.reason, "Boiler failure")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert calendar.message.text().startswith("1 entry added.")
    assert calendar.model.kind_of(day) == "unexpected"
    assert "Boiler failure" in calendar.model.describe(day)

    planner.go_to(day)
    qtbot.keyClick(planner, Qt.Key.Key_Return)  # on a closed day: edit what shuts it
    assert calendar.dialog.key.startswith("closure-")
    calendar.dialog.reject()

    answers: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: answers.append(box))
    qtbot.keyClick(planner, Qt.Key.Key_Delete)
    assert answers and "Boiler failure" not in answers[0].text()  # the label, in words
    answers[0].accepted.emit()
    assert calendar.message.text().startswith("1 entry removed.")
    with store.session() as s:
        assert s.exec(select(Closure)).all() == []


def test_a_school_day_that_breaks_timetables_says_which_before_saving(
    qtbot: QtBot, page: SchoolPage, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store.session() as s:
        pupil = Pupil(upn=make_upn(855, 4001, 25, 5), forename="Ada", surname="Ash",
                      dob=date(2012, 1, 1))  # fmt: skip
        s.add(pupil)
        s.flush()
        version = TimetableVersion(pupil_id=pupil.id or 0, effective_date=date(YEAR, 9, 8))
        s.add(version)
        s.flush()
        s.add(TimetableSlot(version_id=version.id or 0, day="MON", period=7, kind=SlotKind.IAP))
    qtbot.waitUntil(lambda: page.view is not None)
    day = page.edit_day()
    last = day.table.rowCount() - 1
    day.table.setCurrentCell(last, 0)
    day.remove_row()  # Period 5 (number 7) goes
    boxes: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: boxes.append(box))
    qtbot.mouseClick(day.save_button, Qt.MouseButton.LeftButton)
    assert boxes, "nothing was asked"
    assert "Period 7 is removed: 1 slot in the timetables of Ada Ash" in boxes[0].informativeText()
    with store.session() as s:
        assert len(s.exec(select(TimetableSlot)).all()) == 1  # nothing saved yet
    boxes[0].accepted.emit()
    with store.session() as s:
        assert s.exec(select(TimetableSlot)).all() == []
    assert "4 lessons a day" in page.day_text.text()


def test_a_lower_capacity_names_the_periods_saved_timetables_already_fill(
    qtbot: QtBot, page: SchoolPage, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store.session() as s:
        group = IapGroup(name="The Bridge", room="B12", capacity=4)
        s.add(group)
        s.flush()
        for number, name in enumerate(("Ada", "Ben", "Cal")):
            pupil = Pupil(upn=make_upn(855, 4001, 25, 10 + number), forename=name,
                          surname="Ash", dob=date(2012, 1, 1))  # fmt: skip
            s.add(pupil)
            s.flush()
            version = TimetableVersion(pupil_id=pupil.id or 0, group_id=group.id,
                                       effective_date=date(YEAR, 9, 8))  # fmt: skip
            s.add(version)
            s.flush()
            s.add(TimetableSlot(version_id=version.id or 0, day="TUE", period=2,
                                kind=SlotKind.IAP, activity="Art therapy"))  # fmt: skip
            if name != "Cal":  # two of them on Monday too
                s.add(TimetableSlot(version_id=version.id or 0, day="MON", period=1,
                                    kind=SlotKind.IAP, activity="Maths"))  # fmt: skip
    page.reload()  # written behind the page's back
    qtbot.waitUntil(lambda: page.view is not None and bool(page.view.groups))
    dialog = page.open_group(0)
    boxes: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: boxes.append(box))
    dialog.capacity.setValue(3)  # still room for the three on Tuesday
    dialog.capacity.setValue(2)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert boxes, "nothing was asked"
    said = boxes[0].informativeText()
    assert "Tuesday Period 2: Ada Ash, Ben Ash, Cal Ash" in said
    assert "Monday" not in said  # two pupils fit a capacity of two
    with store.session() as s:
        assert s.exec(select(IapGroup)).one().capacity == 4  # nothing saved yet
    boxes[0].rejected.emit()
    assert dialog.isVisible() and dialog.capacity.value() == 2  # the typed value is kept
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    boxes[-1].accepted.emit()  # keep the lower capacity knowingly
    with store.session() as s:
        assert s.exec(select(IapGroup)).one().capacity == 2
    with store.session() as s:
        slots = s.exec(select(TimetableSlot)).all()
    assert len(slots) == 5  # the timetables themselves are untouched


def test_times_that_overlap_are_refused_in_words(qtbot: QtBot, page: SchoolPage) -> None:
    qtbot.waitUntil(lambda: page.view is not None)
    day = page.edit_day()
    day.table.cellWidget(0, 3).setTime(day.table.cellWidget(1, 3).time())  # P1 ends with P2
    qtbot.mouseClick(day.save_button, Qt.MouseButton.LeftButton)
    assert "overlaps" in day.error.text()
    assert day.isWindowModified()  # the typed day is kept


def test_sessions_keep_the_five_strands(qtbot: QtBot, page: SchoolPage, store: Store) -> None:
    qtbot.waitUntil(lambda: page.view is not None)
    assert page.activities.rowCount() == 14  # the defaults, before the school changes any
    dialog = page.open_activity(None)
    qtbot.keyClicks(dialog.name, "Forest school")
    dialog.strand.setCurrentIndex(dialog.strand.findData("enrichment"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with store.session() as s:
        names = {a.name: a.activity_type.value for a in s.exec(select(IapActivity))}
    assert names["Forest school"] == "enrichment" and len(names) == 15


def test_file_export_writes_what_the_command_writes(
    qtbot: QtBot, ctx: AppContext, store: Store, tmp_path: Path
) -> None:
    with store.session() as s:
        s.add(Pupil(upn=make_upn(855, 4001, 25, 6), forename="Ben", surname="Birch",
                    dob=date(2011, 2, 3)))  # fmt: skip
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(0)
    target = tmp_path / "pupils.csv"
    dialog.save_to(target, "pupils", "csv")
    assert "Saved 1 record" in dialog.outcome.text()
    rows = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0]["surname"] == "Birch"
    assert target.stat().st_mode & 0o777 == 0o600
    dialog.list.setCurrentRow(3)  # plans: JSON only
    assert dialog.json.isChecked() and not dialog.csv.isEnabled()
    dialog.save_to(tmp_path / "missing" / "plans.json", "plans", "json")
    assert dialog.error.text().startswith("File: the folder")


def test_the_terms_and_closures_show_five_rows_below_the_year_on_a_small_screen(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    """In the window on a 1280x720 screen with a taskbar, below the year's twelve months the
    list of terms and closures still shows five of them (it showed one)."""
    with store.session() as s:
        for week in range(6):
            start = first_weekday(date(YEAR, 10, 1) + timedelta(weeks=week))
            entry = CalendarEntry("inset", start, start, f"INSET day {week + 1}")
            add_calendar_entry(s, entry, date.today())
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(usable(1280, 720))
    window.show()
    qtbot.waitExposed(window)
    window.sidebar.setCurrentRow([spec.key for spec in window.specs].index("school"))
    page = window.pages["school"]
    assert isinstance(page, SchoolPage)
    calendar = page.calendar
    page.tabs.setCurrentWidget(calendar)
    qtbot.waitUntil(lambda: calendar.table.rowCount() >= 6)
    qtbot.wait(50)
    table = calendar.table
    shown = table.viewport().height() // table.rowHeight(0)
    assert shown >= 5, f"{shown} rows of terms and closures shown"
    assert calendar.planner.height() >= calendar.planner.minimumHeight()  # all twelve months


def test_tab_goes_from_the_planner_to_the_list_s_buttons_then_the_list(
    qtbot: QtBot, page: SchoolPage, store: Store
) -> None:
    with store.session() as s:
        day = first_weekday(date(YEAR, 10, 1))
        add_calendar_entry(s, CalendarEntry("inset", day, day, "INSET day"), date.today())
    calendar = page.calendar
    page.tabs.setCurrentWidget(calendar)
    calendar.reload()
    qtbot.waitUntil(lambda: calendar.edit_button.isEnabled())
    keyboard.install(cast(QApplication, QApplication.instance()))  # Tab leaves a table
    calendar.planner.setFocus()
    reached = []
    for _press in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == [calendar.edit_button, calendar.remove_button, calendar.table]


def test_an_error_under_a_field_gets_its_own_room_in_the_dialog(
    qtbot: QtBot, page: SchoolPage
) -> None:
    """A last day before the first: the dialog grows to show the two-line message whole
    under the field, instead of squeezing it over the field above."""
    calendar = page.calendar
    page.tabs.setCurrentWidget(calendar)
    dialog = calendar.add_entry("inset", date(YEAR, 12, 7))
    assert isinstance(dialog, EntryDialog)
    qtbot.waitExposed(dialog)
    dialog.resize(dialog.minimumSizeHint())  # as small as it opens on a small screen
    dialog.last.set_value(date(YEAR, 12, 1))
    dialog.label.setText("Heating failure")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    error = dialog.errors.labels["Last day"]
    qtbot.waitUntil(error.isVisible)
    qtbot.wait(50)
    message = error.message
    assert message.height() >= message.heightForWidth(message.width())
    below = dialog.label.mapTo(dialog, dialog.label.rect().topLeft()).y()
    assert error.mapTo(dialog, error.rect().bottomLeft()).y() < below
    dialog.mark_saved()  # let it go without the question about the typed label
    dialog.reject()
