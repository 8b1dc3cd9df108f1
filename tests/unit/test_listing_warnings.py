"""The placements page counts every placement's warnings from inputs read once for the whole
list; each count must be what the placement's own check finds (the editor's count)."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from apdesk.models import Placement
from apdesk.services.placement_lifecycle import list_placements
from apdesk.services.placements import placement_warnings
from apdesk.store import Store


def test_the_listing_counts_what_each_placement_check_finds(
    store: Store, school: dict[str, int]
) -> None:
    for today in (date(2025, 3, 12), date(2025, 9, 1)):
        with store.session() as session:
            listed = {r.id: r.warnings for r in list_placements(session, today, with_warnings=True)}
            each = {
                p.id: len(placement_warnings(session, p, today))
                for p in session.exec(select(Placement)).all()
            }
        assert listed == each
        assert any(listed.values()), "the school has placements with warnings to count"


def test_a_filtered_listing_counts_the_same_warnings(store: Store, school: dict[str, int]) -> None:
    """Filtered by provider, status or pupil, a placement's count still weighs the pupil's
    placements the filter left out (part-time hours elsewhere, for one)."""
    today = date(2025, 3, 12)
    with store.session() as session:
        every = {r.id: r for r in list_placements(session, today, with_warnings=True)}
        for row in every.values():
            for narrowed in (
                list_placements(session, today, provider_id=row.provider_id, with_warnings=True),
                list_placements(session, today, status=row.status, with_warnings=True),
                list_placements(session, today, pupil_id=row.pupil_id, with_warnings=True),
            ):
                assert row in narrowed
                assert all(every[r.id] == r for r in narrowed)
