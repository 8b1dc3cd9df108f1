"""A Polish user who saves a pupil twice, or opens one that has gone, reads why in Polish; the
UPN and the name the office knows stay as they were entered."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from apdesk.models import ApdeskError
from apdesk.models.upn import make_upn
from apdesk.services.pupils import PupilInput, create_pupil, get_pupil
from apdesk.store import Store

pytestmark = pytest.mark.usefixtures("polish")

TODAY = date(2025, 3, 3)
DOB = date(2011, 3, 2)
UPN_A = make_upn(855, 4001, 2020, 1)
UPN_B = make_upn(855, 4001, 2020, 2)


def refusal(call: Callable[[], object]) -> str:
    """The text a person is shown when `call` is refused."""
    with pytest.raises(ApdeskError) as refused:
        call()
    return str(refused.value)


def ada(upn: str) -> PupilInput:
    return PupilInput(upn=upn, forename="Ada", surname="Ash", dob=DOB, nc_year=9)


def test_a_pupil_saved_twice_is_refused_in_polish(store: Store) -> None:
    with store.session() as s:
        create_pupil(s, ada(UPN_A), TODAY)
        same_upn = refusal(lambda: create_pupil(s, ada(UPN_A), TODAY))
        assert same_upn == (
            f"UPN: numer {UPN_A} ma już uczeń Ada Ash "
            "(otwórz kartę tamtego ucznia albo sprawdź numer UPN)"
        )
        same_child = refusal(lambda: create_pupil(s, ada(UPN_B), TODAY))
        assert same_child.startswith(
            f"Nazwisko: uczeń o tym imieniu, nazwisku i dacie urodzenia już istnieje (UPN {UPN_A})"
        )
        assert "jeśli to różne dzieci, sprawdź pisownię" in same_child


def test_a_pupil_that_has_gone_is_explained_in_polish(store: Store) -> None:
    with store.session() as s:
        gone = refusal(lambda: get_pupil(s, 999))
    assert gone == "Nie ma ucznia o identyfikatorze 999: odśwież listę."
