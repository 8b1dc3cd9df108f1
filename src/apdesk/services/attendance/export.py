"""The attendance report (JSON) and the MIS export (UPN,Date,Session,Code CSV)."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from apdesk.i18n import _
from apdesk.models import Pupil, ValidationError
from apdesk.services.attendance.marks import current_marks_query
from apdesk.services.attendance.statistics import (
    ap_pupil_figures,
    cohort_figures,
    pupil_figures,
)

MIS_HEADER = ("UPN", "Date", "Session", "Code")


def check_range(start: date, end: date) -> None:
    if end < start:
        raise ValidationError(
            "to",
            _("{end} is before {start}").format(end=end.isoformat(), start=start.isoformat()),
            _("give an end on or after the start"),
        )


def attendance_report(
    session: Session,
    start: date,
    end: date,
    today: date | None = None,
    ap_only: bool = False,
) -> dict[str, Any]:
    """{"pupils": [...], "cohort": {...}}: each pupil's figures by UPN, and the cohort's.

    Every pupil with a mark or a placement in the range, or with `ap_only` the pupils with a
    placement running in it. The cohort's counts are the pupils' summed and its rate is
    recomputed from them; its persistent_absence and severe_absence are the number of pupils
    with that flag.
    """
    check_range(start, end)
    if ap_only:
        figures = ap_pupil_figures(session, start, end, today=today)
    else:
        figures = pupil_figures(session, start, end, today=today)
    upns = dict(
        session.exec(select(Pupil.id, Pupil.upn).where(col(Pupil.id).in_(list(figures)))).all()
    )
    pupils = [{"upn": upns[pid], **fig.as_json()} for pid, fig in figures.items() if pid in upns]
    pupils.sort(key=lambda row: row["upn"])
    cohort = cohort_figures(figures.values())
    summary = cohort.as_json()
    summary["persistent_absence"] = sum(1 for f in figures.values() if f.persistent)
    summary["severe_absence"] = sum(1 for f in figures.values() if f.severe)
    return {"pupils": pupils, "cohort": summary}


def mis_rows(session: Session, start: date, end: date) -> list[tuple[str, str, str, str]]:
    """Current marks as (UPN, ISO date, AM/PM, code), by date, session and UPN."""
    check_range(start, end)
    marks = current_marks_query(start, end).subquery()
    query = (
        select(Pupil.upn, marks.c.mark_date, marks.c.session, marks.c.code)
        .join(marks, marks.c.pupil_id == Pupil.id)
        .order_by(marks.c.mark_date, marks.c.session, Pupil.upn)
    )
    return [(upn, day.isoformat(), str(half), code) for upn, day, half, code in session.exec(query)]


def mis_csv(session: Session, start: date, end: date) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(MIS_HEADER)
    writer.writerows(mis_rows(session, start, end))
    return buffer.getvalue()
