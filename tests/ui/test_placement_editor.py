"""Planning a placement in the GUI: live warnings, QA reason, save, refer, start, end, print."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlmodel import select
from tests.helpers.documents import make_placement

from apdesk.i18n import set_locale
from apdesk.models import OutboxItem, Placement
from apdesk.models.enums import Gender, PackKind, PlacementStatus
from apdesk.models.upn import make_upn
from apdesk.services.pupils import ContactInput, PupilInput, add_contact, create_pupil
from apdesk.services.school import SchoolDetails, save_school
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.placements.editor import PlacementEditor
from apdesk.ui.placements.page import PlacementsPage
from apdesk.ui.providers.page import ProvidersPage
from apdesk.ui.widgets.ask_text import AskText


def start_monday() -> date:
    """A Monday two or three weeks ahead, worked out when asked (a run may pass midnight)."""
    today = date.today()
    return today + timedelta(days=21 - today.weekday())


SCHOOL = SchoolDetails(name="Test School", urn="123456", la_code="855", estab="4001")
REASON = "Only farm placement within reach; audits booked for next month"


def _pupil(store: Store, school: SchoolDetails = SCHOOL) -> int:
    with store.session() as session:
        save_school(session, school)
        pupil = create_pupil(
            session,
            PupilInput(
                upn=make_upn(855, 4001, 2020, 7),
                forename="Jordan",
                surname="Hale",
                dob=date(date.today().year - 15, 2, 1),
                gender=Gender.OTHER,
                nc_year=10,
            ),
        )
        add_contact(
            session,
            pupil.id or 0,
            ContactInput(name="Sam Hale", relationship="Parent", address="2 Brook Row\nNB1 4XY"),
        )
        return pupil.id or 0


def _provider(qtbot: QtBot, ctx: AppContext) -> int:
    page = ProvidersPage(ctx)
    qtbot.addWidget(page)
    # Not handed to qtbot: saving closes and deletes the editor, and the QA prompt's real
    # event loop later may delete it before qtbot's own clean-up would close it again.
    editor = page.open_provider(None)
    qtbot.keyClicks(editor.binder.widgets["name"], "Willow Farm Learning")
    editor.binder.set("address", "Home Farm, Easterby")
    editor.binder.set("capacity", 6)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.provider_id is not None
    return editor.provider_id


def _kinds(store: Store) -> list[PackKind]:
    with store.session() as session:
        return [i.kind for i in session.exec(select(OutboxItem)).all()]


def _status(store: Store, placement_id: int) -> PlacementStatus:
    with store.session() as session:
        placement = session.get(Placement, placement_id)
        assert placement is not None
        return placement.status


def _plan(
    qtbot: QtBot, page: PlacementsPage, pupil_id: int, provider_id: int, monkeypatch: object
) -> PlacementEditor:
    editor = page.new_placement()
    qtbot.addWidget(editor)
    s, b = editor.sections, editor.binder
    s.pupil.setCurrentIndex(s.pupil.findData(pupil_id))
    asked: list[AskText] = []

    def answer() -> None:  # the real prompt, answered with the keyboard
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AskText))
        asked.append(dialog)
        qtbot.keyClicks(dialog.edit, REASON)
        if dialog.focusWidget() is dialog.edit:  # the prompt opens on its field
            dialog.accept()
        else:
            dialog.reject()

    QTimer.singleShot(0, answer)
    s.provider.setCurrentIndex(s.provider.findData(provider_id))
    assert asked and "missing" in asked[0].question.text()  # QA not current: the reason is asked
    # A screen reader hears the field's name and the question.
    assert asked[0].edit.accessibleName() == "Reason for using this provider"
    assert asked[0].edit.accessibleDescription() == asked[0].question.text()
    assert b.get("qa_override_reason") == REASON
    b.set("category", "ks4")
    b.widgets["hours_per_week"].setValue(12)  # type: ignore[attr-defined]
    for session in ("MON_AM", "MON_PM", "TUE_AM", "TUE_PM", "WED_AM"):
        b.widgets["sessions"].boxes[session].setChecked(True)  # type: ignore[attr-defined]
    b.set("start_date", start_monday())
    b.set("review_date", start_monday() + timedelta(weeks=4))
    qtbot.keyClicks(b.widgets["learning_outcomes"], "Entry Level 3 English and maths")
    return editor


def test_plan_a_placement_with_live_warnings_then_refer_start_end_and_print(
    qtbot: QtBot, ctx: AppContext, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    pupil_id = _pupil(store)
    provider_id = _provider(qtbot, ctx)
    page = PlacementsPage(ctx)
    qtbot.addWidget(page)
    editor = _plan(qtbot, page, pupil_id, provider_id, monkeypatch)
    qtbot.waitUntil(lambda: "full_time_hours" in editor.panel.codes(), timeout=3000)
    assert any("18 to 25 hours" in m for m in editor.panel.messages())

    b = editor.binder
    b.set("off_site_direction", True)
    b.set(
        "parent_notice_date", start_monday() - timedelta(days=3)
    )  # the Friday: 1 school day before
    qtbot.keyClicks(b.widgets["reporting_to"], "Ms P. Okafor, farm manager")
    qtbot.waitUntil(lambda: "notice_late" in editor.panel.codes(), timeout=3000)
    notice = next(w for w in editor.panel.warnings if w.code == "notice_late")
    assert "2 school days before" in notice.message and notice.reason

    editor.show()
    editor.activateWindow()
    row = editor.panel.codes().index("notice_late")
    editor.panel.list.itemClicked.emit(editor.panel.list.item(row))
    qtbot.waitUntil(lambda: b.widgets["parent_notice_date"].edit.hasFocus(), timeout=2000)  # type: ignore[attr-defined]

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # warnings never block
    assert editor.placement_id is not None and editor.message.text() == ""
    placement_id = editor.placement_id
    assert "full_time_hours" in editor.panel.codes()
    with store.session() as session:
        saved = session.get(Placement, placement_id)
        assert saved is not None
        assert saved.hours_per_week == 12 and saved.qa_override_reason == REASON
        assert saved.sessions == ["MON_AM", "MON_PM", "TUE_AM", "TUE_PM", "WED_AM"]
    assert _kinds(store) == []  # a draft tells the LA nothing yet

    page.refresh()
    page.select(placement_id)
    assert page.model.rows[0].warnings and page.buttons["refer"].isEnabled()
    page.refer_selected(on=date.today())
    assert _status(store, placement_id) == PlacementStatus.REFERRED
    assert _kinds(store) == [PackKind.PLACEMENT_START]
    page.select(placement_id)
    page.start_selected(on=start_monday())
    assert _status(store, placement_id) == PlacementStatus.ACTIVE

    page.select(placement_id)
    dialog = page.end_selected()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.ended_on.set_value(start_monday() + timedelta(weeks=6))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Outcome" in dialog.errors.labels["Outcome"].text() and dialog.result_value is None
    assert _status(store, placement_id) == PlacementStatus.ACTIVE
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("returned"))
    qtbot.keyClicks(dialog.notes, "Back full time from week 7")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_value is not None
    assert _status(store, placement_id) == PlacementStatus.ENDED
    assert sorted(_kinds(store)) == sorted([PackKind.PLACEMENT_START, PackKind.PLACEMENT_END])

    page.select(placement_id)
    page.print_referral()
    assert page.preview is not None and len(page.preview.page_labels) > 0
    qtbot.addWidget(page.preview)
    page.print_letter()
    assert page.preview is not None and len(page.preview.page_labels) > 0
    qtbot.addWidget(page.preview)


def test_a_refused_save_keeps_the_edits_and_names_the_field(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    _pupil(store)
    page = PlacementsPage(ctx)
    qtbot.addWidget(page)
    editor = page.new_placement()
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.binder.widgets["exit_strategy"], "Phased return")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.placement_id is None
    assert "choose the pupil" in editor.binder.error.text()
    assert editor.binder.get("exit_strategy") == "Phased return"
    assert "Choose the pupil" in editor.panel.note.text()


def test_referral_without_the_school_urn_shows_why_and_changes_nothing(
    qtbot: QtBot, ctx: AppContext, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    pupil_id = _pupil(store, SchoolDetails(name="Test School"))
    provider_id = _provider(qtbot, ctx)
    page = PlacementsPage(ctx)
    qtbot.addWidget(page)
    editor = _plan(qtbot, page, pupil_id, provider_id, monkeypatch)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    placement_id = editor.placement_id
    assert placement_id is not None
    page.refresh()
    page.select(placement_id)
    page.refer_selected(on=date.today())
    assert "School URN" in page.message.text()
    assert _status(store, placement_id) == PlacementStatus.DRAFT
    assert _kinds(store) == []


def test_the_transport_cost_says_it_is_a_day_s(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    """The referral prints "£45.00 a day": the editor's field says the same of the value."""
    editor = PlacementEditor(ctx, make_placement(store))  # transport costs £45.00
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: "transport_cost_pence" in editor.binder.widgets)
    assert editor.binder.widgets["transport_cost_pence"].text() == "£45.00 a day"


