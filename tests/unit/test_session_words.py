"""A session is read from the words an office types, English or Polish, whatever language the
app is in; a word that names neither is refused with the words that would do, in the reader's
language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from apdesk.models import Placement, Provider, Pupil, ValidationError
from apdesk.models.enums import PlacementStatus
from apdesk.models.enums import Session as AmPm
from apdesk.models.upn import make_upn
from apdesk.services.attendance import import_returns, mark_history
from apdesk.services.attendance.marks import parse_session
from apdesk.store import Store

MON = date(2025, 1, 6)
TODAY = date(2025, 3, 3)
UPN = make_upn(855, 4001, 2020, 1)
MORNING = [
    "AM",
    "a.m.",
    "Morning",
    "rano",
    "RANO",
    "przed południem",
    "Przedpołudnie",
    "przed poł.",
]
AFTERNOON = ["pm", "P.M.", "afternoon", "po południu", "Po Poludniu", "popołudnie", "po poł."]


def refusal(call: Callable[[], object]) -> str:
    with pytest.raises(ValidationError) as refused:
        call()
    return str(refused.value)


@pytest.fixture
def ada(store: Store) -> int:
    """Ada Ash at Riverside Skills every session of the week from Monday 6 January 2025."""
    with store.session() as s:
        provider = Provider(name="Riverside Skills")
        pupil = Pupil(upn=UPN, forename="Ada", surname="Ash", dob=date(2011, 1, 1))
        s.add_all([provider, pupil])
        s.flush()
        week = [f"{d}_{h}" for d in ("MON", "TUE", "WED", "THU", "FRI") for h in ("AM", "PM")]
        s.add(Placement(pupil_id=pupil.id or 0, provider_id=provider.id or 0,
                        status=PlacementStatus.ACTIVE, sessions=week, start_date=MON))  # fmt: skip
        return pupil.id or 0


@pytest.mark.parametrize("language", ["english", "polish"])
def test_english_and_polish_session_words_are_read_in_either_language(
    language: str, request: pytest.FixtureRequest
) -> None:
    if language == "polish":
        request.getfixturevalue("polish")
    assert {parse_session(word) for word in MORNING} == {AmPm.AM}
    assert {parse_session(word) for word in AFTERNOON} == {AmPm.PM}


def test_in_english_a_refusal_lists_the_english_words() -> None:
    said = refusal(lambda: parse_session("noon"))
    assert said == (
        "Session: 'noon' is not AM or PM (use AM or PM, or the words morning or afternoon)"
    )


def test_in_polish_a_refusal_lists_polish_words_that_are_read(polish: None) -> None:
    said = refusal(lambda: parse_session("południe"))
    assert said.startswith("Sesja: „południe” to ani AM (rano), ani PM (po poł.)")
    assert "morning" not in said and "afternoon" not in said
    fix = said[said.index("(użyj") :]
    assert fix == "(użyj AM lub PM albo słów: rano, przed południem, po południu)"
    for word, half in (("rano", AmPm.AM), ("przed południem", AmPm.AM), ("po południu", AmPm.PM)):
        assert parse_session(word) == half


@pytest.mark.parametrize("language", ["english", "polish"])
def test_a_provider_return_in_polish_words_is_imported(
    language: str, request: pytest.FixtureRequest, store: Store, ada: int
) -> None:
    if language == "polish":
        request.getfixturevalue("polish")
    rows = [
        "upn,date,session,code",
        f"{UPN},2025-01-06,rano,/",
        f"{UPN},2025-01-06,Po południu,B",
        f"{UPN},2025-01-07,PRZED POŁUDNIEM,/",
        f"{UPN},2025-01-07,popoludnie,B",
    ]
    with store.session() as s:
        result = import_returns(s, "\r\n".join(rows).encode(), filename="zwrot.csv", today=TODAY)
        assert result.errors == [] and result.imported == 4
        assert [m.code for m in mark_history(s, ada, MON, AmPm.AM)] == ["/"]
        assert [m.code for m in mark_history(s, ada, MON, AmPm.PM)] == ["B"]
