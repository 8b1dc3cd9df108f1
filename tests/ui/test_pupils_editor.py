"""The pupil editor: typed by keyboard, refusals shown beside the field, nothing lost or saved."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlmodel import select

from apdesk.models import Pupil
from apdesk.models.enums import NeedCategory, SenStatus
from apdesk.models.upn import make_upn
from apdesk.services.pupils import PupilInput, create_pupil
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.pupils.editor import PupilEditor
from apdesk.ui.pupils.page import PupilsPage

TODAY = date(2026, 11, 20)
UPN = make_upn(855, 4001, 26, 101)


def pupils_in(store: Store) -> list[Pupil]:
    with store.session() as session:
        return list(session.exec(select(Pupil)).all())


@pytest.fixture
def editor(qtbot: QtBot, ctx: AppContext) -> PupilEditor:
    made = PupilEditor(ctx, today=lambda: TODAY)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def type_pupil(qtbot: QtBot, editor: PupilEditor, upn: str = UPN) -> None:
    qtbot.keyClicks(editor.upn, upn)
    qtbot.keyClicks(editor.forename, "Ada")
    qtbot.keyClicks(editor.surname, "Testwood")
    qtbot.keyClicks(editor.dob, "14032013")


def test_a_pupil_typed_in_is_saved(qtbot: QtBot, editor: PupilEditor, store: Store) -> None:
    type_pupil(qtbot, editor, UPN.lower())
    assert editor.dob.date().toPython() == date(2013, 3, 14)
    assert editor.nc_year.currentData() == 9  # follows the date of birth until chosen
    editor.sen_status.setCurrentIndex(editor.sen_status.findData(SenStatus.EHC_PLAN))
    editor.needs.item(1).setCheckState(Qt.CheckState.Checked)
    editor.looked_after.setChecked(True)
    qtbot.keyClicks(editor.safety_info, "Needs a calm start to the day")
    with qtbot.waitSignal(editor.accepted):
        qtbot.keyClick(editor.save_button, Qt.Key.Key_Space)
    [pupil] = pupils_in(store)
    assert (pupil.upn, pupil.forename, pupil.surname) == (UPN, "Ada", "Testwood")
    assert pupil.dob == date(2013, 3, 14) and pupil.nc_year == 9
    assert pupil.sen_status == SenStatus.EHC_PLAN and pupil.looked_after
    assert pupil.needs == [NeedCategory.SEMH.value]
    assert pupil.safety_info == "Needs a calm start to the day"
    assert editor.saved_id == pupil.id


def test_a_bad_upn_is_shown_beside_the_upn_and_nothing_is_saved(
    qtbot: QtBot, editor: PupilEditor, store: Store
) -> None:
    bad = ("B" if UPN[0] != "B" else "C") + UPN[1:]
    type_pupil(qtbot, editor, bad)
    editor.save()
    assert editor.isVisible()
    message = editor.errors["upn"].text()
    assert "check letter" in message
    assert not editor.errors["upn"].isHidden()
    assert editor.labels["upn"].font().bold()
    assert QApplication.focusWidget() is editor.upn
    assert editor.upn.text() == bad and editor.surname.text() == "Testwood"  # nothing lost
    assert pupils_in(store) == []
    editor.upn.setText(UPN)
    with qtbot.waitSignal(editor.accepted):
        editor.save()
    assert editor.errors["upn"].text() == ""
    assert len(pupils_in(store)) == 1


def test_a_missing_date_of_birth_is_named(qtbot: QtBot, editor: PupilEditor) -> None:
    qtbot.keyClicks(editor.upn, UPN)
    qtbot.keyClicks(editor.forename, "Ada")
    qtbot.keyClicks(editor.surname, "Testwood")
    editor.save()
    assert "missing" in editor.errors["dob"].text()
    assert QApplication.focusWidget() is editor.dob


def existing(store: Store) -> Pupil:
    data = PupilInput(UPN, "Ada", "Testwood", dob=date(2013, 3, 14), nc_year=9)
    with store.session() as session:
        return create_pupil(session, data, TODAY)


def test_the_same_upn_twice_is_refused_clearly(
    qtbot: QtBot, editor: PupilEditor, store: Store
) -> None:
    existing(store)
    qtbot.keyClicks(editor.upn, UPN)
    qtbot.keyClicks(editor.forename, "Other")
    qtbot.keyClicks(editor.surname, "Child")
    qtbot.keyClicks(editor.dob, "01022014")
    editor.save()
    assert editor.isVisible()
    assert "already belongs to Ada Testwood" in editor.errors["upn"].text()
    assert len(pupils_in(store)) == 1


def test_the_same_name_and_birthday_is_refused_beside_the_surname(
    qtbot: QtBot, editor: PupilEditor, store: Store
) -> None:
    existing(store)
    type_pupil(qtbot, editor, make_upn(855, 4001, 26, 102))
    editor.save()
    message = editor.errors["surname"].text()
    assert "this name and date of birth already exists" in message and UPN in message
    assert QApplication.focusWidget() is editor.surname
    assert len(pupils_in(store)) == 1


def test_a_year_far_from_the_age_warns_but_saves(
    qtbot: QtBot, editor: PupilEditor, store: Store
) -> None:
    type_pupil(qtbot, editor)
    editor.nc_year.setCurrentIndex(editor.nc_year.findData(4))
    assert editor.warning.isVisibleTo(editor)
    assert "check the year group" in editor.warning.text()
    with qtbot.waitSignal(editor.accepted):
        editor.save()
    assert pupils_in(store)[0].nc_year == 4


def test_editing_keeps_what_was_there_and_saves_changes(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    pupil = existing(store)
    page = PupilsPage(ctx)
    qtbot.addWidget(page)
    page.show()  # on screen, as when a person edits: it follows the change at once
    assert pupil.id is not None
    page.edit_pupil(pupil.id)
    editor = page.editor
    assert editor is not None and editor.windowTitle().startswith("Pupil: Ada Testwood")
    assert editor.surname.text() == "Testwood" and editor.nc_year.currentData() == 9
    editor.preferred_name.setText("Addie")
    editor.sen_status.setCurrentIndex(editor.sen_status.findData(SenStatus.SEN_SUPPORT))
    with qtbot.waitSignal(editor.accepted):
        editor.save()
    [saved] = pupils_in(store)
    assert saved.preferred_name == "Addie" and saved.sen_status == SenStatus.SEN_SUPPORT
    assert page.detail.view is not None and page.detail.view.id == pupil.id
    assert page.detail.title.text() == "Addie Testwood"
    assert page.model.rows[0].name == "Addie Testwood"  # the name the school uses


def test_every_field_has_an_accessible_name(editor: PupilEditor) -> None:
    for widget in editor.fields.values():
        assert widget.accessibleName()
    assert editor.needs.accessibleName() == "Needs"


def test_the_calendar_opens_near_a_likely_birth_year(qtbot: QtBot, editor: PupilEditor) -> None:
    button = editor.dob.rect().topRight() + QPoint(-8, editor.dob.height() // 2)
    qtbot.mouseClick(editor.dob, Qt.MouseButton.LeftButton, pos=button)
    calendar = editor.dob.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.yearShown() == QDate.currentDate().year() - 10
    calendar.window().close()
