"""The mainstream share of every pupil's timetable versions, as plain data for JSON export."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from apdesk.models import Pupil, TimetableVersion
from apdesk.services.timetables.share import share_history


def export_rows(session: Session) -> list[dict[str, Any]]:
    """One entry per pupil with a timetable: each accepted version's counts and share."""
    pupil_ids = set(session.exec(select(TimetableVersion.pupil_id).distinct()).all())
    pupils = session.exec(
        select(Pupil).where(col(Pupil.id).in_(pupil_ids)).order_by(col(Pupil.upn))
    ).all()
    out = []
    for pupil in pupils:
        versions = [
            {
                "effective_date": row.effective_date.isoformat(),
                "mainstream_lessons": row.share.mainstream_lessons,
                "iap_sessions": row.share.iap_sessions,
                "offsite_sessions": row.share.offsite_sessions,
                "mainstream_share": round(row.share.mainstream_share, 4),
            }
            for row in share_history(session, pupil.id or 0)
        ]
        out.append({"upn": pupil.upn, "versions": versions})
    return out
