"""Demo placements: every status and outcome, varied text, pupils with two part-time places,
and at least one placement that shows each warning, so every rule can be seen working."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable
from datetime import date, time, timedelta
from typing import Any

from sqlmodel import Session, col, select

from apdesk import models
from apdesk.models.enums import (
    Agency,
    Commissioner,
    DistanceBand,
    FundingStream,
    PlacementOutcome,
    PlacementStatus,
    RegistrationCode,
    SenStatus,
    SettingType,
)
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.demo import texts as texts
from apdesk.services.demo.categories import (
    for_behaviour,
    full_time_category,
    part_time_category,
    with_reason,
)
from apdesk.services.demo.sen import set_sen
from apdesk.services.placement_direction import direction_school_days
from apdesk.services.placements import PlacementInput
from apdesk.services.qa import QaStatus, qa_statuses

DAYS = ["MON", "TUE", "WED", "THU", "FRI"]
FULL_WEEK = [f"{d}_{s}" for d in DAYS for s in ("AM", "PM")]
STATUSES = [PlacementStatus.ACTIVE, PlacementStatus.ACTIVE, PlacementStatus.REFERRED,
            PlacementStatus.ENDED, PlacementStatus.DRAFT, PlacementStatus.ACTIVE,
            PlacementStatus.ENDED, PlacementStatus.REFERRED, PlacementStatus.ACTIVE,
            PlacementStatus.DRAFT]  # fmt: skip
DIRECTION = {"off_site_direction": True}
WEEKS = [6, 8, 12, 16, 24]
OVERRUNNING = 2  # active placements left past their end date, for Today's work to show
# Dates that record something done: never after the day the demo is made.
HAPPENED = ("risk_assessment_date", "child_voice_date", "family_voice_date", "caseworker_told_on",
            "agreement_date", "la_told_on", "parent_notice_date", "la_notice_date",
            "last_direction_review", "review_requested_on")  # fmt: skip
Flaw = tuple[str, str, dict[str, Any], Callable[[PlacementInput, date], dict[str, Any]]]


def _days(n: int, offset: int = 0) -> list[str]:
    return [f"{d}_{s}" for d in DAYS[offset : offset + n] for s in ("AM", "PM")]


# warning code, provider to use ('' keeps the usual one), pupil changes, placement changes
FLAWS: list[Flaw] = [
    ("full_time_hours", "Riverside", {}, lambda d, s: {"category": "ks4", "hours_per_week": 12.0,
                                                       "sessions": FULL_WEEK[:5]}),
    ("part_time_timetable", "", {}, lambda d, s: {"other_ap": "", "category": "engagement",
                                                   "hours_per_week": 10.0, "sessions": _days(2)}),
    ("hours_missing", "Calm Minds", {}, lambda d, s: {"hours_per_week": 0.0, "sessions": []}),
    ("registration_code", "", {}, lambda d, s: {"registration_code": RegistrationCode.D}),
    ("notice_missing", "", {}, lambda d, s: {**DIRECTION, "parent_notice_date": None}),
    ("notice_late", "", {}, lambda d, s: {**DIRECTION, "parent_notice_date": s}),
    ("notice_address", "Online", {}, lambda d, s: DIRECTION),
    ("notice_reporting_to", "", {}, lambda d, s: {**DIRECTION, "reporting_to": ""}),
    ("notice_days", "", {}, lambda d, s: {**DIRECTION, "direction_days": 0}),
    ("notice_reasons", "", {}, lambda d, s: {**DIRECTION, "learning_outcomes": ""}),
    ("notice_session_times", "", {}, lambda d, s: {**DIRECTION, "break_start": None,
                                                    "break_end": None}),
    ("notice_la_copy", "", {"sen_status": SenStatus.EHC_PLAN}, lambda d, s: {
        **DIRECTION, "ehcp_attached": True, "la_notice_date": None,
        "caseworker_told_on": (d.start_date or s) - timedelta(days=15)}),
    ("planned_length", "", {}, lambda d, s: {
        "end_date": (d.start_date or s) + timedelta(weeks=39)}),
    ("agreement", "", {}, lambda d, s: {"agreement_date": None}),
    ("la_notified", "", {}, lambda d, s: {"la_told_on": None}),
    ("direction_review", "", {}, lambda d, s: {
        **DIRECTION, "review_requested_on": (d.start_date or s) + timedelta(weeks=3)}),
    ("ehcp_attached", "", {"sen_status": SenStatus.EHC_PLAN}, lambda d, s: {
        "ehcp_attached": False, "caseworker_told_on": (d.start_date or s) - timedelta(days=15)}),
    ("caseworker_told", "", {"sen_status": SenStatus.EHC_PLAN}, lambda d, s: {
        "ehcp_attached": True, "caseworker_told_on": None}),
    ("virtual_school", "", {"looked_after": True}, lambda d, s: {}),
    ("unregistered_full_time", "Southmoor", {"sen_status": SenStatus.EHC_PLAN}, lambda d, s: {
        "category": "step_out", "hours_per_week": 25.0, "sessions": FULL_WEEK,
        "ehcp_attached": True, "caseworker_told_on": (d.start_date or s) - timedelta(days=20)}),
    ("learning_outcomes", "", {}, lambda d, s: {"learning_outcomes": ""}),
    ("success_measures", "", {}, lambda d, s: {"success_measures": ""}),
    ("exit_strategy", "", {}, lambda d, s: {"exit_strategy": ""}),
    ("child_voice", "", {}, lambda d, s: {"child_voice": "", "child_voice_date": None}),
    ("family_voice", "", {}, lambda d, s: {"family_voice": "", "family_voice_date": None}),
    ("english_maths", "Motor Skills", {}, lambda d, s: {"english_maths": False}),
    ("review_date", "", {}, lambda d, s: {"review_date": None}),
    ("review_date", "", {}, lambda d, s: {
        "review_date": (d.start_date or s) + timedelta(weeks=9)}),
    ("sessions_pattern", "", {}, lambda d, s: {"sessions": d.sessions[:2]}),
    ("transport", "Westfield Vale", {}, lambda d, s: {"transport": "", "transport_cost_pence": 0}),
    ("direction_reason", "", {"sen_status": SenStatus.SEN_SUPPORT}, lambda d, s: {
        **DIRECTION, "reasons": ["send"], "learning_outcomes": texts.OUTCOMES["send"]}),
    ("direction_days_count", "", {}, lambda d, s: DIRECTION),  # its days are miscounted below
]  # fmt: skip
MISCOUNTED = 3  # the days the "direction_days_count" placement's notice gets wrong


def placements(
    session: Session,
    rng: random.Random,
    pupils: list[models.Pupil],
    providers: list[models.Provider],
    calendar: SchoolCalendar,
    today: date,
) -> int:
    """One pupil in three is placed; a flaw on every other placement until each has shown."""
    qa = qa_statuses(session, providers, today)
    contacts = _first_contacts(session)
    chosen = [p for i, p in enumerate(pupils) if i % 3 == 1]
    made: list[models.Placement] = []
    outcomes = itertools.cycle(PlacementOutcome)
    overruns = OVERRUNNING
    for index, pupil in enumerate(chosen):
        status = STATUSES[index % len(STATUSES)]
        flaw = FLAWS[index // 2] if index % 2 == 0 and index // 2 < len(FLAWS) else None
        outcome = next(outcomes) if status is PlacementStatus.ENDED else None
        left_on = _leaver(pupil, calendar, today) if outcome is PlacementOutcome.POST_16 else None
        provider = _pick(providers, pupil, index, flaw[1] if flaw else "")
        if flaw:
            for key, value in flaw[2].items():
                if key == "sen_status":
                    set_sen(pupil, value)
                else:
                    setattr(pupil, key, value)
        start = _start(rng, status, calendar, today, left_on)
        overrun = bool(status is PlacementStatus.ACTIVE and flaw is None and overruns
                       and (today - start).days > 8 * 7 and index % 4 != 3)  # fmt: skip
        overruns -= overrun
        dates = Dates(calendar, today, status, overrun, left_on)
        family = contacts.get(pupil.id or 0)
        data = _input(rng, pupil, provider, start, calendar, index, family)
        if flaw:
            changes = flaw[3](data, calendar.add_school_days(start, -1))
            if changes.get("off_site_direction") and not data.off_site_direction:
                data = data.model_copy(
                    update=dict(
                        off_site_direction=True,
                        reporting_to=provider.contact_name,
                        parent_notice_date=calendar.add_school_days(start, -4),
                        direction_days=len(data.sessions) * 4,
                        reasons=for_behaviour(data.reasons),
                    )
                )
            data = data.model_copy(update=changes)
        pair = status in (PlacementStatus.ACTIVE, PlacementStatus.REFERRED)
        if index % 4 == 3 and pair and data.hours_per_week < 18:  # a second part-time place
            data = data.model_copy(update=dict(other_ap="", sessions=_days(2), hours_per_week=10.0))
            other = _pick(providers, pupil, index + 5, "")
            if other.id == provider.id:
                other = _pick(providers, pupil, index + 6, "")
            second = _input(rng, pupil, other, start, calendar, index + 1, family)
            category = part_time_category(other, index + 1, second.reasons)
            second = second.model_copy(
                update=dict(
                    other_ap="",
                    sessions=_days(2, 2),
                    hours_per_week=10.0,
                    category=category,
                    reasons=with_reason(category, second.reasons),
                )
            )
            made.append(_save(session, dates.settle(second, pupil), qa, dates, outcome))
        if "medical" in data.reasons and not pupil.health_needs:
            pupil.health_needs = data.health_needs  # the pupil's record says it too
        data = dates.settle(data, pupil)
        if flaw and flaw[0] == "direction_days_count":
            data.direction_days += MISCOUNTED
        made.append(_save(session, data, qa, dates, outcome))
        if pupil.looked_after and not (flaw and flaw[0] == "virtual_school"):
            session.add(models.AgencyInvolvement(
                pupil_id=pupil.id or 0, agency=Agency.VIRTUAL_SCHOOL,
                agency_name="Northbridge Virtual School", contact="Virtual School caseworker",
                role="Told of the placement"))  # fmt: skip
    return len(made)


def _pick(providers: list[models.Provider], pupil: models.Pupil, index: int, name: str
          ) -> models.Provider:  # fmt: skip
    if name:
        return next(p for p in providers if p.name.startswith(name) or name in p.name)
    age = pupil.nc_year + 4
    fits = [p for p in providers if p.age_min <= age <= p.age_max] or providers
    return fits[(index * 7) % len(fits)]


def _start(rng: random.Random, status: PlacementStatus, calendar: SchoolCalendar, today: date,
           left_on: date | None) -> date:  # fmt: skip
    """A school day: in the past for placements that began, in the future for those waiting."""
    if left_on is not None:  # a leaver's last placement ran to the end of Year 11
        return _school_day(calendar, left_on - timedelta(weeks=rng.choice([12, 16])), back=True)
    ago = {PlacementStatus.ACTIVE: rng.randrange(20, 150), PlacementStatus.ENDED:
           rng.randrange(150, 300), PlacementStatus.REFERRED: -rng.randrange(5, 25),
           PlacementStatus.DRAFT: -rng.randrange(15, 45)}[status]  # fmt: skip
    return _school_day(calendar, today - timedelta(days=ago), back=ago > 0)


def _school_day(calendar: SchoolCalendar, day: date, *, back: bool) -> date:
    """`day` if the school is open then, else the nearest open day before (or after) it."""
    step = timedelta(days=-1 if back else 1)
    for n in range(366):  # a year with no school day at all leaves the day as it is
        if calendar.is_school_day(day + n * step):
            return day + n * step
    return day


def school_day(calendar: SchoolCalendar) -> Callable[[date, bool], date]:
    """The nearest school day before (True) or after (False) a date, for the plans' demo."""
    return lambda day, back: _school_day(calendar, day, back=back)


