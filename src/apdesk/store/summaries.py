"""Making and checking the store's derived summaries (`apdesk.models.summaries`).

`rebuild` counts them again from the marks and (re)installs the triggers that keep them; the
migration that introduced them runs it, and so may a repair. `drift` compares what is kept with
a fresh count (the consistency tests use it).
"""

from __future__ import annotations

from sqlalchemy import Connection

from apdesk.models.summaries import COUNTED, REBUILD, STAMP_TRIGGERS, TRIGGERS


def install_triggers(conn: Connection) -> None:
    """The triggers that keep the tally, as the models define them now."""
    for name, sql in TRIGGERS.items():
        conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{name}"')
        conn.exec_driver_sql(sql)


def install_stamp_triggers(conn: Connection) -> None:
    """The triggers that move a pupil's mark stamp; a migration that rebuilds the marks table
    must run this as well as `install_triggers`."""
    for name, sql in STAMP_TRIGGERS.items():
        conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{name}"')
        conn.exec_driver_sql(sql)


def rebuild(conn: Connection) -> int:
    """Count the tally again from every current mark, in the caller's transaction; its rows."""
    install_triggers(conn)
    for sql in REBUILD:
        conn.exec_driver_sql(sql)
    return int(conn.exec_driver_sql("SELECT count(*) FROM marktally").scalar_one())


def drift(conn: Connection) -> list[tuple[int, str, str, int, int]]:
    """(placement, day, code, kept, counted) wherever the kept tally differs from the marks."""
    counted = {(int(p), str(d), str(c)): int(n) for p, d, c, n in conn.exec_driver_sql(COUNTED)}
    kept = {
        (int(p), str(d), str(c)): int(n)
        for p, d, c, n in conn.exec_driver_sql(
            "SELECT placement_id, mark_date, code, n FROM marktally"
        )
    }
    return [
        (*key, kept.get(key, 0), counted.get(key, 0))
        for key in sorted(set(counted) | set(kept))
        if kept.get(key, 0) != counted.get(key, 0)
    ]
