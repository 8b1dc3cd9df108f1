"""The fixed reasons apdesk writes on amended marks ("Provider return <file>", "Undone",
"Redone") are stored in English, so the register never changes language, and read in the
reader's language wherever the audit log shows them; a typed reason shows as typed."""

from __future__ import annotations

from datetime import date

import pytest

from apdesk.models import AttendanceMark, Placement, Provider, Pupil
from apdesk.models.enums import PlacementStatus
from apdesk.models.enums import Session as AmPm
from apdesk.models.upn import make_upn
from apdesk.services.amendment_reasons import reason_text
from apdesk.services.attendance import mark_history
from apdesk.services.audit_log import AuditFilter, describe_change, search
from apdesk.services.operations.attendance import (
    import_provider_return,
    record_register_mark,
    redo_amendment,
    undo_amendment,
)
from apdesk.store import Store

MON = date(2025, 1, 6)
TODAY = date(2025, 3, 3)
UPN = make_upn(855, 4001, 2020, 1)


@pytest.fixture
def ada(store: Store) -> int:
    """Ada Ash at Riverside Skills every morning of the week from Monday 6 January 2025."""
    with store.session() as s:
        provider = Provider(name="Riverside Skills")
        pupil = Pupil(upn=UPN, forename="Ada", surname="Ash", dob=date(2011, 1, 1))
        s.add_all([provider, pupil])
        s.flush()
        week = [f"{d}_AM" for d in ("MON", "TUE", "WED", "THU", "FRI")]
        s.add(Placement(pupil_id=pupil.id or 0, provider_id=provider.id or 0,
                        status=PlacementStatus.ACTIVE, sessions=week, start_date=MON))  # fmt: skip
        return pupil.id or 0


def reasons(store: Store, ada: int) -> list[str]:
    with store.session() as s:
        return [m.amendment_reason for m in mark_history(s, ada, MON, AmPm.AM)]


def shown_reasons(store: Store) -> list[str]:
    """The reason lines the audit log shows for the marks added, oldest first."""
    with store.session() as s:
        rows = search(s, AuditFilter(action="create"))
    added = [row for row in reversed(rows) if row.entity == AttendanceMark.__tablename__]
    lines = [line for row in added for line in describe_change(row).splitlines()]
    return [line.split(": ", 1)[1] for line in lines if line.startswith("Powód poprawki: ")]


def test_the_fixed_reasons_read_in_polish_and_typed_ones_as_typed(polish: None) -> None:
    assert reason_text("Provider return zwrot marzec.csv") == "Raport placówki zwrot marzec.csv"
    assert reason_text("Provider return") == "Raport placówki"
    assert reason_text("Undone") == "Cofnięto"
    assert reason_text("Redone") == "Ponowiono"
    assert reason_text("Telefon od rodzica") == "Telefon od rodzica"
    assert reason_text("Provider returned late") == "Provider returned late"


def test_in_english_the_fixed_reasons_read_as_stored() -> None:
    for stored in ("Provider return riverside.csv", "Undone", "Redone", "Parent phoned"):
        assert reason_text(stored) == stored


def test_stored_in_english_and_shown_in_polish(polish: None, store: Store, ada: int) -> None:
    store.run(record_register_mark, ada, MON, AmPm.AM, "N")
    store.run(import_provider_return, f"{UPN},2025-01-06,AM,I\r\n".encode(), "zwrot.csv",
              today=TODAY)  # fmt: skip
    store.run(undo_amendment, ada, MON, AmPm.AM, "N", "I")
    store.run(redo_amendment, ada, MON, AmPm.AM, "N", "I")
    assert reasons(store, ada) == ["", "Provider return zwrot.csv", "Undone", "Redone"]
    # The typed mark, the undo and the redo are audited one by one (a return, by its receipt).
    assert shown_reasons(store) == ["Cofnięto", "Ponowiono"]  # the first mark had no reason
