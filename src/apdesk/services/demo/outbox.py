"""Demo notification packs, so a first look at the Outbox shows what it is for.

The packs are real: built, signed and queued by the sync layer exactly as a placement change
queues them. They wait in the outbox until an LA connection is set, which is the honest state
of a new install: none shows delivered, since only the LA's own signed receipt can say that.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from apdesk.models import OutboxItem, Placement
from apdesk.models.enums import PackKind, PlacementStatus
from apdesk.models.types import utcnow
from apdesk.services.placement_record import referral_pdf
from apdesk.services.school import school_details
from apdesk.sync.outbox import notify_placement_change, queue_pack
from apdesk.sync.pack import build_pack

START_PACKS = 3  # each renders a referral PDF, the slow part of a pack
END_PACKS = 1
STARTED = (PlacementStatus.ACTIVE.value,)  # a placement still only referred has not started


def populate_outbox(session: Session, today: date) -> int:
    """Queue start packs for the most recently referred placements that have started (one
    still only referred has none: the placement editor says a start pack goes when it starts)
    and an end pack for the latest ending, each once, waiting for the LA connection. Returns how
    many packs were made (run again on the same store, it makes only the packs still missing)."""
    school = school_details(session)
    if not (school.name and school.urn and school.la_code and school.estab):
        return 0  # a pack names the school: without these it cannot be built
    live = session.exec(
        select(Placement)
        .where(col(Placement.status).in_(STARTED), col(Placement.referred_on) <= today)
        .order_by(col(Placement.referred_on).desc(), col(Placement.id).desc())
        .limit(START_PACKS)
    ).all()
    told = set(
        session.exec(
            select(OutboxItem.placement_id).where(OutboxItem.kind == PackKind.PLACEMENT_END)
        ).all()
    )
    ended = session.exec(
        select(Placement)
        .where(Placement.status == PlacementStatus.ENDED, col(Placement.ended_on) <= today)
        .order_by(col(Placement.ended_on).desc(), col(Placement.id).desc())
        .limit(END_PACKS)
    ).all()
    starts = []
    for placement in reversed(live):  # oldest referral first
        item = notify_placement_change(session, placement, None, referral_pdf=referral_pdf)
        if item is not None:
            starts.append(item)
    made = len(starts)
    for placement in ended:
        if placement.id is None or placement.id in told:
            continue
        built = build_pack(
            session, placement.id, PackKind.PLACEMENT_END, referral_pdf=None, created_at=utcnow()
        )
        queue_pack(session, built, placement.id)
        made += 1
    session.flush()
    return made
