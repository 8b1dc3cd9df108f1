"""In Polish, the subject access window lists other people's details by section and field in
Polish, and the saved export marks a redacted item in Polish."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.helpers.privacy import add_child

from apdesk.services.records.pupil_record import record_extras
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.record.sar_dialog import SubjectAccessDialog

pytestmark = pytest.mark.usefixtures("polish")


def test_the_items_to_review_and_the_redaction_read_in_polish(
    qtbot: QtBot, ctx: AppContext, store: Store, tmp_path: Path
) -> None:
    with store.session() as s:
        child = add_child(s, 1, "Quillby")
        extras = record_extras(s, child.id or 0)
    assert extras is not None
    dialog = SubjectAccessDialog(ctx, extras)
    qtbot.addWidget(dialog)
    dialog.received.set_value(date(2026, 3, 3))
    qtbot.mouseClick(dialog.prepare_button, Qt.MouseButton.LeftButton)
    shown = [dialog.items.item(row).text() for row in range(dialog.items.count())]
    assert "Kontakty · Imię i nazwisko: Sam Quillby-Parent" in shown
    assert "Umieszczenia · Imię i nazwisko osoby kontaktowej: Jo Keyworker1" in shown
    assert not any("key_contact_name" in text or "Contacts" in text for text in shown)
    dialog.items.item(shown.index("Kontakty · Imię i nazwisko: Sam Quillby-Parent")).setCheckState(
        Qt.CheckState.Checked
    )
    dialog.save_to(tmp_path / "sar")
    assert dialog.paths is not None
    exported = json.loads(dialog.paths[0].read_text(encoding="utf-8"))
    assert exported["records"]["contact"][0]["name"] == "[utajniono]"
