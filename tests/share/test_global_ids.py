"""Every shared row has a global id: existing stores are backfilled when they migrate."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import text
from tests.helpers.old_store import old_store
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.store import Store

UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def test_a_migrated_store_has_a_global_id_for_every_row(store_dir: Path) -> None:
    old_store(store_dir)  # the previous release's schema, 25 pupils and a school
    store = Store.open(store_dir, passphrase=TEST_PASSPHRASE)
    try:
        with store.engine.connect() as conn:
            mapped = dict(
                conn.execute(text("SELECT tbl, count(*) FROM sharerow GROUP BY tbl")).all()
            )
            gids = [str(g) for g in conn.execute(text("SELECT gid FROM sharerow")).scalars()]
            lids = {
                str(r[0]) for r in conn.execute(text("SELECT lid FROM sharerow WHERE tbl='pupil'"))
            }
            pupils = {str(r[0]) for r in conn.execute(text("SELECT id FROM pupil"))}
        assert mapped == {"pupil": 25, "school": 1}
        assert lids == pupils
        assert len(set(gids)) == len(gids) and all(UUID4.match(g) for g in gids)
    finally:
        store.lock()
