"""One step in the register reads as one line in the audit log, while the chain keeps every row
and the register keeps every entry it ever held."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlmodel import select
from tests.helpers.register import MON, build

from apdesk.models import AuditEvent
from apdesk.models.enums import Session as AmPm
from apdesk.services.attendance import mark_history
from apdesk.services.operations.attendance import (
    record_register_mark,
    undo_amendment,
    undo_first_mark,
)
from apdesk.store import Store
from apdesk.store.audit import verify_chain
from apdesk.ui.audit.model import ACTION, CHANGE, PUPIL, RECORD
from apdesk.ui.audit.page import AuditPage
from apdesk.ui.core.context import AppContext


def _rows(ctx: AppContext, qtbot: QtBot) -> list[dict[int, str]]:
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    model = page.model
    columns = (ACTION, RECORD, PUPIL, CHANGE)
    return [
        {c: str(model.index(r, c).data() or "") for c in columns} for r in range(model.rowCount())
    ]


def _events(store: Store) -> int:
    with store.session() as s:
        return len(s.exec(select(AuditEvent)).all())


def test_typing_a_mark_and_undoing_it_reads_as_two_lines(ctx: AppContext, qtbot: QtBot) -> None:
    ids = build(ctx.store)
    before = _events(ctx.store)
    ctx.store.run(record_register_mark, ids["ada"], MON, AmPm.AM, "B")
    ctx.store.run(undo_first_mark, ids["ada"], MON, AmPm.AM, "B")
    assert _events(ctx.store) - before == 4  # the chain keeps every row the steps wrote
    rows = _rows(ctx, qtbot)
    undone, typed = rows[0], rows[1]
    assert undone[ACTION] == "Undone" and undone[RECORD] == "Mark B for 6 January 2025 AM"
    assert undone[PUPIL].startswith("Ada Ash (") and undone[CHANGE] == "Code: B → no mark"
    assert typed[ACTION] == "Added" and typed[RECORD] == "Mark B for 6 January 2025 AM"
    assert all("Replaced by a later entry" not in row[CHANGE] for row in rows)
    with ctx.store.session() as s:
        assert verify_chain(s).ok
        history = mark_history(s, ids["ada"], MON, AmPm.AM)
        assert [m.code for m in history] == ["B", ""]  # the typed mark is kept
        assert all(m.superseded_by is not None for m in history)


def test_an_amendment_and_its_undo_read_as_one_line_each(ctx: AppContext, qtbot: QtBot) -> None:
    ids = build(ctx.store)
    ctx.store.run(record_register_mark, ids["ada"], MON, AmPm.AM, "B")
    ctx.store.run(record_register_mark, ids["ada"], MON, AmPm.AM, "/", "Arrived late")
    ctx.store.run(undo_amendment, ids["ada"], MON, AmPm.AM, "B", "/")
    rows = _rows(ctx, qtbot)[:3]
    assert [(r[ACTION], r[CHANGE]) for r in rows] == [
        ("Undone", "Code: / → B"),
        ("Changed", "Code: B → /"),
        ("Added", rows[2][CHANGE]),
    ]
    with ctx.store.session() as s:
        assert verify_chain(s).ok
        assert [m.code for m in mark_history(s, ids["ada"], MON, AmPm.AM)] == ["B", "/", "B"]
