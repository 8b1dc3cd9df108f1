"""Calendar operations: terms and closures added, edited, removed or imported, each one
transaction with what it moves (pending reviews that now fall on a closed day go to the next
school day). Each returns what it changed in words for the person who made the change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from apdesk.i18n import _, ngettext
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.school_calendar.entries import CalendarEntry, check_entry
from apdesk.services.school_calendar.impact import CalendarImpact, measure
from apdesk.services.school_calendar.records import (
    check_terms,
    delete_entry,
    find_entry,
    move_reviews,
    plan_import,
    write_entry,
)
from apdesk.services.school_calendar.year import stored_entries
from apdesk.store.operations import operation


@dataclass(frozen=True)
class CalendarChange:
    """What a calendar operation did: entries added, changed, removed, and their effect."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    keys: tuple[str, ...] = ()
    impact: CalendarImpact = field(default_factory=CalendarImpact)

    def summary(self) -> str:
        done = []
        if self.added:
            done.append(
                ngettext("{n} entry added", "{n} entries added", self.added).format(n=self.added)
            )
        if self.updated:
            done.append(
                ngettext("{n} entry changed", "{n} entries changed", self.updated).format(
                    n=self.updated
                )
            )
        if self.removed:
            done.append(
                ngettext("{n} entry removed", "{n} entries removed", self.removed).format(
                    n=self.removed
                )
            )
        if self.unchanged:
            done.append(
                ngettext("{n} already there", "{n} already there", self.unchanged).format(
                    n=self.unchanged
                )
            )
        head = ", ".join(done) if done else _("Nothing changed")
        return _("{done}. {effect}").format(done=head, effect=self.impact.summary())

    def as_json(self) -> dict[str, object]:
        return {
            "added": self.added,
            "updated": self.updated,
            "removed": self.removed,
            "unchanged": self.unchanged,
            "ids": list(self.keys),
            "effect": self.impact.as_json(),
        }


def _changed(
    session: Session, before: SchoolCalendar, entries: Sequence[CalendarEntry], today: date
) -> CalendarImpact:
    after = SchoolCalendar.load(session)
    impact = measure(session, before, after, entries, today)
    move_reviews(session, impact)
    return impact


@operation
def import_calendar(
    session: Session, entries: Sequence[CalendarEntry], today: date
) -> CalendarChange:
    """Add a file's terms and closures, all or nothing; those already there are left alone."""
    plan = plan_import(session, entries, today)
    before = SchoolCalendar.load(session)
    keys = tuple(write_entry(session, entry) for entry in plan.new)
    impact = _changed(session, before, plan.new, today)
    return CalendarChange(added=len(keys), unchanged=len(plan.already), keys=keys, impact=impact)


@operation
def add_calendar_entry(session: Session, entry: CalendarEntry, today: date) -> CalendarChange:
    entry = check_entry(entry)
    check_terms([entry], stored_entries(session))
    before = SchoolCalendar.load(session)
    key = write_entry(session, entry)
    return CalendarChange(added=1, keys=(key,), impact=_changed(session, before, [entry], today))


@operation
def edit_calendar_entry(
    session: Session, key: str, entry: CalendarEntry, today: date
) -> CalendarChange:
    entry = check_entry(entry)
    old = find_entry(session, key)
    check_terms([entry], stored_entries(session), skip=key)
    before = SchoolCalendar.load(session)
    write_entry(session, entry, key)
    impact = _changed(session, before, [old, entry], today)
    return CalendarChange(updated=1, keys=(key,), impact=impact)


@operation
def remove_calendar_entry(session: Session, key: str, today: date) -> CalendarChange:
    old = find_entry(session, key)
    before = SchoolCalendar.load(session)
    delete_entry(session, key)
    return CalendarChange(removed=1, keys=(key,), impact=_changed(session, before, [old], today))
