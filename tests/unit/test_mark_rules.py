"""A mark must be a session this pupil could have, coded for who arranged the provision."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlmodel import select

from apdesk.models import AttendanceMark, Placement, Provider, Pupil, ValidationError
from apdesk.models.enums import Commissioner, PlacementStatus, RegistrationCode
from apdesk.models.upn import make_upn
from apdesk.services.attendance import import_returns, record_mark
from apdesk.store import Store

MON = date(2025, 1, 6)
TODAY = date(2025, 3, 3)
SCHOOL_UPN = make_upn(855, 4001, 2020, 11)  # school-arranged AP on Mondays
LA_UPN = make_upn(855, 4001, 2020, 12)  # LA-arranged tuition on Mondays
LOOSE_UPN = make_upn(855, 4001, 2020, 13)  # no placement
DOB = date(2013, 9, 2)


@pytest.fixture
def ids(store: Store) -> dict[str, int]:
    with store.session() as s:
        provider = Provider(name="Riverside Skills")
        pupils = {
            upn: Pupil(upn=upn, forename=name, surname="Test", dob=DOB)
            for upn, name in ((SCHOOL_UPN, "Sam"), (LA_UPN, "Lee"), (LOOSE_UPN, "Lou"))
        }
        s.add_all([provider, *pupils.values()])
        s.flush()
        for upn, by, code in (
            (SCHOOL_UPN, Commissioner.SCHOOL, RegistrationCode.B),
            (LA_UPN, Commissioner.LA, RegistrationCode.K),
        ):
            s.add(
                Placement(
                    pupil_id=pupils[upn].id or 0,
                    provider_id=provider.id or 0,
                    status=PlacementStatus.ACTIVE,
                    commissioner=by,
                    registration_code=code,
                    sessions=["MON_AM", "MON_PM"],
                    start_date=MON,
                )
            )
        return {upn: p.id or 0 for upn, p in pupils.items()}


def test_a_mark_before_birth_before_1990_or_far_ahead_is_refused(
    store: Store, ids: dict[str, int]
) -> None:
    """School Attendance (Pupil Registration) (England) Regulations 2024: a register entry is a
    session of a pupil on roll (kept six years), so a date before 1990, before the pupil's
    birth or over a year ahead is a typing slip."""
    pupil = ids[SCHOOL_UPN]
    with store.session() as s:
        for day, words in (
            (date(1989, 12, 29), "before 1990"),
            (date(2013, 6, 3), "before the pupil was born (2013-09-02)"),
            (date(2026, 3, 9), "more than a year ahead"),
        ):
            with pytest.raises(ValidationError, match=re.escape(words)) as caught:
                record_mark(s, pupil, day, "AM", "/", today=TODAY)
            assert caught.value.field == "date"


def test_a_provider_return_names_the_row_of_an_impossible_date(
    store: Store, ids: dict[str, int]
) -> None:
    text = (
        "upn,date,session,code\n"
        f"{SCHOOL_UPN},2025-01-06,AM,B\n"
        f"{SCHOOL_UPN},1985-01-07,AM,B\n"
        f"{LA_UPN},2013-06-03,PM,K\n"
        f"{LOOSE_UPN},2025-01-07,AM,B\n"
    )
    with store.session() as s:
        result = import_returns(s, text.encode(), filename="r.csv", today=TODAY)
    rows = {(e["row"], e["column"]): e["message"] for e in result.errors}
    assert set(rows) == {(2, "date"), (3, "date")}
    assert "before 1990" in rows[(2, "date")]
    assert "before the pupil was born" in rows[(3, "date")]
    with store.session() as s:
        assert s.exec(select(AttendanceMark)).first() is None  # all or nothing
    clean = "upn,date,session,code\n" + f"{LOOSE_UPN},2025-01-07,AM,B\n"
    with store.session() as s:
        kept = import_returns(s, clean.encode(), filename="r.csv", today=TODAY)
    assert kept.ok and kept.imported == 1
    assert "no placement" in kept.warnings[0]["message"]  # still only a warning


def test_k_only_for_la_arranged_and_b_only_for_school_arranged(
    store: Store, ids: dict[str, int]
) -> None:
    """School Attendance (Pupil Registration) (England) Regulations 2024, Schedule: K is
    attending education provision arranged by the local authority, B any other approved
    educational activity; "Arranging alternative provision" (DfE, 2025): the commissioning
    school records B."""
    with store.session() as s:
        with pytest.raises(ValidationError, match="use B"):
            record_mark(s, ids[SCHOOL_UPN], MON, "AM", "K", today=TODAY)
        with pytest.raises(ValidationError, match="use K"):
            record_mark(s, ids[LA_UPN], MON, "AM", "B", today=TODAY)
        assert record_mark(s, ids[SCHOOL_UPN], MON, "AM", "B", today=TODAY).outcome == "created"
        assert record_mark(s, ids[LA_UPN], MON, "AM", "K", today=TODAY).outcome == "created"
        # Tuesday is no placement's session: B (another approved activity) is not checked
        tuesday = date(2025, 1, 7)
        assert record_mark(s, ids[LA_UPN], tuesday, "AM", "B", today=TODAY).mark.code == "B"
    text = f"upn,date,session,code\n{SCHOOL_UPN},2025-01-13,PM,K\n{LA_UPN},2025-01-13,PM,K\n"
    with store.session() as s:
        result = import_returns(s, text.encode(), filename="r.csv", today=TODAY)
    assert [(e["row"], e["column"]) for e in result.errors] == [(1, "code")]
    assert "use B" in result.errors[0]["message"]
