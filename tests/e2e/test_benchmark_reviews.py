"""The benchmark's store holds placement reviews, as a school's does (the placements list
reads them), and a store cached before reviews were generated gains the very same ones."""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate import PASSPHRASE, ensure_store
from sqlalchemy import text

from apdesk.store import Store


def _reviews(folder: Path) -> list[tuple[object, ...]]:
    store = Store.open(folder, passphrase=PASSPHRASE, use_keyring=False)
    try:
        with store.session() as session:
            rows = session.connection().execute(
                text("SELECT placement_id, scheduled_for, held_on, next_review FROM review")
            )
            return sorted(tuple(row) for row in rows)
    finally:
        store.lock()


def test_a_store_cached_without_reviews_gains_those_a_new_build_has(tmp_path: Path) -> None:
    folder, built = ensure_store(tmp_path, "small")
    assert built is not None
    made = _reviews(folder)
    placements_reviewed = {row[0] for row in made}
    assert len(placements_reviewed) > 40, "most of the 60 placements have had a review"
    assert any(row[2] is None for row in made), "some reviews are still to be held"
    store = Store.open(folder, passphrase=PASSPHRASE, use_keyring=False)
    with store.session() as session:
        session.connection().execute(text("DELETE FROM review"))
    store.lock()
    (folder / "complete").write_text("built\n")
    assert ensure_store(tmp_path, "small") == (folder, None)
    assert _reviews(folder) == made
