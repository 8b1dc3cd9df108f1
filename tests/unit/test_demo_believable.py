"""The demo school as a SENCO reads it: nothing in it that could not have happened.

Each test is one thing an experienced SENCO would catch at a glance, checked on demo stores
made on three different days (mid-term, in the summer holiday, and late in the autumn term),
since the demo is made for whatever day `apdesk --demo` first runs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from apdesk import models
from apdesk.models.enums import Gender, PlacementOutcome, PlacementStatus, SenStatus, VoiceOf
from apdesk.services import demo
from apdesk.services.calendar import SchoolCalendar, school_year_of
from apdesk.services.demo import names
from apdesk.services.measures.dashboard import read_overview
from apdesk.store import KdfParams, Store
from apdesk.sync import connection

DAYS = [date(2025, 3, 3), date(2025, 8, 4), date(2026, 12, 7)]
# Dates that record something done: they cannot lie after the day the demo was made.
HAPPENED = (
    "risk_assessment_date", "child_voice_date", "family_voice_date", "caseworker_told_on",
    "agreement_date", "la_told_on", "parent_notice_date", "la_notice_date",
    "last_direction_review", "review_requested_on", "referred_on", "started_on", "ended_on",
)  # fmt: skip
TITLES = {
    "Mother": {"Mrs", "Ms", "Miss"},
    "Father": {"Mr"},
    "Grandmother": {"Mrs", "Ms"},
    "Grandfather": {"Mr"},
}


@dataclass
class Demo:
    today: date
    pupils: dict[int, models.Pupil]
    contacts: list[models.Contact]
    providers: dict[int, models.Provider]
    placements: list[models.Placement]
    voices: list[models.VoiceEntry]
    reviews: list[models.Review]
    follow_ups: list[models.FollowUp]
    outbox: list[models.OutboxItem]
    closures: list[models.Closure]
    calendar: SchoolCalendar
    endpoint: str
    home_pupils: int


@pytest.fixture(scope="module", params=DAYS, ids=[d.isoformat() for d in DAYS])
def made(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Demo]:
    today: date = request.param
    folder: Path = tmp_path_factory.mktemp("believable") / "store"
    store, _recovery = Store.create(folder, "demo test passphrase", use_keyring=False,
                                    kdf=KdfParams.fast())  # fmt: skip
    try:
        demo.populate(store, pupils=120, seed=7, today=today)
        with store.session() as s:
            yield Demo(
                today=today,
                pupils={p.id or 0: p for p in s.exec(select(models.Pupil)).all()},
                contacts=list(s.exec(select(models.Contact)).all()),
                providers={p.id or 0: p for p in s.exec(select(models.Provider)).all()},
                placements=list(s.exec(select(models.Placement)).all()),
                voices=list(s.exec(select(models.VoiceEntry)).all()),
                reviews=list(s.exec(select(models.Review)).all()),
                follow_ups=list(s.exec(select(models.FollowUp)).all()),
                outbox=list(s.exec(select(models.OutboxItem)).all()),
                closures=list(s.exec(select(models.Closure)).all()),
                calendar=SchoolCalendar.load(s),
                endpoint=connection.endpoint(s),
                home_pupils=read_overview(s).counts["pupils"],
            )
    finally:
        store.lock()


def _name(d: Demo, placement: models.Placement) -> str:
    pupil = d.pupils[placement.pupil_id]
    return (
        f"{pupil.display_name} (Year {pupil.nc_year}) at {d.providers[placement.provider_id].name}"
    )


def test_no_placement_starts_or_ends_in_a_holiday_or_on_a_closed_day(made: Demo) -> None:
    summers = {school_year_of(c.start_date) for c in made.closures if c.name == "Summer holiday"}
    wrong = []
    for p in made.placements:
        for field in ("start_date", "end_date", "started_on", "ended_on"):
            day = getattr(p, field)
            if day is None:
                continue
            assert school_year_of(day) in summers, f"no holidays known for {day}"
            if not made.calendar.is_school_day(day):
                wrong.append(f"{_name(made, p)}: {field} {day:%a %d %b %Y}")
    assert wrong == []


def test_no_placement_ends_before_it_starts(made: Demo) -> None:
    assert [_name(made, p) for p in made.placements
            if p.start_date and p.end_date and p.end_date < p.start_date] == []  # fmt: skip
    assert [_name(made, p) for p in made.placements
            if p.started_on and p.ended_on and p.ended_on < p.started_on] == []  # fmt: skip


def test_what_happened_is_dated_on_or_before_the_day_the_demo_was_made(made: Demo) -> None:
    today = made.today
    late = [f"{_name(made, p)}: {field} {getattr(p, field)}" for p in made.placements
            for field in HAPPENED if getattr(p, field) and getattr(p, field) > today]  # fmt: skip
    late += [f"voice sought {v.said_on}" for v in made.voices if v.said_on > today]
    late += [f"review held {r.held_on}" for r in made.reviews if r.held_on and r.held_on > today]
    late += [f"follow-up {f.done_on}" for f in made.follow_ups if f.done_on and f.done_on > today]
    late += [f"pack delivered {i.delivered_at}" for i in made.outbox
             if i.delivered_at and i.delivered_at.date() > today]  # fmt: skip
    assert late == []


def test_reviews_and_voice_fall_within_their_placement(made: Demo) -> None:
    starts = {p.id: p.start_date for p in made.placements}
    early = [
        r for r in made.reviews if r.held_on and r.held_on < (starts[r.placement_id] or date.max)
    ]
    assert early == []
    ended = {p.id: p.ended_on for p in made.placements if p.ended_on}
    after = [r for r in made.reviews if r.held_on and r.placement_id in ended
             and r.held_on > (ended[r.placement_id] or date.min)]  # fmt: skip
    assert after == []


def test_each_state_lies_within_its_dates_and_only_one_or_two_overrun(made: Demo) -> None:
    today, wrong, overrunning = made.today, [], []
    for p in made.placements:
        assert p.start_date and p.end_date, _name(made, p)
        if p.status is PlacementStatus.ACTIVE:
            if not (p.started_on == p.start_date <= today):
                wrong.append(f"active but not started: {_name(made, p)}")
            if p.end_date < today:
                overrunning.append(_name(made, p))
        elif p.status in (PlacementStatus.REFERRED, PlacementStatus.DRAFT):
            if p.start_date <= today or p.started_on or p.ended_on:
                wrong.append(f"{p.status.value} but started: {_name(made, p)} {p.start_date}")
        elif p.status is PlacementStatus.ENDED:
            if not (p.ended_on and p.started_on and p.ended_on <= today):
                wrong.append(f"ended without its dates: {_name(made, p)}")
            elif not p.start_date <= p.ended_on <= p.end_date:
                wrong.append(f"ended outside its dates: {_name(made, p)} {p.ended_on}")
    assert wrong == []
    assert 1 <= len(overrunning) <= 2, overrunning  # deliberately, so Today's work shows them
    assert {p.status for p in made.placements} >= {
        PlacementStatus.REFERRED, PlacementStatus.ACTIVE, PlacementStatus.ENDED,
    }  # fmt: skip


def test_year_groups_agree_with_ages_courses_and_exits(made: Demo) -> None:
    wrong = []
    for p in made.placements:
        pupil = made.pupils[p.pupil_id]
        if "Year 12" in p.exit_strategy and pupil.nc_year != 11:
            wrong.append(f"Year 12 exit for {_name(made, p)}")
        if p.outcome is PlacementOutcome.POST_16 and (pupil.nc_year != 11 or pupil.on_roll):
            wrong.append(f"post-16 for {_name(made, p)}, on roll: {pupil.on_roll}")
        if p.category == "ks4" and pupil.nc_year < 10:
            wrong.append(f"key stage 4 place for {_name(made, p)}")
        provider = made.providers[p.provider_id]
        age = pupil.nc_year + 4  # on 31 August before the school year
        if not provider.age_min <= age <= provider.age_max:
            wrong.append(f"{_name(made, p)}: provider takes {provider.age_min}-{provider.age_max}")
    for pupil in made.pupils.values():
        # Age on 31 August before the school year (the leavers: the year they left).
        start = date(demo.academic_year_start(made.today).year - (not pupil.on_roll), 8, 31)
        age = (
            start.year
            - pupil.dob.year
            - ((start.month, start.day) < (pupil.dob.month, pupil.dob.day))
        )
        if age != pupil.nc_year + 4:
            wrong.append(f"{pupil.display_name} is {age} on {start} but in Year {pupil.nc_year}")
    assert wrong == []
    assert any(p.outcome is PlacementOutcome.POST_16 for p in made.placements)
    # Home counts the pupils on roll, as the Pupils page does, not the Year 11 leavers.
    assert made.home_pupils == sum(p.on_roll for p in made.pupils.values()) < len(made.pupils)


def test_contacts_titles_match_their_relationship(made: Demo) -> None:
    wrong = [f"{c.name} ({c.relationship})" for c in made.contacts
             if c.relationship in TITLES and c.title not in TITLES[c.relationship]]  # fmt: skip
    assert wrong == []
    assert all(c.name.startswith(c.title + " ") for c in made.contacts if c.title)


def test_forenames_fit_the_gender_and_preferred_names_are_their_short_forms(made: Demo) -> None:
    lists = {Gender.FEMALE: names.GIRLS, Gender.MALE: names.BOYS, Gender.OTHER: names.NEUTRAL}
    assert not set(names.GIRLS) & set(names.BOYS)
    shorts = names.SHORT_FORMS
    assert all(short != full and len(short) <= len(full) for full, short in shorts.items())
    pupils = list(made.pupils.values())
    wrong = [
        f"{p.forename} ({p.gender.label})" for p in pupils if p.forename not in lists[p.gender]
    ]
    wrong += [f"{p.forename} known as {p.preferred_name}" for p in pupils
              if p.preferred_name and shorts.get(p.forename) != p.preferred_name]  # fmt: skip
    assert wrong == []
    # Girls and boys in about equal numbers; Other recorded for a few pupils at most.
    genders = Counter(p.gender for p in pupils)
    assert genders[Gender.OTHER] <= len(pupils) // 40, genders
    assert abs(genders[Gender.FEMALE] - genders[Gender.MALE]) <= len(pupils) // 5, genders
    # About one pupil in five goes by a short form: some, but not most.
    known_as = sum(1 for p in pupils if p.preferred_name)
    assert len(pupils) // 10 <= known_as <= len(pupils) // 3


# Who a family voice can name, and the contacts' relationships each word fits.
FAMILY_WORDS = {
    "mum": {"Mother"}, "mother": {"Mother"}, "dad": {"Father"}, "father": {"Father"},
    "parent": {"Mother", "Father"}, "carer": {"Carer"}, "gran": {"Grandmother"},
    "grandmother": {"Grandmother"}, "grandad": {"Grandfather"}, "grandfather": {"Grandfather"},
    "grandparent": {"Grandmother", "Grandfather"},
}  # fmt: skip
NAMED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr) [A-Z][\w'-]+")


def _strangers(text: str, contacts: list[models.Contact]) -> list[str]:
    """Anyone a family voice names who is not among the pupil's contacts."""
    names_ = {c.name for c in contacts}
    relationships = {c.relationship for c in contacts}
    words = re.findall(r"[a-z]+", text.lower())
    wrong = [w for w in words if w in FAMILY_WORDS and not FAMILY_WORDS[w] & relationships]
    return wrong + [n for n in NAMED.findall(text) if n not in names_]


