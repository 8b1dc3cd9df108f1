"""A placement warning in a few words, for a list's column: the full message is a sentence
that fits no column, and a bare count ("1") said nothing until hovered."""

from __future__ import annotations

from apdesk.i18n import N_, _
from apdesk.models.column_words import column_label

TITLES = {
    "agreement": N_("No written agreement"),
    "caseworker_told": N_("SEND caseworker not told"),
    "child_voice": N_("Child's voice not sought"),
    "dates_order": N_("Starts after it ends"),
    "direction_days_count": N_("Direction: days do not add up"),
    "direction_reason": N_("Direction: no behaviour reason"),
    "direction_review": N_("Direction review due"),
    "ehcp_attached": N_("EHC plan not attached"),
    "english_maths": N_("No English and maths"),
    "exit_strategy": N_("No exit strategy"),
    "family_voice": N_("Family's voice not sought"),
    "full_time_hours": N_("Hours not full time"),
    "health_needs": N_("No health needs recorded"),
    "hours_missing": N_("No hours entered"),
    "la_notified": N_("LA not told"),
    "learning_outcomes": N_("No learning outcomes"),
    "notice_address": N_("Notice: no address"),
    "notice_days": N_("Notice: no days"),
    "notice_la_copy": N_("Notice: no LA copy"),
    "notice_la_late": N_("LA notice late"),
    "notice_late": N_("Notice to parents late"),
    "notice_missing": N_("No notice to parents"),
    "notice_reasons": N_("Notice: no reasons"),
    "notice_reporting_to": N_("Notice: no contact"),
    "notice_session_times": N_("Notice: no times"),
    "part_time_timetable": N_("Part time: rest of week"),
    "past_end": N_("Past its end date"),
    "planned_length": N_("Longer than allowed"),
    "provider_qa": N_("Provider QA"),
    "registration_code": N_("Register code"),
    "review_after_end": N_("Review after the end"),
    "risk_assessment": N_("Risk assessment not attached"),
    "review_date": N_("Review date"),
    "review_overdue": N_("Review overdue"),
    "sessions_pattern": N_("Sessions and hours"),
    "success_measures": N_("No success measures"),
    "transport": N_("No transport recorded"),
    "unregistered_full_time": N_("Unregistered provider"),
    "virtual_school": N_("Virtual School not told"),
}


# The warnings a list names first, most pressing first: a placement running past its end or
# ending before it starts needs acting on today, then a review gone by without being held; the
# rest keep the order a form is filled in.
LEADS = (
    "past_end",
    "dates_order",
    "review_overdue",
    "review_after_end",
    "unregistered_full_time",
    "notice_missing",
)


def leading(codes: list[str]) -> int:
    """The position of the warning a list should name, of warnings given in check order."""
    ranked = [(LEADS.index(c) if c in LEADS else len(LEADS), n) for n, c in enumerate(codes)]
    return min(ranked)[1]


def warning_title(code: str, field: str) -> str:
    """The warning's few words; a check with no title of its own is named by its field."""
    title = TITLES.get(code)
    return _(title) if title else column_label(field, "placement")