def _leaver(pupil: models.Pupil, calendar: SchoolCalendar, today: date) -> date:
    """Make `pupil` one who left at the end of Year 11 last July (the post-16 outcome only
    happens then); returns their last day on roll."""
    september = date(today.year if today.month >= 9 else today.year - 1, 9, 1)
    left_on = _school_day(calendar, date(september.year, 7, 21), back=True)
    born_in = pupil.dob - date(pupil.dob.year - (pupil.dob.month < 9), 9, 1)
    pupil.dob = date(september.year - 17, 9, 1) + born_in
    pupil.nc_year, pupil.on_roll, pupil.left_on = 11, False, left_on
    pupil.leaving_destination = "Westfield Vale College (Level 1 construction)"
    pupil.leaving_reason = "Finished Year 11"
    return left_on


def _first_contacts(session: Session) -> dict[int, models.Contact]:
    """Each pupil's first contact: the family member whose voice a placement records."""
    rows = session.exec(select(models.Contact).order_by(col(models.Contact.priority))).all()
    first: dict[int, models.Contact] = {}
    for contact in rows:
        first.setdefault(contact.pupil_id, contact)
    return first


def _input(rng: random.Random, pupil: models.Pupil, provider: models.Provider, start: date,
           calendar: SchoolCalendar, index: int,
           contact: models.Contact | None) -> PlacementInput:  # fmt: skip
    reason = pupil.needs[0] if pupil.needs else rng.choice(list(texts.OUTCOMES)[:5])
    if reason == "send" and pupil.sen_status == SenStatus.NONE:
        reason = "semh"  # the pupil's record says no SEN: the placement cannot say otherwise
    reasons = [reason] + [n for n in pupil.needs[1:2] if n != reason]
    full_time = full_time_category(provider, pupil) if index % 3 != 2 else None
    category = full_time or part_time_category(provider, index, reasons)
    reasons = with_reason(category, reasons)
    days = 5 if full_time else rng.choice([2, 2, 3])
    offset = rng.randrange(0, 6 - days)
    sessions = _days(days, offset)
    la = provider.setting_type in (SettingType.PRU, SettingType.HOSPITAL_SCHOOL) and index % 2
    ehcp = pupil.sen_status == SenStatus.EHC_PLAN
    funding = FundingStream.EHCP_TOP_UP if ehcp else FundingStream.SCHOOL_BUDGET
    if la:
        hospital = provider.setting_type == SettingType.HOSPITAL_SCHOOL
        funding = FundingStream.HOSPITAL if hospital else FundingStream.HIGH_NEEDS
    weeks = rng.choice(WEEKS)
    direction = reason == "exclusion" and not la
    name = pupil.preferred_name or pupil.forename
    first, rest, back, last = (time(*hm) for hm in rng.choice(texts.CLOCK_TIMES))
    out_of_area = provider.distance_band == DistanceBand.OUT_OF_AREA
    ways = texts.transport_for(provider.delivery, provider.distance_band)
    return PlacementInput(
        pupil_id=pupil.id or 0,
        provider_id=provider.id or 0,
        category=category,
        reasons=reasons,
        commissioner=Commissioner.LA if la else Commissioner.SCHOOL,
        funding_stream=funding,
        registration_code=RegistrationCode.K if la else RegistrationCode.B,
        key_contact_name="Ms R. Ellery",
        key_contact_role="SENCO and AP coordinator",
        key_contact_details="01632 960001, senco@northbridge.example",
        attendance_at_referral=round(rng.uniform(0.42, 0.93), 3),
        interventions_tried="; ".join(rng.sample(texts.INTERVENTIONS, k=rng.choice([2, 3]))) + ".",
        send_needs=texts.SEND.get(pupil.sen_status.value, "None identified"),
        health_needs=pupil.health_needs or texts.health_needs(reasons, index),
        family_support=pupil.family_support or "Parent attends review meetings",
        safety_info=pupil.safety_info or "No known risks",
        risk_assessment_date=start - timedelta(days=rng.randrange(7, 15)),
        hours_per_week=round(len(sessions) * rng.choice([2.5, 2.5, 2.25]), 2),
        sessions=sessions,
        session_times=rng.choice(texts.session_times_for(provider.delivery)),
        session_start=first,
        break_start=rest,
        break_end=back,
        session_end=last,
        agreement_date=None if la else start - timedelta(days=rng.randrange(5, 15)),
        la_told_on=None if la else start - timedelta(days=rng.randrange(1, 5)),
        start_date=start,
        end_date=start + timedelta(weeks=weeks),
        learning_outcomes=texts.OUTCOMES[reason],
        success_measures="; ".join(rng.sample(texts.MEASURES, k=2)) + ".",
        exit_strategy=rng.choice(texts.exits_for(pupil.nc_year)).format(w=max(weeks // 2, 3)),
        child_voice=rng.choice(texts.CHILD_VOICE).format(name=name),
        child_voice_date=start - timedelta(days=rng.randrange(10, 25)),
        family_voice=rng.choice(texts.FAMILY_VOICE).format(who=texts.family_member(contact)),
        family_voice_date=start - timedelta(days=rng.randrange(8, 20)),
        other_ap="" if full_time else rng.choice(texts.OTHER_AP),
        english_maths=True,
        review_date=start + timedelta(weeks=rng.choice([4, 5, 6])),
        transport=(transport := rng.choice(ways)),  # drawn here, in the demo's usual order
        transport_cost_pence=texts.transport_cost(transport, out_of_area, rng.choice),
        out_of_area=out_of_area,
        family_preference=rng.choice(["", "", provider.name, "Closer to home if possible"]),
        ehcp_attached=ehcp,
        caseworker_told_on=start - timedelta(days=20) if ehcp else None,
        off_site_direction=direction,
        parent_notice_date=calendar.add_school_days(start, -5) if direction else None,
        la_notice_date=calendar.add_school_days(start, -5) if direction and ehcp else None,
        reporting_to=provider.contact_name if direction else "",
        direction_days=days * weeks if direction else 0,
    )


class Dates:
    """Puts a placement's dates where its state says they are: starts and ends on school days,
    what was done (voice sought, LA told, notice given) on or before today, an active placement
    running past today unless it is one of the few left overrunning on purpose."""

    def __init__(self, calendar: SchoolCalendar, today: date, status: PlacementStatus,
                 overrun: bool, left_on: date | None) -> None:  # fmt: skip
        self.calendar, self.today, self.status = calendar, today, status
        self.overrun, self.left_on = overrun, left_on
        self.yesterday = _school_day(calendar, today - timedelta(days=1), back=True)

    def past(self, day: date | None) -> date | None:
        return day if day is None or day < self.today else self.yesterday

    def settle(self, data: PlacementInput, pupil: models.Pupil) -> PlacementInput:
        start = data.start_date or self.today
        end = _school_day(self.calendar, data.end_date or start, back=True)
        if self.left_on is not None:
            end = self.left_on
        elif self.overrun:
            end = _school_day(self.calendar, self.today - timedelta(days=10), back=True)
        elif self.status is PlacementStatus.ACTIVE and end <= self.today:
            weeks = next((w for w in WEEKS if start + timedelta(weeks=w) > self.today),
                         (self.today - start).days // 7 + 2)  # fmt: skip
            end = _school_day(self.calendar, start + timedelta(weeks=weeks), back=False)
        update: dict[str, Any] = {name: self.past(getattr(data, name)) for name in HAPPENED}
        update["end_date"] = max(end, start)
        if not texts.fits_days(data.session_times, data.sessions):
            update["session_times"] = ""  # a note on Fridays for a pupil not there on Fridays
        if self.overrun:  # its next review was booked as if it ran on: the editor says so
            update["review_date"] = _school_day(
                self.calendar, self.today + timedelta(days=10), back=False
            )
        if data.category == "ks4" and pupil.nc_year < 10:
            update["category"] = "ks1_3"
        if data.direction_days > 0:  # the notice's days are those the dates and sessions give
            counted = direction_school_days(start, update["end_date"], data.sessions, self.calendar)
            update["direction_days"] = counted or data.direction_days
        return data.model_copy(update=update)


def _save(session: Session, data: PlacementInput, qa: dict[int, QaStatus], dates: Dates,
          outcome: PlacementOutcome | None) -> models.Placement:  # fmt: skip
    if qa[data.provider_id].needs_reason:
        data.qa_override_reason = texts.OVERRIDES[data.pupil_id % len(texts.OVERRIDES)]
    status, start, today = dates.status, data.start_date or dates.today, dates.today
    placement = models.Placement(**data.values(), status=status)
    if status != PlacementStatus.DRAFT:
        placement.referred_on = dates.past(
            _school_day(dates.calendar, start - timedelta(days=21), back=True)
        )
    if status in (PlacementStatus.ACTIVE, PlacementStatus.ENDED):
        placement.started_on = start
    if status is PlacementStatus.ENDED and outcome is not None:
        end = data.end_date or today
        ended = min(end, _school_day(dates.calendar, today - timedelta(days=3), back=True))
        placement.ended_on = max(ended, start)
        placement.outcome = outcome
        placement.destination = outcome.label
        placement.outcome_notes = texts.ENDINGS[outcome.value]
    session.add(placement)
    return placement
