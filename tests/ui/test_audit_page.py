"""The audit viewer: filters, readable before/after, the chain result on top."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import update
from tests.helpers.privacy import add_child

from apdesk.models import AuditEvent, Pupil
from apdesk.ui.audit.model import AuditModel
from apdesk.ui.audit.page import AuditPage
from apdesk.ui.core.context import AppContext


def _page(ctx: AppContext, qtbot: QtBot) -> AuditPage:
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def _setup(ctx: AppContext) -> tuple[Pupil, Pupil]:
    with ctx.store.session() as s:
        first = add_child(s, 1, "Auditson")
        second = add_child(s, 2, "Otherly")
    with ctx.store.session() as s:
        pupil = s.get(Pupil, first.id)
        assert pupil is not None
        pupil.surname = "Auditson-Lee"
    return first, second


def test_filters_by_pupil_action_and_shows_the_change(
    ctx: AppContext, qtbot: QtBot, qtmodeltester: object
) -> None:
    first, _second = _setup(ctx)
    page = _page(ctx, qtbot)
    assert "verified" in page.chain.text()
    everything = page.model.rowCount()
    assert everything > 10
    qtbot.keyClicks(page.pupil, first.upn)
    qtbot.keyClick(page.pupil, Qt.Key.Key_Return)
    about = page.model.rowCount()
    assert 0 < about < everything
    rows = [page.model.row_at(r) for r in range(about)]
    assert all("Otherly" not in str(r.after) for r in rows)
    page.action.setCurrentIndex(page.action.findData("update"))
    page.refresh()
    assert page.model.rowCount() == 1
    page.table.selectRow(0)
    assert "Surname: Auditson → Auditson-Lee" in page.detail.toPlainText()
    assert first.upn in page.model.index(0, 4).data()
    page.pupil.setText("Nobody-by-this-name")
    page.refresh()
    assert page.model.rowCount() == 0 and "0 events" in page.count.text()
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]


def test_date_and_user_filters(ctx: AppContext, qtbot: QtBot) -> None:
    _setup(ctx)
    page = _page(ctx, qtbot)
    page.use_to.setChecked(True)
    page.to_date.setDate(date(2001, 1, 1))
    page.refresh()
    assert page.model.rowCount() == 0
    page.use_to.setChecked(False)
    page.user.setText("no-such-user")
    page.refresh()
    assert page.model.rowCount() == 0
    page.user.setText(ctx.store.actor)
    page.refresh()
    assert page.model.rowCount() > 0


def test_a_tampered_row_is_reported_at_the_top(ctx: AppContext, qtbot: QtBot) -> None:
    _setup(ctx)
    with ctx.store.session() as s:
        s.execute(update(AuditEvent).where(AuditEvent.id == 3).values(actor="someone-else"))  # type: ignore[arg-type]
    page = _page(ctx, qtbot)
    assert "broken at event 3" in page.chain.text()


def test_model_on_its_own(qtmodeltester: object) -> None:
    model = AuditModel()
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_a_pupil_is_found_by_the_name_the_school_uses_or_the_legal_one(
    ctx: AppContext, qtbot: QtBot
) -> None:
    first, second = _setup(ctx)
    with ctx.store.session() as s:
        pupil = s.get(Pupil, first.id)
        assert pupil is not None
        pupil.preferred_name = "Jay"
    page = _page(ctx, qtbot)
    for typed in ("Jay Auditson-Lee", "auditson-lee robin", first.upn):
        page.pupil.setText(typed)
        page.refresh()
        about = {page.model.index(r, 4).data() for r in range(page.model.rowCount())}
        assert about and all(first.upn in label for label in about), typed
    assert any("Jay Auditson-Lee (Robin)" in label for label in about)  # as every screen
    page.pupil.setText("Jay Otherly")
    page.refresh()
    assert page.model.rowCount() == 0, second.upn
