"""Open contents says what a pack tells the LA in words a SENCO reads: the pupil by the name the
school uses (and the legal name the LA receives), the provider and dates in the locale's style,
to whom and when; ids, hashes and JSON are folded away under Technical detail."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.helpers.mnemonics import clashes
from tests.helpers.outbox import connect, queue_start, school_inbox, school_with_placement

from apdesk import i18n
from apdesk.i18n import set_locale
from apdesk.models import Placement, Pupil
from apdesk.store import Store
from apdesk.sync.sender import SendPolicy, drain
from apdesk.ui.core.context import AppContext
from apdesk.ui.outbox.contents import PackContentsDialog
from apdesk.ui.outbox.page import OutboxPage


@pytest.fixture
def pack(store: Store) -> str:
    placement_id = school_with_placement(store)
    with store.session() as s:
        placement = s.get(Placement, placement_id)
        assert placement is not None
        pupil = s.get(Pupil, placement.pupil_id)
        assert pupil is not None
        pupil.preferred_name = "Jay"
        s.add(pupil)
    return queue_start(store, placement_id)


def opened(qtbot: QtBot, ctx: AppContext) -> PackContentsDialog:
    page = OutboxPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.contents_dialog is not None)
    dialog = page.contents_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_the_pack_is_described_in_words_and_the_detail_is_folded(
    qtbot: QtBot, ctx: AppContext, pack: str
) -> None:
    dialog = opened(qtbot, ctx)
    words = {name: label.text() for name, label in dialog.words.items()}
    assert dialog.heading.text() == "Placement start: Jay Testperson"
    assert words["what"] == (
        "Tells the LA that Jay Testperson is placed at Riverside Learning Centre, with the "
        "referral form."
    )
    assert words["pupil"].startswith(
        "Jay Testperson (legal name Ada Testperson, as the LA receives it) · UPN "
    )
    assert words["pupil"].endswith("· Year 9")
    assert words["placement"] == (
        "Riverside Learning Centre · from 8 September 2025 to 19 December 2025 · 10 hours a week"
    )
    assert words["to"] == (
        "The local authority (LA 855); no LA connection is set up yet, so the pack waits here."
    )
    assert words["from"] == "Oakfield Academy"
    assert " at " in words["made"] and words["sent"].startswith("Not sent yet")
    shown = " ".join(words.values()) + dialog.heading.text()
    assert pack not in shown and "sha" not in shown.lower() and "{" not in shown
    assert not dialog.detail.isVisible() and dialog.toggle.text() == "Technical &detail"
    assert dialog.toggle.accessibleName() == "Show the technical detail"

    dialog.toggle.click()  # Alt+D or a click shows the ids, hashes and JSON
    assert dialog.detail.isVisible()
    assert clashes(dialog) == []  # its Alt+letters and the tabs' do not collide
    assert pack in dialog.summary.text()
    assert f'"pack_id": "{pack}"' in dialog.notification.toPlainText()  # type: ignore[attr-defined]
    assert dialog.toggle.accessibleName() == "Hide the technical detail"
    dialog.close()


def test_a_delivered_pack_says_where_and_when_with_polish_dates_too(
    qtbot: QtBot, ctx: AppContext, store: Store, pack: str, tmp_path: Path
) -> None:
    with school_inbox(store, tmp_path / "inbox.db") as inbox:
        connect(store, inbox.url)
        report = drain(store, SendPolicy(audit_checkpoints=False))
    assert [o.state for o in report.outcomes] == ["delivered"]
    set_locale("pl_PL")
    try:
        dialog = opened(qtbot, ctx)
        placement, to = dialog.words["placement"].text(), dialog.words["to"].text()
        assert "8 września 2025" in placement and "19 grudnia 2025" in placement
        assert inbox.url in to
        assert i18n.format_date(date.today()) in dialog.words["sent"].text()  # the Polish date
        dialog.close()
    finally:
        set_locale(i18n.DEFAULT_LOCALE)
