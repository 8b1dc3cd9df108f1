"""How a measure's figure is written, the same on screen and on paper."""

from __future__ import annotations

from apdesk.i18n import _, ngettext
from apdesk.services.measures.model import COUNT, SHARE, Measure


def figure_text(m: Measure) -> str:
    """The big figure: "27", "97%" or "–" when there is no figure."""
    if m.value is None:
        return "–"
    if m.kind == COUNT:
        return f"{int(m.value):,}"
    return f"{m.value * 100:.0f}%" if m.kind == SHARE else f"{m.value * 100:.1f}%"


def detail_text(m: Measure) -> str:
    """The words under the figure: "36 of 37 placements", or why there is no figure."""
    if m.value is None:
        if m.name == "attendance_national":
            return _("not set yet")
        return _("nothing to count yet")
    if m.kind == SHARE:
        unit = _("pupils") if m.name == "severe_absence" else _("placements")
        return _("{n} of {d} {unit}").format(n=m.numerator, d=m.denominator, unit=unit)
    if m.name == "pupils_in_ap":
        n = len(m.placement_ids)
        return ngettext("in {n} placement", "in {n} placements", n).format(n=n)
    if m.name == "suspensions":
        n = len(m.pupil_ids)
        return ngettext("for {n} pupil", "for {n} pupils", n).format(n=n) if n else _("recorded")
    if m.kind == COUNT:
        return _("pupils")
    if m.denominator:
        return _("{n:,} of {d:,} sessions").format(n=m.numerator, d=m.denominator)
    return _("set by you")


def target_text(m: Measure) -> str:
    if m.target is None:
        return ""
    return _("target {t:.0f}%").format(t=m.target * 100)


def short_of_target(m: Measure) -> bool | None:
    """True when a share misses its target (worse), None when there is no target or value."""
    if m.target is None or m.value is None:
        return None
    if m.target == 0.0:
        return m.value > 0
    return m.value < m.target
