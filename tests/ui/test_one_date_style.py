"""A pupil's record writes every date in the one on-screen style of its language: the
placements list says "21 July 2026 to 5 January 2027", as the facts line above it does, not
"21/07/2026 to 05/01/2027"."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot
from sqlmodel import select

from apdesk.i18n import format_date, set_locale
from apdesk.models import Placement
from apdesk.services.demo import populate
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.pupils.page import PupilsPage

NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")


@pytest.mark.parametrize("locale", ["en_GB", "pl_PL"])
def test_the_records_placements_use_the_long_date_style(
    qtbot: QtBot, store: Store, ctx: AppContext, locale: str
) -> None:
    populate(store, pupils=12, seed=3)
    set_locale(locale)
    with store.session() as s:
        placement = s.exec(
            select(Placement).where(Placement.end_date.is_not(None))  # type: ignore[union-attr]
        ).first()
        assert placement is not None and placement.start_date and placement.end_date
        pupil_id, start, end = placement.pupil_id, placement.start_date, placement.end_date
    page = PupilsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.select_pupil(pupil_id)
    qtbot.waitUntil(lambda: page.detail.view is not None)
    listing: QListWidget = page.detail.placements
    texts = [listing.item(row).text() for row in range(listing.count())]
    assert any(format_date(start) in t and format_date(end) in t for t in texts), texts
    shown = "\n".join(texts)
    assert not NUMERIC_DATE.search(shown), shown
