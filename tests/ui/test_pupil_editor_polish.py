"""The pupil editor's field labels are in the reader's language, mnemonics and all: in Polish
"Forename", "Surname", "Date of birth", "Year" and "SEN status" showed in English, because
their labels with a mnemonic were never put in the catalogue."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from tests.helpers.clipping import usable

from apdesk.i18n import set_locale
from apdesk.ui.core.context import AppContext
from apdesk.ui.pupils.editor import PupilEditor


def test_every_field_label_of_the_pupil_editor_is_polish(
    qtbot: QtBot, ctx: AppContext, polish: None
) -> None:
    editor = PupilEditor(ctx)
    qtbot.addWidget(editor)
    shown = {name: label.text() for name, label in editor.labels.items() if label.text()}
    assert shown["forename"] == "&Imię"
    assert shown["surname"] == "Nazwis&ko"
    assert shown["dob"] == "&Data urodzenia"
    assert shown["nc_year"] == "&Rok"
    assert shown["sen_status"] == "Status S&EN"
    english = {"Forename", "Surname", "Date of birth", "Year", "SEN status", "Gender"}
    assert not {text.replace("&", "") for text in shown.values()} & english, shown


@pytest.mark.parametrize("locale", ["en_GB", "pl_PL"])
def test_every_need_shows_whole_without_scrolling(
    qtbot: QtBot, ctx: AppContext, theme: object, locale: str
) -> None:
    """In Polish the needs list was narrower than its longest need: a sideways scroll bar hid
    the end of the names and covered the last row."""
    set_locale(locale)
    editor = PupilEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    # as it opens on a 1366x768 laptop (this test's own screen is smaller)
    editor.resize(editor.sizeHint().expandedTo(editor.size()).boundedTo(usable(1366, 768)))
    needs = editor.needs
    qtbot.waitUntil(lambda: needs.viewport().width() >= needs.sizeHintForColumn(0))
    assert needs.viewport().height() >= needs.sizeHintForRow(0) * needs.count()
    assert not needs.horizontalScrollBar().isVisible()
    assert not needs.verticalScrollBar().isVisible()
