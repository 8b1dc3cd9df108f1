"""Term dates as an LA publishes them: an iCalendar file exported from a mail calendar, with a
VTIMEZONE, all-day events whose DTEND is the day after, timed events in Europe/London and in
UTC, an event given by DURATION, and events that are not closures (parents' evening)."""

from __future__ import annotations

from datetime import date, timedelta

VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/London
BEGIN:DAYLIGHT
TZOFFSETFROM:+0000
TZOFFSETTO:+0100
TZNAME:BST
DTSTART:19700329T010000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0100
TZOFFSETTO:+0000
TZNAME:GMT
DTSTART:19701025T020000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE"""


def _d(day: date) -> str:
    return day.strftime("%Y%m%d")


def _monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)


def school_year_dates(year: int) -> dict[str, tuple[date, date]]:
    """Plausible dates for the school year starting in September of `year`."""
    autumn = _monday_on_or_after(date(year, 9, 1))
    half = _monday_on_or_after(date(year, 10, 24))
    xmas = _monday_on_or_after(date(year, 12, 18))
    spring = _monday_on_or_after(date(year + 1, 1, 3))
    feb = _monday_on_or_after(date(year + 1, 2, 14))
    easter = _monday_on_or_after(date(year + 1, 3, 28))
    summer = easter + timedelta(days=14)
    may = _monday_on_or_after(date(year + 1, 5, 1))
    whit = _monday_on_or_after(date(year + 1, 5, 25))
    return {
        "autumn": (autumn, xmas - timedelta(days=3)),
        "autumn_half": (half, half + timedelta(days=4)),
        "christmas": (xmas, spring - timedelta(days=3)),
        "spring": (spring, easter - timedelta(days=3)),
        "spring_half": (feb, feb + timedelta(days=4)),
        "easter": (easter, easter + timedelta(days=11)),
        "summer": (summer, date(year + 1, 7, 22)),
        "may_day": (may, may),
        "summer_half": (whit, whit + timedelta(days=4)),
        "occasional": (whit + timedelta(days=7), whit + timedelta(days=7)),
    }


def term_dates_ics(year: int) -> str:
    """The file's text for the school year starting in September of `year`."""
    d = school_year_dates(year)
    events: list[list[str]] = []

    def all_day(summary: str, first: date, last: date) -> None:
        events.append([f"SUMMARY:{summary}", f"DTSTART;VALUE=DATE:{_d(first)}",
                       f"DTEND;VALUE=DATE:{_d(last + timedelta(days=1))}"])  # fmt: skip

    autumn, spring, summer = d["autumn"], d["spring"], d["summer"]
    all_day("INSET day - school closed to pupils", autumn[0], autumn[0])
    events.append(["SUMMARY:Autumn Term starts",
                   f"DTSTART;TZID=Europe/London:{_d(autumn[0])}T083000",
                   f"DTEND;TZID=Europe/London:{_d(autumn[0])}T153000"])  # fmt: skip
    all_day("Autumn half term", *d["autumn_half"])
    evening = _d(d["autumn_half"][0] + timedelta(days=10))
    events.append(["SUMMARY:Parents' evening (Years 7-9)",
                   f"DTSTART;TZID=Europe/London:{evening}T160000",
                   f"DTEND;TZID=Europe/London:{evening}T190000"])  # fmt: skip
    events.append(["SUMMARY:Autumn Term ends", f"DTSTART:{_d(autumn[1])}T120000Z",
                   f"DTEND:{_d(autumn[1])}T133000Z"])  # fmt: skip
    all_day("Christmas holidays", *d["christmas"])
    all_day("INSET Day", spring[0], spring[0])
    all_day("Spring Term starts", spring[0], spring[0])
    all_day("February half term", *d["spring_half"])
    all_day("Spring Term ends", spring[1], spring[1])
    all_day("Easter holidays", *d["easter"])
    # Midnight in England in summer time is 23:00 UTC the day before.
    night_before = summer[0] - timedelta(days=1)
    events.append(["SUMMARY:Summer Term starts", f"DTSTART:{_d(night_before)}T230000Z",
                   f"DTEND:{_d(summer[0])}T000000Z"])  # fmt: skip
    all_day("Early May bank holiday", *d["may_day"])
    all_day("Whitsun half term", *d["summer_half"])
    events.append(["SUMMARY:Occasional day - school closed",
                   f"DTSTART;VALUE=DATE:{_d(d['occasional'][0])}", "DURATION:P1D"])  # fmt: skip
    all_day("Sports day", summer[1] - timedelta(days=14), summer[1] - timedelta(days=14))
    all_day("Summer Term ends", summer[1], summer[1])
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
        "VERSION:2.0",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:School term dates {year}-{str(year + 1)[2:]}",
        "X-WR-TIMEZONE:Europe/London",
        VTIMEZONE,
    ]
    for n, event in enumerate(events, start=1):
        uid = f"UID:{year}-term-{n:03d}@county.example"
        lines += ["BEGIN:VEVENT", uid, "DTSTAMP:20250301T120000Z", *event,
                  "TRANSP:TRANSPARENT", "END:VEVENT"]  # fmt: skip
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"
