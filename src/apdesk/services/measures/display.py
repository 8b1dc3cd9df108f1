"""How a measure's figure is written, the same on screen and on paper."""

from __future__ import annotations

from apdesk.i18n import _, format_number, format_percent, ngettext
from apdesk.services.measures.model import COUNT, SHARE, Measure


def figure_text(m: Measure) -> str:
    """The big figure: "27", "97%" or "–" when there is no figure."""
    if m.value is None:
        return "–"
    if m.kind == COUNT:
        return format_number(int(m.value))
    return format_percent(m.value, 0 if m.kind == SHARE else 1)


def detail_text(m: Measure) -> str:
    """The words under the figure: "36 of 37 placements running in the period", or why there
    is no figure."""
    if m.value is None:
        if m.name == "attendance_national":
            return _("not set yet")
        return _("nothing to count yet")
    if m.kind == SHARE:
        of = m.denominator or 0
        if m.name == "severe_absence":
            # "of 29" beside a card saying 27 in AP now: these are the period's AP pupils.
            text = ngettext(
                "{n} of {d} pupil in AP in the period", "{n} of {d} pupils in AP in the period", of
            )
        else:  # every placement share counts among the placements running in the period
            text = ngettext(
                "{n} of {d} placement running in the period",
                "{n} of {d} placements running in the period",
                of,
            )
        return text.format(n=format_number(m.numerator or 0), d=format_number(of))
    if m.name == "pupils_in_ap":
        n = len(m.placement_ids)
        return ngettext("in {n} placement", "in {n} placements", n).format(n=n)
    if m.name == "suspensions":
        n = len(m.pupil_ids)
        return ngettext("for {n} pupil", "for {n} pupils", n).format(n=n) if n else _("recorded")
    if m.kind == COUNT:
        return _count_words(m.name, int(m.value))
    if m.denominator:
        text = ngettext("{n} of {d} session", "{n} of {d} sessions", m.denominator)
        return text.format(n=format_number(m.numerator or 0), d=format_number(m.denominator))
    return _("set by you")


def _count_words(name: str, n: int) -> str:
    """What the counted pupils have in common, so the tile reads as a phrase: "3 / pupils on
    part-time timetables", not "3 / pupils" under a plural heading."""
    if name == "part_time_timetables":
        return ngettext("pupil on a part-time timetable", "pupils on part-time timetables", n)
    if name == "permanent_exclusions":
        return ngettext("pupil permanently excluded", "pupils permanently excluded", n)
    if name == "re_referrals":
        return ngettext("pupil referred again", "pupils referred again", n)
    return ngettext("pupil", "pupils", n)


def target_text(m: Measure) -> str:
    if m.target is None:
        return ""
    return _("target {t}").format(t=format_percent(m.target))


def short_of_target(m: Measure) -> bool | None:
    """True when a share misses its target (worse), None when there is no target or value."""
    if m.target is None or m.value is None:
        return None
    if m.target == 0.0:
        return m.value > 0
    return m.value < m.target
