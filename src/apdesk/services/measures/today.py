"""Today's work: the few things a coordinator must act on this morning, most urgent first.

Each item names the page that deals with it and the filter that narrows that page to exactly
these records, so the home page can open the work in one click.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from apdesk.i18n import _, format_date, ngettext
from apdesk.models import Placement, Provider, Pupil
from apdesk.models.enums import OutboxStatus, PlacementStatus
from apdesk.services.attendance import today_board
from apdesk.services.plans import reviews_due
from apdesk.services.qa import NEEDS_REASON, qa_statuses
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


def _names(names: list[str]) -> str:
    names = list(dict.fromkeys(n for n in names if n))
    shown = ", ".join(names[:MAX_NAMES])
    more = len(names) - MAX_NAMES
    return shown + (_(" and {n} more").format(n=more) if more > 0 else "")


def todays_work(session: Session, now: datetime) -> list[TodayItem]:
    """Every kind of work with something in it; an empty list means nothing is waiting."""
    today = now.date()
    items = [
        *_attendance(session, now),
        *_reviews(session, today),
        _notices(session, today),
        _qa(session, today),
        _outbox(session),
        _subject_access(session, today),
    ]
    found = [i for i in items if i is not None and i.count > 0]
    return sorted(found, key=lambda i: i.severity != URGENT)


def _attendance(session: Session, now: datetime) -> list[TodayItem | None]:
    board = today_board(session, now)
    unmarked = board.with_status("unmarked")
    day = board.day.isoformat()
    late = board.late_returns
    return [
        TodayItem(
            "unmarked",
            _("{n} pupil(s) at a provider today without a mark").format(n=len(unmarked)),
            _names([p.name for p in unmarked]),
            len(unmarked),
            URGENT,
            "attendance",
            {"day": day, "status": "unmarked", "pupil_ids": [p.pupil_id for p in unmarked]},
        ),
        TodayItem(
            "late_returns",
            _("{n} provider(s) late with attendance returns").format(n=len(late)),
            _names([f"{r.name} ({r.missing_sessions})" for r in late]),
            len(late),
            URGENT,
            "attendance",
            {"day": day, "provider_ids": [r.provider_id for r in late]},
        ),
    ]


def _reviews(session: Session, today: date) -> list[TodayItem | None]:
    due = reviews_due(session, today)
    overdue = [d for d in due if d.overdue]
    soon = [d for d in due if not d.overdue]
    return [
        TodayItem(
            "reviews_overdue",
            _("{n} review(s) overdue").format(n=len(overdue)),
            _names([d.pupil_name for d in overdue]),
            len(overdue),
            URGENT,
            "reviews",
            {"state": "overdue", "placement_ids": [d.placement_id for d in overdue]},
        ),
        TodayItem(
            "reviews_due",
            _("{n} review(s) due in the next two weeks").format(n=len(soon)),
            _names([d.pupil_name for d in soon]),
            len(soon),
            DUE,
            "reviews",
            {"state": "due", "placement_ids": [d.placement_id for d in soon]},
        ),
    ]


def _notices(session: Session, today: date) -> TodayItem:
    """Off-site directions with no written notice to parents recorded yet."""
    running = [
        PlacementStatus.DRAFT.value,
        PlacementStatus.REFERRED.value,
        PlacementStatus.ACTIVE.value,
    ]
    query = select(Placement).where(
        col(Placement.off_site_direction).is_(True),
        col(Placement.parent_notice_date).is_(None),
        col(Placement.status).in_(running),
    )
    found = list(session.exec(query).all())
    pupils = {p.id: p.display_name for p in session.exec(select(Pupil)).all()} if found else {}
    return TodayItem(
        "notices",
        _("{n} notice(s) to parents due (off-site direction)").format(n=len(found)),
        _names([pupils.get(p.pupil_id, "") for p in found]),
        len(found),
        URGENT,
        "placements",
        {"placement_ids": [p.id for p in found]},
    )


def _qa(session: Session, today: date) -> TodayItem:
    """Providers in use (a running placement) whose QA is overdue, missing or failed."""
    in_use = set(
        session.exec(
            select(Placement.provider_id).where(
                col(Placement.status).in_(
                    [PlacementStatus.REFERRED.value, PlacementStatus.ACTIVE.value]
                )
            )
        ).all()
    )
    providers = [p for p in session.exec(select(Provider)).all() if p.id in in_use]
    states = qa_statuses(session, providers, today)
    late = [p for p in providers if states[p.id or 0].state in NEEDS_REASON]
    return TodayItem(
        "qa_overdue",
        _("{n} provider(s) in use with QA overdue").format(n=len(late)),
        _names([p.name for p in late]),
        len(late),
        DUE,
        "providers",
        {"provider_ids": [p.id for p in late], "qa": "overdue"},
    )


def _outbox(session: Session) -> TodayItem:
    waiting = [r for r in list_outbox(session) if r.status != OutboxStatus.DELIVERED.value]
    stuck = [r for r in waiting if r.status == OutboxStatus.ATTENTION.value]
    detail = _("{n} need attention").format(n=len(stuck)) if stuck else ""
    return TodayItem(
        "outbox",
        _("{n} pack(s) waiting to send to the LA").format(n=len(waiting)),
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
