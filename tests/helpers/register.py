"""A week of register marks to show on the Attendance page, the page opened on a given clock,
and a mark's history."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from pytestqt.qtbot import QtBot

from apdesk.models import Placement, Provider, Pupil
from apdesk.models.enums import PlacementStatus
from apdesk.models.enums import Session as AmPm
from apdesk.models.upn import make_upn
from apdesk.services.attendance import mark_history
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.register.page import RegisterPage

MON = date(2025, 1, 6)
WEEK = [f"{d}_{h}" for d in ("MON", "TUE", "WED", "THU", "FRI") for h in ("AM", "PM")]


def build(store: Store) -> dict[str, int]:
    """Ada Ash and Ben Birch at Riverside Skills all week from the Monday."""
    with store.session() as s:
        provider = Provider(
            name="Riverside Skills", phone="01632 960111", email="office@riverside.example"
        )
        pupils = [
            Pupil(upn=make_upn(855, 4001, 2020, n), forename=f, surname=sn, dob=date(2011, 1, 1))
            for n, f, sn in ((1, "Ada", "Ash"), (2, "Ben", "Birch"))
        ]
        s.add_all([provider, *pupils])
        s.flush()
        for pupil in pupils:
            s.add(
                Placement(pupil_id=pupil.id, provider_id=provider.id,
                          status=PlacementStatus.ACTIVE, sessions=WEEK, start_date=MON,
                          end_date=MON + timedelta(weeks=6), hours_per_week=25)
            )  # fmt: skip
        return {"ada": pupils[0].id or 0, "ben": pupils[1].id or 0, "provider": provider.id or 0}


def make_page(qtbot: QtBot, ctx: AppContext, now: datetime) -> RegisterPage:
    page = RegisterPage(ctx)
    qtbot.addWidget(page)
    page.now = lambda: now
    page.resize(1200, 700)
    page.show()
    page.go_to_week(now.date())
    page.refresh()  # the Today panel too, now that the clock is set
    return page


def history(store: Store, pupil_id: int, day: date, half: AmPm) -> list[tuple[str, str]]:
    with store.session() as s:
        return [(m.code, m.amendment_reason) for m in mark_history(s, pupil_id, day, half)]
