"""Off-site direction: the notice to parents (and the LA), what it must say, and reviews.

The Education (Educational Provision for Improving Behaviour) Regulations 2010, reg. 3, as
amended in 2012: written notice to the parents, and to the LA where the pupil has an EHC plan,
no later than 2 school days before the first day of the provision, giving where it is, who the
pupil reports to, the number of days, the reasons and objectives, and the times of the
sessions (the first session's start and the last one's finish, and the break between a
morning and an afternoon session); a review a parent (or the LA) asks for in writing must be
held if none took place in the previous 10 weeks. A notice given on a day the school is shut
counts from the next school day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from apdesk.i18n import _, format_date, ngettext
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.placement_facts import CheckedPlacement, CheckedProvider
from apdesk.services.placement_reasons import (
    R_DIRECTION_PURPOSE,
    R_DIRECTION_REVIEW,
    R_NOTICE,
    R_NOTICE_CONTENTS,
    R_NOTICE_LA,
    Warn,
)

NOTICE_SCHOOL_DAYS = 2
DIRECTION_REVIEW_GAP = timedelta(weeks=10)
WEEKDAYS = ("MON", "TUE", "WED", "THU", "FRI")
# The reasons that are about behaviour, the only purpose the regulations give a direction for.
BEHAVIOUR_REASONS = frozenset({"exclusion", "semh"})


@dataclass(frozen=True)
class NoticeTiming:
    """A notice's date against the start: when it counts from, and the latest day it could be."""

    given: date
    counts_from: date  # the given day, or the next school day when the school was shut
    deadline: date  # 2 school days before the start

    @property
    def in_time(self) -> bool:
        return self.counts_from <= self.deadline


def next_school_day(day: date, calendar: SchoolCalendar) -> date:
    while not calendar.is_school_day(day):
        day += timedelta(days=1)
    return day


def notice_deadline(start: date, calendar: SchoolCalendar) -> date:
    """The last day notice can be given: counted back 2 school days from the start."""
    return calendar.add_school_days(start, -NOTICE_SCHOOL_DAYS)


def notice_timing(given: date, start: date, calendar: SchoolCalendar) -> NoticeTiming:
    return NoticeTiming(given, next_school_day(given, calendar), notice_deadline(start, calendar))


def two_sessions(sessions: Iterable[str]) -> bool:
    """A morning and an afternoon on the same day: the notice gives the break between them."""
    chosen = set(sessions)
    return any(f"{day}_AM" in chosen and f"{day}_PM" in chosen for day in WEEKDAYS)


def missing_times(placement: CheckedPlacement) -> list[str]:
    """The clock times the notice must give that are not entered."""
    needed = [("session_start", _("when the first session starts"))]
    if two_sessions(placement.sessions):
        needed += [("break_start", _("when the break starts")), ("break_end", _("when it ends"))]
    needed.append(("session_end", _("when the last session finishes")))
    return [words for name, words in needed if getattr(placement, name) is None]


def direction_school_days(
    start: date | None, end: date | None, sessions: Iterable[str], calendar: SchoolCalendar
) -> int | None:
    """The school days from start to end on which the pupil has a session ticked: the number
    of days the notice gives. None while the dates or the sessions are still to be entered."""
    days = {s.split("_")[0] for s in sessions}
    if start is None or end is None or not days:
        return None
    return sum(1 for day in calendar.school_days(start, end) if WEEKDAYS[day.weekday()] in days)


def _late(code: str, field: str, who: str, timing: NoticeTiming, start: date, warn: Warn) -> None:
    counted = (
        ""
        if timing.counts_from == timing.given
        else " "
        + _("(given on a day the school was shut, so it counts from {day})").format(
            day=format_date(timing.counts_from)
        )
    )
    warn(
        code,
        field,
        _(
            "Notice to {who} given on {given}{counted}: for a start on {start} it had to be "
            "given by {deadline}, 2 school days before."
        ).format(
            who=who,
            given=format_date(timing.given),
            counted=counted,
            start=format_date(start),
            deadline=format_date(timing.deadline),
        ),
        R_NOTICE if code == "notice_late" else R_NOTICE_LA,
    )


