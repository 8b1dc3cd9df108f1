"""Phrases for the demo placements, mixed per pupil so no two records read the same."""

from __future__ import annotations

from collections.abc import Callable

from apdesk import models

INTERVENTIONS = [
    "Pastoral mentor with weekly check-ins",
    "Reduced timetable for two weeks, reviewed with parent",
    "Educational psychology assessment",
    "Daily check-in and check-out with a key adult",
    "Time-out pass and a quiet room at break",
    "Early Help assessment and family support worker",
    "School nurse and CAMHS referral",
    "Small-group literacy and numeracy catch-up",
    "Restorative meetings after incidents",
    "Attendance support plan with home visits",
]

OUTCOMES = {
    "exclusion": "Attend every session for the first six weeks; no fixed-term suspension; "
    "use the agreed exit card instead of leaving lessons.",
    "semh": "Rate own wellbeing weekly and name two calming strategies; join a group "
    "activity of five or more by week 8.",
    "ebsa": "Arrive on site by 9:30 on four days a week; return to one mainstream lesson "
    "a week from week 6.",
    "medical": "Keep up with English, maths and science in line with the class; keep "
    "to the consultant's agreed hours without setbacks.",
    "send": "Complete Entry Level 3 English and maths units; use the visual timetable "
    "without adult prompts.",
    "bullying": "Rebuild confidence to move around site alone; plan a safe return route "
    "with the pastoral lead.",
    "young_carer": "Catch up missed coursework; agree a homework plan that fits caring duties.",
    "youth_justice": "Keep to the YOT plan; complete the level 1 construction unit.",
    "no_place": "Keep learning in core subjects until a school place is named.",
    "eotas": "Follow the EHC plan's EOTAS package and record progress against each outcome.",
}

# What a pupil placed for medical needs has, as the school's health information puts it.
MEDICAL_HEALTH = [
    "Chronic fatigue syndrome: paced timetable agreed with the consultant; rest breaks as needed.",
    "Epilepsy: care plan and emergency medication held by the first aider; seizure log kept.",
    "Recovering from surgery: no contact sport or stairs until the consultant's review.",
    "Crohn's disease: toilet pass at all times; hospital appointments every fortnight.",
]


def health_needs(reasons: list[str], index: int) -> str:
    """The placement's health needs when the pupil's record has none: a medical placement
    names them (the form would otherwise say "None known" beside "Medical needs")."""
    if "medical" in reasons:
        return MEDICAL_HEALTH[index % len(MEDICAL_HEALTH)]
    return "None known"


MEASURES = [
    "Provider's weekly attendance returns",
    "Unit certificates and AQA Unit Awards",
    "Boxall profile at the start and end",
    "Reading age retest at week 10",
    "Strengths and Difficulties Questionnaire at each review",
    "Pupil's own scaling at each review",
    "Incident log compared with the previous half term",
]

EXITS = [
    "Phased return: one mainstream day a week from week {w}, full time by the end.",
    "Back to mainstream lessons for English and maths first, then the rest of the timetable "
    "from week {w}.",
    "Transition to the Year 12 vocational course at Westfield Vale College, with taster days "
    "from week {w}.",
    "Move to The Bridge base for three weeks from week {w}, then mainstream with a key adult.",
    "Review at week {w} decides between return and a longer placement; parent to attend.",
]

CHILD_VOICE = [
    "{name} wants a smaller group and more practical work.",
    "{name} says the noise in corridors is the hardest part of the day.",
    "{name} is worried about falling behind in maths but likes the farm idea.",
    "{name} would like to come back for PE and art first.",
    "{name} said it felt like a fresh start and asked to keep the same tutor.",
    "{name} did not want to talk in the meeting; wrote three worries on a card instead.",
]

# Said by the pupil's first contact, named as "{who}": "Mrs Ashdown (mother)".
FAMILY_VOICE = [
    "{who} supports the placement and asks for weekly phone updates.",
    "{who} was worried about travel time; agreed after seeing the site.",
    "{who} wants a clear date to return to school and to be at every review.",
    "{who} asked that English and maths carry on at the placement.",
    "{who} supports the plan; prefers contact by text.",
    "{who} is relieved there is a plan; asked for one named person to call.",
]


def family_member(contact: models.Contact | None) -> str:
    """The family member a voice is from, by name and relationship, as a SENCO notes it."""
    if contact is None:
        return "The family"
    relationship = contact.relationship.lower()
    return f"{contact.name} ({relationship})" if relationship else contact.name


