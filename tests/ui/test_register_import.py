"""Importing a provider return and exporting for MIS from the Attendance page."""

from __future__ import annotations

import stat
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from tests.helpers.register import MON, build

from apdesk.models.enums import Session as AmPm
from apdesk.models.upn import make_upn
from apdesk.services.attendance import current_marks, record_mark
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.register.export_dialog import ExportDialog
from apdesk.ui.register.import_dialog import ImportReturnDialog


@pytest.fixture
def ids(store: Store) -> dict[str, int]:
    return build(store)


def marks(store: Store) -> list[tuple[str, str]]:
    with store.session() as s:
        return [(m.code, str(m.session)) for m in current_marks(s, MON, MON + timedelta(days=4))]


def test_a_return_with_a_bad_upn_is_refused_and_a_good_one_imported(
    qtbot: QtBot, ctx: AppContext, store: Store, ids: dict[str, int], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    dialog = ImportReturnDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    ada = make_upn(855, 4001, 2020, 1)
    stranger = make_upn(855, 4001, 2020, 9)  # a valid UPN, but not on roll
    bad = f"upn,date,session,code\n{ada},{MON.isoformat()},AM,B\n{stranger},06/01/2025,PM,B\n"
    dialog.load(bad.encode(), "bad.csv")
    assert dialog.checked is not None and not dialog.checked.ok
    assert not dialog.import_button.isEnabled()
    cells = [dialog.problems.item(0, c).text() for c in range(4)]
    assert cells[0] == "Error" and cells[1] == "2" and cells[2] == "UPN"
    assert "nothing will be imported" in dialog.summary.text()
    assert marks(store) == []
    good = tmp_path / "riverside.csv"
    good.write_text(f"UPN,Date,Session,Code\n{ada},06/01/2025,AM,B\n{ada},06/01/2025,PM,I\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    dialog.choose_file()
    assert dialog.import_button.isEnabled()
    assert "2 new marks" in dialog.summary.text()
    assert marks(store) == []  # the check wrote nothing
    assert dialog.isWindowModified()  # a file chosen, not imported: closing would ask
    dialog.import_button.click()
    assert dialog.outcome is not None and dialog.outcome.imported == 2
    assert sorted(marks(store)) == [("B", "AM"), ("I", "PM")]
    assert "Imported: 2 new marks" in dialog.summary.text()
    assert not dialog.isWindowModified()  # imported: nothing left to lose
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_an_import_that_changes_a_mark_needs_a_reason(
    qtbot: QtBot, ctx: AppContext, store: Store, ids: dict[str, int]
) -> None:
    with store.session() as s:
        record_mark(s, ids["ada"], MON, AmPm.AM, "N")
    dialog = ImportReturnDialog(ctx)
    qtbot.addWidget(dialog)
    ada = make_upn(855, 4001, 2020, 1)
    dialog.reason.setText("Provider corrected its return")
    dialog.load(f"{ada},{MON.isoformat()},AM,B\n".encode(), "fix.csv")
    assert "1 amendment" in dialog.summary.text()
    dialog.run()
    assert dialog.outcome is not None and dialog.outcome.amended == 1
    assert marks(store) == [("B", "AM")]


def test_the_mis_export_is_saved_privately(
    qtbot: QtBot, ctx: AppContext, store: Store, ids: dict[str, int], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    with store.session() as s:
        record_mark(s, ids["ada"], MON, AmPm.AM, "B")
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ExportDialog(ctx, MON, MON + timedelta(days=4), parent)
    target = tmp_path / "mis.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.end.setDate(QDate(2025, 1, 10))
    dialog.save()
    upn = make_upn(855, 4001, 2020, 1)
    expected = f"UPN,Date,Session,Code\r\n{upn},{date(2025, 1, 6)},AM,B\r\n"
    assert target.read_bytes() == expected.encode()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "Saved 1 mark " in dialog.saved_note.text()
    assert not list(tmp_path.glob(".*partial"))
