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
