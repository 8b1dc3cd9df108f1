"""In Polish, the first-run wizard names a refused school detail in Polish and puts the cursor
in the box that holds it, as it does in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from tests.helpers.setup_wizard import open_wizard

from apdesk.ui.core.tasks import InlineTaskRunner
from apdesk.ui.shell.setup_wizard import SCHOOL, SetupWizard

pytestmark = pytest.mark.usefixtures("polish")


@pytest.fixture
def wizard(qtbot: QtBot, tmp_path: Path, tasks: InlineTaskRunner) -> SetupWizard:
    return open_wizard(qtbot, tmp_path, tasks)


@pytest.mark.parametrize(
    ("attr", "typed", "said"),
    [
        ("la_code", "85", "Kod władz lokalnych: „85” to nie jest kod władz lokalnych"),
        ("estab", "40", "Numer szkoły: „40” nie jest prawidłowy"),
        ("key_contact_phone", "ring us", "Telefon osoby kontaktowej: „ring us” nie jest numerem"),
        ("key_contact_email", "jo at school", "E-mail osoby kontaktowej: „jo at school”"),
    ],
)
def test_the_refused_detail_is_named_and_its_box_chosen(
    wizard: SetupWizard, attr: str, typed: str, said: str
) -> None:
    page = wizard.school_page
    page.edits["name"].setText("Szkoła Podstawowa nr 3")
    page.edits[attr].setText(typed)
    wizard.next()
    assert wizard.currentId() == SCHOOL
    assert page.error.text().startswith(said)
    assert wizard.focusWidget() is page.edits[attr]
