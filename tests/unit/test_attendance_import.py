"""Provider returns: all or nothing, amendments keep the original, retired codes for history."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from apdesk.models import AttendanceMark, Placement, Provider, Pupil, Setting
from apdesk.models.enums import MarkSource, PlacementStatus
from apdesk.models.upn import make_upn
from apdesk.services.attendance import current_marks, import_returns, mark_history
from apdesk.store import Store

MON = date(2025, 1, 6)
TODAY = date(2025, 3, 3)
UPN_A = make_upn(855, 4001, 2020, 1)
UPN_B = make_upn(855, 4001, 2020, 2)  # on roll, no placement
UPN_GONE = make_upn(855, 4001, 2020, 3)  # left the roll


@pytest.fixture
def enrolled(store: Store) -> Store:
    with store.session() as s:
        provider = Provider(name="Riverside Skills")
        pupils = [
            Pupil(upn=UPN_A, forename="Ada", surname="Ash", dob=date(2011, 1, 1)),
            Pupil(upn=UPN_B, forename="Ben", surname="Birch", dob=date(2011, 1, 1)),
            Pupil(upn=UPN_GONE, forename="Cy", surname="Cole", dob=date(2011, 1, 1), on_roll=False),
        ]
        s.add_all([provider, *pupils])
        s.flush()
        s.add(Placement(pupil_id=pupils[0].id, provider_id=provider.id,
                        status=PlacementStatus.ACTIVE, sessions=["MON_AM", "MON_PM"],
                        start_date=MON))  # fmt: skip
    return store


def run(
    store: Store, text: str, **options: object
) -> tuple[dict[str, object], list[AttendanceMark]]:
    with store.session() as s:
        result = import_returns(
            s, text.encode("utf-8"), filename="riverside.csv", today=TODAY, **options
        )
    with store.session() as s:
        marks = list(s.exec(select(AttendanceMark).order_by(AttendanceMark.id)).all())
    return result.as_json(), marks


def test_a_clean_return_imports_with_flexible_headers(enrolled: Store) -> None:
    text = (
        "UPN,Date,AM/PM,Mark,Minutes late,Comment\n"
        f"{UPN_A},06/01/2025,a.m.,b,,\n"
        f"{UPN_A},2025-01-06,afternoon,L,15,bus late\n"
    )
    result, marks = run(enrolled, text)
    assert result == {"imported": 2, "amended": 0, "unchanged": 0, "warnings": [], "errors": []}
    assert [(m.code, m.session.value, m.minutes_late, m.note) for m in marks] == [
        ("B", "AM", None, ""),
        ("L", "PM", 15, "bus late"),
    ]
    assert all(m.source is MarkSource.PROVIDER and m.placement_id for m in marks)
    again, _ = run(enrolled, text)
    assert (again["imported"], again["unchanged"]) == (0, 2)


def test_one_bad_row_refuses_the_whole_file(enrolled: Store) -> None:
    text = (
        "upn,date,session,code,minutes_late\n"
        f"{UPN_A},2025-01-06,AM,B\n"
        f"{UPN_GONE},2025-01-06,AM,B\n"
        "A999999999999,2025-01-06,AM,B\n"
        f"{UPN_A},2025-01-11,AM,B\n"
        f"{UPN_A},31/02/2025,XX,QQ\n"
        f"{UPN_A},2025-01-07,PM,L,late\n"
    )
    result, marks = run(enrolled, text)
    assert marks == []
    assert result["imported"] == 0
    found = {(e["row"], e["column"]) for e in result["errors"]}  # type: ignore[union-attr]
    assert found == {
        (2, "upn"), (3, "upn"), (4, "date"), (5, "date"), (5, "session"), (5, "code"),
        (6, "minutes_late"),
    }  # fmt: skip
    assert "not a pupil on roll" in result["errors"][0]["message"]  # type: ignore[index]


def test_missing_columns_and_empty_files_are_errors(enrolled: Store) -> None:
    result, _ = run(enrolled, "pupil,when\nx,y\n")
    assert {e["column"] for e in result["errors"]} == {"header"}  # type: ignore[union-attr]
    result, _ = run(enrolled, "")
    assert result["errors"]


def test_a_changed_mark_is_an_amendment_that_keeps_the_original(enrolled: Store) -> None:
    run(enrolled, f"upn,date,session,code\n{UPN_A},2025-01-06,AM,N\n")
    result, marks = run(enrolled, f"upn,date,session,code\n{UPN_A},2025-01-06,AM,I\n")
    assert (result["imported"], result["amended"]) == (0, 1)
    original, amended = marks
    assert original.code == "N" and original.superseded_by == amended.id
    assert amended.code == "I" and amended.amendment_reason == "Provider return riverside.csv"
    with enrolled.session() as s:
        assert [m.code for m in current_marks(s, MON, MON)] == ["I"]
        assert [m.code for m in mark_history(s, amended.pupil_id, MON, "AM")] == ["N", "I"]
        receipt = s.get(Setting, "attendance.last_import")
        assert receipt is not None and f"[{original.id}, {amended.id}]" in receipt.value


def test_the_gui_can_give_its_own_amendment_reason(enrolled: Store) -> None:
    run(enrolled, f"upn,date,session,code\n{UPN_A},2025-01-06,AM,N\n")
    _, marks = run(
        enrolled, f"upn,date,session,code\n{UPN_A},2025-01-06,AM,M\n", reason="GP letter"
    )
    assert marks[-1].amendment_reason == "GP letter"


def test_retired_codes_only_for_sessions_before_the_2024_regulations(enrolled: Store) -> None:
    """School Attendance (Pupil Registration) (England) Regulations 2024: H, F, J and Y
    were retired for sessions from 19 August 2024; history before that keeps them."""
    text = f"upn,date,session,code\n{UPN_A},2025-01-06,AM,H\n"
    for history in (False, True):
        result, marks = run(enrolled, text, history=history)
        assert marks == [] and result["errors"][0]["column"] == "code"  # type: ignore[index]
        assert "retired" in result["errors"][0]["message"]  # type: ignore[index]
    old = f"upn,date,session,code\n{UPN_A},2024-07-15,AM,H\n"
    result, marks = run(enrolled, old, history=True)
    assert result["imported"] == 1 and marks[0].source is MarkSource.IMPORT


def test_a_mark_outside_any_placement_is_kept_with_a_warning(enrolled: Store) -> None:
    result, marks = run(enrolled, f"upn,date,session,code\n{UPN_B},2025-01-06,AM,B\n")
    assert result["errors"] == [] and result["imported"] == 1 and len(marks) == 1
    (warning,) = result["warnings"]  # type: ignore[misc]
    assert warning["row"] == 1 and "no placement" in warning["message"]


def test_dry_run_writes_nothing(enrolled: Store) -> None:
    result, marks = run(enrolled, f"upn,date,session,code\n{UPN_A},2025-01-06,AM,B\n", dry_run=True)
    assert result["imported"] == 1 and marks == []


def test_conflicting_duplicate_rows_are_an_error(enrolled: Store) -> None:
    text = f"upn,date,session,code\n{UPN_A},2025-01-06,AM,B\n{UPN_A},06/01/2025,AM,N\n"
    result, marks = run(enrolled, text)
    assert marks == [] and result["errors"][0]["row"] == 2  # type: ignore[index]


def test_windows_1252_and_semicolons_are_read(enrolled: Store) -> None:
    text = f"UPN;Date;Session;Code;Note\r\n{UPN_A};06/01/2025;AM;B;caf\u00e9 trip\r\n"
    with enrolled.session() as s:
        result = import_returns(s, text.encode("cp1252"), filename="r.csv", today=TODAY)
    assert result.imported == 1
    with enrolled.session() as s:
        assert current_marks(s, MON, MON)[0].note == "caf\u00e9 trip"


def test_a_file_without_a_header_is_read_in_the_documented_order(enrolled: Store) -> None:
    result, marks = run(enrolled, f"{UPN_A},2025-01-06,PM,B\n")
    assert result["imported"] == 1 and marks[0].session.value == "PM"
