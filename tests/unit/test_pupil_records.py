"""On the pupil's record: leaving (refused while a placement is open, reinstated later),
suspensions (sessions, the 45-day limit, E marks where no education was arranged), subject
access requests and the redacted export, and the retention review naming records in words."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import col, select

from apdesk.models import AttendanceMark, Placement, Provider, Pupil
from apdesk.models.enums import PlacementStatus, SettingType
from apdesk.models.errors import ValidationError
from apdesk.models.upn import make_upn
from apdesk.services import retention, sar
from apdesk.services.leavers import list_leavers
from apdesk.services.operations.calendar import add_calendar_entry
from apdesk.services.operations.leavers import (
    mark_pupil_left,
    record_subject_access_request,
    reinstate_pupil,
    remove_suspension,
    save_suspension,
)
from apdesk.services.pupils import list_pupils
from apdesk.services.records.suspensions import SuspensionInput
from apdesk.services.school_calendar import CalendarEntry
from apdesk.services.subject_access import open_requests, redacted
from apdesk.store import Store

TODAY = date(2025, 11, 28)
MON = date(2025, 11, 17)


@pytest.fixture
def ids(store: Store) -> dict[str, int]:
    with store.session() as s:
        ada = Pupil(upn=make_upn(855, 4001, 25, 21), forename="Ada", surname="Ash",
                    dob=date(2012, 1, 1))  # fmt: skip
        ben = Pupil(upn=make_upn(855, 4001, 25, 22), forename="Ben", surname="Birch",
                    dob=date(2011, 6, 1))  # fmt: skip
        provider = Provider(name="Oak Centre", setting_type=SettingType.AP_ACADEMY)
        for row in (ada, ben, provider):
            s.add(row)
        s.flush()
        s.add(Placement(pupil_id=ada.id or 0, provider_id=provider.id or 0,
                        status=PlacementStatus.ACTIVE, start_date=date(2025, 9, 8),
                        sessions=["MON_AM"]))  # fmt: skip
        return {"ada": ada.id or 0, "ben": ben.id or 0}


def test_a_pupil_leaves_only_once_placements_are_ended_and_can_come_back(
    store: Store, ids: dict[str, int]
) -> None:
    with pytest.raises(ValidationError) as refused:
        store.run(mark_pupil_left, ids["ada"], MON, "Another mainstream school", "", TODAY)
    assert str(refused.value).startswith(
        "Placements: Ada Ash still has open placements: Oak Centre (active, from 8 September 2025)"
    )
    with pytest.raises(ValidationError, match="Destination: is missing"):
        store.run(mark_pupil_left, ids["ben"], MON, " ", "", TODAY)
    left = store.run(mark_pupil_left, ids["ben"], MON, "Moved out of the area", "Leeds", TODAY)
    assert (left.value.left_on, left.value.destination) == (MON, "Moved out of the area")
    assert [r.id for r in store.read(list_pupils)] == [ids["ada"]]  # off the current lists
    assert [r.id for r in store.read(list_pupils, include_left=True)] == [ids["ada"], ids["ben"]]
    assert [r.name for r in store.read(list_leavers)] == ["Birch, Ben"]
    store.run(reinstate_pupil, ids["ben"])
    assert store.read(list_leavers) == []
    assert len(store.read(list_pupils)) == 2


def test_a_suspension_marks_e_where_nothing_was_arranged(store: Store, ids: dict[str, int]) -> None:
    store.run(add_calendar_entry, CalendarEntry("inset", MON + timedelta(days=2),
              MON + timedelta(days=2), "INSET"), TODAY)  # fmt: skip
    data = SuspensionInput(MON, MON + timedelta(days=3), "Assault",
                           first_session="PM")  # fmt: skip
    saved = store.run(save_suspension, ids["ben"], data, TODAY).value
    # Monday afternoon, Tuesday, (Wednesday is INSET), Thursday: 5 sessions
    assert (saved.view.sessions, saved.view.days, saved.e_marks) == (5, 2.5, 5)
    with store.session() as s:
        codes = s.exec(
            select(AttendanceMark.code).where(col(AttendanceMark.pupil_id) == ids["ben"])
        ).all()
    assert codes == ["E"] * 5
    again = store.run(save_suspension, ids["ben"], data, TODAY, saved.view.id).value
    assert (again.e_marks, again.kept) == (0, 5)  # marks already there are kept as they are
    assert store.run(remove_suspension, saved.view.id).value == 5


def test_a_long_suspension_says_education_is_due_from_the_sixth_day(
    store: Store, ids: dict[str, int]
) -> None:
    long = SuspensionInput(date(2025, 11, 3), date(2025, 11, 14), "Drugs", ap_arranged=True,
                           ap_from=date(2025, 11, 10), ap_details="Oak Centre")  # fmt: skip
    saved = store.run(save_suspension, ids["ben"], long, TODAY).value
    assert saved.e_marks == 10 and saved.warnings == []  # the first 5 days only
    with pytest.raises(ValidationError, match="at most 45 school days"):
        store.run(save_suspension, ids["ben"],
                  SuspensionInput(date(2025, 9, 1), date(2025, 10, 31), "More"), TODAY)  # fmt: skip
    late = SuspensionInput(date(2025, 11, 17), date(2025, 11, 25), "Again")
    warned = store.run(save_suspension, ids["ada"], late, TODAY).value
    assert warned.warnings == [
        "From the sixth school day (24 November 2025) the school must arrange suitable "
        "full-time education."
    ]


def test_a_request_is_due_in_a_month_and_the_export_is_redacted(
    store: Store, ids: dict[str, int]
) -> None:
    request = store.run(
        record_subject_access_request, ids["ada"], date(2025, 10, 31), "Mother", "", TODAY
    ).value
    assert request.respond_by == date(2025, 12, 1)  # 30 November is a Sunday
    assert [r.id for r in store.read(open_requests)] == [request.id]
    with pytest.raises(ValidationError, match="Received on: is in the future"):
        store.run(record_subject_access_request, ids["ada"], date(2026, 1, 5), "", "", TODAY)
    with store.session() as s:
        access = sar.build(s, make_upn(855, 4001, 25, 21), date(2025, 10, 31))
    assert "subjectaccessrequest" in access.sections
    chosen = next(i for i, item in enumerate(access.third_party) if item["table"] == "audit")
    actor = access.third_party[chosen]["value"]
    cleaned = redacted(access, [chosen])
    event = next(
        e for e in cleaned.audit_events if e["id"] == access.third_party[chosen]["record_id"]
    )
    assert event["actor"] == "[redacted]" and actor != "[redacted]"
    assert access.third_party[chosen]["value"] == actor  # the original is untouched


def test_the_retention_review_names_records_in_words(store: Store, ids: dict[str, int]) -> None:
    with store.session() as s:
        s.add(
            AttendanceMark(pupil_id=ids["ada"], mark_date=date(2015, 3, 2), session="AM", code="B")
        )
    items = store.read(retention.review_queue, TODAY)
    assert [i.label for i in items if i.rule == "attendance"] == [
        f"Ash, Ada ({make_upn(855, 4001, 25, 21)}): B on 2 March 2015 AM"
    ]
