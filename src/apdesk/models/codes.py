"""The attendance codes of the 2024 regulations, held as data in one place.

Statistics, imports, exports and the register all read this table, so a code's meaning and
how it counts are decided here and nowhere else. Qt-free, no I/O.

Sources: the School Attendance (Pupil Registration) (England) Regulations 2024 and the DfE's
"Working together to improve school attendance" (August 2024) for sessions from 19 August
2024; before that day the Education (Pupil Registration) (England) Regulations 2006 and the
DfE's "School attendance" guidance (2016) code table, under which H (holiday authorised by the
school) and F (extended family holiday, agreed) were authorised absence, J (interview) was an
approved educational activity (so attended), Y (unable to attend due to exceptional
circumstances) was not a possible session, B meant an off-site educational activity and D dual
registration at another educational establishment.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from apdesk.i18n import N_, _
from apdesk.models.enums import Labelled, Session
from apdesk.models.errors import ValidationError


class CodeGroup(Labelled):
    """The heading a code sits under in the regulations."""

    PRESENT = "present", "Present"
    ELSEWHERE = "elsewhere", "Attending a place other than the school"
    DUAL = "dual", "Dual registration"
    LEAVE = "leave", "Leave of absence (authorised)"
    OTHER_AUTHORISED = "other_authorised", "Other authorised absence"
    UNAVOIDABLE = "unavoidable", "Unable to attend: unavoidable"
    UNAUTHORISED = "unauthorised", "Unauthorised absence"
    ADMIN = "admin", "Administrative"
    RETIRED = "retired", "Retired code (history only)"


class StatRule(Labelled):
    """How a session with the code counts in the DfE statistics."""

    PRESENT = "present", "Present"
    ATTENDED = "attended", "Attended elsewhere (counts as attended)"
    AUTHORISED = "authorised", "Authorised absence"
    UNAUTHORISED = "unauthorised", "Unauthorised absence"
    NOT_POSSIBLE = "not_possible", "Not a possible session"

    @property
    def possible(self) -> bool:
        return self is not StatRule.NOT_POSSIBLE

    @property
    def attended(self) -> bool:
        return self in (StatRule.PRESENT, StatRule.ATTENDED)

    @property
    def absent(self) -> bool:
        return self in (StatRule.AUTHORISED, StatRule.UNAUTHORISED)


@dataclass(frozen=True)
class AttendanceCode:
    code: str
    meaning: str  # English, marked for translation: shown through _() or meaning_words()
    group: CodeGroup
    rule: StatRule
    retired: bool = False
    session: Session | None = None  # "/" is the morning mark and "\" the afternoon one


def _c(
    code: str,
    meaning: str,
    group: CodeGroup,
    rule: StatRule,
    *,
    retired: bool = False,
    session: Session | None = None,
) -> AttendanceCode:
    return AttendanceCode(code, meaning, group, rule, retired, session)


G, R = CodeGroup, StatRule
_TABLE: tuple[AttendanceCode, ...] = (
    _c("/", N_("Present (morning)"), G.PRESENT, R.PRESENT, session=Session.AM),
    _c("\\", N_("Present (afternoon)"), G.PRESENT, R.PRESENT, session=Session.PM),
    _c("L", N_("Late, arrived before the register closed"), G.PRESENT, R.PRESENT),
    _c("K", N_("Attending education arranged by the local authority"), G.ELSEWHERE, R.ATTENDED),
    _c("V", N_("Attending an educational visit or trip"), G.ELSEWHERE, R.ATTENDED),
    _c("P", N_("Participating in an approved sporting activity"), G.ELSEWHERE, R.ATTENDED),
    _c("W", N_("Attending work experience"), G.ELSEWHERE, R.ATTENDED),
    _c("B", N_("Attending any other approved educational activity"), G.ELSEWHERE, R.ATTENDED),
    _c("D", N_("Attending another school at which the pupil is registered"),
       G.DUAL, R.NOT_POSSIBLE),
    _c("C1", N_("Leave for a regulated performance or employment abroad"), G.LEAVE, R.AUTHORISED),
    _c("M", N_("Leave for a medical or dental appointment"), G.LEAVE, R.AUTHORISED),
    _c("J1", N_("Leave for an interview"), G.LEAVE, R.AUTHORISED),
    _c("S", N_("Study leave"), G.LEAVE, R.AUTHORISED),
    _c("X", N_("Non-compulsory school age, not required to attend"), G.LEAVE, R.NOT_POSSIBLE),
    _c("C2", N_("Leave for a part-time timetable"), G.LEAVE, R.AUTHORISED),
    _c("C", N_("Leave for exceptional circumstances"), G.LEAVE, R.AUTHORISED),
    _c("T", N_("Parent travelling for occupational purposes"), G.OTHER_AUTHORISED, R.AUTHORISED),
    _c("R", N_("Religious observance"), G.OTHER_AUTHORISED, R.AUTHORISED),
    _c("I", N_("Illness (not medical or dental appointment)"), G.OTHER_AUTHORISED, R.AUTHORISED),
    _c("E", N_("Suspended or permanently excluded, no AP arranged"),
       G.OTHER_AUTHORISED, R.AUTHORISED),
    _c("Q", N_("Unable to attend: lack of access arrangements"), G.UNAVOIDABLE, R.NOT_POSSIBLE),
    _c("Y1", N_("Unable to attend: transport not available"), G.UNAVOIDABLE, R.NOT_POSSIBLE),
    _c("Y2", N_("Unable to attend: widespread travel disruption"), G.UNAVOIDABLE, R.NOT_POSSIBLE),
    _c("Y3", N_("Unable to attend: part of school premises closed"), G.UNAVOIDABLE, R.NOT_POSSIBLE),
    _c("Y4", N_("Unable to attend: whole site unexpectedly closed"), G.UNAVOIDABLE, R.NOT_POSSIBLE),
    _c("Y5", N_("Unable to attend: criminal justice detention"), G.UNAVOIDABLE, R.NOT_POSSIBLE),
    _c("Y6", N_("Unable to attend: public health guidance or law"), G.UNAVOIDABLE, R.NOT_POSSIBLE),
    _c("Y7", N_("Unable to attend: any other unavoidable cause"), G.UNAVOIDABLE, R.NOT_POSSIBLE),
    _c("G", N_("Holiday not granted by the school"), G.UNAUTHORISED, R.UNAUTHORISED),
    _c("N", N_("Reason for absence not yet established"), G.UNAUTHORISED, R.UNAUTHORISED),
    _c("O", N_("Absent in other or unknown circumstances"), G.UNAUTHORISED, R.UNAUTHORISED),
    _c("U", N_("Arrived after the register closed"), G.UNAUTHORISED, R.UNAUTHORISED),
    _c("Z", N_("Prospective pupil not on the admission register"), G.ADMIN, R.NOT_POSSIBLE),
    _c("#", N_("Planned whole-school closure"), G.ADMIN, R.NOT_POSSIBLE),
    # Retired by the 2024 regulations: kept so that imported history still counts correctly.
    _c("H", N_("Holiday authorised by the school (retired)"),
       G.RETIRED, R.AUTHORISED, retired=True),
    _c("F", N_("Extended family holiday (retired)"), G.RETIRED, R.AUTHORISED, retired=True),
    _c("J", N_("Interview (retired; an approved educational activity)"), G.RETIRED, R.ATTENDED,
       retired=True),
    _c("Y", N_("Unable to attend: exceptional circumstances (retired)"), G.RETIRED,
       R.NOT_POSSIBLE, retired=True),
)  # fmt: skip

CODES: dict[str, AttendanceCode] = {entry.code: entry for entry in _TABLE}
CURRENT_CODES: tuple[str, ...] = tuple(e.code for e in _TABLE if not e.retired)
RETIRED_CODES: tuple[str, ...] = tuple(e.code for e in _TABLE if e.retired)
PRESENT_MARK = {Session.AM: "/", Session.PM: "\\"}
CODES_2024_FROM = date(2024, 8, 19)
"""The 2024 regulations' codes apply to sessions from this day; the retired codes before it."""
MEANINGS_BEFORE_2024 = {
    "B": N_("Off-site educational activity (2006 regulations)"),
    "D": N_("Dual registered at another educational establishment (2006 regulations)"),
}


