"""A week of four pupils and random steps of the operations that write marks, for the tests
that hold what the store keeps from the marks (tally, stamps) to the marks themselves."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st
from sqlmodel import Session, col, select

from apdesk.models import AttendanceMark, Placement, Provider, Pupil
from apdesk.models.enums import PlacementStatus
from apdesk.models.enums import Session as AmPm
from apdesk.models.errors import ValidationError
from apdesk.models.upn import make_upn
from apdesk.services.operations.attendance import (
    import_provider_return,
    record_register_mark,
    undo_amendment,
)
from apdesk.store import Store

MON = date(2025, 1, 6)
DAYS = [MON + timedelta(days=i) for i in range(5)]
FRI = DAYS[-1]
FIRST = 1  # the first pupil's placement
UPNS = [make_upn(855, 4001, 2020, i) for i in range(1, 5)]


def four_pupils(store: Store) -> list[int]:
    """Four pupils; the first three at one of two providers all week."""
    with store.session() as s:
        providers = [Provider(name="Riverside Skills"), Provider(name="Hillside Farm")]
        rows = [
            Pupil(upn=upn, forename=f"P{i}", surname="Ash", dob=date(2011, 1, 1))
            for i, upn in enumerate(UPNS)
        ]
        s.add_all([*providers, *rows])
        s.flush()
        week = [f"{d}_{h}" for d in ("MON", "TUE", "WED", "THU", "FRI") for h in ("AM", "PM")]
        for i, pupil in enumerate(rows[:3]):
            s.add(
                Placement(pupil_id=pupil.id, provider_id=providers[i % 2].id, sessions=week,
                          status=PlacementStatus.ACTIVE, start_date=MON, hours_per_week=25)
            )  # fmt: skip
        return [p.id or 0 for p in rows]


register_marks = st.tuples(
    st.just("register"),
    st.integers(0, 3),
    st.sampled_from(DAYS),
    st.sampled_from(list(AmPm)),
    st.sampled_from(["/", "N", "I", "M", "L", "U", "C", "#"]),
)
returns = st.tuples(
    st.just("return"),
    st.lists(
        st.tuples(
            st.integers(0, 2),
            st.sampled_from(DAYS),
            st.sampled_from(list(AmPm)),
            st.sampled_from(["B", "N", "I", "U", "M"]),
        ),
        min_size=1,
        max_size=6,
        unique_by=lambda row: row[:3],
    ),
)
undos = st.tuples(
    st.just("undo"), st.integers(0, 3), st.sampled_from(DAYS), st.sampled_from(list(AmPm))
)


def apply_step(store: Store, pupils: list[int], step: tuple[object, ...]) -> None:
    kind = step[0]
    try:
        if kind == "register":
            _kind, who, day, half, code = step
            store.run(record_register_mark, pupils[who], day, half, code, "Phoned")  # type: ignore[index]
        elif kind == "return":
            lines = "".join(
                f"{UPNS[who]},{day},{half.value},{code}\n"
                for who, day, half, code in step[1]  # type: ignore[attr-defined]
            )
            data = ("upn,date,session,code\n" + lines).encode()
            store.run(import_provider_return, data, "r.csv", reason="Return", today=FRI)
        else:
            _kind, who, day, half = step
            history = store.read(codes_of, pupils[who], day, half)  # type: ignore[index]
            if len(history) >= 2:
                store.run(undo_amendment, pupils[who], day, half, history[-2], history[-1])  # type: ignore[index]
    except ValidationError:
        pass  # refused as a person would be: it must have written nothing


def codes_of(session: Session, pupil_id: int, day: date, half: AmPm) -> list[str]:
    query = (
        select(AttendanceMark.code)
        .where(AttendanceMark.pupil_id == pupil_id, AttendanceMark.mark_date == day)
        .where(AttendanceMark.session == half)
        .order_by(col(AttendanceMark.id))
    )
    return list(session.exec(query).all())
