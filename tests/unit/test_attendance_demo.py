"""The demo register: a realistic term of marks, made quickly."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, timedelta

from sqlmodel import select

from apdesk.models import AttendanceMark
from apdesk.services import demo
from apdesk.services.attendance import today_board
from apdesk.services.attendance.demo_marks import populate_marks
from apdesk.services.calendar import SchoolCalendar
from apdesk.store import Store

TODAY = date(2026, 11, 20)  # a Friday in the autumn term


def test_demo_marks_are_realistic(store: Store) -> None:
    made = demo.populate(store, pupils=200, seed=7, today=TODAY)["attendance marks"]
    with store.session() as s:
        marks = list(s.exec(select(AttendanceMark)).all())
        calendar = SchoolCalendar.load(s)
        board = today_board(s, datetime.combine(TODAY, datetime.min.time()).replace(hour=11))
    assert made == len(marks) > 500
    codes = Counter(m.code for m in marks if m.superseded_by is None)
    assert codes["B"] > codes["I"] > 0 and codes["/"] and codes["\\"] and codes["C2"]
    assert {"N", "O"} & set(codes) and codes["L"]
    assert all(m.minutes_late for m in marks if m.code == "L")
    amended = [m for m in marks if m.amendment_reason]
    assert amended and all(any(old.superseded_by == new.id for old in marks) for new in amended)
    assert all(calendar.is_school_day(m.mark_date) and m.mark_date <= TODAY for m in marks)
    # one provider is two school days behind with its returns
    (late,) = board.late_returns
    assert late.oldest == calendar.add_school_days(TODAY, -2)
    assert not any(
        m.mark_date >= late.oldest and m.source.value == "provider"
        and m.placement_id is not None and m.pupil_id in late.pupil_ids
        for m in marks
    )  # fmt: skip
    assert any(p.status == "attending" for p in board.pupils)
    with store.session() as s:
        # The plans demo runs after the register and adds re-referral placements: a catch-up
        # run marks their sessions once, and a run after that finds nothing left to add.
        populate_marks(s, random.Random(8), TODAY)
    with store.session() as s:
        assert populate_marks(s, random.Random(9), TODAY) == 0
    first = min(m.mark_date for m in marks)
    assert first >= TODAY - timedelta(weeks=12)
