"""Did the return last? Follow-ups 6 and 12 weeks after a placement ends with a return to
mainstream, and re-referrals: a pupil who returned being referred to AP again, which the LA
watches as the sign that a return was not sustained."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, col, select

from apdesk.i18n import _, format_date
from apdesk.models import FollowUp, Placement
from apdesk.models.enums import PlacementStatus
from apdesk.models.errors import ValidationError
from apdesk.services.pupils.names import names_and_upns

from .attendance import PeriodAttendance, attendance_between
from .common import RETURN_OUTCOMES, clean, load_placement, placement_end, placement_opened

FOLLOW_UP_WEEKS = (6, 12)


def needs_follow_up(placement: Placement) -> bool:
    return (
        placement.status is PlacementStatus.ENDED
        and placement.outcome in RETURN_OUTCOMES
        and placement.ended_on is not None
    )


def follow_ups_for(session: Session, placement: Placement) -> list[FollowUp]:
    """The stored follow-ups plus any not yet stored (unsaved, for display); none written."""
    stored = {
        f.weeks: f
        for f in session.exec(select(FollowUp).where(FollowUp.placement_id == placement.id)).all()
    }
    ended_on = placement.ended_on if needs_follow_up(placement) else None
    return _with_unstored(stored, placement.id or 0, ended_on)


def _with_unstored(
    stored: dict[int, FollowUp], placement_id: int, ended_on: date | None
) -> list[FollowUp]:
    """The stored follow-ups by weeks, with those a return on `ended_on` is due but has not
    stored yet (unsaved, for display), in order."""
    if ended_on is not None:
        for weeks in FOLLOW_UP_WEEKS:
            if weeks not in stored:
                stored[weeks] = FollowUp(
                    placement_id=placement_id, weeks=weeks, due_on=ended_on + timedelta(weeks=weeks)
                )
    return [stored[w] for w in sorted(stored)]


def ensure_follow_ups(session: Session, placement_id: int) -> list[FollowUp]:
    """Store the 6- and 12-week follow-ups of a return (idempotent); [] for other endings."""
    placement = load_placement(session, placement_id)
    rows = follow_ups_for(session, placement)
    for row in rows:
        if row.id is None:
            session.add(row)
    session.flush()
    return rows


def check_after_return(returned: date | None, done_on: date) -> None:
    """A follow-up of a return is made after the return: the refusal names both dates. The
    follow-up dialog asks the same as the date is typed."""
    if returned and done_on <= returned:
        raise ValidationError(
            _("Date checked"),
            _("{day} is not after the return on {returned}").format(
                day=format_date(done_on), returned=format_date(returned)
            ),
            _("give the day the check was made"),
        )


def record_follow_up(
    session: Session,
    follow_up_id: int | None,
    *,
    done_on: date,
    still_attending: bool,
    note: str = "",
    today: date | None = None,
    placement_id: int | None = None,
    weeks: int | None = None,
) -> FollowUp:
    """Record the check; attendance since the return is counted from the register.

    A follow-up of a return made before follow-ups were stored has no id yet: it is named by
    its placement and weeks, and stored now."""
    row = session.get(FollowUp, follow_up_id) if follow_up_id is not None else None
    if row is None and follow_up_id is None and placement_id is not None:
        row = next((f for f in ensure_follow_ups(session, placement_id) if f.weeks == weeks), None)
    if row is None:
        raise ValidationError(
            _("Follow-up"), _("no follow-up with id {id}").format(id=follow_up_id)
        )
    placement = load_placement(session, row.placement_id)
    check_after_return(placement.ended_on, done_on)
    if today and done_on > today:
        raise ValidationError(
            _("Date checked"),
            _("{day} is in the future").format(day=format_date(done_on)),
            _("record the check once it is made"),
        )
    since = attendance_since_return(session, placement, done_on)
    row.done_on = done_on
    row.still_attending = still_attending
    row.attended_sessions = since.attended if since and since.possible else None
    row.possible_sessions = since.possible if since and since.possible else None
    row.note = clean(note)
    session.add(row)
    session.flush()
    return row


def attendance_since_return(
    session: Session, placement: Placement, until: date
) -> PeriodAttendance | None:
    if placement.ended_on is None:
        return None
    return attendance_between(
        session, placement.pupil_id, placement.ended_on + timedelta(days=1), until
    )


@dataclass(frozen=True)
class FollowUpDue:
    follow_up_id: int | None  # None: due but not stored yet (a return from before they were)
    placement_id: int
    pupil_name: str
    upn: str
    weeks: int
    due_on: date
    overdue: bool


def follow_ups_due(session: Session, today: date, window_days: int = 14) -> list[FollowUpDue]:
    """Follow-ups not yet done that fall due within `window_days` or are past due. A read:
    follow-ups a return has not stored yet are listed without an id, and stored when recorded.
    Read in three queries, whatever the number of returns: the home page asks every day."""
    ended = session.exec(
        select(col(Placement.id), Placement.pupil_id, col(Placement.ended_on)).where(
            Placement.status == PlacementStatus.ENDED,
            col(Placement.outcome).in_([o.value for o in RETURN_OUTCOMES]),
        )
    ).all()
    if not ended:
        return []
    stored: dict[int, dict[int, FollowUp]] = defaultdict(dict)
    ids = [pid for pid, _pupil, _ended in ended if pid is not None]
    for row in session.exec(select(FollowUp).where(col(FollowUp.placement_id).in_(ids))).all():
        stored[row.placement_id][row.weeks] = row
    names = names_and_upns(session, (pupil for _pid, pupil, _ended in ended))
    last = today + timedelta(days=window_days)
    found = []
    for pid, pupil_id, ended_on in ended:
        name, upn = names.get(pupil_id, ("", ""))
        for row in _with_unstored(stored[pid or 0], pid or 0, ended_on):
            if row.done_on is None and row.due_on <= last:
                found.append(
                    FollowUpDue(
                        row.id, pid or 0, name, upn, row.weeks, row.due_on, row.due_on < today
                    )
                )
    return sorted(found, key=lambda f: (f.due_on, f.pupil_name))


# -- re-referral -------------------------------------------------------------------------


def earlier_return(
    session: Session, placement: Placement, siblings: Iterable[Placement] | None = None
) -> Placement | None:
    """The pupil's latest earlier placement that ended in a return to mainstream before this
    one was opened, if any. `siblings` (the pupil's placements) saves a query per call."""
    opened = placement_opened(placement)
    if siblings is None:
        siblings = session.exec(
            select(Placement).where(Placement.pupil_id == placement.pupil_id)
        ).all()
    candidates = [
        other
        for other in siblings
        if other.id != placement.id
        and other.status is PlacementStatus.ENDED
        and other.outcome in RETURN_OUTCOMES
        and (end := placement_end(other)) is not None
        and end <= opened
    ]
    return max(candidates, key=lambda p: placement_end(p) or date.min, default=None)


def is_re_referral(session: Session, placement: Placement) -> bool:
    return earlier_return(session, placement) is not None


@dataclass(frozen=True)
class ReReferral:
    placement_id: int
    pupil_id: int
    pupil_name: str
    upn: str
    earlier_placement_id: int
    returned_on: date
    referred_on: date
    weeks_after_return: int


# All that deciding a re-referral reads of a placement, read as plain columns: whole rows
# would also decode JSON lists and forty more columns, for every placement in the store.
_REFERRAL_COLUMNS: tuple[Any, ...] = (
    Placement.id,
    Placement.pupil_id,
    Placement.status,
    Placement.outcome,
    Placement.referred_on,
    Placement.started_on,
    Placement.start_date,
    Placement.ended_on,
    Placement.end_date,
    Placement.created_at,
)


def re_referrals(session: Session, since: date | None = None) -> list[ReReferral]:
    """Every placement that is a re-referral, for the LA measure; newest first. With `since`,
    only those opened (`placement_opened`) on or after it."""
    # Rows with a placement's attribute names: `earlier_return` and the date helpers read them
    # as they read placements. Read on the plain connection: no ORM bookkeeping per row.
    returned = (col(Placement.status) == PlacementStatus.ENDED.value) & col(Placement.outcome).in_(
        [o.value for o in RETURN_OUTCOMES]
    )
    # Only a pupil's returns can be an earlier return, and only a pupil with one can be
    # referred again: two reads of those, not every placement of the store.
    returns: dict[int, list[Any]] = defaultdict(list)
    for row in session.connection().execute(select(*_REFERRAL_COLUMNS).where(returned)):
        returns[row.pupil_id].append(row)
    candidates = select(*_REFERRAL_COLUMNS).where(
        col(Placement.pupil_id).in_(select(Placement.pupil_id).where(returned)),
        col(Placement.status) != PlacementStatus.DRAFT.value,
    )
    if since is not None:  # opened on or after it: whichever date `placement_opened` takes
        candidates = candidates.where(
            or_(
                col(Placement.referred_on) >= since,
                col(Placement.started_on) >= since,
                col(Placement.start_date) >= since,
                col(Placement.created_at) >= datetime.combine(since, time(), tzinfo=UTC),
            )
        )
    again: list[tuple[Any, Any, date]] = []
    rows: list[Any] = list(session.connection().execute(candidates))
    for placement in rows:
        if since is not None and placement_opened(placement) < since:
            continue  # the query keeps any with one date from `since` on: this is the one
        earlier = earlier_return(session, placement, returns[placement.pupil_id])
        returned_on = placement_end(earlier) if earlier else None
        if earlier is not None and returned_on is not None:
            again.append((placement, earlier, returned_on))
    ids = sorted({placement.pupil_id for placement, _earlier, _returned in again})
    pupils = names_and_upns(session, ids)
    found = []
    for placement, earlier, returned_on in again:
        name, upn = pupils.get(placement.pupil_id, ("", ""))
        opened = placement_opened(placement)
        found.append(
            ReReferral(
                placement.id or 0,
                placement.pupil_id,
                name,
                upn,
                earlier.id or 0,
                returned_on,
                opened,
                (opened - returned_on).days // 7,
            )
        )
    return sorted(found, key=lambda r: (r.referred_on, r.placement_id), reverse=True)
