"""Today's work: the few things a coordinator must act on this morning, most urgent first.

Each item names the page that deals with it and the filter that narrows that page to exactly
these records, so the home page can open the work in one click.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from apdesk.i18n import _, format_date, format_number, ngettext
from apdesk.models import Placement, Provider, Pupil
from apdesk.models.enums import LaApproval, OutboxStatus, PlacementStatus
from apdesk.services.attendance import today_board
from apdesk.services.attendance.expected import PlacementPattern
from apdesk.services.attendance.today import LateReturn
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.placement_facts import provider_facts
from apdesk.services.plans import follow_ups_due, reviews_due
from apdesk.services.qa import (
    CHECKS_NEEDED,
    FAILED,
    MISSING,
    NEEDS_REASON,
    OVERDUE,
    qa_statuses,
)
from apdesk.services.subject_access import open_requests
from apdesk.sync.outbox import list_outbox

URGENT, DUE = "urgent", "due"
MAX_NAMES = 3


@dataclass(frozen=True)
class TodayItem:
    key: str
    title: str  # e.g. "4 pupils at a provider without a mark"
    detail: str  # a few names, so the coordinator knows who before clicking
    count: int
    severity: str  # URGENT or DUE
    page: str  # the page key that deals with it
    filter: dict[str, Any] = field(default_factory=dict)
    # One (placement id, pupil's name, words) per record the row offers actions on.
    records: tuple[tuple[int, str, str], ...] = ()


def _names(names: list[str], between: str = ", ") -> str:
    names = list(dict.fromkeys(n for n in names if n))
    shown = between.join(names[:MAX_NAMES])
    more = len(names) - MAX_NAMES
    return shown + (_(" and {n} more").format(n=more) if more > 0 else "")


ATTENDANCE_KEYS = frozenset({"unmarked", "late_returns"})  # the work a mark can move


def todays_work(
    session: Session,
    now: datetime,
    patterns: list[PlacementPattern] | None = None,
    calendar: SchoolCalendar | None = None,
    after_marks: list[TodayItem] | None = None,
) -> list[TodayItem]:
    """Every kind of work with something in it; an empty list means nothing is waiting.
    `patterns`, if given, were read for a range covering the day's board (`board_start`).
    `after_marks`, if given, is this day's work read before marks alone changed: only the
    register's items are read again (reviews, notices, QA and the outbox are kept)."""
    today = now.date()
    items: list[TodayItem | None] = list(_attendance(session, now, patterns, calendar))
    if after_marks is not None:
        items += [i for i in after_marks if i.key not in ATTENDANCE_KEYS]
    else:
        items += [
            *_reviews(session, today),
            _follow_ups(session, today),
            _overrunning(session, today),
            _notices(session, today),
            *_qa(session, today),
            _outbox(session),
            _subject_access(session, today),
        ]
    found = [i for i in items if i is not None and i.count > 0]
    return sorted(found, key=lambda i: i.severity != URGENT)  # stable: the order above kept


def _attendance(
    session: Session,
    now: datetime,
    patterns: list[PlacementPattern] | None,
    calendar: SchoolCalendar | None,
) -> list[TodayItem | None]:
    board = today_board(session, now, patterns, calendar)
    unmarked = board.with_status("awaiting")
    day = board.day.isoformat()
    late = board.late_returns
    return [
        TodayItem(
            "unmarked",
            ngettext(
                "{n} pupil at a provider today awaiting a mark",
                "{n} pupils at a provider today awaiting a mark",
                len(unmarked),
            ).format(n=len(unmarked)),
            _names([p.name for p in unmarked]),
            len(unmarked),
            URGENT,
            "attendance",
            {"day": day, "status": "awaiting", "pupil_ids": [p.pupil_id for p in unmarked]},
        ),
        TodayItem(
            "late_returns",
            ngettext(
                "{n} provider late with attendance returns",
                "{n} providers late with attendance returns",
                len(late),
            ).format(n=len(late)),
            _names([_missing(r) for r in late]),
            len(late),
            URGENT,
            "attendance",
            {"day": day, "provider_ids": [r.provider_id for r in late]},
        ),
    ]


def _missing(late: LateReturn) -> str:
    """The provider and what it owes, in words: a bare "(7)" left the reader to guess."""
    return ngettext(
        "{name}: {n} session without a mark",
        "{name}: {n} sessions without a mark",
        late.missing_sessions,
    ).format(name=late.name, n=format_number(late.missing_sessions))


