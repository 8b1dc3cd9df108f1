"""Writing the calendar: terms and closures added, edited and removed, and an import checked
as a whole before anything is written. The operations in `services.operations.calendar` call
these inside one transaction together with what the change moves."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from apdesk.i18n import _, format_date
from apdesk.models import Closure, Review, Term
from apdesk.models.errors import ValidationError
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.school_calendar.entries import TERM, CalendarEntry, check_entry
from apdesk.services.school_calendar.impact import CalendarImpact, measure
from apdesk.services.school_calendar.year import closure_key, split_key, stored_entries, term_key


@dataclass
class ImportPlan:
    """What importing a file would do: entries to add, those already there, the effect."""

    new: list[CalendarEntry] = field(default_factory=list)
    already: list[CalendarEntry] = field(default_factory=list)
    impact: CalendarImpact = field(default_factory=CalendarImpact)


def _span_text(entry: CalendarEntry) -> str:
    if entry.first == entry.last:
        return format_date(entry.first)
    return _("{first} to {last}").format(
        first=format_date(entry.first), last=format_date(entry.last)
    )


def check_terms(
    entries: Sequence[CalendarEntry], existing: Iterable[CalendarEntry], skip: str = ""
) -> None:
    """Terms may not overlap: a day is in one term or none."""
    terms = [e for e in existing if e.is_term and e.key != skip]
    for entry in entries:
        if not entry.is_term:
            continue
        for other in terms:
            if other.first <= entry.last and entry.first <= other.last and not entry.same_as(other):
                raise ValidationError(
                    _("Term dates"),
                    _("{name} ({span}) overlaps {other} ({other_span})").format(
                        name=entry.label,
                        span=_span_text(entry),
                        other=other.label,
                        other_span=_span_text(other),
                    ),
                    _("change or remove one of them first"),
                )
        terms.append(entry)


def hypothetical(
    before: SchoolCalendar, add: Iterable[CalendarEntry] = (), drop: Iterable[CalendarEntry] = ()
) -> SchoolCalendar:
    """The calendar with `add` added and `drop` taken away (to measure before writing)."""
    closures = list(before.closures)
    terms = list(before.terms)
    for entry in drop:
        target = terms if entry.is_term else closures
        if (entry.first, entry.last) in target:
            target.remove((entry.first, entry.last))
    for entry in add:
        (terms if entry.is_term else closures).append((entry.first, entry.last))
    return SchoolCalendar.of(closures, terms)


def plan_import(session: Session, entries: Sequence[CalendarEntry], today: date) -> ImportPlan:
    """A read: what `import_calendar` would add, and what that would change."""
    checked = [check_entry(e) for e in entries]
    existing = stored_entries(session)
    plan = ImportPlan()
    for entry in checked:
        if any(entry.same_as(e) for e in existing) or any(entry.same_as(e) for e in plan.new):
            plan.already.append(entry)
        else:
            plan.new.append(entry)
    check_terms(plan.new, existing)
    before = SchoolCalendar.load(session)
    plan.impact = measure(session, before, hypothetical(before, plan.new), plan.new, today)
    return plan


def write_entry(session: Session, entry: CalendarEntry, key: str = "") -> str:
    """Add (or, with `key`, replace) one entry; returns its key."""
    if key:
        kind, _number = _split(key)
        if (kind == "term") != entry.is_term:
            raise ValidationError(
                _("Kind"),
                _("a term cannot become a closure, or a closure a term"),
                _("remove it and add the new one"),
            )
    if entry.is_term:
        term = (
            session.get(Term, _split(key)[1])
            if key
            else Term(name=entry.label, start_date=entry.first, end_date=entry.last)
        )
        if term is None:
            raise _gone(key)
        term.name, term.start_date, term.end_date = entry.label, entry.first, entry.last
        session.add(term)
        session.flush()
        return term_key(term.id)
    closure = (
        session.get(Closure, _split(key)[1])
        if key
        else Closure(start_date=entry.first, end_date=entry.last)
    )
    if closure is None:
        raise _gone(key)
    closure.kind, closure.name, closure.reason = entry.kind, entry.label, entry.reason
    closure.start_date, closure.end_date = entry.first, entry.last
    session.add(closure)
    session.flush()
    return closure_key(closure.id)


def find_entry(session: Session, key: str) -> CalendarEntry:
    kind, number = _split(key)
    if kind == "term":
        term = session.get(Term, number)
        if term is None:
            raise _gone(key)
        return CalendarEntry(TERM, term.start_date, term.end_date, term.name, "", key)
    closure = session.get(Closure, number)
    if closure is None:
        raise _gone(key)
    return CalendarEntry(
        closure.kind, closure.start_date, closure.end_date, closure.name, closure.reason, key
    )


def delete_entry(session: Session, key: str) -> None:
    kind, number = _split(key)
    row = session.get(Term if kind == "term" else Closure, number)
    if row is None:
        raise _gone(key)
    session.delete(row)
    session.flush()


def move_reviews(session: Session, impact: CalendarImpact) -> None:
    """Pending reviews that now fall on a closed day move to the next school day."""
    for moved in impact.reviews:
        review = session.get(Review, moved.record_id)
        if review is not None and review.held_on is None:
            review.scheduled_for = moved.after
            session.add(review)
    session.flush()


def _split(key: str) -> tuple[str, int]:
    try:
        return split_key(key)
    except ValueError:
        raise ValidationError(
            _("Entry"),
            _("'{key}' is not a calendar entry").format(key=key),
            _("use an id from `apdesk calendar show`, e.g. closure-12"),
        ) from None


def _gone(key: str) -> ValidationError:
    return ValidationError(
        _("Entry"),
        _("{key} is not in the calendar (removed meanwhile?)").format(key=key),
        _("show the calendar again"),
    )
