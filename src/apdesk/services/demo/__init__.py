"""A realistic synthetic school for demos, screenshots and tests: deterministic for a seed
and a day, with the year's closures, a provider directory and placements that show every rule."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlmodel import Session, col, func, select

from apdesk import models
from apdesk.models.enums import Gender, SenStatus
from apdesk.models.upn import make_upn
from apdesk.services.ap_guide import set_guide_settings
from apdesk.services.attendance.demo_marks import populate_marks
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.demo import names as names
from apdesk.services.demo import placements as demo_placements
from apdesk.services.demo import providers as demo_providers
from apdesk.services.demo.documents import attach_documents
from apdesk.services.demo.history import date_history, last_id
from apdesk.services.demo.logo import demo_logo
from apdesk.services.demo.outbox import populate_outbox
from apdesk.services.demo.sen import GENERAL_NEEDS, set_sen
from apdesk.services.demo.terms import TERM_NAMES as TERM_NAMES
from apdesk.services.demo.terms import academic_year_start, term_closures, term_dates
from apdesk.services.plans.demo_plans import populate_plans
from apdesk.services.school import SchoolDetails, save_school
from apdesk.services.timetables.demo_timetables import populate_timetables
from apdesk.store import Store

DEMO_PASSPHRASE = "apdesk-demo-passphrase"
DEMO_PUPILS = 200  # the demo store the desktop application and `apdesk --demo` make
LA_CODE, ESTAB = 855, 4001


DEMO_MAX_WEEKS = 26  # the demo school's longest planned placement: two terms


def populate(
    store: Store, *, pupils: int = 200, seed: int = 7, today: date | None = None
) -> dict[str, int]:
    """Add the demo school to `store`; returns how many of each record were made."""
    today = today or date.today()
    rng = random.Random(seed)
    with store.session() as session:
        history_after = last_id(session)
        save_school(session, demo_school())
        set_guide_settings(session, max_weeks=DEMO_MAX_WEEKS)
        closures = _closures(session, today)
        start_serial = int(session.exec(select(func.count()).select_from(models.Pupil)).one())
        made_pupils = _pupils(session, rng, pupils, today, start_serial)
        providers = demo_providers.providers(session, rng, today)
        _apart_from_staff(session, seed)
        calendar = SchoolCalendar.load(session)
        before = session.exec(select(func.max(models.Placement.id))).one() or 0
        placements = demo_placements.placements(
            session, rng, made_pupils, providers, calendar, today
        )
        documents = attach_documents(session, after=before)
        # Timetables and the register come before plans: reviews count the register's marks.
        timetables = populate_timetables(session, rng, today)
        marks = populate_marks(session, rng, today)
        plans = populate_plans(session, rng, today, demo_placements.school_day(calendar))
        outbox = populate_outbox(session, today)
        date_history(session, history_after, today)
    return {
        "pupils": len(made_pupils),
        "providers": len(providers),
        "placements": placements,
        "documents": documents,
        "closures": closures,
        "attendance marks": marks,
        "plans": plans.get("plans", 0),
        "reviews": plans.get("reviews", 0),
        "timetable versions": timetables.get("timetable_versions", 0),
        "packs queued": outbox,
    }


def demo_school() -> SchoolDetails:
    return SchoolDetails(
        name="Northbridge Academy (demo)",
        urn="139999",
        la_code=str(LA_CODE),
        estab=str(ESTAB),
        address="1 Mill Lane, Northbridge, NB1 2AP",
        phone="01632 960000",
        email="office@northbridge.example",
        key_contact_name="Ms R. Ellery",
        key_contact_role="SENCO and AP coordinator",
        key_contact_phone="01632 960001",
        key_contact_email="senco@northbridge.example",
        logo=demo_logo(),
    )


def _pupils(
    session: Session, rng: random.Random, count: int, today: date, start: int
) -> list[models.Pupil]:
    made = []
    year_start = academic_year_start(today)
    for i in range(count):
        serial = start + i
        nc_year = 7 + serial % 5
        age_on_sept = nc_year + 4
        dob = date(year_start.year - age_on_sept - 1, 9, 1) + timedelta(days=rng.randrange(365))
        sen = rng.choices(list(SenStatus), weights=[70, 22, 8])[0]
        needs = rng.sample(GENERAL_NEEDS, k=rng.choice([0, 0, 1, 2]))
        forename, surname, preferred, gender = _name(rng)
        pupil = models.Pupil(
            upn=make_upn(
                LA_CODE,
                ESTAB,
                year_start.year - (nc_year - 7),
                serial % 1000,
                temporary=(serial % 97 == 13),
            ),
            forename=forename,
            surname=surname,
            preferred_name=preferred,
            dob=dob,
            gender=gender,
            nc_year=nc_year,
            sen_status=sen,
            looked_after=rng.random() < 0.04,
            needs=needs,
            sen_types=[],
            health_needs=rng.choice(
                ["", "", "", "Asthma: inhaler carried", "Type 1 diabetes: care plan"]
            ),
            family_support=rng.choice(
                ["", "", "Early Help assessment open", "Family support worker"]
            ),
            safety_info=rng.choice(["", "", "", "Risk of absconding at transitions"]),
        )
        set_sen(pupil, sen)
        session.add(pupil)
        made.append(pupil)
    session.flush()
    for pupil in made:
        relationship, titles = rng.choice(RELATIONSHIPS)
        title = rng.choice(titles)
        surname = pupil.surname if relationship != "Carer" else rng.choice(names.SURNAMES)
        session.add(
            models.Contact(
                pupil_id=pupil.id or 0,
                name=f"{title} {surname}",
                title=title,
                surname=surname,
                priority=1,
                relationship=relationship,
                phone=f"07700 900{rng.randrange(1000):03d}",
                address=f"{rng.randrange(1, 120)} {rng.choice(names.STREETS)}, "
                f"{rng.choice(names.TOWNS)}",
            )
        )
    return made


def staff_surnames(session: Session) -> set[str]:
    """The surnames of the people the demo names as staff: the school's key contact (its
    SENCO) and each provider's contact and safeguarding lead."""
    people = [demo_school().key_contact_name]
    for provider in session.exec(select(models.Provider)).all():
        people += [provider.contact_name, provider.safeguarding_lead]
    return {person.split()[-1] for person in people if person.strip()}


