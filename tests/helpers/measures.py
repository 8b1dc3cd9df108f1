"""A small hand-built school for the measures, census and termly report tests (no tests here).

Five pupils, three providers, six placements, on 12 March 2025 (a Wednesday):
  1 Ann at Alpha PRU: active since 1 Oct, full time, outcomes, both voices, transition text.
  2 Ben at Beta Tutors (LA): active since 6 Jan, part time, no outcomes, child voice only,
    one transition step, no reason, no sessions.
  3 Cal at Alpha PRU: ended 20 Dec with a permanent exclusion; voices as dated entries.
  4 Dee at Gamma AP (no URN): ended July 2024 with a return to mainstream (before the period).
  5 Dee at Beta Tutors: active since 3 Feb, referred 20 Jan: a re-referral.
  6 Eve: a draft (counted nowhere).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlmodel import Session

from apdesk.models import AttendanceMark, Placement, Plan, Provider, Pupil, VoiceEntry
from apdesk.models.enums import (
    Commissioner,
    PlacementOutcome,
    PlacementStatus,
    SettingType,
    SheffieldCategory,
    VoiceOf,
)
from apdesk.models.enums import Session as AmPm
from apdesk.models.plan_progress import TransitionStep
from apdesk.store import Store

TODAY = date(2025, 3, 12)
ALL_WEEK = [f"{d}_{h}" for d in ("MON", "TUE", "WED", "THU", "FRI") for h in ("AM", "PM")]


def _pupil(s: Session, n: int, forename: str, surname: str, year: int) -> Pupil:
    pupil = Pupil(
        upn=f"A85540012300{n}",
        forename=forename,
        surname=surname,
        dob=date(2011, 1, n),
        nc_year=year,
    )
    s.add(pupil)
    s.flush()
    return pupil


def _provider(s: Session, name: str, kind: SettingType, urn: str = "") -> Provider:
    provider = Provider(name=name, setting_type=kind, ofsted_urn=urn)
    s.add(provider)
    s.flush()
    return provider


def _placement(s: Session, **fields: object) -> Placement:
    placement = Placement(**fields)  # type: ignore[arg-type]
    s.add(placement)
    s.flush()
    return placement


def _mark(s: Session, pupil: Pupil, placement: Placement | None, day: date, code: str) -> None:
    s.add(
        AttendanceMark(
            pupil_id=pupil.id or 0,
            placement_id=placement.id if placement else None,
            mark_date=day,
            session=AmPm.AM,
            code=code,
        )
    )


def build_school(store: Store) -> dict[str, int]:
    """Fill `store`; returns ids by name (pupils by forename, placements p1..p6)."""
    with store.session() as s:
        ann, ben, cal = (
            _pupil(s, 1, "Ann", "Archer", 9),
            _pupil(s, 2, "Ben", "Brook", 10),
            _pupil(s, 3, "Cal", "Cole", 11),
        )
        dee, eve = _pupil(s, 4, "Dee", "Dale", 8), _pupil(s, 5, "Eve", "Eden", 7)
        alpha = _provider(s, "Alpha PRU", SettingType.PRU, "100001")
        beta = _provider(s, "Beta Tutors", SettingType.UNREGISTERED)
        gamma = _provider(s, "Gamma AP", SettingType.AP_ACADEMY)
        active, ended = PlacementStatus.ACTIVE, PlacementStatus.ENDED
        p1 = _placement(
            s, pupil_id=ann.id, provider_id=alpha.id, status=active,
            started_on=date(2024, 10, 1), referred_on=date(2024, 9, 17),
            category=SheffieldCategory.KS4_FULL_TIME.value, hours_per_week=25, sessions=ALL_WEEK,
            reasons=["semh"], learning_outcomes="Re-engage with maths and English.",
            child_voice_date=date(2024, 9, 20), family_voice_date=date(2024, 9, 21),
        )  # fmt: skip
        p2 = _placement(
            s, pupil_id=ben.id, provider_id=beta.id, status=active, started_on=date(2025, 1, 6),
            referred_on=date(2024, 12, 16), hours_per_week=6, commissioner=Commissioner.LA,
            child_voice="Wants to do carpentry.", off_site_direction=True,
        )  # fmt: skip
        p3 = _placement(
            s, pupil_id=cal.id, provider_id=alpha.id, status=ended, started_on=date(2024, 9, 9),
            ended_on=date(2024, 12, 20), outcome=PlacementOutcome.PERMANENT_EXCLUSION,
            learning_outcomes="Stay in education.", sessions=["MON_AM"], reasons=["exclusion"],
        )  # fmt: skip
        p4 = _placement(
            s, pupil_id=dee.id, provider_id=gamma.id, status=ended, started_on=date(2024, 6, 1),
            ended_on=date(2024, 7, 15), outcome=PlacementOutcome.RETURNED, sessions=["TUE_AM"],
            reasons=["ebsa"],
        )  # fmt: skip
        p5 = _placement(
            s, pupil_id=dee.id, provider_id=beta.id, status=active, started_on=date(2025, 2, 3),
            referred_on=date(2025, 1, 20), learning_outcomes="Attend every session.",
            sessions=["WED_AM"], reasons=["ebsa"],
        )  # fmt: skip
        p6 = _placement(s, pupil_id=eve.id, provider_id=beta.id, learning_outcomes="x")
        plan1 = Plan(placement_id=p1.id or 0, transition_plan="Back to maths in week 8.")
        plan2 = Plan(placement_id=p2.id or 0)
        s.add_all([plan1, plan2])
        s.flush()
        s.add(TransitionStep(plan_id=plan2.id or 0, step="Visit the science lab"))
        for who in (VoiceOf.CHILD, VoiceOf.FAMILY):
            s.add(VoiceEntry(pupil_id=cal.id or 0, placement_id=p3.id, voice_of=who,
                             said_on=date(2024, 9, 5)))  # fmt: skip
        for day, code in ((3, "B"), (4, "B"), (5, "B"), (6, "N")):
            _mark(s, ann, p1, date(2025, 3, day), code)
        _mark(s, ben, None, date(2025, 3, 3), "/")
        _mark(s, ben, None, date(2025, 3, 4), "O")
        _mark(s, ben, None, date(2025, 3, 5), "O")
        _mark(s, ben, None, date(2025, 3, 10), "C2")
        ids = {"ann": ann.id, "ben": ben.id, "cal": cal.id, "dee": dee.id, "eve": eve.id}
        for n, p in enumerate((p1, p2, p3, p4, p5, p6), start=1):
            ids[f"p{n}"] = p.id
        ids.update(alpha=alpha.id, beta=beta.id, gamma=gamma.id)
    return {k: int(v or 0) for k, v in ids.items()}


def place_many(store: Store, count: int, surname: str, provider_name: Callable[[int], str]) -> None:
    """`count` Year 9 pupils, each in AP at a provider of their own since 1 October 2024:
    enough rows for a termly report's tables to run over several pages."""
    with store.session() as s:
        for n in range(count):
            pupil = Pupil(
                upn=f"L{n:012d}",
                forename=f"Pupil{n:03d}",
                surname=surname,
                dob=date(2011, 1, 1),
                nc_year=9,
            )
            provider = Provider(name=provider_name(n), setting_type=SettingType.AP_ACADEMY)
            s.add_all([pupil, provider])
            s.flush()
            s.add(
                Placement(
                    pupil_id=pupil.id or 0,
                    provider_id=provider.id or 0,
                    status=PlacementStatus.ACTIVE,
                    started_on=date(2024, 10, 1),
                    hours_per_week=25,
                )
            )
