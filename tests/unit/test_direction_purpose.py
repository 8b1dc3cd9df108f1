"""An off-site direction is for improving behaviour, and its notice gives the number of days
it runs: a direction made only for other needs, or a typed number of days the dates and
sessions do not come to, is pointed out at the field to fix; the demo's notices agree."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlmodel import select
from tests.helpers.documents import make_placement, pdf_text

from apdesk import models
from apdesk.documents.letter import render_parent_letter
from apdesk.models.enums import NeedCategory, SenStatus
from apdesk.services import demo
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.placement_direction import direction_school_days
from apdesk.services.placement_record import load_placement_record
from apdesk.services.placements import placement_warnings
from apdesk.store import KdfParams, Store

TODAY = date(2025, 3, 3)
BEHAVIOUR = (NeedCategory.EXCLUSION.label, NeedCategory.SEMH.label)
FLAWED = {"direction_reason", "direction_days_count"}
SHOWN = FLAWED | {"notice_days"}  # the placements made to show a check, this one with no days


def _change(store: Store, placement_id: int, **changes: object) -> None:
    with store.session() as s:
        placement = s.get(models.Placement, placement_id)
        assert placement is not None
        for name, value in changes.items():
            setattr(placement, name, value)
        s.add(placement)


def _warnings(store: Store, placement_id: int) -> dict[str, tuple[str, str]]:
    with store.session() as s:
        placement = s.get(models.Placement, placement_id)
        assert placement is not None
        found = placement_warnings(s, placement, TODAY)
    return {w.code: (w.field, w.message) for w in found}


def test_a_direction_for_send_only_is_questioned_at_the_reasons(store: Store) -> None:
    placement_id = make_placement(store, reasons=["send"], direction_days=12)
    field, message = _warnings(store, placement_id)["direction_reason"]
    assert field == "reasons"
    assert "none of the reasons is about behaviour" in message
    _change(store, placement_id, reasons=["send", "semh"])
    assert "direction_reason" not in _warnings(store, placement_id)


def test_a_typed_number_of_days_the_dates_do_not_give_names_both(store: Store) -> None:
    # Mondays and Wednesdays from 3 March to 11 April 2025: 12 school days, not 17.
    placement_id = make_placement(store, reasons=["semh"], direction_days=17)
    field, message = _warnings(store, placement_id)["direction_days_count"]
    assert field == "direction_days"
    assert "gives 17 school days" in message and "come to 12 school days" in message
    _change(store, placement_id, direction_days=12)
    assert "direction_days_count" not in _warnings(store, placement_id)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("demo-directions") / "store"
    store, _recovery = Store.create(
        folder, "demo test passphrase", use_keyring=False, kdf=KdfParams.fast()
    )
    demo.populate(store, pupils=200, seed=7, today=TODAY)
    yield store
    store.lock()


def test_demo_notices_give_a_behaviour_reason_and_the_days_they_run(demo_store: Store) -> None:
    with demo_store.session() as s:
        calendar = SchoolCalendar.load(s)
        rows = s.exec(
            select(models.Placement, models.Pupil)
            .join(models.Pupil)
            .where(models.Placement.off_site_direction == True)  # noqa: E712
        ).all()
        letters, shown = [], 0
        for placement, pupil in rows:
            assert placement.id is not None
            if SHOWN & {w.code for w in placement_warnings(s, placement, TODAY)}:
                shown += 1
                continue
            days = direction_school_days(
                placement.start_date, placement.end_date, placement.sessions, calendar
            )
            text = pdf_text(render_parent_letter(load_placement_record(s, placement.id), TODAY))
            letters.append((pupil.sen_status, days, text))
    assert shown == len(SHOWN) and len(letters) >= 5  # one placement shows each check
    for sen, days, text in letters:
        why = text.split("Why ", 1)[1].split("What we have tried already")[0]
        assert any(label in why for label in BEHAVIOUR), why
        assert f"Number of days {days} school days" in text
        if sen == SenStatus.NONE:
            assert NeedCategory.SEND.label not in why


def test_the_demo_shows_each_direction_check(demo_store: Store) -> None:
    with demo_store.session() as s:
        found = {
            w.code: w.field
            for placement in s.exec(select(models.Placement)).all()
            for w in placement_warnings(s, placement, TODAY)
            if w.code in FLAWED
        }
    assert found == {"direction_reason": "reasons", "direction_days_count": "direction_days"}