SESSION_TIMES = [
    "Arrive by 09:10 at reception",
    "Lunch provided on site",
    "Finishes 15 minutes early on Fridays",
    "",
]
CLOCK_TIMES = [  # first session starts, break starts, break ends, last session finishes
    ((9, 15), (12, 0), (12, 45), (15, 0)),
    ((9, 30), (12, 15), (13, 0), (15, 15)),
    ((9, 0), (12, 0), (12, 30), (14, 45)),
]

TRANSPORT = ["Own transport (parent)", "Taxi arranged by school", "Bus pass", "Walks (10 min)"]
ONLINE_TIMES = [
    "Logs in from home by 09:10",
    "Live lessons 10:00 to 12:30; work set for the afternoon",
]


def exits_for(nc_year: int) -> list[str]:
    """Exit plans a pupil in `nc_year` could follow: only Year 11 moves on to Year 12."""
    return [e for e in EXITS if nc_year == 11 or "Year 12" not in e]


WEEKDAYS = {"Monday": "MON", "Tuesday": "TUE", "Wednesday": "WED", "Thursday": "THU",
            "Friday": "FRI"}  # fmt: skip


def fits_days(note: str, sessions: list[str]) -> bool:
    """Whether every weekday the note names is one the pupil attends ("on Fridays" needs a
    Friday session)."""
    days = {s.split("_")[0] for s in sessions}
    return all(code in days for name, code in WEEKDAYS.items() if name in note)


def session_times_for(delivery: str) -> list[str]:
    return ONLINE_TIMES if delivery == "online" else SESSION_TIMES


# What each way of getting there costs the school a day, in pence: a taxi more from out of area.
DAILY_COSTS = {"Taxi arranged by school": [3800, 4500, 6000], "Bus pass": [450, 520]}
OUT_OF_AREA_TAXI = [9500, 12000]


def transport_cost(transport: str, out_of_area: bool, pick: Callable[[list[int]], int]) -> int:
    """A day's cost that fits the transport: nothing for a walk, a parent's car or online."""
    if transport.startswith("Taxi") and out_of_area:
        return pick(OUT_OF_AREA_TAXI)
    return pick(DAILY_COSTS.get(transport, [0]))


def transport_for(delivery: str, distance: str) -> list[str]:
    """An online school needs no journey; only a provider under 5 miles is walked to."""
    if delivery == "online":
        return [""]
    return TRANSPORT if distance == "near" else TRANSPORT[:3]


OTHER_AP = [
    "Mainstream lessons on the other days with a key adult.",
    "The Bridge inclusion base on the other days.",
    "Agreed part-time timetable with parent for four weeks, reviewed fortnightly; "
    "missed sessions coded C2.",
]

CONCERNS = [
    # provider index, days ago, concern, who was told, outcome ('' while open)
    (
        7,
        21,
        "Pupil left site unsupervised at lunchtime; provider did not phone school.",
        "LA AP officer; DSL",
        "Lunchtime supervision plan received; monitoring visit booked.",
    ),
    (
        7,
        4,
        "Safeguarding audit failed: two staff without enhanced DBS on the single central record.",
        "DSL; LA AP officer; headteacher",
        "",
    ),
    (
        3,
        40,
        "Attendance returns arriving two weeks late, so absences were not followed up.",
        "Provider manager",
        "Weekly returns by Monday noon agreed.",
    ),
    (
        10,
        9,
        "Pupil reported being added to a group chat by a tutor's personal account.",
        "DSL; LADO consulted",
        "",
    ),
    (
        8,
        15,
        "No written confirmation of staff checks despite two requests.",
        "Provider manager; LA AP officer",
        "",
    ),
]

SEND = {
    "K": "SEN support: speech and language needs; processing time and visual prompts help.",
    "E": "EHC plan: autism; sensory overload in corridors; needs a quiet space and warnings "
    "before changes.",
}

OVERRIDES = [
    "Only provider with a vocational place this half term; re-audit booked, weekly visits "
    "by our DSL until then.",
    "Family's stated preference; LA AP officer agreed pending the audit, reviewed fortnightly.",
    "Continuity: pupil already settled there; provider's action plan received.",
]

ENDINGS = {
    "returned": "Back in mainstream full time; key adult check-ins for the first half term.",
    "other_mainstream": "Managed move to Easterby High agreed at the final review.",
    "specialist": "EHC plan amended; named a specialist SEMH school from next term.",
    "post_16": "Finished Year 11; started the Level 1 construction course at college.",
    "permanent_exclusion": "Permanently excluded after a serious incident; PRU place arranged.",
    "re_referral": "Return broke down after three weeks; referred again to AP.",
    "other": "Family moved out of the area; records sent to the new school.",
}
