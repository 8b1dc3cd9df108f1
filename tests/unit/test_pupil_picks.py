"""The pupils a picker offers: on roll, in the register's order, by the name screens use."""

from __future__ import annotations

from datetime import date

from apdesk.models import Pupil
from apdesk.models.upn import make_upn
from apdesk.services.pupils import list_pupils
from apdesk.services.pupils.picks import pupil_picks
from apdesk.store import Store

PEOPLE = [  # forename, preferred, surname, on roll
    ("Zoe", None, "ashdown", True),
    ("Łukasz", None, "Nowak", True),
    ("Adam", None, "Nowak", True),
    ("Olivia", "Liv", "Ólafsson", True),
    ("Ben", None, "Oakes", True),
    ("Carl", None, "Abbott", False),  # left: not offered
    ("Zara", None, "Émile", True),
    ("Amy", None, "émile", True),  # the same surname to a reader: sorted by forename
]


def _add(store: Store) -> None:
    with store.session() as s:
        for n, (forename, preferred, surname, on_roll) in enumerate(PEOPLE, start=1):
            s.add(
                Pupil(upn=make_upn(855, 4001, 2020, n), forename=forename,
                      preferred_name=preferred, surname=surname, dob=date(2012, 3, 1),
                      on_roll=on_roll)
            )  # fmt: skip


def test_picks_are_in_surname_order_whatever_the_case_and_accents(store: Store) -> None:
    _add(store)
    picks = store.read(pupil_picks)
    assert picks.names == [
        "Zoe ashdown", "Adam Nowak", "Łukasz Nowak", "Ben Oakes", "Amy émile", "Zara Émile",
        "Liv Ólafsson",
    ]  # fmt: skip


def test_picks_follow_the_pupil_list_and_are_found_by_either_name(store: Store) -> None:
    _add(store)
    picks = store.read(pupil_picks)
    assert picks.ids == [row.id for row in store.read(list_pupils)]
    olivia = picks.ids[picks.names.index("Liv Ólafsson")]
    found = [i for i, words in zip(picks.ids, picks.search, strict=True) if "olivia" in words]
    assert found == [olivia]
    assert picks.name_of(olivia) == "Liv Ólafsson"


def test_a_surname_shared_sorts_by_the_name_the_school_uses(store: Store) -> None:
    """Sky (legally Abigail) Ball comes after Ruby Ball, as the list shows "Ruby" and "Sky"."""
    with store.session() as s:
        for n, (forename, preferred) in enumerate([("Abigail", "Sky"), ("Ruby", None)], 1):
            upn = make_upn(855, 4001, 2021, n)
            s.add(Pupil(upn=upn, forename=forename, preferred_name=preferred, surname="Ball",
                        dob=date(2012, 3, 1)))  # fmt: skip
    assert [row.name for row in store.read(list_pupils)] == ["Ruby Ball", "Sky Ball"]
    assert store.read(pupil_picks).names == ["Ruby Ball", "Sky Ball"]
