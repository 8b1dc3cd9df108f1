"""On screen, in Polish, a refusal names its field in Polish: the register's status line for a
code it refuses, and a contact editor's save refused for a bad e-mail address."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from pytestqt.qtbot import QtBot
from sqlmodel import select
from tests.helpers.register import MON, build, history, make_page

from apdesk.models import Contact
from apdesk.models.enums import Session as AmPm
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.pupils.contact_editor import ContactEditor

pytestmark = pytest.mark.usefixtures("polish")


def test_a_refused_code_in_the_register_names_the_field_in_polish(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    ids = build(store)
    page = make_page(qtbot, ctx, datetime.combine(MON, time(11, 0)))
    page.view.setFocus()
    page.view.move_to(0, 1)
    qtbot.keyClicks(page.view, "H")  # retired by the 2024 regulations: refused
    said = page.message.text()
    assert said.startswith("Kod: H został wycofany"), said
    assert "code:" not in said.lower()
    assert history(store, ids["ada"], MON, AmPm.PM) == []


def test_a_refused_contact_names_the_field_in_polish(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    ids = build(store)
    editor = ContactEditor(ctx, ids["ada"])
    qtbot.addWidget(editor)
    editor.name.setText("Anna Ash")
    editor.email.setText("anna.example")
    editor.save()
    shown = editor.error.text()
    assert shown == "E-mail: „anna.example” nie jest adresem e-mail — sprawdź go.", shown
    with store.session() as s:
        assert s.exec(select(Contact)).first() is None  # nothing saved
