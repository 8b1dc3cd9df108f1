"""Off-site direction notices: counted back two school days, clock times, the LA's copy."""

from __future__ import annotations

import io
from datetime import date, time, timedelta

import pytest
from pypdf import PdfReader
from tests.helpers.placements import DIRECTION, check, codes

from apdesk import models
from apdesk.documents.letter import render_parent_letter
from apdesk.models.enums import PlacementStatus, RegistrationStatus, SenStatus
from apdesk.models.upn import make_upn
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.placement_direction import notice_deadline, notice_timing
from apdesk.services.placement_record import load_placement_record
from apdesk.store import Store

# The week of 10 February 2025, then half term (17-21 February), then 24 February.
MON, TUE, WED, THU, FRI = (date(2025, 2, 10) + timedelta(days=n) for n in range(5))
SAT, SUN = date(2025, 2, 15), date(2025, 2, 16)
HALF_TERM = (date(2025, 2, 17), date(2025, 2, 21))
AFTER_HALF_TERM = date(2025, 2, 24)
CALENDAR = SchoolCalendar.of([HALF_TERM])
REGS = "Education (Educational Provision for Improving Behaviour) Regulations 2010, reg. 3"


@pytest.mark.parametrize(
    ("start", "deadline"),
    [
        (date(2025, 2, 5), date(2025, 2, 3)),  # Wednesday start: by Monday
        (date(2025, 2, 6), date(2025, 2, 4)),  # Thursday: by Tuesday
        (date(2025, 2, 7), date(2025, 2, 5)),  # Friday: by Wednesday
        (MON, date(2025, 2, 6)),  # Monday: by the Thursday before (the weekend skipped)
        (TUE, date(2025, 2, 7)),  # Tuesday: by the Friday before
        (AFTER_HALF_TERM, THU),  # after half term: by the Thursday before it
    ],
)
def test_notice_is_due_two_school_days_before_each_weekday(start: date, deadline: date) -> None:
    """Reg. 3 (as amended 2012): notice no later than 2 school days before the first day;
    counted back from the start over days the school is open."""
    assert notice_deadline(start, CALENDAR) == deadline
    assert notice_timing(deadline, start, CALENDAR).in_time
    day_late = CALENDAR.add_school_days(deadline, 1)
    assert not notice_timing(day_late, start, CALENDAR).in_time


@pytest.mark.parametrize(
    ("given", "counts_from", "in_time"),
    [
        (THU, THU, True),  # Thursday, for a start on Monday 24 February
        (FRI, FRI, False),  # Friday is only one school day before
        (SAT, AFTER_HALF_TERM, False),  # a weekend notice counts from the next school day
        (date(2025, 2, 18), AFTER_HALF_TERM, False),  # so does one given in half term
    ],
)
def test_a_notice_given_when_the_school_is_shut_counts_from_the_next_school_day(
    given: date, counts_from: date, in_time: bool
) -> None:
    timing = notice_timing(given, AFTER_HALF_TERM, CALENDAR)
    assert (timing.counts_from, timing.in_time) == (counts_from, in_time)


def test_a_weekend_notice_for_a_tuesday_start_is_late() -> None:
    """Given on Sunday 16 February, before half term: it counts from Monday 24 February, so a
    start on Tuesday 25 February needed notice by Friday 14 February. Counting forward two
    school days from the Sunday (Monday 24, Tuesday 25) would wrongly have passed it."""
    assert not notice_timing(SAT, AFTER_HALF_TERM, CALENDAR).in_time
    changes = {**DIRECTION, "parent_notice_date": SUN, "start_date": AFTER_HALF_TERM + timedelta(1)}
    changes["review_date"] = AFTER_HALF_TERM + timedelta(weeks=4)
    warning = next(w for w in check(changes, calendar=CALENDAR) if w.code == "notice_late")
    assert "counts from 24 February 2025" in warning.message
    assert "given by 20 February 2025" not in warning.message  # half term is not a school day
    assert "by 14 February 2025" in warning.message


def test_session_times_are_clock_times() -> None:
    """Reg. 3: the notice gives the session times; for a morning and an afternoon, the start of
    the first, the finish of the last and the break between them."""
    morning_and_afternoon = {**DIRECTION, "break_start": None, "break_end": None}
    warning = next(w for w in check(morning_and_afternoon) if w.code == "notice_session_times")
    assert "when the break starts" in warning.message and "when it ends" in warning.message
    no_times = {**DIRECTION, "session_start": None, "session_end": None}
    warning = next(w for w in check(no_times) if w.code == "notice_session_times")
    assert "first session starts" in warning.message and "last session finishes" in warning.message
    assert "notice_session_times" not in codes(check(DIRECTION))


EHC_PUPIL = {"sen_status": SenStatus.EHC_PLAN}
EHC_PLACEMENT = {
    **DIRECTION,
    "ehcp_attached": True,
    "caseworker_told_on": date(2025, 2, 20),
}
REGISTERED = {"registration": RegistrationStatus.REGISTERED}


def test_an_ehc_plan_pupil_needs_the_las_copy_in_time() -> None:
    """Reg. 3: where the pupil has an EHC plan, the notice goes to the local authority too."""
    start = date(2025, 3, 3)
    without = check(EHC_PLACEMENT, EHC_PUPIL, REGISTERED)
    assert "notice_la_copy" in codes(without)
    late = {**EHC_PLACEMENT, "la_notice_date": start - timedelta(days=1)}
    warning = next(w for w in check(late, EHC_PUPIL, REGISTERED) if w.code == "notice_la_copy")
    assert "Notice to the LA" in warning.message and REGS in warning.reason
    on_time = {**EHC_PLACEMENT, "la_notice_date": start - timedelta(days=7)}
    assert "notice_la_copy" not in codes(check(on_time, EHC_PUPIL, REGISTERED))
    assert "notice_la_copy" not in codes(check(DIRECTION))  # no EHC plan: no LA copy


def _letter_text(store: Store, la_notice: date | None) -> str:
    with store.session() as s:
        pupil = models.Pupil(
            upn=make_upn(855, 4001, 2019, 3),
            forename="Rowan",
            surname="Hale",
            dob=date(2011, 4, 1),
            sen_status=SenStatus.EHC_PLAN,
        )
        provider = models.Provider(name="Brookside Learning Centre", address="1 Canal Street")
        s.add_all([pupil, provider])
        s.flush()
        s.add(models.Contact(pupil_id=pupil.id or 0, name="Ms Jo Hale", address="2 Mill Lane"))
        placement = models.Placement(
            pupil_id=pupil.id or 0,
            provider_id=provider.id or 0,
            status=PlacementStatus.REFERRED,
            off_site_direction=True,
            sessions=["MON_AM", "MON_PM"],
            session_start=time(9, 15),
            break_start=time(12, 0),
            break_end=time(12, 45),
            session_end=time(15, 0),
            start_date=date(2025, 3, 3),
            la_notice_date=la_notice,
        )
        s.add(placement)
        s.flush()
        record = load_placement_record(s, placement.id or 0)
    pdf = render_parent_letter(record, date(2025, 2, 24))
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def test_the_letter_says_the_la_has_a_copy_only_when_it_was_sent(store: Store) -> None:
    text = _letter_text(store, None)
    assert "09:15 to 15:00 (break 12:00 to 12:45)" in text
    assert "sent a copy" not in text and "also sent this notice" not in text
    assert "local authority can also ask for a review" in text


def test_the_letter_names_the_day_the_la_was_sent_its_copy(store: Store) -> None:
    text = _letter_text(store, date(2025, 2, 24))
    assert "we sent a copy of this notice to the local authority on 24 February 2025" in text
