"""The import dialog: choose, match columns, check (a dry run), import all or nothing."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QTableWidget
from pytestqt.qtbot import QtBot
from sqlmodel import select

from apdesk.models import Pupil
from apdesk.models.kinds import Kind
from apdesk.models.upn import make_upn
from apdesk.store import Store
from apdesk.store.changes import Changes
from apdesk.ui.core.context import AppContext
from apdesk.ui.pupils.import_dialog import CHECK, CHOOSE, DONE, MAPPING, ImportDialog

UPNS = [make_upn(855, 4001, 26, serial) for serial in range(201, 205)]


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def surnames(store: Store) -> list[str]:
    with store.session() as session:
        return sorted(p.surname for p in session.exec(select(Pupil)))


@pytest.fixture
def dialog(qtbot: QtBot, ctx: AppContext) -> ImportDialog:
    made = ImportDialog(ctx)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def csv_file(tmp_path: Path, header: str, *rows: str, name: str = "pupils.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def choose(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    qtbot.keyClicks(dialog.path, str(path))
    dialog.next_button.click()


def test_a_csv_with_an_unknown_header_is_mapped_checked_and_imported(
    qtbot: QtBot, dialog: ImportDialog, store: Store, tmp_path: Path
) -> None:
    path = csv_file(
        tmp_path,
        "UPN,Family Name On Roll,Forename,DOB,Year,Tutor group",
        f"{UPNS[0]},Ashdown,Mia,14/03/2013,9,9B",
        f"{UPNS[1]},Bell,Noah,2012-11-02,10,10C",
    )
    choose(qtbot, dialog, path)
    assert dialog.stack.currentIndex() == MAPPING
    mapping = dialog.mapping
    assert mapping.combos["UPN"].currentData() == "upn"
    assert mapping.combos["Family Name On Roll"].currentData() == ""
    assert "Surname" in mapping.missing.text()
    how = {cell(mapping.table, r, 0): cell(mapping.table, r, 3) for r in range(6)}
    assert how["Family Name On Roll"] == "not recognised" and how["UPN"] == "automatic"
    combo = mapping.combos["Family Name On Roll"]
    combo.setCurrentIndex(combo.findData("surname"))
    assert mapping.missing.isHidden()

    dialog.next_button.click()  # Check: a dry run
    assert dialog.stack.currentIndex() == CHECK
    assert "2 new, 0 updated" in dialog.check.summary.text()
    assert "Tutor group" in dialog.check.notes.text()
    assert surnames(store) == []  # the check saved nothing
    assert dialog.import_button.isEnabled()

    changed: list[Changes] = []
    dialog.ctx.changed.connect(lambda changes, _source: changed.append(changes))
    dialog.import_button.click()
    assert dialog.stack.currentIndex() == DONE
    assert "2 imported, 0 updated" in dialog.finished_label.text()
    assert surnames(store) == ["Ashdown", "Bell"]
    assert [len(c.created[Kind.PUPIL]) for c in changed] == [2], "pages are told what changed"


def test_a_file_with_one_bad_upn_lists_the_row_and_imports_nothing(
    qtbot: QtBot, dialog: ImportDialog, store: Store, tmp_path: Path
) -> None:
    bad = ("B" if UPNS[2][0] != "B" else "C") + UPNS[2][1:]
    path = csv_file(
        tmp_path,
        "UPN,Surname,Forename,DOB,Year",
        f"{UPNS[0]},Ashdown,Mia,14/03/2013,9",
        f"{bad},Bell,Noah,02/11/2012,10",
        f"{UPNS[3]},Cole,Ava,05/06/2012,10",
    )
    choose(qtbot, dialog, path)
    dialog.next_button.click()
    assert dialog.stack.currentIndex() == CHECK
    table = dialog.check.errors
    assert table.rowCount() == 1
    assert (cell(table, 0, 0), cell(table, 0, 1)) == (
        "3",
        "UPN",
    )  # the row a spreadsheet shows: the header is row 1
    assert "check letter" in cell(table, 0, 2)
    assert "Nothing will be imported" in dialog.check.summary.text()
    assert not dialog.import_button.isEnabled()
    dialog.run_import()  # even if asked, nothing happens
    assert surnames(store) == []


def test_a_re_import_updates_instead_of_duplicating(
    qtbot: QtBot, ctx: AppContext, store: Store, tmp_path: Path
) -> None:
    path = csv_file(
        tmp_path, "UPN,Surname,Forename,DOB,Year", f"{UPNS[0]},Ashdown,Mia,14/03/2013,9"
    )
    for expected in ("1 imported, 0 updated", "0 imported, 1 updated"):
        dialog = ImportDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.path.setText(str(path))
        dialog.next()
        dialog.next()
        dialog.run_import()
        assert expected in dialog.finished_label.text()
    assert surnames(store) == ["Ashdown"]


def test_a_ctf_file_skips_the_column_step(
    qtbot: QtBot, dialog: ImportDialog, store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "transfer.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><CTfile><Header/><CTFpupilData><Pupil>'
        f"<UPN>{UPNS[1]}</UPN><Surname>Testwood</Surname><Forename>Ada</Forename>"
        "<DOB>2013-03-14</DOB><Gender>F</Gender><NCyearActual>9</NCyearActual>"
        "</Pupil></CTFpupilData></CTfile>",
        encoding="utf-8",
    )
    choose(qtbot, dialog, path)
    assert dialog.stack.currentIndex() == CHECK
    dialog.back_button.click()
    assert dialog.stack.currentIndex() == CHOOSE
    dialog.next_button.click()
    dialog.import_button.click()
    assert "1 imported, 0 updated" in dialog.finished_label.text()
    assert surnames(store) == ["Testwood"]


def test_a_ctf_for_another_school_is_imported_only_when_confirmed(
    qtbot: QtBot,
    dialog: ImportDialog,
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """CTF specification: the header's DestSchool names the school the file is for."""
    from tests.helpers.ctf import ctf_file, pupil

    from apdesk.services.school import SchoolDetails, save_school

    with store.session() as s:
        save_school(
            s, SchoolDetails(name="Fernhill Community College", la_code="855", estab="4001")
        )
    path = tmp_path / "transfer.xml"
    path.write_bytes(ctf_file(pupil(), dest_estab="4123"))
    asked: list[str] = []
    answers = iter([False, True])

    def answer(message: str) -> bool:
        asked.append(message)
        return next(answers)

    monkeypatch.setattr(dialog, "ask_destination", answer)
    choose(qtbot, dialog, path)
    assert dialog.stack.currentIndex() == CHECK and not dialog.import_button.isEnabled()
    assert "LA 855, establishment 4123" in asked[0] and "establishment 4001" in asked[0]
    assert "LA 855, establishment 4123" in cell(dialog.check.errors, 0, 2)
    dialog.back_button.click()
    dialog.next_button.click()
    assert len(asked) == 2 and dialog.import_button.isEnabled()
    assert "Read from the file:" in dialog.check.notes.text()
    assert "not kept by apdesk" in dialog.check.notes.text()
    dialog.import_button.click()
    assert "1 imported, 0 updated" in dialog.finished_label.text()
    assert surnames(store) == ["Okafor"]


