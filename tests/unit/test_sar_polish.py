"""In Polish, a subject access export speaks Polish: the PDF's headings and field names, the
deadline's rule, why another person's details are flagged, and what a redaction leaves."""

from __future__ import annotations

import pytest
from tests.helpers.privacy import gathered

from apdesk.services.subject_access import redacted
from apdesk.store import Store

pytestmark = pytest.mark.usefixtures("polish")


def test_the_pdf_names_every_heading_and_field_in_polish(store: Store) -> None:
    _access, text = gathered(store)
    assert "Odpowiedź na wniosek o dostęp do danych" in text
    assert "Data urodzenia 4 maja 2012" in text  # in words, as the screens and audit log
    assert "2012-05-04" not in text
    assert "Rok nauczania (National Curriculum)" in text
    assert "Numer rekordu ucznia" in text
    assert "(1 z 2)" in text and "(2 z 2)" in text
    assert "Pokrewieństwo Parent" in text
    assert "Kontakty, rekord 1: Imię i nazwisko Sam Quillby-Parent" in text
    assert "Dziennik audytu: Użytkownik" in text
    assert "Dodano Uczeń 1" in text
    assert "Zmieniono Uczeń 1 Preferowane imię: —, teraz Rob" in text
    for english in ("Dob", "Nc year", "Pupil id", " of 2)", "update", "create", "before", "Actor"):
        assert english not in text, english


def test_the_exports_rule_and_reasons_read_in_polish(store: Store) -> None:
    access, _text = gathered(store)
    data = access.as_json()
    assert data["request"]["rule"].startswith("jeden miesiąc kalendarzowy od otrzymania")
    flagged = data["third_party_for_redaction_review"]
    assert {item["why"] for item in flagged} == {
        "dane innej osoby: przed udostępnieniem sprawdź, czy je utajnić"
    }
    assert {item["section"] for item in flagged} >= {"Kontakty", "Dziennik audytu"}
    assert data["records"]["attachment"][0]["content"].endswith(
        "sam dokument jest przechowywany w bazie danych; tylko na liście>"
    )
    assert "bajtów" in data["records"]["attachment"][0]["content"]
    chosen = next(i for i, item in enumerate(access.third_party) if item["table"] == "contact")
    cleaned = redacted(access, [chosen])
    assert cleaned.sections["contact"][0]["name"] == "[utajniono]"
    assert cleaned.third_party[chosen]["value"] == "[utajniono]"
