"""A suspension is recorded through an operation that says what it changed; a refused one
changes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, func, select

from apdesk.models import Suspension
from apdesk.models.errors import ValidationError
from apdesk.models.kinds import Kind
from apdesk.models.upn import make_upn
from apdesk.services.operations.pupils import add_pupil, record_suspension
from apdesk.services.pupils import PupilInput
from apdesk.store import Store

TODAY = date(2025, 3, 10)
UPN = make_upn(855, 4001, 12, 41)


def suspensions(session: Session) -> int:
    return int(session.exec(select(func.count()).select_from(Suspension)).one())


@pytest.fixture
def pupil_id(store: Store) -> int:
    data = PupilInput(upn=UPN, forename="Maya", surname="Okafor", dob=date(2011, 9, 2), nc_year=9)
    return store.run(add_pupil, data).value


def test_a_suspension_is_recorded_against_the_pupil_with_its_change_set(
    store: Store, pupil_id: int
) -> None:
    outcome = store.run(record_suspension, UPN, date(2025, 3, 3), 1.5, "Fighting", TODAY)
    assert outcome.value.pupil_id == pupil_id and outcome.value.days == 1.5
    assert outcome.changes.created == {Kind.SUSPENSION: frozenset({outcome.value.id})}
    assert store.read(suspensions) == 1


def test_a_refused_suspension_changes_nothing(store: Store, pupil_id: int) -> None:
    with pytest.raises(ValidationError, match="half days"):
        store.run(record_suspension, UPN, date(2025, 3, 3), 0.3, "", TODAY)
    with pytest.raises(ValidationError, match="no pupil"):
        store.run(record_suspension, "Z999999999999", date(2025, 3, 3), 1, "", TODAY)
    assert store.read(suspensions) == 0
