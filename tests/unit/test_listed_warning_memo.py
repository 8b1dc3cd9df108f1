"""The placements list keeps each placement's warnings from one read to the next, and checks
again only what changed: a changed placement (and its pupil's others, which weigh its hours),
a new day, or another language. What it shows must always be what a fresh check finds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlmodel import Session, select

from apdesk.i18n import set_locale
from apdesk.models import Placement
from apdesk.services import listed_warning_memo
from apdesk.services.operations.placements import save_placement
from apdesk.services.placement_lifecycle import PlacementRow, list_placements
from apdesk.services.placements import placement_input, placement_warnings
from apdesk.services.school import SchoolDetails, save_school
from apdesk.store import Store

TODAY = date(2025, 3, 12)


def _listing(session: Session, today: date) -> dict[int, PlacementRow]:
    return {r.id: r for r in list_placements(session, today, with_warnings=True)}


def _checked_one_by_one(session: Session, today: date) -> dict[int, tuple[str, ...]]:
    """Each placement's warnings as the editor finds them, in the list's words."""
    return {
        p.id or 0: tuple(sorted(w.message for w in placement_warnings(session, p, today)))
        for p in session.exec(select(Placement)).all()
    }


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The placements the list checked afresh, by id."""
    seen: list[int] = []
    check = listed_warning_memo.listed_warnings

    def counted(placement: Any, *args: Any) -> Any:
        seen.append(placement.id)
        return check(placement, *args)

    monkeypatch.setattr(listed_warning_memo, "listed_warnings", counted)
    yield seen


def test_a_second_read_checks_nothing_and_shows_the_same(
    store: Store, school: dict[str, int], checks: list[int]
) -> None:
    first = store.read(_listing, TODAY)
    assert len(checks) == len(first)
    checks.clear()
    assert store.read(_listing, TODAY) == first
    assert checks == []


def test_a_changed_placement_is_checked_again_with_its_pupils_others(
    store: Store, school: dict[str, int], checks: list[int]
) -> None:
    before = store.read(_listing, TODAY)
    pupils = [r.pupil_id for r in before.values()]
    changed = next(r for r in before.values() if r.warnings and pupils.count(r.pupil_id) > 1)
    with store.session() as session:
        save_school(
            session, SchoolDetails(name="Test School", urn="123456", la_code="855", estab="4001")
        )
    data = store.read(placement_input, changed.id)
    data.hours_per_week = 2.0
    data.risk_assessment_date = None
    store.run(save_placement, changed.id, data, TODAY)
    checks.clear()
    after = store.read(_listing, TODAY)
    same_pupil = {r.id for r in after.values() if r.pupil_id == changed.pupil_id}
    assert set(checks) == same_pupil
    assert after[changed.id].warning_words != before[changed.id].warning_words
    fresh = store.read(_checked_one_by_one, TODAY)
    assert {pid: tuple(sorted(r.warning_words)) for pid, r in after.items()} == fresh


def test_a_new_day_words_every_warning_afresh(store: Store, school: dict[str, int]) -> None:
    store.read(_listing, TODAY)
    later = date(2025, 9, 1)
    moved = store.read(_listing, later)
    assert {pid: tuple(sorted(r.warning_words)) for pid, r in moved.items()} == store.read(
        _checked_one_by_one, later
    )


def test_another_language_words_every_warning_afresh(store: Store, school: dict[str, int]) -> None:
    english = store.read(_listing, TODAY)
    set_locale("pl_PL")
    try:
        polish = store.read(_listing, TODAY)
        assert {pid: tuple(sorted(r.warning_words)) for pid, r in polish.items()} == store.read(
            _checked_one_by_one, TODAY
        )
    finally:
        set_locale("en_GB")
    worded = [pid for pid, r in english.items() if r.warnings]
    assert worded and all(polish[p].warning_words != english[p].warning_words for p in worded)
