"""Off-site direction: the notice to parents, what it must say, and reviews a parent asks for.

The Education (Educational Provision for Improving Behaviour) Regulations: written notice at
least 2 school days before the start; a review within reach of a parent's written request.
"""

from __future__ import annotations

from datetime import timedelta

from apdesk.i18n import _, format_date
from apdesk.models import Placement, Provider
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.placement_reasons import R_DIRECTION_REVIEW, R_NOTICE, R_NOTICE_CONTENTS, Warn

NOTICE_SCHOOL_DAYS = 2
DIRECTION_REVIEW_GAP = timedelta(weeks=10)


def check_direction(
    placement: Placement, provider: Provider, calendar: SchoolCalendar, warn: Warn
) -> None:
    """Notice, its contents, and reviews a parent asked for."""
    notice, start = placement.parent_notice_date, placement.start_date
    if notice is None:
        warn(
            "notice_missing",
            "parent_notice_date",
            _("Off-site direction: no written notice to the parents recorded."),
            R_NOTICE,
        )
    elif start is not None:
        earliest = calendar.add_school_days(notice, NOTICE_SCHOOL_DAYS)
        if start < earliest:
            gap = sum(1 for _day in calendar.school_days(notice + timedelta(days=1), start))
            warn(
                "notice_late",
                "parent_notice_date",
                _(
                    "Notice given {notice}, {n} school day(s) before the start; the earliest "
                    "start is {earliest}."
                ).format(notice=format_date(notice), n=gap, earliest=format_date(earliest)),
                R_NOTICE,
            )
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
        (
            "notice_session_times",
            "session_times",
            bool(placement.session_times.strip()),
            _("the session times"),
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
