"""The school a provider's return is tested against: Ada Ash placed at Riverside Skills from
Monday 6 January 2025, Ben Birch on roll with no placement, and the school shut on the
Wednesday (an INSET day)."""

from __future__ import annotations

from datetime import date

from apdesk.models import Closure, Placement, Provider, Pupil
from apdesk.models.enums import PlacementStatus
from apdesk.models.upn import make_upn
from apdesk.store import Store

MON, WED = date(2025, 1, 6), date(2025, 1, 8)
UPN_A = make_upn(855, 4001, 2020, 1)  # placed at the sessions asked for
UPN_B = make_upn(855, 4001, 2020, 2)  # on roll, no placement


def enrol(store: Store, sessions: list[str]) -> Store:
    """Ada placed at `sessions` ("MON_AM", ...), Ben on roll, Wednesday closed."""
    with store.session() as s:
        provider = Provider(name="Riverside Skills")
        a = Pupil(upn=UPN_A, forename="Ada", surname="Ash", dob=date(2011, 1, 1))
        b = Pupil(upn=UPN_B, forename="Ben", surname="Birch", dob=date(2011, 1, 1))
        s.add_all([provider, a, b])
        s.flush()
        s.add(Placement(pupil_id=a.id, provider_id=provider.id, status=PlacementStatus.ACTIVE,
                        sessions=sessions, start_date=MON))  # fmt: skip
        s.add(Closure(start_date=WED, end_date=WED, name="INSET"))
    return store
