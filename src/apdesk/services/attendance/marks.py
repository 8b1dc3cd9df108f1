"""Recording marks: a changed mark is an amendment that keeps the original row.

Registers are legal documents kept for six years, so a mark is never overwritten: the new
row carries the reason, the old row points at it through `superseded_by`, and the current
register is the rows nobody has superseded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from apdesk.i18n import _, ngettext
from apdesk.models import AttendanceMark, Pupil, ValidationError
from apdesk.models.codes import normalise_code
from apdesk.models.enums import MarkSource
from apdesk.models.enums import Session as AmPm
from apdesk.services.attendance.expected import expecting, load_patterns, placement_for
from apdesk.services.attendance.mark_rules import date_problem, elsewhere_problem
from apdesk.services.attendance.session_words import session_for

ACTOR_KEY = "apdesk_actor"  # where the store puts the unlocking user's name in session.info
LATE_CODES = ("L", "U")
MAX_MINUTES_LATE = 300


@dataclass
class MarkResult:
    """What record_mark did: "created", "amended" or "unchanged", and the current row."""

    mark: AttendanceMark
    outcome: str


def parse_session(raw: Any) -> AmPm:
    if isinstance(raw, AmPm):
        return raw
    found = session_for(str(raw))
    if found is None:
        text = str(raw).strip() or _("(blank)")
        raise ValidationError(
            "session",
            _("'{value}' is not AM or PM").format(value=text),
            _("use AM or PM, or the words morning or afternoon"),
        )
    return found


def check_minutes_late(value: int | None, code: str) -> int | None:
    if value is None:
        return None
    if not 0 <= value <= MAX_MINUTES_LATE:
        limit = MAX_MINUTES_LATE
        raise ValidationError(
            "minutes_late",
            _("{value} is out of range").format(value=value),
            ngettext("give 0 to {n} minute", "give 0 to {n} minutes", limit).format(n=limit),
        )
    if code not in LATE_CODES:
        raise ValidationError(
            "minutes_late",
            _("minutes late given with code {code}").format(code=code),
            _("use L or U for a late arrival"),
        )
    return value


def current_marks_query(
    start: date | None = None, end: date | None = None, pupil_ids: Iterable[int] | None = None
) -> Any:
    """SELECT of the current (not superseded) marks, optionally in a date range and for pupils."""
    return current_only(select(AttendanceMark), start, end, pupil_ids)


def current_only(
    query: Any,
    start: date | None = None,
    end: date | None = None,
    pupil_ids: Iterable[int] | None = None,
) -> Any:
    """`query` restricted to current marks (and a date range and pupils, if given)."""
    query = query.where(col(AttendanceMark.superseded_by).is_(None))
    if start is not None:
        query = query.where(col(AttendanceMark.mark_date) >= start)
    if end is not None:
        query = query.where(col(AttendanceMark.mark_date) <= end)
    if pupil_ids is not None:
        query = query.where(col(AttendanceMark.pupil_id).in_(list(pupil_ids)))
    return query


def current_marks(
    session: Session, start: date, end: date, pupil_ids: Iterable[int] | None = None
) -> list[AttendanceMark]:
    query = current_marks_query(start, end, pupil_ids).order_by(
        col(AttendanceMark.mark_date), col(AttendanceMark.session), col(AttendanceMark.pupil_id)
    )
    return list(session.exec(query).all())


def current_mark(
    session: Session, pupil_id: int, day: date, half: AmPm | str
) -> AttendanceMark | None:
    query = current_marks_query(day, day, [pupil_id]).where(
        col(AttendanceMark.session) == parse_session(half).value
    )
    found: AttendanceMark | None = session.exec(query).first()
    return found


def mark_history(
    session: Session, pupil_id: int, day: date, half: AmPm | str
) -> list[AttendanceMark]:
    """Every mark ever recorded for one session, oldest first (the last is the current one)."""
    query = (
        select(AttendanceMark)
        .where(AttendanceMark.pupil_id == pupil_id, AttendanceMark.mark_date == day)
        .where(col(AttendanceMark.session) == parse_session(half).value)
        .order_by(col(AttendanceMark.id))
    )
    return list(session.exec(query).all())


def actor_of(session: Session) -> str:
    return str(session.info.get(ACTOR_KEY, ""))


def record_mark(
    session: Session,
    pupil_id: int,
    day: date,
    half: AmPm | str,
    code: str,
    *,
    source: MarkSource = MarkSource.SCHOOL,
    recorded_by: str | None = None,
    minutes_late: int | None = None,
    note: str = "",
    reason: str = "",
    history: bool = False,
    today: date | None = None,
) -> MarkResult:
    """Record one mark; a different code from the current one needs a `reason` (amendment).

    Refused: a date before the pupil's birth, before 1990 or over a year ahead; a retired code
    on or after 19 August 2024; K for a session of school-arranged AP, B for LA-arranged."""
    pupil = session.get(Pupil, pupil_id)
    if pupil is None:
        raise ValidationError(
            "pupil",
            _("no pupil with id {id}").format(id=pupil_id),
            _("choose a pupil on roll"),
        )
    if day.weekday() >= 5:
        raise ValidationError(
            "date",
            _("{day} is a weekend").format(day=day.isoformat()),
            _("marks are for school days"),
        )
    problem = date_problem(day, pupil.dob, today or date.today())
    if problem:
        raise ValidationError("date", problem, _("marks are for the pupil's school days"))
    half = parse_session(half)
    code = normalise_code(code, half, history=history, day=day)
    minutes_late = check_minutes_late(minutes_late, code)
    existing = current_mark(session, pupil_id, day, half)
    if existing is not None and existing.code == code:
        return MarkResult(existing, "unchanged")
    if existing is not None and not reason.strip():
        raise ValidationError(
            "reason",
            _("changing {old} to {new} is an amendment").format(old=existing.code, new=code),
            _("say why the mark is being changed"),
        )
    patterns = load_patterns(session, day, day, [pupil_id])
    problem = elsewhere_problem(code, expecting(patterns, day, half))
    if problem:
        raise ValidationError("code", problem, _("Registration regulations 2024"))
    pattern = placement_for(patterns, day, half)
    mark = AttendanceMark(
        pupil_id=pupil_id,
        placement_id=pattern.placement_id if pattern else None,
        mark_date=day,
        session=half,
        code=code,
        source=source,
        recorded_by=recorded_by if recorded_by is not None else actor_of(session),
        minutes_late=minutes_late,
        note=note.strip(),
        amendment_reason=reason.strip() if existing is not None else "",
    )
    session.add(mark)
    session.flush()
    if existing is None:
        return MarkResult(mark, "created")
    existing.superseded_by = mark.id
    session.add(existing)
    session.flush()
    return MarkResult(mark, "amended")


def withdraw_mark(
    session: Session, pupil_id: int, day: date, half: AmPm | str, expected: str, reason: str
) -> AttendanceMark:
    """Take back a first mark (typed in error, then undone): nothing is rubbed out.

    The mark is superseded by a blank amendment that carries `reason` and supersedes itself,
    so no row is current for the session (every reader of current marks sees no mark) while
    the history keeps the mark, when it was taken back, by whom and why. Refused if the mark
    changed meanwhile."""
    half = parse_session(half)
    current = current_mark(session, pupil_id, day, half)
    if current is None or current.code != expected:
        raise ValidationError(
            "mark",
            _("changed to {code} since").format(code=current.code if current else _("no mark")),
            _("type the code you want over it"),
        )
    blank = AttendanceMark(
        pupil_id=pupil_id,
        placement_id=current.placement_id,
        mark_date=day,
        session=half,
        code="",
        source=MarkSource.SCHOOL,
        recorded_by=actor_of(session),
        amendment_reason=reason.strip(),
    )
    session.add(blank)
    session.flush()
    blank.superseded_by = blank.id
    current.superseded_by = blank.id
    session.add_all([blank, current])
    session.flush()
    return blank
