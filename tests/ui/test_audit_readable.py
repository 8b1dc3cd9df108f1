"""The audit log as a school office reads it: an undone mark named, no record numbers, dates in
the product's style, whole names, and a word when only the newest events are shown."""

from __future__ import annotations

import re
from datetime import date

import pytest
from pytestqt.qtbot import QtBot
from tests.helpers.register import MON, build

from apdesk.models.enums import Session as AmPm
from apdesk.services.attendance import record_mark
from apdesk.services.operations.attendance import undo_first_mark
from apdesk.store import Store
from apdesk.ui.audit import page as audit_page
from apdesk.ui.audit.model import ACTION, CHANGE, PUPIL, RECORD
from apdesk.ui.audit.page import AuditPage, count_text
from apdesk.ui.core.context import AppContext


def _page(ctx: AppContext, qtbot: QtBot, width: int = 1100) -> AuditPage:
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    page.resize(width, 700)
    page.show()
    return page


def _mark_and_undo(store: Store) -> dict[str, int]:
    ids = build(store)
    with store.session() as s:
        record_mark(s, ids["ada"], MON, AmPm.AM, "/")
    with store.session() as s:
        undo_first_mark(s, ids["ada"], MON, AmPm.AM, "/")
    return ids


def _cells(page: AuditPage, row: int) -> dict[int, str]:
    return {c: str(page.model.index(row, c).data() or "") for c in (ACTION, RECORD, PUPIL)}


def test_an_undone_mark_reads_as_one_undone_row_with_its_pupil_code_and_session(
    ctx: AppContext, qtbot: QtBot
) -> None:
    _mark_and_undo(ctx.store)
    page = _page(ctx, qtbot)
    cells = _cells(page, 0)  # the undo: one row, the entries it marked as replaced folded in
    assert cells[ACTION] == "Undone"
    assert cells[RECORD] == "Mark / for 6 January 2025 AM"
    assert cells[PUPIL].startswith("Ada Ash (")
    assert page.model.index(0, CHANGE).data() == "Code: / → no mark"
    added = _cells(page, 1)
    assert added == {ACTION: "Added", RECORD: "Mark / for 6 January 2025 AM",
                     PUPIL: added[PUPIL]} and added[PUPIL].startswith("Ada Ash (")  # fmt: skip
    for row in range(2):
        page.table.selectRow(row)
        detail = page.detail.toPlainText()
        assert "record number" not in detail.lower() and "Replaced by" not in detail
        for line in detail.splitlines()[2:]:  # no field is a bare number of a record
            assert not re.fullmatch(r"[^:]+: (\S+ → )?\d+", line), line
    page.table.selectRow(0)
    assert "Mark / for 6 January 2025 AM is kept in the history, replaced by this entry." in (
        page.detail.toPlainText().splitlines()
    )
    page.table.selectRow(1)
    assert "Pupil: Ada Ash" in page.detail.toPlainText().splitlines()


def test_the_undo_reads_in_polish(ctx: AppContext, qtbot: QtBot, polish: None) -> None:
    _mark_and_undo(ctx.store)
    page = _page(ctx, qtbot)
    cells = _cells(page, 0)
    assert cells[ACTION] == "Cofnięto"
    assert cells[RECORD] == "Wpis / z 6 stycznia 2025 rano"


def test_the_date_filter_reads_like_every_date_on_screen(ctx: AppContext, qtbot: QtBot) -> None:
    page = _page(ctx, qtbot)
    page.from_date.setDate(date(2026, 12, 7))
    assert page.from_date.text() == "7 December 2026"
    page.to_date.setDate(date(2026, 9, 30))  # the longest month is read whole
    assert page.to_date.text() == "30 September 2026"
    assert page.to_date.width() >= page.to_date.fontMetrics().horizontalAdvance("30 September 2026")


def test_the_date_filter_reads_in_polish(ctx: AppContext, qtbot: QtBot, polish: None) -> None:
    page = _page(ctx, qtbot)
    page.from_date.setDate(date(2026, 12, 7))
    assert page.from_date.text() == "7 grudnia 2026"