def _reviews(session: Session, today: date) -> list[TodayItem | None]:
    due = reviews_due(session, today)
    overdue = [d for d in due if d.overdue]
    soon = [d for d in due if not d.overdue]
    return [
        TodayItem(
            "reviews_overdue",
            ngettext("{n} review overdue", "{n} reviews overdue", len(overdue)).format(
                n=len(overdue)
            ),
            _names([d.pupil_name for d in overdue]),
            len(overdue),
            URGENT,
            "reviews",
            {"state": "overdue", "placement_ids": [d.placement_id for d in overdue]},
        ),
        TodayItem(
            "reviews_due",
            ngettext(
                "{n} review due in the next two weeks",
                "{n} reviews due in the next two weeks",
                len(soon),
            ).format(n=len(soon)),
            _names([d.pupil_name for d in soon]),
            len(soon),
            DUE,
            "reviews",
            {"state": "due", "placement_ids": [d.placement_id for d in soon]},
        ),
    ]


def _follow_ups(session: Session, today: date) -> TodayItem:
    """Overdue checks that a return to mainstream lasted: a pupil back from AP is easily lost
    from view, and the LA counts a return that did not last."""
    overdue = [f for f in follow_ups_due(session, today) if f.overdue]
    return TodayItem(
        "follow_ups_overdue",
        ngettext(
            "{n} follow-up after a return overdue",
            "{n} follow-ups after a return overdue",
            len(overdue),
        ).format(n=format_number(len(overdue))),
        _names([f.pupil_name for f in overdue]),
        len(overdue),
        URGENT,
        "reviews",
        {"state": "follow_ups", "placement_ids": sorted({f.placement_id for f in overdue})},
    )


def _names_of(session: Session, pupil_ids: set[int]) -> dict[int, str]:
    """The names of these pupils only (as `Pupil.display_name`): not the whole register."""
    if not pupil_ids:
        return {}
    query = select(Pupil.id, Pupil.preferred_name, Pupil.forename, Pupil.surname).where(
        col(Pupil.id).in_(sorted(pupil_ids))
    )
    return {
        int(pid or 0): f"{preferred or forename} {surname}"
        for pid, preferred, forename, surname in session.exec(query).all()
    }


def _overrunning(session: Session, today: date) -> TodayItem:
    """Active placements past their planned end: extend them or end them, so the register,
    the LA and the plan stop counting a placement that is over."""
    query = select(col(Placement.id), Placement.pupil_id, col(Placement.end_date)).where(
        col(Placement.status) == PlacementStatus.ACTIVE.value,
        col(Placement.end_date).is_not(None),
        col(Placement.end_date) < today,
    )
    found = sorted(session.exec(query).all(), key=lambda p: p[2] or today)
    pupils = _names_of(session, {pupil_id for _id, pupil_id, _end in found})
    records = tuple(
        (
            int(pid or 0),
            pupils.get(pupil_id, ""),
            _("{name}: planned to end on {day}").format(
                name=pupils.get(pupil_id, ""), day=format_date(end or today)
            ),
        )
        for pid, pupil_id, end in found
    )
    return TodayItem(
        "overrunning",
        ngettext(
            "{n} placement past its planned end date",
            "{n} placements past their planned end date",
            len(found),
        ).format(n=len(found)),
        _names([pupils.get(pupil_id, "") for _id, pupil_id, _end in found]),
        len(found),
        URGENT,
        "placements",
        {"placement_ids": [pid for pid, _pupil, _end in found]},
        records,
    )


def _notices(session: Session, today: date) -> TodayItem:
    """Off-site directions with no written notice to parents recorded yet."""
    running = [
        PlacementStatus.DRAFT.value,
        PlacementStatus.REFERRED.value,
        PlacementStatus.ACTIVE.value,
    ]
    query = select(Placement.id, Placement.pupil_id).where(
        col(Placement.off_site_direction).is_(True),
        col(Placement.parent_notice_date).is_(None),
        col(Placement.status).in_(running),
    )
    found = list(session.exec(query).all())
    pupils = _names_of(session, {pupil_id for _id, pupil_id in found})
    return TodayItem(
        "notices",
        ngettext(
            "{n} notice to parents due (off-site direction)",
            "{n} notices to parents due (off-site direction)",
            len(found),
        ).format(n=len(found)),
        _names([pupils.get(pupil_id, "") for _id, pupil_id in found]),
        len(found),
        URGENT,
        "placements",
        {"placement_ids": [pid for pid, _pupil in found]},
    )