def test_an_unreadable_or_empty_choice_is_explained(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog.next_button.click()
    assert dialog.file_error.text() == "Choose a file first."
    choose(qtbot, dialog, tmp_path / "missing.csv")
    assert "Cannot read missing.csv" in dialog.file_error.text()
    assert dialog.stack.currentIndex() == CHOOSE
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(empty), ""))
    )
    dialog.browse()
    assert "empty" in dialog.file_error.text()
    assert dialog.stack.currentIndex() == CHOOSE


def test_enter_moves_one_step_at_a_time_and_never_imports(
    qtbot: QtBot, dialog: ImportDialog, store: Store, tmp_path: Path
) -> None:
    path = csv_file(
        tmp_path,
        "UPN,Surname,Forename,DOB,Year",
        f"{UPNS[0]},Ashdown,Mia,14/03/2013,9",
    )
    dialog.path.setFocus()
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)  # Enter in the file box
    assert dialog.stack.currentIndex() == MAPPING  # the columns are shown, not skipped
    assert dialog.next_button.isDefault() and not dialog.import_button.isDefault()

    qtbot.keyClick(dialog.mapping.table, Qt.Key.Key_Return)  # Enter on the columns: Check
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == CHECK)
    assert dialog.import_button.isEnabled() and not dialog.import_button.isDefault()
    focused = QApplication.focusWidget() or dialog
    qtbot.keyClick(focused, Qt.Key.Key_Return)  # a second Enter imports nothing
    qtbot.keyClick(dialog, Qt.Key.Key_Enter)
    assert dialog.stack.currentIndex() == CHECK and surnames(store) == []
    dialog.import_button.click()  # Import, pressed on purpose
    assert dialog.stack.currentIndex() == DONE and surnames(store) == ["Ashdown"]


def test_the_buttons_tab_in_the_order_they_are_read(dialog: ImportDialog) -> None:
    chain = [dialog.back_button, dialog.next_button, dialog.import_button, dialog.close_button]
    for first, second in itertools.pairwise(chain):
        assert first.nextInFocusChain() is second or not second.isVisible()
    assert dialog.path.nextInFocusChain().text().replace("&", "") == "Choose file…"