def test_placements_model(qtmodeltester: object, ctx: AppContext, store: Store) -> None:
    from apdesk.services.placement_lifecycle import PlacementRow

    page = PlacementsPage(ctx)
    page.model.set_rows(
        [
            PlacementRow(
                1,
                1,
                "Hale, Jordan",
                "A1",
                2,
                "Farm",
                PlacementStatus.ACTIVE,
                "",
                20.0,
                start_monday(),
                None,
                "",
                2,
            ),
            PlacementRow(
                2,
                1,
                "Hale, Jordan",
                "A1",
                2,
                "Farm",
                PlacementStatus.ENDED,
                "",
                10.0,
                None,
                start_monday(),
                "Returned",
                0,
            ),
        ]
    )
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]


@pytest.mark.parametrize("locale", ["en_GB", "pl_PL"])
def test_every_section_s_name_shows_whole_in_the_list_beside_the_form(
    qtbot: QtBot, ctx: AppContext, locale: str
) -> None:
    """Polish names are longer ("Główna osoba kontaktowa"): the list is as wide as its
    longest, with no sideways scroll bar (it was cut at 150 px)."""
    set_locale(locale)
    editor = PlacementEditor(ctx, None)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    index = editor.index
    metrics = index.fontMetrics()
    for row in range(index.count()):
        item = index.item(row)
        assert item is not None
        assert metrics.horizontalAdvance(item.text()) <= index.viewport().width(), item.text()
