"""The school day (periods, breaks, lunch) and the one- or two-week cycle every timetable uses.

Until the school records its own periods, a common secondary day is assumed: five one-hour
lessons with a morning break and lunch. Closures come from the shared school calendar, so a
timetable and the attendance registers agree on which days are school days."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date

from sqlmodel import Session, select

from apdesk.i18n import _, ngettext
from apdesk.models import Period, Setting
from apdesk.models.errors import ValidationError
from apdesk.models.timetable_grid import (
    DEFAULT_PERIODS,
    PeriodDef,
    Structure,
)
from apdesk.services.calendar import SchoolCalendar

CYCLE_KEY = "timetable.cycle_weeks"
ANCHOR_KEY = "timetable.cycle_anchor"


def load_structure(session: Session) -> Structure:
    rows = session.exec(select(Period).order_by(Period.number)).all()  # type: ignore[arg-type]
    periods = tuple(PeriodDef(r.number, r.label, r.starts, r.ends, r.kind) for r in rows)
    settings = {s.key: s.value for s in session.exec(select(Setting)).all()}
    cycle = int(settings.get(CYCLE_KEY) or 1)
    anchor_text = settings.get(ANCHOR_KEY) or ""
    anchor = date.fromisoformat(anchor_text) if anchor_text else None
    return Structure(cycle if cycle in (1, 2) else 1, periods or DEFAULT_PERIODS, anchor)


def validate_periods(periods: Sequence[PeriodDef]) -> None:
    if not any(p.is_lesson for p in periods):
        raise ValidationError(
            "Periods", _("there are no lessons"), _("add at least one lesson period")
        )
    numbers = [p.number for p in periods]
    if len(set(numbers)) != len(numbers):
        raise ValidationError(
            "Period number", _("two periods share a number"), _("number each once")
        )
    ordered = sorted(periods, key=lambda p: p.starts)
    for p in ordered:
        if p.ends <= p.starts:
            raise ValidationError(
                _("{period} end time").format(period=p.label or p.number),
                _("is not after its start"),
                _("check the times"),
            )
    for before, after in itertools.pairwise(ordered):
        if after.starts < before.ends:
            raise ValidationError(
                _("{period} start time").format(period=after.label or after.number),
                _("overlaps {period}").format(period=before.label or before.number),
                _("start it at {time} or later").format(time=f"{before.ends:%H:%M}"),
            )


def save_structure(
    session: Session,
    periods: Sequence[PeriodDef],
    cycle_weeks: int = 1,
    anchor: date | None = None,
) -> Structure:
    """Replace the school day and cycle; checks everything before changing anything."""
    if cycle_weeks not in (1, 2):
        raise ValidationError(
            "Cycle length",
            ngettext("{n} week", "{n} weeks", cycle_weeks).format(n=cycle_weeks),
            _("choose 1 or 2 weeks"),
        )
    validate_periods(periods)
    for row in session.exec(select(Period)).all():
        session.delete(row)
    session.flush()
    for p in periods:
        session.add(
            Period(number=p.number, label=p.label, starts=p.starts, ends=p.ends, kind=p.kind)
        )
    _set(session, CYCLE_KEY, str(cycle_weeks))
    _set(session, ANCHOR_KEY, anchor.isoformat() if anchor else "")
    session.flush()
    return load_structure(session)


def _set(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
        session.add(row)


def teaching_days(session: Session, start: date, end: date) -> list[date]:
    """School days from start to end, skipping the holidays and closures attendance uses."""
    return list(SchoolCalendar.load(session).school_days(start, end))
