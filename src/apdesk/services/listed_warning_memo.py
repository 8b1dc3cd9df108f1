"""The placements list's warnings, kept from one read of the list to the next.

A placement's warnings depend only on what `listed_warnings` hands the check: the placement's
facts, its pupil's and its provider's, the pupil's other placements, agencies and documents,
the placement's LA notice and reviews, and what the whole list shares (today, the calendar,
the guide's settings, the language the warnings are worded in). The list is read again after
every change, and a change touches one placement or a few, so the checks run again only for a
placement whose inputs differ from every kept read's; the others take the warnings found then.

The key is every one of those inputs, by value, so nothing is served stale: a kept entry is
found only when the check would be given exactly the same. What is kept lives in memory
beside the engine that read it and goes with that engine when the store locks, as the
engine's own page cache of decrypted rows does.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable
from dataclasses import fields
from operator import attrgetter
from typing import NamedTuple
from weakref import WeakKeyDictionary

from sqlalchemy import Engine
from sqlmodel import Session

from apdesk.i18n import current_locale
from apdesk.services.attachments import kinds_with_placement
from apdesk.services.placement_facts import PlacementFacts, ProviderFacts, PupilFacts
from apdesk.services.placement_rules import PlacementWarning
from apdesk.services.placements import WarningInputs, listed_warnings
from apdesk.services.warning_titles import leading

KEPT = 50_000  # warning lists kept per engine before starting again


class Listed(NamedTuple):
    """What the list shows of a placement's warnings."""

    total: int
    words: tuple[str, ...]  # each warning's message, the one the list names first
    first: tuple[str, str]  # that warning's code and field ("" when there is none)

    @classmethod
    def of(cls, found: list[PlacementWarning]) -> Listed:
        if not found:
            return cls(0, (), ("", ""))
        lead = leading([w.code for w in found])
        words = [w.message for w in found]
        first = found[lead]
        return cls(
            len(found), (words[lead], *words[:lead], *words[lead + 1 :]), (first.code, first.field)
        )


_LISTS = ("reasons", "sessions")  # the placement's two list fields, kept as tuples
_placement_values = attrgetter(*(f.name for f in fields(PlacementFacts) if f.name not in _LISTS))
_pupil_values = attrgetter(*(f.name for f in fields(PupilFacts)))
_provider_values = attrgetter(*(f.name for f in fields(ProviderFacts)))
_other_values = attrgetter("id", "status", "hours_per_week", "start_date", "end_date")
_review_values = attrgetter("id", "scheduled_for", "held_on", "next_review")

_kept: WeakKeyDictionary[Engine, tuple[Hashable, dict[Hashable, Listed]]] = WeakKeyDictionary()
_guard = threading.Lock()


class KeptWarnings:
    """One read's way to each placement's warnings: kept ones where the inputs match."""

    def __init__(self, session: Session, inputs: WarningInputs) -> None:
        self._inputs = inputs
        # What the QA rule reads of a provider's QA: whether it needs a reason, and its words.
        self._qa = {pid: (qa.needs_reason, qa.summary) for pid, qa in inputs.qa.items()}
        context = (inputs.today, inputs.calendar, inputs.guide, current_locale())
        engine = session.get_bind()
        self._found: dict[Hashable, Listed] = {}
        if isinstance(engine, Engine):
            self._found = _kept_for(engine, context)

    def warnings(
        self, placement: PlacementFacts, pupil: PupilFacts, provider: ProviderFacts
    ) -> Listed:
        key = self._key(placement, pupil, provider)
        found = self._found.get(key)
        if found is None:
            found = Listed.of(listed_warnings(placement, pupil, provider, self._inputs))
            self._found[key] = found
        return found

    def _key(
        self, placement: PlacementFacts, pupil: PupilFacts, provider: ProviderFacts
    ) -> Hashable:
        inputs, pid = self._inputs, placement.id or 0
        return (
            _placement_values(placement),
            tuple(placement.reasons),
            tuple(placement.sessions),
            _pupil_values(pupil),
            _provider_values(provider),
            self._qa.get(provider.id),
            tuple(_other_values(o) for o in inputs.others.get(pupil.id, ()) if o.id != pid),
            frozenset(inputs.agencies.get(pupil.id, ())),
            inputs.notices.get(pid),
            frozenset(kinds_with_placement(inputs.documents.get(pupil.id, []), placement.id)),
            tuple(_review_values(r) for r in inputs.reviews.get(pid, ())),
        )


def _kept_for(engine: Engine, context: Hashable) -> dict[Hashable, Listed]:
    """The engine's kept warnings for `context`; a new day, calendar, guide or language, or
    too many kept, starts again."""
    with _guard:
        held = _kept.get(engine)
        if held is None or held[0] != context or len(held[1]) > KEPT:
            held = _kept[engine] = (context, {})
        return held[1]
