"""The termly report's figures, read from the store, and the report rendered from them."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from apdesk.documents.termly_report import (
    InAp,
    MeasureLine,
    TermlyReport,
    render_termly_report,
)
from apdesk.services.measures.common import Period
from apdesk.services.measures.display import detail_text, figure_text, short_of_target, target_text
from apdesk.services.measures.measures import all_measures
from apdesk.services.measures.model import Measure
from apdesk.services.measures.roster import report_placements
from apdesk.services.measures.trends import all_charts
from apdesk.services.school import school_details


def termly_report(session: Session, period: Period, today: date) -> TermlyReport:
    """The measures, the pupils in AP, the charts and the placements of `period`."""
    as_of = min(today, period.end)
    measures = all_measures(session, period, as_of)
    in_ap = next(m for m in measures if m.name == "pupils_in_ap")
    return TermlyReport(
        school=school_details(session),
        start=period.start,
        end=period.end,
        today=today,
        measures=[_line(m) for m in measures],
        in_ap=InAp(int(in_ap.value or 0), len(in_ap.placement_ids), in_ap.breakdown),
        charts=all_charts(session, period, as_of),
        roster=report_placements(session, period),
    )


def termly_report_pdf(
    session: Session, period: Period, today: date, *, anonymised: bool = False
) -> bytes:
    return render_termly_report(termly_report(session, period, today), anonymised=anonymised)


def _line(m: Measure) -> MeasureLine:
    miss = short_of_target(m)
    return MeasureLine(
        label=m.label,
        definition=m.definition,
        figure=figure_text(m),
        detail=detail_text(m),
        target=target_text(m),
        off_target=("below" if m.target else "above") if miss else "",
    )