def test_family_voice_is_from_someone_among_the_pupils_contacts(made: Demo) -> None:
    contacts: dict[int, list[models.Contact]] = {}
    for contact in made.contacts:
        contacts.setdefault(contact.pupil_id, []).append(contact)
    # The placement's own, and those recorded since (by phone, at reviews).
    said = [(p.pupil_id, p.family_voice) for p in made.placements if p.family_voice]
    said += [(v.pupil_id, v.text) for v in made.voices if v.voice_of is VoiceOf.FAMILY]
    wrong = [f"{made.pupils[pid].display_name}: '{text}' (contacts "
             f"{[(c.name, c.relationship) for c in contacts.get(pid, [])]})"
             for pid, text in said if _strangers(text, contacts.get(pid, []))]  # fmt: skip
    assert wrong == []
    named = [text for _pid, text in said if NAMED.search(text)]
    assert len(named) >= len(made.placements) // 2, "family voices name who said them"


def test_needs_agree_with_sen_status(made: Demo) -> None:
    wrong = []
    for pupil in made.pupils.values():
        has_sen = pupil.sen_status is not SenStatus.NONE
        if has_sen and not (pupil.needs and pupil.sen_types):
            wrong.append(f"{pupil.display_name}: {pupil.sen_status.label} but no needs recorded")
        if not has_sen and ("send" in pupil.needs or pupil.sen_types):
            wrong.append(f"{pupil.display_name}: SEND needs but no SEN status")
    for p in made.placements:
        pupil = made.pupils[p.pupil_id]
        if pupil.sen_status is SenStatus.EHC_PLAN and "EHC plan" not in p.send_needs:
            wrong.append(f"{_name(made, p)}: send needs '{p.send_needs}'")
        if pupil.sen_status is SenStatus.NONE and p.send_needs.startswith(("EHC", "SEN")):
            wrong.append(f"{_name(made, p)}: send needs '{p.send_needs}' with no SEN")
    assert wrong == []


