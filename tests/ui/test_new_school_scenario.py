"""A new school sets itself up entirely in the window: no command, no demo data.

The set-up wizard makes the store; the School page takes the details, imports the LA's term
dates (.ics) and an INSET day typed on the year planner, the school day and an IAP group; a
provider is added, pupils come from the MIS's CSV, a placement is referred and started, a
week of marks is typed into the register, a suspension and a leaver are recorded on the
pupils' records and a subject access export is saved with one item redacted. The attendance
report then counts expected sessions on school days only: not the INSET day, not half term.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from sqlmodel import col, select
from tests.helpers.term_dates import school_year_dates, term_dates_ics

from apdesk.models import AttendanceMark, Closure, Placement, Pupil, Suspension
from apdesk.models.enums import PlacementStatus
from apdesk.models.upn import make_upn
from apdesk.services.calendar import school_year_of
from apdesk.services.measures.today import todays_work
from apdesk.store import KdfParams, Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.tasks import InlineTaskRunner
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.shell.setup_wizard import RECOVERY, SetupWizard

PASSPHRASE = "walnut harbour lantern quiet"
YEAR = school_year_of(date.today()) - 1  # last school year: every day of it is in the past
DATES = school_year_dates(YEAR)
HALF_TERM = DATES["autumn_half"][0]  # a Monday
WEEK_1 = HALF_TERM - timedelta(days=7)  # the placement's first week
INSET = WEEK_1 + timedelta(days=2)  # the Wednesday: added by hand on the planner
WEEK_3 = HALF_TERM + timedelta(days=7)
UPN_A, UPN_B = make_upn(855, 4001, 21, 311), make_upn(855, 4001, 21, 312)
EVERY_SESSION = [f"{d}_{h}" for d in ("MON", "TUE", "WED", "THU", "FRI") for h in ("AM", "PM")]


def make_store(qtbot: QtBot, folder: Path, tasks: InlineTaskRunner) -> Store:
    wizard = SetupWizard(folder, tasks, kdf=KdfParams.fast())
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.school_page.edits["name"], "Brookfield Academy")
    wizard.next()
    qtbot.keyClicks(wizard.contact_page.edits["phone"], "01632 960555")
    wizard.next()
    qtbot.keyClicks(wizard.passphrase_page.passphrase.edit, PASSPHRASE)
    qtbot.keyClicks(wizard.passphrase_page.again.edit, PASSPHRASE)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: wizard.store is not None and wizard.currentId() == RECOVERY, timeout=10000
    )
    wizard.recovery_page.confirm.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.store is not None
    return wizard.store


def read(store: Store, fn):  # type: ignore[no-untyped-def]
    with store.session() as session:
        return fn(session)


def test_a_new_school_sets_up_and_works_in_the_window(
    qtbot: QtBot, tmp_path: Path, tasks: InlineTaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = make_store(qtbot, tmp_path / "store", tasks)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(store.folder, tasks, settings, store=store)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()

    # -- the school's details, on the School page --
    window.open_page("school", {})
    school = window.pages["school"]
    details = school.edit_details()
    for field, text in (
        ("urn", "137001"),
        ("la_code", "855"),
        ("estab", "4001"),
        ("key_contact_name", "Dana Whitfield"),
        ("key_contact_role", "SENCO"),
    ):
        qtbot.keyClicks(details.edits[field], text)
    qtbot.mouseClick(details.save_button, Qt.MouseButton.LeftButton)
    assert "URN 137001" in school.details_text.text()

    # -- term dates from the LA's .ics, and an INSET day typed on the planner --
    ics = tmp_path / "term-dates.ics"
    ics.write_text(term_dates_ics(YEAR), encoding="utf-8", newline="")
    school.tabs.setCurrentWidget(school.calendar)
    calendar = school.calendar
    calendar.year.setValue(YEAR)
    importer = calendar.open_import()
    importer.open_file(ics)
    assert "Autumn half term" in importer.preview.toPlainText()
    assert "Parents' evening" in importer.preview.toPlainText()  # left out, and said so
    qtbot.mouseClick(importer.import_button, Qt.MouseButton.LeftButton)
    assert calendar.message.text().startswith("12 entries added.")
    calendar.planner.setFocus()
    calendar.planner.go_to(INSET)
    qtbot.keyClick(calendar.planner, Qt.Key.Key_Return)  # Enter on a school day: add there
    entry = calendar.dialog
    assert entry.kind.currentData() == "inset" and entry.first.value() == INSET
    qtbot.keyClicks(entry.label, "Staff training: attendance")
    qtbot.mouseClick(entry.save_button, Qt.MouseButton.LeftButton)
    assert calendar.message.text().startswith("1 entry added.")
    with store.session() as session:
        insets = session.exec(select(Closure).where(Closure.kind == "inset")).all()
        assert INSET in {c.start_date for c in insets}

    # -- the school day and an IAP group --
    day = school.edit_day()
    day.two_weeks.setChecked(True)
    day.week_a.set_value(WEEK_1)
    qtbot.mouseClick(day.save_button, Qt.MouseButton.LeftButton)
    assert "two-week cycle" in school.day_text.text()
    group = school.open_group(None)
    qtbot.keyClicks(group.name, "The Bridge")
    qtbot.keyClicks(group.room, "Room 14")
    group.staff.cellWidget(0, 0).setText("Mr R. Osei")
    group.staff.cellWidget(1, 0).setText("Ms J. Patel")
    group.capacity.setValue(10)
    assert "ten or more" in group.advice.text()  # the under-ten check, said as it is typed
    group.capacity.setValue(8)
    assert group.advice.isHidden()
    qtbot.mouseClick(group.save_button, Qt.MouseButton.LeftButton)
    assert school.groups.item(0, 0).text() == "The Bridge"
    assert school.groups.item(0, 4).text() == "Meets good practice"

    # -- a provider --
    window.open_page("providers", {})
    editor = window.pages["providers"].open_provider(None)
    qtbot.keyClicks(editor.binder.widgets["name"], "Riverside Learning Centre")
    editor.binder.set("address", "4 Mill Lane, Easterby")
    editor.binder.set("capacity", 12)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    provider_id = editor.provider_id
    assert provider_id is not None

    # -- pupils from the MIS's CSV --
    roll = tmp_path / "roll.csv"
    roll.write_text(
        "UPN,Surname,Forename,DOB,Year\n"
        f"{UPN_A},Okafor,Maya,14/03/{YEAR - 13},9\n{UPN_B},Lindqvist,Theo,02/11/{YEAR - 14},10\n",
        encoding="utf-8",
    )
    window.open_page("pupils", {})
    pupils_page = window.pages["pupils"]
    importer = pupils_page.import_pupils()
    qtbot.keyClicks(importer.path, str(roll))
    importer.next_button.click()
    while importer.import_button.isHidden() or not importer.import_button.isEnabled():
        importer.next_button.click()
    importer.import_button.click()
    ids = dict(read(store, lambda s: [(p.upn, p.id) for p in s.exec(select(Pupil))]))
    assert set(ids) == {UPN_A, UPN_B}

    # -- a placement, referred and started --
    window.open_page("placements", {})
    placements = window.pages["placements"]
    plan = placements.new_placement()
    s, b = plan.sections, plan.binder
    monkeypatch.setattr(
        "apdesk.ui.placements.editor_choices.ask_text",
        lambda *a: ("Audits booked for next month", True),
    )
    s.pupil.setCurrentIndex(s.pupil.findData(ids[UPN_A]))
    s.provider.setCurrentIndex(s.provider.findData(provider_id))
    b.widgets["hours_per_week"].setValue(25)
    for session in EVERY_SESSION:
        b.widgets["sessions"].boxes[session].setChecked(True)
    b.set("start_date", WEEK_1)
    b.set("end_date", WEEK_3 + timedelta(days=25))
    qtbot.keyClicks(b.widgets["learning_outcomes"], "Entry Level 3 English and maths")
    qtbot.mouseClick(plan.save_button, Qt.MouseButton.LeftButton)
    placement_id = plan.placement_id
    assert placement_id is not None
    plan.close()
    placements.refresh()
    placements.select(placement_id)
    placements.refer_selected(on=WEEK_1 - timedelta(days=14))
    placements.select(placement_id)
    placements.start_selected(on=WEEK_1)
    status = read(store, lambda s: s.get(Placement, placement_id).status)
    assert status is PlacementStatus.ACTIVE

    # -- a week of marks typed into the register --
    window.open_page("register", {})
    register = window.pages["register"]
    register.now = lambda: datetime.combine(WEEK_1 + timedelta(days=4), time(15, 30))
    register.go_to_week(WEEK_1)
    qtbot.waitUntil(lambda: register.model.rowCount() == 1, timeout=5000)
    days = register.model.grid.days
    assert INSET not in days and len(days) == 4  # the INSET day is not a school day
    view = register.view
    view.setFocus()
    view.move_to(0, 0)
    for code in ("B", "B", "B", "N", "B", "B", "I", "I"):
        qtbot.keyClicks(view, code)
        qtbot.keyClick(view, Qt.Key.Key_Tab)
    marks = read(store, lambda s: s.exec(
        select(AttendanceMark.mark_date, AttendanceMark.code).where(
            col(AttendanceMark.pupil_id) == ids[UPN_A])).all())  # fmt: skip
    assert len(marks) == 8 and INSET not in {d for d, _c in marks}

    # -- a suspension, and a pupil who leaves, on their records --
    window.open_page("pupils", {})
    assert pupils_page.select_pupil(ids[UPN_A])
    actions = pupils_page.detail.record_actions
    qtbot.waitUntil(lambda: actions.record is not None and actions.record.pupil_id == ids[UPN_A])
    suspension = actions.open_suspension(None)
    suspension.start.set_value(WEEK_3 + timedelta(days=1))
    suspension.end.set_value(WEEK_3 + timedelta(days=2))
    qtbot.keyClicks(suspension.reason, "Persistent disruption in lessons")
    qtbot.mouseClick(suspension.save_button, Qt.MouseButton.LeftButton)
    assert "E recorded for 4 sessions" in actions.message.text()
    saved = read(store, lambda s: s.exec(select(Suspension)).one())
    assert (saved.sessions, saved.days, saved.ap_arranged) == (4, 2.0, False)

    leaver = actions.open_leaver()  # Maya's placement is open: she cannot leave yet
    assert "Riverside Learning Centre" in leaver.blocker.text()
    leaver.destination.setCurrentText("Another mainstream school")
    qtbot.mouseClick(leaver.save_button, Qt.MouseButton.LeftButton)
    assert "still has open placements: Riverside Learning Centre" in leaver.general.text()
    leaver.mark_saved()
    leaver.reject()

    assert pupils_page.select_pupil(ids[UPN_B])
    qtbot.waitUntil(lambda: actions.record is not None and actions.record.pupil_id == ids[UPN_B])
    leaver = actions.open_leaver()
    leaver.left_on.set_value(WEEK_3)
    leaver.destination.setCurrentText("Moved out of the area")
    qtbot.keyClicks(leaver.reason, "Family moved to Leeds")
    qtbot.mouseClick(leaver.save_button, Qt.MouseButton.LeftButton)
    gone = read(store, lambda s: s.get(Pupil, ids[UPN_B]))
    assert (gone.on_roll, gone.left_on, gone.leaving_destination) == (
        False, WEEK_3, "Moved out of the area")  # fmt: skip
    qtbot.waitUntil(lambda: [r.id for r in pupils_page.rows] == [ids[UPN_A]], timeout=5000)

    # -- a subject access export, reviewed for redaction --
    assert pupils_page.select_pupil(ids[UPN_A])
    qtbot.waitUntil(lambda: actions.record is not None and actions.record.pupil_id == ids[UPN_A])
    sar = actions.open_subject_access()
    qtbot.keyClicks(sar.requested_by, "Maya's mother")
    qtbot.mouseClick(sar.record_button, Qt.MouseButton.LeftButton)
    assert sar.request is not None
    work = read(store, lambda s: todays_work(s, datetime.now()))
    assert any(item.key == "subject_access" and "Maya Okafor" in item.detail for item in work)
    qtbot.mouseClick(sar.prepare_button, Qt.MouseButton.LeftButton)
    assert sar.items.count() > 0
    flagged = sar.access.third_party[0]
    sar.items.item(0).setCheckState(Qt.CheckState.Checked)
    sar.save_to(tmp_path / "sar")
    assert sar.paths is not None
    json_path, pdf_path = sar.paths
    exported = json.loads(json_path.read_text(encoding="utf-8"))
    assert exported["subject"]["upn"] == UPN_A
    assert exported["third_party_for_redaction_review"][0]["value"] == "[redacted]"
    rows = (
        exported["audit_events"]
        if flagged["section"] == "audit"
        else next(v for v in exported["records"].values() if any(
            r.get("id") == flagged["record_id"] and flagged["field"] in r for r in v))
    )  # fmt: skip
    record = next(r for r in rows if r.get("id") == flagged["record_id"])
    assert record[flagged["field"]] == "[redacted]" != flagged["value"]
    assert "Suspensions" in "".join(p.extract_text() for p in PdfReader(pdf_path).pages)
    assert sar.request.completed_on == date.today()

    # -- the attendance report skips the INSET day and half term --
    report = window.file_items.open_report()
    report.start.set_value(WEEK_1)
    report.end.set_value(WEEK_3 + timedelta(days=4))
    qtbot.waitUntil(lambda: report.report is not None and report.report.start == WEEK_1)
    row = report.report.rows[0]
    # 15 weekdays, less the INSET day and the five days of half term: 9 school days, 2 sessions
    assert report.report.school_days == 9
    assert (row.upn, row.expected, row.marked) == (UPN_A, 18, 12)
    assert report.table.item(0, 2).text() == "18"
