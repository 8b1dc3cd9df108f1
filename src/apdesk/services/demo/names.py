"""Synthetic names, places and texts for the demo school: invented, not taken from real people."""

from typing import NamedTuple

from apdesk.models.enums import Gender

# Girls' and boys' forenames as a school's roll mixes them (English, South Asian, Polish, West
# African, Arabic...), with the short forms pupils are known by: only real ones, only some names.
GIRLS_SHORT = {
    "Amelia": "Millie", "Olivia": "Liv", "Isabella": "Bella", "Rebecca": "Bex",
    "Eleanor": "Ellie", "Jessica": "Jess", "Elizabeth": "Libby", "Matilda": "Tilly",
    "Katarzyna": "Kasia", "Aleksandra": "Ola", "Folasade": "Sade", "Gabriella": "Gabi",
}  # fmt: skip
BOYS_SHORT = {
    "Oliver": "Ollie", "Theodore": "Theo", "Mohammed": "Mo", "Jayden": "Jay",
    "Alexander": "Alex", "Samuel": "Sam", "Thomas": "Tom", "Tomasz": "Tomek",
    "Jakub": "Kuba", "Benjamin": "Ben", "Oluwaseun": "Seun", "Joshua": "Josh",
}  # fmt: skip
# fmt: off
GIRLS = [
    *GIRLS_SHORT, "Isla", "Ava", "Mia", "Freya", "Ruby", "Poppy", "Grace", "Aisha", "Zara",
    "Maja", "Priya", "Maryam", "Amira",
]
BOYS = [
    *BOYS_SHORT, "Noah", "Leo", "Arlo", "Yusuf", "Kacper", "Arjun", "Kai", "Ibrahim", "Reuben",
    "Callum", "Alfie", "Kofi", "Bilal",
]
# For pupils whose gender is other or not stated.
NEUTRAL = [
    "Alex", "Charlie", "Jordan", "Riley", "Sam", "Robin", "Jamie", "Frankie", "Morgan", "Ellis",
]
# fmt: on
FORENAMES = GIRLS + BOYS
SHORT_FORMS = GIRLS_SHORT | BOYS_SHORT


def forenames_for(gender: Gender) -> list[str]:
    if gender is Gender.FEMALE:
        return GIRLS
    return BOYS if gender is Gender.MALE else NEUTRAL


