"""Gaps worth a warning before a document goes out: printed, never a silent block, because the
school may still need the paper (to fill in by hand, or to show what is missing)."""

from __future__ import annotations

from datetime import date

from apdesk.documents.placement_data import PlacementRecord
from apdesk.i18n import _, format_date
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.placement_direction import NOTICE_SCHOOL_DAYS, notice_timing


def letter_warnings(
    record: PlacementRecord, today: date, calendar: SchoolCalendar | None = None
) -> list[str]:
    """What an off-site direction notice still lacks, and whether it is given in time."""
    pl, pv = record.placement, record.provider
    warnings: list[str] = []
    if not record.parents:
        warnings.append(_("no parent or carer is recorded: the letter has no addressee"))
    if not pl.off_site_direction:
        return warnings
    required = {
        _("the provision's address"): pv.address,
        _("who the pupil reports to"): pl.reporting_to,
        _("the number of days"): pl.direction_days,
        _("the reasons"): pl.reasons,
        _("the objectives (learning outcomes)"): pl.learning_outcomes,
        _("the session times"): pl.session_start and pl.session_end,
        _("the start date"): pl.start_date,
    }
    missing = [name for name, value in required.items() if not value]
    if missing:
        warnings.append(
            _("the notice must give {items}: not recorded").format(items=", ".join(missing))
        )
    if pl.start_date:
        calendar = calendar or SchoolCalendar()
        timing = notice_timing(pl.parent_notice_date or today, pl.start_date, calendar)
        if not timing.in_time:
            warnings.append(
                _(
                    "notice given on {notice} counts from {counts}, less than {n} school days "
                    "before the start on {start}: it had to be given by {deadline}"
                ).format(
                    notice=format_date(timing.given),
                    counts=format_date(timing.counts_from),
                    n=NOTICE_SCHOOL_DAYS,
                    start=format_date(pl.start_date),
                    deadline=format_date(timing.deadline),
                )
            )
    if record.has_ehc_plan and pl.la_notice_date is None:
        warnings.append(_("the pupil has an EHC plan: no copy of the notice to the LA recorded"))
    return warnings
