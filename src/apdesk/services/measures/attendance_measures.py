"""Attendance measures: in AP, the school's own rate, the national comparator, and severe
absence among AP pupils (DfE method: attended / possible; severe = half or more missed)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session

from apdesk.i18n import _
from apdesk.models.figures import Figures
from apdesk.services.attendance import placement_figures, pupil_figures
from apdesk.services.attendance.expected import PlacementPattern
from apdesk.services.attendance.register_scan import Scan
from apdesk.services.attendance.statistics import scan_range
from apdesk.services.attendance.tally import school_tally
from apdesk.services.measures.common import Period, get_national_rate
from apdesk.services.measures.model import RATE, SHARE, Measure


def school_figures(session: Session, period: Period) -> Figures:
    """Every current mark in the period, for every pupil: the school's own rate."""
    return school_tally(session, period.start, period.end)


def _rate(
    name: str, label: str, definition: str, figures: Figures, pupils: set[int], placements: set[int]
) -> Measure:
    return Measure(
        name,
        label,
        definition,
        RATE,
        figures.attended,
        figures.possible or 0,
        figures.rate,
        tuple(sorted(pupils)),
        tuple(sorted(placements)),
    )


def period_scan(
    session: Session, period: Period, today: date, patterns: list[PlacementPattern] | None = None
) -> Scan:
    """The one pass over the period's marks that the attendance measures share."""
    end = min(period.end, today)
    return scan_range(session, period.start, end, today=today, patterns=patterns)


def attendance_measures(
    session: Session, period: Period, scope: dict[int, Any], today: date, scan: Scan
) -> list[Measure]:
    end = min(period.end, today)
    by_placement = (
        placement_figures(session, period.start, end, scan=scan, placement_ids=set(scope))
        if scope
        else {}
    )
    ap = Figures()
    for pid in scope:
        if pid in by_placement:
            ap.merge(by_placement[pid])
    national = get_national_rate(session)
    return [
        _rate(
            "attendance_ap",
            _("Attendance in AP"),
            _(
                "Sessions attended at providers ÷ possible sessions there, for placements running "
                "in the period (DfE method)."
            ),
            ap,
            {p.pupil_id for p in scope.values()},
            set(scope),
        ),
        _rate(
            "attendance_school",
            _("School attendance"),
            _(
                "The school's own rate: every session attended ÷ every possible session in the "
                "period, for every pupil whose register apdesk holds."
            ),
            school_figures(session, Period(period.start, end)),
            set(),
            set(),
        ),
        Measure(
            "attendance_national",
            _("National comparator"),
            _(
                "The national attendance rate you set on the home page (published by the DfE); "
                "empty until set."
            ),
            RATE,
            None,
            None,
            national,
        ),
    ]


def severe_absence(
    session: Session, period: Period, scope: dict[int, Any], today: date, scan: Scan
) -> Measure:
    pupils = {p.pupil_id for p in scope.values()}
    end = min(period.end, today)
    figures = pupil_figures(session, period.start, end, pupil_ids=pupils, scan=scan)
    counted = {pid for pid in pupils if pid in figures and figures[pid].possible > 0}
    severe = {pid for pid in counted if figures[pid].severe}
    ids = {pid: p.pupil_id for pid, p in scope.items() if p.pupil_id in severe}
    return Measure(
        "severe_absence",
        _("Severely absent AP pupils"),
        _(
            "AP pupils in the period who missed half or more of their possible sessions, "
            "÷ AP pupils with any possible session."
        ),
        SHARE,
        len(severe),
        len(counted),
        len(severe) / len(counted) if counted else None,
        tuple(sorted(severe)),
        tuple(sorted(ids)),
        0.0,
    )