def meaning_on(code: str, day: date | None = None) -> str:
    """What `code` meant for a session on `day`: B and D carry their 2006 wording before
    19 August 2024. An unknown code has no meaning (empty)."""
    if day is not None and day < CODES_2024_FROM and code in MEANINGS_BEFORE_2024:
        return MEANINGS_BEFORE_2024[code]
    entry = CODES.get(code)
    return entry.meaning if entry else ""


def meaning_words(code: str, day: date | None = None) -> str:
    """`meaning_on` in the reader's language, for display only: the table keeps the English
    words, so nothing stored or exported depends on the language. Empty for an unknown code."""
    meaning = meaning_on(code, day)
    return _(meaning) if meaning else ""


def rule_of(code: str) -> StatRule:
    """The statistics rule for a stored code; an unknown code counts as not possible."""
    entry = CODES.get(code)
    return entry.rule if entry else StatRule.NOT_POSSIBLE


def normalise_code(
    raw: str,
    session: Session | None = None,
    *,
    history: bool = False,
    day: date | None = None,
) -> str:
    """The table's spelling of `raw`, or ValidationError naming "code".

    "/" and "\\" both mean present: for a known session the right symbol is used, so a
    provider who types "/" all day still gives a valid afternoon mark. A retired code (H, F,
    J, Y) is accepted for a session before 19 August 2024 and refused on or after it; with no
    `day` it is accepted only when importing history.
    """
    code = raw.strip().upper()
    if code in ("/", "\\") and session is not None:
        return PRESENT_MARK[session]
    entry = CODES.get(code)
    if entry is None:
        raise ValidationError(
            "code",
            _("'{code}' is not an attendance code").format(code=raw.strip() or _("(blank)")),
            _("use a code of the 2024 regulations, e.g. / \\ L B I M N O U C2 Y1"),
        )
    if entry.retired and day is not None and day >= CODES_2024_FROM:
        raise ValidationError(
            "code",
            _("{code} was retired by the 2024 regulations and is not valid on {day}").format(
                code=code, day=day.isoformat()
            ),
            _(
                "retired codes are valid only for sessions before 19 August 2024: use a current "
                "code (e.g. J1 for an interview, C for exceptional circumstances)"
            ),
        )
    if entry.retired and day is None and not history:
        raise ValidationError(
            "code",
            _("{code} was retired by the 2024 regulations").format(code=code),
            _("it is accepted only when importing history; choose a current code"),
        )
    return code