def _qa(session: Session, today: date) -> list[TodayItem]:
    """Providers in use (a running placement) whose QA needs seeing to. Failed or missing QA,
    or approval suspended, is today's: pupils are placed where the school cannot vouch for
    them. QA merely overdue (or other checks) is soon, and said apart."""
    in_use = set(
        session.exec(
            select(Placement.provider_id).where(
                col(Placement.status).in_(
                    [PlacementStatus.REFERRED.value, PlacementStatus.ACTIVE.value]
                )
            )
        ).all()
    )
    providers = [p for p in provider_facts(session).values() if p.id in in_use]
    states = qa_statuses(session, providers, today)
    suspended = set(
        session.exec(
            select(Provider.id).where(
                Provider.la_approval == LaApproval.SUSPENDED, col(Provider.id).in_(in_use)
            )
        ).all()
    )
    wrong = {p.id: _what_is_wrong(states[p.id or 0].state, p.id in suspended) for p in providers}
    failed = [p for p in providers if wrong[p.id]]
    late = [p for p in providers if not wrong[p.id] and states[p.id or 0].state in NEEDS_REASON]
    return [
        TodayItem(
            "qa_failed",
            ngettext(
                "{n} provider in use with failed or missing QA or approval suspended",
                "{n} providers in use with failed or missing QA or approval suspended",
                len(failed),
            ).format(n=len(failed)),
            _names(
                [_("{name}: {what}").format(name=p.name, what=wrong[p.id]) for p in failed], "; "
            ),
            len(failed),
            URGENT,
            "providers",
            {"provider_ids": [p.id for p in failed], "qa": "failed"},
        ),
        TodayItem(
            "qa_overdue",
            ngettext(
                "{n} provider in use with QA overdue",
                "{n} providers in use with QA overdue",
                len(late),
            ).format(n=len(late)),
            _names([p.name for p in late]),
            len(late),
            DUE,
            "providers",
            {"provider_ids": [p.id for p in late], "qa": "overdue"},
        ),
    ]


def _what_is_wrong(state: str, suspended: bool) -> str:
    """Failed or missing QA and a suspended approval in words; "" when none of them."""
    words = {FAILED: _("QA failed"), MISSING: _("QA missing")}
    found = [words[state]] if state in words else []
    if suspended:
        found.append(_("approval suspended"))
        due = {OVERDUE: _("QA overdue"), CHECKS_NEEDED: _("QA checks needed")}
        if state in due:  # said here, as it is not said again under "soon"
            found.append(due[state])
    return ", ".join(found)


def _outbox(session: Session) -> TodayItem:
    waiting = [r for r in list_outbox(session) if r.status != OutboxStatus.DELIVERED.value]
    stuck = [r for r in waiting if r.status == OutboxStatus.ATTENTION.value]
    detail = _("{n} need attention").format(n=len(stuck)) if stuck else ""
    return TodayItem(
        "outbox",
        ngettext(
            "{n} pack waiting to send to the LA",
            "{n} packs waiting to send to the LA",
            len(waiting),
        ).format(n=len(waiting)),
        detail,
        len(waiting),
        URGENT if stuck else DUE,
        "outbox",
        {"status": "waiting", "pack_ids": [r.pack_id for r in waiting]},
    )


SAR_URGENT_DAYS = 7  # a week before the month is up, the request is urgent


def _subject_access(session: Session, today: date) -> TodayItem:
    """Subject access requests not yet answered: one calendar month from receipt."""
    waiting = open_requests(session)
    urgent = any((r.respond_by - today).days <= SAR_URGENT_DAYS for r in waiting)
    detail = _names(
        [
            _("{name} by {day}").format(name=r.pupil_name, day=format_date(r.respond_by))
            for r in waiting
        ]
    )
    return TodayItem(
        "subject_access",
        ngettext(
            "{n} subject access request to answer",
            "{n} subject access requests to answer",
            len(waiting),
        ).format(n=len(waiting)),
        detail,
        len(waiting),
        URGENT if urgent else DUE,
        "pupils",
        {"pupil_ids": sorted({r.pupil_id for r in waiting})},
    )
