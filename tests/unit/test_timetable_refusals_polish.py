"""A Polish user whose timetable, school day, rating or goal is refused on the Timetables page
reads why and what to do in Polish; the dates and numbers named stay as given."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest

from apdesk.models import Pupil, ValidationError
from apdesk.models.enums import SlotKind
from apdesk.models.timetable_grid import PeriodDef, SlotValue
from apdesk.models.timetable_plan import IapActivityType
from apdesk.models.upn import make_upn
from apdesk.services.timetables.groups import add_activity
from apdesk.services.timetables.ratings import Goal, add_rating, set_goal
from apdesk.services.timetables.structure import save_structure
from apdesk.services.timetables.versions import copy_forward, create_version, get_version
from apdesk.store import Store

pytestmark = pytest.mark.usefixtures("polish")

START = date(2025, 1, 6)


def refusal(call: Callable[[], object]) -> str:
    """The text a person is shown when `call` is refused."""
    with pytest.raises(ValidationError) as refused:
        call()
    return str(refused.value)


@pytest.fixture
def pupil_id(store: Store) -> int:
    with store.session() as s:
        pupil = Pupil(
            upn=make_upn(855, 4001, 2020, 1), forename="Ada", surname="Ash", dob=date(2011, 1, 1)
        )
        s.add(pupil)
        s.flush()
        return pupil.id or 0


def test_a_second_timetable_on_the_same_day_is_refused_in_polish(
    store: Store, pupil_id: int
) -> None:
    with store.session() as s:
        version = create_version(s, pupil_id, START, {})
        same_day = refusal(lambda: create_version(s, pupil_id, START, {}))
        assert same_day == (
            "Data obowiązywania: od 6 stycznia 2025 obowiązuje już inny plan zajęć "
            "(wybierz inną datę albo popraw tamtą wersję)"
        )
        earlier = refusal(lambda: copy_forward(s, version.id or 0, START))
        assert "nie jest późniejsza niż data kopiowanej wersji (6 stycznia 2025)" in earlier
        assert (
            refusal(lambda: get_version(s, 999))
            == "Plan zajęć: brak wersji 999 (wybierz wersję z listy)"
        )


def test_a_school_day_that_cannot_work_is_refused_in_polish(store: Store) -> None:
    first = PeriodDef(1, "P1", time(9), time(10))
    overlapping = PeriodDef(2, "P2", time(9, 30), time(10, 30))
    with store.session() as s:
        overlap = refusal(lambda: save_structure(s, [first, overlapping]))
        assert overlap == (
            "P2 – godzina rozpoczęcia: nachodzi na: P1 (ustaw początek na 10:00 lub później)"
        )
        backwards = refusal(lambda: save_structure(s, [PeriodDef(1, "P1", time(10), time(9))]))
        assert backwards == (
            "P1 – godzina zakończenia: nie jest późniejsza niż początek (sprawdź godziny)"
        )
        twins = refusal(lambda: save_structure(s, [first, PeriodDef(1, "P2", time(11), time(12))]))
        assert (
            twins == "Numer lekcji: dwie lekcje mają ten sam numer (nadaj każdej lekcji inny numer)"
        )
        weeks = refusal(lambda: save_structure(s, [first], cycle_weeks=3))
        assert weeks == "Długość cyklu: 3 tygodnie (wybierz 1 lub 2 tygodnie)"


def test_ratings_goals_and_sessions_are_refused_in_polish(store: Store, pupil_id: int) -> None:
    with store.session() as s:
        rating = refusal(lambda: add_rating(s, pupil_id, "Maths", 7, START))
        assert rating == (
            "Ocena: 7 nie mieści się w skali od 1 do 5 "
            "(użyj skali od 1 (jeszcze nie) do 5 (sukces))"
        )
        step = refusal(lambda: set_goal(s, pupil_id, Goal(None, 12, 0.5)))
        assert "12 lekcji (w każdym kroku przenieś od 1 do 10 lekcji)" in step
        add_activity(s, "Gardening", IapActivityType.ENRICHMENT)
        twice = refusal(lambda: add_activity(s, "Gardening", IapActivityType.ENRICHMENT))
        assert twice == "Nazwa zajęć: „Gardening” już istnieje (wybierz inną nazwę)"


def test_a_slot_left_half_filled_names_the_slot_in_polish(store: Store, pupil_id: int) -> None:
    lesson = SlotValue(kind=SlotKind.MAINSTREAM, subject=" ")
    with store.session() as s:
        text = refusal(lambda: create_version(s, pupil_id, START, {(1, "MON", 2): lesson}))
    assert text == "Pole planu – przedmiot: jest puste (podaj lekcję w szkole macierzystej)"