def _apart_from_staff(session: Session, seed: int) -> None:
    """A carer who shares the SENCO's (or a provider's staff member's) surname reads like a
    slip to a SENCO: such a contact takes another surname, unless it is the pupil's own. The
    new names come from their own random stream, so the rest of the demo stays as it was."""
    staff = staff_surnames(session)
    others = [surname for surname in names.SURNAMES if surname not in staff]
    rng = random.Random(f"contacts {seed}")
    query = select(models.Contact, models.Pupil).where(
        col(models.Contact.pupil_id) == col(models.Pupil.id)
    )
    for contact, pupil in session.exec(query.order_by(col(models.Contact.id))).all():
        if contact.surname in staff and contact.surname != pupil.surname:
            contact.surname = rng.choice(others)
            contact.name = f"{contact.title} {contact.surname}".strip()
            session.add(contact)
    session.flush()


def _name(rng: random.Random) -> tuple[str, str, str, Gender]:
    """Forename, surname, preferred name and gender that agree: the forename from the list for
    the gender, and a preferred name only where it is a short form of that forename (for about
    half of those that have one)."""
    draw = rng.randrange(len(names.FORENAMES))
    surname = rng.choice(names.SURNAMES)
    known_by_short_form = rng.randrange(8) >= 4
    gender = rng.choice([Gender.FEMALE, Gender.MALE, Gender.MALE, Gender.FEMALE, None])
    if gender is None:  # mostly girls and boys too: Other for about one pupil in a hundred
        gender = Gender.OTHER if draw % 20 == 0 else (Gender.FEMALE, Gender.MALE)[draw % 2]
    forename = names.forename(gender, draw)
    preferred = names.SHORT_FORMS.get(forename, "") if known_by_short_form else ""
    return forename, surname, preferred, gender


RELATIONSHIPS = [
    ("Mother", ("Mrs", "Ms", "Miss")),
    ("Mother", ("Mrs", "Ms")),
    ("Father", ("Mr",)),
    ("Carer", ("Mrs", "Mr", "Ms")),
    ("Grandmother", ("Mrs",)),
    ("Grandfather", ("Mr",)),
]


def _closures(session: Session, today: date) -> int:
    """The years' closures and terms, unless the school has already set any of its own."""
    if any(
        session.exec(select(table)).first() is not None for table in (models.Closure, models.Term)
    ):
        return 0
    # Last year's (ended placements), this year's and next year's (placements running on).
    years = [date(academic_year_start(today).year + offset, 10, 1) for offset in (-1, 0, 1)]
    rows = [row for year in years for row in term_closures(year)]
    for start, end, kind, name in rows:
        session.add(models.Closure(start_date=start, end_date=end, kind=kind.value, name=name))
    for start, end, name in (term for year in years for term in term_dates(year)):
        session.add(models.Term(name=name, start_date=start, end_date=end))
    session.flush()
    return len(rows)