# Statistics in SQL. A code's rule is a bit of a 64-bit set indexed by its first character's
# code point: no string comparisons per mark. One-character and two-character codes have a set
# each, so J (retired: an approved educational activity, attended) and J1 (leave for an
# interview, authorised absence) never count alike, nor C and C1/C2 or Y and Y1..Y7 should
# their rules ever part. A character in no rule's bits (an unknown code) counts as not
# possible, as rule_of() does.
FIRST_CHAR = 32  # codes start with a character from " " to "_": one bit each in 64
TALLY_RULES = (StatRule.NOT_POSSIBLE, StatRule.PRESENT, StatRule.AUTHORISED, StatRule.UNAUTHORISED)
"""The four counts packed by TALLY_SQL, 16 bits each (present stands for attended)."""


def rule_bits(test: Callable[[StatRule], bool], length: int = 1) -> int:
    """The first characters of the `length`-character codes whose rule passes `test`."""
    bits = 0
    for code, entry in CODES.items():
        if len(code) == length and test(entry.rule):
            bits |= 1 << (ord(code[0]) - FIRST_CHAR)
    return bits


def _tally_sql() -> str:
    def field(length: int) -> str:
        def has(test: Callable[[StatRule], bool]) -> str:
            return f"(({rule_bits(test, length)} >> (unicode(code) - {FIRST_CHAR})) & 1)"

        return (
            f"{has(lambda r: r.attended)} + {has(lambda r: r is StatRule.AUTHORISED)} * 2"
            f" + {has(lambda r: r is StatRule.UNAUTHORISED)} * 3"
        )

    return f"(CASE length(code) WHEN 1 THEN {field(1)} ELSE {field(2)} END)"


RULE_SQL = _tally_sql()
"""A mark's rule as its index in TALLY_RULES (0 not possible, 1 attended, 2 authorised,
3 unauthorised), worked out from `code` in SQL."""

TALLY_SQL = f"(1 << (16 * {RULE_SQL}))"
"""One mark as 1 in the 16-bit field of its rule (TALLY_RULES order): summing it counts all
four rules at once. A stretch of days holds far fewer than 2**15 sessions, so fields never carry."""


def untally(total: int) -> tuple[int, int, int, int]:
    """(not possible, attended, authorised, unauthorised) from a sum of TALLY_SQL."""
    return (total & 0xFFFF, total >> 16 & 0xFFFF, total >> 32 & 0xFFFF, total >> 48 & 0xFFFF)
