"""A Polish subject access PDF reads in the product's one date style, names its running title
whole on every page, lists each other person once however many records hold them, and writes
a number with the Polish decimal comma."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader
from sqlmodel import select
from tests.helpers.documents import pdf_text
from tests.helpers.privacy import add_child, gathered

from apdesk.documents import sar_pdf
from apdesk.models import Placement
from apdesk.services import sar
from apdesk.services.school import school_details
from apdesk.store import Store

pytestmark = pytest.mark.usefixtures("polish")

TITLE = "Odpowiedź na wniosek o dostęp do danych"


def pages(store: Store, access: sar.SubjectAccess) -> list[str]:
    """Each page's text, whitespace collapsed so a title on two lines reads as one."""
    with store.session() as s:
        school = school_details(s)
    reader = PdfReader(io.BytesIO(sar_pdf.render(access, school)))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_no_date_or_moment_prints_as_iso(store: Store) -> None:
    _access, text = gathered(store)
    assert re.search(r"\d{4}-\d{2}-\d{2}", text) is None
    assert re.search(r"Utworzono \d{1,2} \w+ 20\d\d \d\d:\d\d:\d\d ", text)
    assert "+00:00" not in text


def test_the_running_title_is_whole_on_every_page(store: Store) -> None:
    access, _text = gathered(store)
    found = pages(store, access)
    assert len(found) > 2
    for number, page in enumerate(found, 1):
        assert TITLE in page, number
        assert "…" not in page, number


def test_each_other_person_is_listed_once_with_how_many_entries(store: Store) -> None:
    access, text = gathered(store)
    actors = [item for item in access.third_party if item["table"] == "audit"]
    assert len(actors) == 11  # the export keeps every item, each redactable on its own
    flagged = text.split("Dane innych osób (sprawdź przed zaczernieniem)")[1]
    flagged = flagged.split("OFFICIAL-SENSITIVE")[0]
    assert flagged.count(store.actor) == 1
    assert f"Dziennik audytu: Użytkownik {store.actor} (11 wpisów)" in flagged
    assert "Kontakty, rekord 1: Imię i nazwisko Sam Quillby-Parent" in flagged


def test_a_number_reads_with_the_polish_decimal_comma(store: Store) -> None:
    with store.session() as s:
        child = add_child(s, 1, "Decimalby")
    with store.session() as s:
        placement = s.exec(select(Placement)).one()
        placement.hours_per_week = 13.5
    with store.session() as s:
        access, school = sar.build_with_school(s, child.upn, date(2026, 3, 3))
    text = pdf_text(sar_pdf.render(access, school))
    assert "Godzin tygodniowo 13,5" in text
    assert "13.5" not in text and "Godzin tygodniowo 0.0" not in text
