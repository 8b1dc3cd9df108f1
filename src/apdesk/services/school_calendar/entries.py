"""One line of the calendar: a term, or a closure of some kind, with its first and last day."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from apdesk.i18n import N_, _
from apdesk.models.errors import ValidationError
from apdesk.models.school import ClosureKind

TERM = "term"
KIND_LABELS: dict[str, str] = {
    TERM: N_("Term"),
    ClosureKind.HOLIDAY.value: N_("School holiday"),
    ClosureKind.INSET.value: N_("INSET day"),
    ClosureKind.BANK_HOLIDAY.value: N_("Bank holiday"),
    ClosureKind.CLOSURE.value: N_("Planned closure"),
    ClosureKind.UNEXPECTED.value: N_("Unexpected closure"),
}
LONGEST_TERM_DAYS = 120  # an English term is at most about 16 weeks
LONGEST_CLOSURE_DAYS = 60  # the summer holiday, with a margin


@dataclass(frozen=True)
class CalendarEntry:
    """A term or a closure. `kind` is "term" or a `ClosureKind` value; `key` names the stored
    record ("term-3", "closure-12") once there is one."""

    kind: str
    first: date
    last: date
    label: str = ""
    reason: str = ""
    key: str = ""

    @property
    def is_term(self) -> bool:
        return self.kind == TERM

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def weekdays(self) -> int:
        return sum(1 for n in range(self.days) if (self.first + timedelta(days=n)).weekday() < 5)

    def same_as(self, other: CalendarEntry) -> bool:
        return (self.kind, self.first, self.last) == (other.kind, other.first, other.last)

    def kind_label(self) -> str:
        return _(KIND_LABELS.get(self.kind, self.kind))

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "first_day": self.first.isoformat(),
            "last_day": self.last.isoformat(),
            "label": self.label,
        }
        if self.reason:
            out["reason"] = self.reason
        if self.key:
            out["id"] = self.key
        return out


@dataclass(frozen=True)
class LeftOut:
    """Something in a file that is not taken into the calendar, and why."""

    what: str
    why: str

    def as_json(self) -> dict[str, str]:
        return {"what": self.what, "why": self.why}


@dataclass
class ParsedCalendar:
    """What a file holds: the entries to import, what was left out, and notes on the reading."""

    entries: list[CalendarEntry] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def check_entry(entry: CalendarEntry) -> CalendarEntry:
    """The entry tidied, or a ValidationError naming the field and the fix."""
    if entry.kind not in KIND_LABELS:
        raise ValidationError(
            _("Kind"),
            _("'{kind}' is not a kind of calendar entry").format(kind=entry.kind),
            _("use one of: {kinds}").format(kinds=", ".join(KIND_LABELS)),
        )
    if entry.last < entry.first:
        raise ValidationError(
            _("Last day"), _("is before the first day"), _("give a last day on or after the first")
        )
    longest = LONGEST_TERM_DAYS if entry.is_term else LONGEST_CLOSURE_DAYS
    if entry.days > longest:
        raise ValidationError(
            _("Last day"),
            _("makes it {n} days long").format(n=entry.days),
            _("check the year: a term or closure is rarely over {n} days").format(n=longest),
        )
    reason = entry.reason.strip()
    if entry.kind == ClosureKind.UNEXPECTED.value and not reason:
        raise ValidationError(
            _("Reason"),
            _("is needed for an unexpected closure"),
            _("say why the school closed, e.g. heating failure"),
        )
    label = " ".join(entry.label.split()) or _(KIND_LABELS[entry.kind])
    return CalendarEntry(entry.kind, entry.first, entry.last, label, reason, entry.key)
