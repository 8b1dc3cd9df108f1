"""A pack as a person reads it: who it is about, what it tells the LA, to whom and when, beside
the checked pack itself (members, hashes, the notification) for whoever needs the detail.

Read from the store, not only from the pack, so an encrypted pack (which the school cannot open
again) is still described in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from apdesk.models import Placement, Provider, Pupil, School
from apdesk.sync import connection
from apdesk.sync.outbox import OutboxRow, _row, get_item
from apdesk.sync.verify import VerifiedPack, verify_pack


@dataclass(frozen=True)
class PackOverview:
    row: OutboxRow  # the pupil by the name the school uses, the kind, made, sent
    pack: VerifiedPack  # checked: signature and every member's SHA-256
    legal_name: str = ""  # forename and surname, as the LA receives them
    nc_year: int | None = None
    provider: str = ""
    start_date: date | None = None
    end_date: date | None = None
    hours_per_week: float | None = None
    school: str = ""
    la_code: str = ""
    endpoint: str = ""  # where it goes ("" while no LA connection is set up)


def pack_overview(session: Session, pack_id: str) -> PackOverview:
    item = get_item(session, pack_id)
    pack = verify_pack(item.pack)
    found = session.exec(
        select(Placement, Pupil, Provider)
        .join(Pupil, col(Pupil.id) == col(Placement.pupil_id))
        .join(Provider, col(Provider.id) == col(Placement.provider_id))
        .where(Placement.id == item.placement_id)
    ).first()
    school = session.exec(select(School)).first()
    name, la_code = (school.name, school.la_code) if school else ("", "")
    endpoint = connection.endpoint(session)
    if found is None:  # the day's audit checkpoint: about the school, not a pupil
        return PackOverview(_row(item, None), pack, school=name, la_code=la_code, endpoint=endpoint)
    placement, pupil, provider = found
    return PackOverview(
        _row(item, pupil),
        pack,
        legal_name=f"{pupil.forename} {pupil.surname}",
        nc_year=pupil.nc_year,
        provider=provider.name,
        start_date=placement.start_date,
        end_date=placement.end_date,
        hours_per_week=placement.hours_per_week,
        school=name,
        la_code=la_code,
        endpoint=endpoint,
    )