def test_long_names_are_read_whole_on_a_laptop(ctx: AppContext, qtbot: QtBot) -> None:
    ids = _mark_and_undo(ctx.store)
    from apdesk.models import Pupil

    with ctx.store.session() as s:
        pupil = s.get(Pupil, ids["ada"])
        assert pupil is not None
        pupil.forename, pupil.preferred_name, pupil.surname = "Matilda", "Tilly", "Fairbank-Ash"
    page = _page(ctx, qtbot, width=1366 - 220)  # the sidebar takes the rest of a laptop
    qtbot.waitUntil(lambda: "Tilly" in str(page.model.index(0, PUPIL).data()))
    label = str(page.model.index(0, PUPIL).data())
    assert label.startswith("Tilly Fairbank-Ash (Matilda) (")
    width = page.table.horizontalHeader().sectionSize(PUPIL)
    assert width >= page.table.fontMetrics().horizontalAdvance(label) + 12
    record = str(page.model.index(0, RECORD).data())
    assert page.table.horizontalHeader().sectionSize(RECORD) >= (
        page.table.fontMetrics().horizontalAdvance(record) + 12
    )


def test_the_page_says_when_only_the_newest_events_are_shown(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _mark_and_undo(ctx.store)
    monkeypatch.setattr(audit_page, "LIMIT", 3)  # a small page of events over the real store
    page = _page(ctx, qtbot)
    assert page.model.rowCount() == 1  # the newest three rows are the undo's: one entry
    total = page.view.total if page.view else 0
    assert total > 3
    assert page.count.text() == (
        f"Showing the newest 1 of {total} events — narrow the dates or search to see older ones"
    )
    page.pupil.setText("Ben Birch")  # fewer than a page: all of them, and no note
    page.refresh()
    shown = page.model.rowCount()
    assert 0 < shown < 3 and page.count.text().endswith(("event shown", "events shown"))


def test_the_count_is_plural_correct_with_localised_numbers(polish: None) -> None:
    assert count_text(2000, 2383) == (
        "Najnowsze zdarzenia: 2\xa0000 z 2\xa0383 — zawęź daty lub wyszukiwanie, aby zobaczyć "
        "starsze"
    )


def test_the_count_in_english() -> None:
    assert count_text(2000, 2383) == (
        "Showing the newest 2,000 of 2,383 events — narrow the dates or search to see older ones"
    )
    assert count_text(1, 1) == "1 event shown"


def test_a_change_names_the_pupil_whose_record_it_is(ctx: AppContext, qtbot: QtBot) -> None:
    from sqlmodel import select

    from apdesk.models import Placement

    ids = build(ctx.store)
    with ctx.store.session() as s:
        placement = s.exec(select(Placement).where(Placement.pupil_id == ids["ben"])).one()
        placement.hours_per_week = 20  # a change row carries only the hours
    page = _page(ctx, qtbot)
    assert _cells(page, 0)[ACTION] == "Changed" and _cells(page, 0)[RECORD] == "Placement"
    assert _cells(page, 0)[PUPIL].startswith("Ben Birch (")
    assert str(page.model.index(0, CHANGE).data()).startswith("Hours per week: ")


def test_a_change_to_a_pack_names_its_pupil(ctx: AppContext, qtbot: QtBot) -> None:
    from sqlmodel import select

    from apdesk.models import OutboxItem, Placement
    from apdesk.models.enums import PackKind

    ids = build(ctx.store)
    with ctx.store.session() as s:
        placement = s.exec(select(Placement).where(Placement.pupil_id == ids["ada"])).one()
        s.add(OutboxItem(id="3f2a", kind=next(iter(PackKind)), placement_id=placement.id, pack=b""))
    with ctx.store.session() as s:
        pack = s.get(OutboxItem, "3f2a")
        assert pack is not None
        pack.attempts = 1  # a change to a record whose number is text (a pack's id)
    page = _page(ctx, qtbot)
    cells = _cells(page, 0)
    assert cells[ACTION] == "Changed" and cells[RECORD] == "Notification pack"
    assert cells[PUPIL].startswith("Ada Ash (")
