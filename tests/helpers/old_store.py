"""A store as the previous release left it, for the tests of migrating (and backfilling)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.store import KdfParams, Store, database, migrate

PREVIOUS = "0001"
PUPIL_INSERT = (
    "INSERT INTO pupil (upn, forename, surname, preferred_name, dob, gender, nc_year, sen_status, "
    "looked_after, needs, health_needs, family_support, safety_info, on_roll, created_at, "
    "updated_at) VALUES (:upn, 'F', :s, '', '2012-01-01', 'X', 8, 'N', 0, '[]', '', '', '', 1, "
    "'2024-01-01 00:00:00', '2024-01-01 00:00:00')"
)


def old_store(folder: Path) -> None:
    """A store as the previous release left it: schema 0001 with rows in it."""
    store, _ = Store.create(folder, TEST_PASSPHRASE, kdf=KdfParams.fast())
    key = store._data_key()
    store.lock()
    (folder / "apdesk.db").unlink()
    for extra in folder.glob("apdesk.db-*"):
        extra.unlink()
    engine = database.make_engine(folder / "apdesk.db", key)
    migrate.upgrade(engine, PREVIOUS)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO school (name, urn, la_code, estab, address, phone, email, "
                "key_contact_name, key_contact_role, key_contact_phone, key_contact_email) "
                "VALUES ('Old School', '100000', '855', '4001', '', '', '', '', '', '', '')"
            )
        )
        for i in range(25):
            conn.execute(
                text(PUPIL_INSERT),
                {"upn": f"T{i:012d}", "s": f"Surname{i}"},
            )
    engine.dispose()
