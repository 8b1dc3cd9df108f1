"""The school calendar: reading term dates (iCalendar and CSV), terms deciding school days,
and what a change does to expected sessions, reviews and notice deadlines."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from apdesk.models import Placement, Provider, Pupil, Review
from apdesk.models.enums import PlacementStatus, SettingType
from apdesk.models.errors import ValidationError
from apdesk.models.upn import make_upn
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.operations.calendar import (
    add_calendar_entry,
    edit_calendar_entry,
    import_calendar,
    remove_calendar_entry,
)
from apdesk.services.school_calendar import CalendarEntry
from apdesk.services.school_calendar.files import parse_calendar
from apdesk.services.school_calendar.year import calendar_year
from apdesk.store import Store

TODAY = date(2025, 9, 1)


def ics(*events: str) -> bytes:
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:{n}@x\r\n{e}\r\nEND:VEVENT\r\n" for n, e in enumerate(events)
    )
    return (
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n{body}END:VCALENDAR\r\n".encode()
    )


def test_an_all_day_event_ends_the_day_before_its_dtend() -> None:
    parsed = parse_calendar(
        ics("SUMMARY:Half Term\r\nDTSTART;VALUE=DATE:20251027\r\nDTEND;VALUE=DATE:20251101")
    )
    assert [(e.kind, e.first, e.last) for e in parsed.entries] == [
        ("holiday", date(2025, 10, 27), date(2025, 10, 31))
    ]


def test_timed_events_are_read_on_the_school_clock() -> None:
    parsed = parse_calendar(
        ics(
            # 23:30 UTC on 2 September is 00:30 on 3 September in England (summer time)
            "SUMMARY:INSET day\r\nDTSTART:20250902T233000Z\r\nDTEND:20250903T010000Z",
            # ends at midnight: the next day is not touched
            "SUMMARY:Polling day closure\r\nDTSTART;TZID=Europe/London:20251106T000000\r\n"
            "DTEND;TZID=Europe/London:20251107T000000",
            "SUMMARY:Weekly club\r\nDTSTART;VALUE=DATE:20250908\r\nRRULE:FREQ=WEEKLY",
        )
    )
    assert [(e.kind, e.first, e.last) for e in parsed.entries] == [
        ("inset", date(2025, 9, 3), date(2025, 9, 3)),
        ("closure", date(2025, 11, 6), date(2025, 11, 6)),
    ]
    assert [item.what for item in parsed.left_out] == ["Weekly club"]


def test_term_markers_pair_in_order_and_a_lone_one_is_left_out() -> None:
    parsed = parse_calendar(
        ics(
            "SUMMARY:Autumn term begins\r\nDTSTART;VALUE=DATE:20250903",
            "SUMMARY:Autumn term ends\r\nDTSTART;VALUE=DATE:20251219",
            "SUMMARY:Spring term ends\r\nDTSTART;VALUE=DATE:20260327",
        )
    )
    assert [(e.kind, e.label, e.first, e.last) for e in parsed.entries] == [
        ("term", "Autumn term", date(2025, 9, 3), date(2025, 12, 19))
    ]
    assert parsed.left_out[0].why == "no matching start of term in the file"


def test_a_csv_takes_names_and_uk_dates() -> None:
    parsed = parse_calendar(
        b"kind,first day,last day,label,reason\n"
        b"Term,01/09/2025,19/12/2025,Autumn\n"
        b"INSET day,01/09/2025,,\n"
        b"unexpected,2025-11-20,,Snow,Heating failed and roads closed\n"
    )
    assert [(e.kind, e.first, e.last, e.label, e.reason) for e in parsed.entries] == [
        ("term", date(2025, 9, 1), date(2025, 12, 19), "Autumn", ""),
        ("inset", date(2025, 9, 1), date(2025, 9, 1), "INSET day", ""),
        (
            "unexpected",
            date(2025, 11, 20),
            date(2025, 11, 20),
            "Snow",
            "Heating failed and roads closed",
        ),
    ]


def test_terms_make_the_days_outside_them_holidays_only_in_their_school_year() -> None:
    calendar = SchoolCalendar.of([], [(date(2025, 9, 1), date(2025, 12, 19))])
    assert calendar.is_school_day(date(2025, 12, 19))
    assert not calendar.is_school_day(date(2025, 12, 22))  # after the only term of 2025-26
    assert calendar.is_school_day(date(2026, 9, 7))  # 2026-27 has no terms yet: every weekday


@pytest.fixture
def school(store: Store) -> dict[str, int]:
    """A pupil at a provider every Monday and Wednesday morning this autumn, an off-site
    direction starting on a Monday with its notice deadline, and a review on a Tuesday."""
    with store.session() as s:
        pupil = Pupil(upn=make_upn(855, 4001, 25, 9), forename="Ada", surname="Ash",
                      dob=date(2012, 1, 1))  # fmt: skip
        provider = Provider(name="Oak Centre", setting_type=SettingType.AP_ACADEMY)
        s.add(pupil)
        s.add(provider)
        s.flush()
        running = Placement(pupil_id=pupil.id or 0, provider_id=provider.id or 0,
                            status=PlacementStatus.ACTIVE, sessions=["MON_AM", "WED_AM"],
                            start_date=date(2025, 9, 1), end_date=date(2025, 12, 19))  # fmt: skip
        direction = Placement(pupil_id=pupil.id or 0, provider_id=provider.id or 0,
                              status=PlacementStatus.REFERRED, off_site_direction=True,
                              start_date=date(2025, 11, 10))  # fmt: skip
        s.add(running)
        s.add(direction)
        s.flush()
        s.add(Review(placement_id=running.id or 0, scheduled_for=date(2025, 11, 4)))
        return {"running": running.id or 0, "direction": direction.id or 0}


def test_a_change_says_what_it_moves_and_moves_reviews(
    store: Store, school: dict[str, int]
) -> None:
    closure = CalendarEntry("unexpected", date(2025, 11, 3), date(2025, 11, 7), "Flood",
                            "Burst main flooded the ground floor")  # fmt: skip
    change = store.run(add_calendar_entry, closure, TODAY).value
    # Monday and Wednesday mornings lost; the review on Tuesday moves to Monday 10 November;
    # the notice for the Monday 10 start was due Thursday 6, now Thursday 30 October.
    assert change.impact.summary() == (
        "1 review moves; 1 notice deadline moves; 2 expected sessions no longer expected"
    )
    assert [(m.before, m.after) for m in change.impact.notices] == [
        (date(2025, 11, 6), date(2025, 10, 30))
    ]
    with store.session() as s:
        assert s.exec(select(Review)).one().scheduled_for == date(2025, 11, 10)
    key = change.keys[0]
    shorter = CalendarEntry("unexpected", date(2025, 11, 3), date(2025, 11, 3), "Flood",
                            "Burst main flooded the ground floor", key)  # fmt: skip
    edited = store.run(edit_calendar_entry, key, shorter, TODAY).value
    assert edited.impact.expected_gained == 1  # Wednesday morning is expected again
    removed = store.run(remove_calendar_entry, key, TODAY).value
    assert removed.impact.expected_gained == 1 and removed.removed == 1


def test_an_import_is_all_or_nothing(store: Store) -> None:
    entries = [
        CalendarEntry("term", date(2025, 9, 1), date(2025, 12, 19), "Autumn"),
        CalendarEntry("term", date(2025, 12, 1), date(2026, 3, 27), "Spring"),
    ]
    with pytest.raises(ValidationError, match="overlaps Autumn"):
        store.run(import_calendar, entries, TODAY)
    assert store.read(calendar_year, 2025).terms == []


def test_the_year_lists_bank_holidays_to_suggest_never_adds_them(store: Store) -> None:
    store.run(
        import_calendar,
        [CalendarEntry("term", date(2026, 4, 13), date(2026, 7, 22), "Summer")],
        TODAY,
    )
    year = store.read(calendar_year, 2025)
    assert [(e.first, e.label) for e in year.suggestions] == [
        (date(2026, 5, 4), "May Day"),
        (date(2026, 5, 25), "Spring Bank Holiday"),
    ]
    assert year.closures == []
