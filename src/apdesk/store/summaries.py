"""Making and checking the store's derived summaries (`apdesk.models.summaries`).

`rebuild` counts them again from the marks and (re)installs the triggers that keep them; the
migration that introduced them runs it, and so may a repair. `drift` compares what is kept with
a fresh count, for the consistency tests and `apdesk` maintenance.
"""

from __future__ import annotations

from sqlalchemy import Connection

from apdesk.models.summaries import REBUILD, TRIGGERS

_COUNTED = (
    "SELECT mark_date, coalesce(placement_id, 0), code, count(*) FROM attendancemark "
    "WHERE superseded_by IS NULL GROUP BY 1, 2, 3"
)


def install_triggers(conn: Connection) -> None:
    """The triggers that keep the tally, as the models define them now."""
    for name, sql in TRIGGERS.items():
        conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{name}"')
        conn.exec_driver_sql(sql)


def rebuild(conn: Connection) -> int:
    """Count the tally again from every current mark, in the caller's transaction; its rows."""
    install_triggers(conn)
    for sql in REBUILD:
        conn.exec_driver_sql(sql)
    return int(conn.exec_driver_sql("SELECT count(*) FROM marktally").scalar_one())


def drift(conn: Connection) -> list[tuple[str, int, str, int, int]]:
    """(day, placement, code, kept, counted) wherever the kept tally differs from the marks."""
    counted = {(str(d), int(p), str(c)): int(n) for d, p, c, n in conn.exec_driver_sql(_COUNTED)}
    kept = {
        (str(d), int(p), str(c)): int(n)
        for d, p, c, n in conn.exec_driver_sql(
            "SELECT mark_date, placement_id, code, n FROM marktally"
        )
    }
    return [
        (*key, kept.get(key, 0), counted.get(key, 0))
        for key in sorted(set(counted) | set(kept))
        if kept.get(key, 0) != counted.get(key, 0)
    ]