def forename(gender: Gender, draw: int) -> str:
    """The forename for a number drawn below len(FORENAMES), from the list for the gender: one
    draw whatever the gender, so the rest of the demo does not move when a pupil's does."""
    pool = forenames_for(gender)
    return pool[draw * len(pool) // len(FORENAMES)]


# fmt: off
SURNAMES = [
    "Ashdown", "Brightwell", "Carrow", "Dunmore", "Ellwood", "Fairbank", "Greaves", "Holloway",
    "Ingram", "Jessop", "Kettering", "Lowther", "Marsden", "Northcott", "Oakley", "Pennock",
    "Quarry", "Radley", "Southgate", "Thorne", "Upton", "Varley", "Whitlock", "Yardley",
    "Ahmed", "Begum", "Khan", "Hussain", "Kowalski", "Nowak", "Patel", "Okafor", "Mensah",
    "Nguyen", "Silva", "Popescu", "Murphy", "O'Neill", "Achterberg", "Bramall"
]
# fmt: on

# fmt: off
STREETS = [
    "Mill Lane", "Station Road", "Church Street", "Park View", "Orchard Close", "The Crescent"
]
# fmt: on
TOWNS = ["Northbridge", "Easterby", "Westfield Vale", "Southmoor"]


class ProviderSpec(NamedTuple):
    """One demo provider and the QA state its audits are made to show."""

    name: str
    setting: str
    registration: str
    regulated: bool
    qa: str  # current, due soon, overdue, missing, failed, unchecked, uninsured
    categories: tuple[str, ...]
    lots: tuple[str, ...]
    delivery: str
    courses: tuple[str, ...]
    ages: tuple[int, int]
    capacity: int
    distance: str


PROVIDERS = [
    ProviderSpec(
        "Riverside Pupil Referral Unit",
        "pru",
        "registered",
        True,
        "current",
        ("exclusion", "ks4", "ks1_3", "step_out"),
        (),
        "face_to_face",
        ("gcse", "functional_skills"),
        (11, 16),
        40,
        "medium",
    ),
    ProviderSpec(
        "Northbridge AP Academy",
        "ap_academy",
        "registered",
        True,
        "current",
        ("exclusion", "ks4", "intervention"),
        (),
        "face_to_face",
        ("gcse", "functional_skills", "vocational"),
        (11, 16),
        60,
        "near",
    ),
    ProviderSpec(
        "Horizons AP Free School",
        "ap_free_school",
        "registered",
        True,
        "due soon",
        ("ks1_3", "step_out", "intervention"),
        (),
        "face_to_face",
        ("gcse", "therapeutic"),
        (5, 14),
        30,
        "medium",
    ),
    ProviderSpec(
        "Oakwood Independent Learning Centre",
        "independent_school",
        "registered",
        True,
        "overdue",
        ("ks4", "engagement"),
        ("3",),
        "face_to_face",
        ("gcse", "functional_skills"),
        (11, 16),
        12,
        "far",
    ),
    ProviderSpec(
        "Easterby Hospital Education Service",
        "hospital_school",
        "registered",
        True,
        "current",
        ("medical",),
        (),
        "both",
        ("gcse", "functional_skills"),
        (5, 18),
        20,
        "medium",
    ),
    ProviderSpec(
        "Westfield Vale College (14-16 centre)",
        "fe_college",
        "registered",
        True,
        "current",
        ("vocational", "ks4"),
        (),
        "face_to_face",
        ("vocational", "functional_skills"),
        (14, 16),
        24,
        "out_of_area",
    ),
    ProviderSpec(
        "Brightpath Tutoring",
        "unregistered",
        "unregistered",
        False,
        "missing",
        ("intervention", "medical"),
        ("1", "2"),
        "both",
        ("gcse", "functional_skills"),
        (5, 16),
        10,
        "near",
    ),
    ProviderSpec(
        "Green Shoots Farm Project",
        "unregistered",
        "unregistered",
        False,
        "failed",
        ("vocational", "engagement"),
        ("5",),
        "face_to_face",
        ("vocational", "therapeutic"),
        (11, 16),
        8,
        "far",
    ),
    ProviderSpec(
        "Motor Skills Vocational Workshop",
        "unregistered",
        "unregistered",
        False,
        "unchecked",
        ("vocational",),
        ("5",),
        "face_to_face",
        ("vocational",),
        (14, 16),
        6,
        "medium",
    ),
    ProviderSpec(
        "Calm Minds Therapeutic Service",
        "unregistered",
        "unregistered",
        False,
        "due soon",
        ("intervention", "engagement", "medical"),
        ("4",),
        "both",
        ("therapeutic",),
        (8, 16),
        12,
        "near",
    ),
    ProviderSpec(
        "Northbridge Online School",
        "unregistered",
        "unregistered",
        False,
        "uninsured",
        ("medical", "engagement"),
        ("1",),
        "online",
        ("gcse", "functional_skills"),
        (11, 16),
        25,
        "near",
    ),
    ProviderSpec(
        "Southmoor AIP Inclusion Base",
        "aip_base",
        "unregistered",
        False,
        "current",
        ("intervention", "step_out"),
        (),
        "face_to_face",
        ("functional_skills", "therapeutic"),
        (11, 14),
        10,
        "medium",
    ),
    ProviderSpec(
        "The Bridge (our inclusion base)",
        "internal",
        "unregistered",
        False,
        "current",
        ("intervention", "engagement"),
        (),
        "face_to_face",
        ("functional_skills", "therapeutic"),
        (11, 16),
        8,
        "near",
    ),
]