def test_delivery_details_agree_with_the_providers_kind(made: Demo) -> None:
    online = {i for i, p in made.providers.items() if p.delivery == "online"}
    assert online, "the demo has an online school"
    wrong = [p.name for i, p in made.providers.items() if i in online and (p.address or p.postcode)]
    for p in made.placements:
        if p.provider_id in online and (p.transport or "reception" in p.session_times.lower()
                                        or "on site" in p.session_times.lower()):  # fmt: skip
            wrong.append(f"{_name(made, p)}: '{p.transport}', '{p.session_times}'")
        far = made.providers[p.provider_id].distance_band in ("far", "out_of_area")
        if far and p.transport.startswith("Walks"):
            wrong.append(f"{_name(made, p)} walks to a provider over 15 miles away")
    assert wrong == []


def test_a_pack_is_delivered_only_with_a_receipt_from_a_connection_that_is_set(made: Demo) -> None:
    delivered = [i for i in made.outbox if i.delivered_at or i.receipt or i.status == "delivered"]
    if delivered:
        assert made.endpoint, "a pack shows delivered while the LA connection is not set"
        assert all(i.receipt and i.delivered_at for i in delivered)
    assert made.outbox, "the Outbox still shows packs waiting"


def test_the_family_at_a_review_is_one_of_the_pupils_contacts(made: Demo) -> None:
    """Not "Parent" for a pupil whose only contact is a grandmother or a carer."""
    names: dict[int, set[str]] = {}
    for contact in made.contacts:
        names.setdefault(contact.pupil_id, set()).add(contact.name)
    owners = {p.id: p.pupil_id for p in made.placements}
    held = [r for r in made.reviews if r.attendees]
    assert held, "the demo holds reviews"
    wrong = []
    for review in held:
        family = [a for a in review.attendees.splitlines()
                  if a not in ("Pupil", "Provider key worker", "SENCO")]  # fmt: skip
        known = names.get(owners[review.placement_id], set())
        if not any(name in who for who in family for name in known):
            wrong.append(f"review {review.id}: {review.attendees} (contacts {sorted(known)})")
    assert wrong == []


def test_no_family_contact_shares_a_staff_members_surname_but_the_pupils_own(made: Demo) -> None:
    """ "Mrs Ellery (carer)" beside Ms R. Ellery, the SENCO, reads like a slip to a SENCO."""
    staff = {"Ellery"} | {
        person.split()[-1]
        for p in made.providers.values()
        for person in (p.contact_name, p.safeguarding_lead)
        if person
    }
    wrong = [f"{c.name} ({c.relationship}) of {made.pupils[c.pupil_id].display_name}"
             for c in made.contacts
             if c.surname in staff and c.surname != made.pupils[c.pupil_id].surname]  # fmt: skip
    assert wrong == []
    assert all(c.name == f"{c.title} {c.surname}" for c in made.contacts if c.title)


def test_no_pupil_shares_the_sencos_surname(made: Demo) -> None:
    """A pupil called Ellery on forms signed by Ms R. Ellery, the SENCO, reads like her child."""
    assert not [p.display_name for p in made.pupils.values() if p.surname == "Ellery"]