def check_direction(
    placement: CheckedPlacement,
    provider: CheckedProvider,
    calendar: SchoolCalendar,
    warn: Warn,
    *,
    ehc_plan: bool = False,
) -> None:
    """Notice (to the parents, and to the LA for a pupil with an EHC plan), its contents, and
    reviews a parent asked for."""
    notice, start = placement.parent_notice_date, placement.start_date
    if notice is None:
        warn(
            "notice_missing",
            "parent_notice_date",
            _("Off-site direction: no written notice to the parents recorded."),
            R_NOTICE,
        )
    elif start is not None:
        timing = notice_timing(notice, start, calendar)
        if not timing.in_time:
            _late("notice_late", "parent_notice_date", _("the parents"), timing, start, warn)
    if ehc_plan:
        sent = placement.la_notice_date
        if sent is None:
            warn(
                "notice_la_copy",
                "la_notice_date",
                _("The pupil has an EHC plan: no copy of the direction notice to the LA recorded."),
                R_NOTICE_LA,
            )
        elif start is not None:
            timing = notice_timing(sent, start, calendar)
            if not timing.in_time:
                _late("notice_la_copy", "la_notice_date", _("the LA"), timing, start, warn)
    contents = (
        (
            "notice_address",
            "provider_id",
            bool(provider.address.strip()),
            _("the provider's address"),
        ),
        (
            "notice_reporting_to",
            "reporting_to",
            bool(placement.reporting_to.strip()),
            _("who the pupil reports to"),
        ),
        ("notice_days", "direction_days", placement.direction_days > 0, _("the number of days")),
        (
            "notice_reasons",
            "learning_outcomes",
            bool(placement.reasons) and bool(placement.learning_outcomes.strip()),
            _("the reasons and objectives"),
        ),
    )
    for code, field, present, what in contents:
        if not present:
            warn(
                code,
                field,
                _("The notice to parents is missing {what}.").format(what=what),
                R_NOTICE_CONTENTS,
            )
    _check_days(placement, calendar, warn)
    _check_purpose(placement, warn)
    gaps = missing_times(placement)
    if gaps:
        warn(
            "notice_session_times",
            "session_start",
            _("The notice must give the session times as clock times: enter {what}.").format(
                what=", ".join(gaps)
            ),
            R_NOTICE_CONTENTS,
        )
    asked = placement.review_requested_on
    last = placement.last_direction_review
    if asked is not None and (last is None or last < asked - DIRECTION_REVIEW_GAP):
        warn(
            "direction_review",
            "last_direction_review",
            _(
                "A parent asked for a review on {day} and none was held in the previous 10 weeks: "
                "hold one."
            ).format(day=format_date(asked)),
            R_DIRECTION_REVIEW,
        )


def _check_days(placement: CheckedPlacement, calendar: SchoolCalendar, warn: Warn) -> None:
    """The number of days is typed by hand: a parent reads it beside the dates and the days
    ticked, so a number the two do not come to is worth a second look."""
    counted = direction_school_days(
        placement.start_date, placement.end_date, placement.sessions, calendar
    )
    typed = placement.direction_days
    if counted is None or typed <= 0 or typed == counted:
        return
    given = ngettext(
        "The notice gives {n} school day", "The notice gives {n} school days", typed
    ).format(n=typed)
    comes = ngettext(
        "the days ticked from {start} to {end} come to {n} school day",
        "the days ticked from {start} to {end} come to {n} school days",
        counted,
    ).format(
        n=counted, start=format_date(placement.start_date), end=format_date(placement.end_date)
    )
    warn(
        "direction_days_count",
        "direction_days",
        _("{given}, but {comes}: please check the number of days.").format(
            given=given, comes=comes
        ),
        R_NOTICE_CONTENTS,
    )


def _check_purpose(placement: CheckedPlacement, warn: Warn) -> None:
    """A direction is for improving behaviour: one made only for other needs (SEND, medical)
    may be the wrong route, and the notice would give parents a reason it is not for."""
    if not placement.reasons or BEHAVIOUR_REASONS & set(placement.reasons):
        return
    warn(
        "direction_reason",
        "reasons",
        _(
            "Off-site direction: none of the reasons is about behaviour. A direction is for "
            "improving behaviour; please check that it is the right route, or add the reason "
            "about behaviour."
        ),
        R_DIRECTION_PURPOSE,
    )
