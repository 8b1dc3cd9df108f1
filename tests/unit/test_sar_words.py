"""A subject access PDF prints each coded value as the word the app shows for it, in the
reader's language: a parent reads "Active" or "Aktywne", never the stored "active"."""

from __future__ import annotations

from datetime import date

import pytest
from tests.helpers.documents import pdf_text
from tests.helpers.privacy import add_child

from apdesk.documents import sar_pdf
from apdesk.i18n import set_locale
from apdesk.models import Placement, Pupil
from apdesk.models.enums import Gender, SenStatus
from apdesk.services import sar
from apdesk.store import Store


def exported(store: Store, locale: str) -> tuple[dict[str, object], str]:
    """A pupil with coded values in several tables and one coded change; the JSON and PDF text."""
    with store.session() as s:
        child = add_child(s, 1, "Quillby")
        child.gender = Gender.OTHER
        child.sen_status = SenStatus.SEN_SUPPORT
        child.needs = ["semh"]
        child.sen_types = ["SEMH", "SLCN"]
        placement = s.get(Placement, 1)
        assert placement is not None
        placement.reasons = ["medical"]
        placement.sessions = ["MON_AM", "WED_PM"]
    with store.session() as s:
        pupil = s.get(Pupil, child.id)
        assert pupil is not None
        pupil.sen_status = SenStatus.EHC_PLAN  # a coded change the audit log records
    set_locale(locale)
    with store.session() as s:
        access, school = sar.build_with_school(s, child.upn, date(2026, 3, 3))
    return access.as_json(), pdf_text(sar_pdf.render(access, school))


@pytest.mark.usefixtures("english_afterwards")
@pytest.mark.parametrize(
    ("locale", "words"),
    [
        (
            "en_GB",
            (
                "Gender Other / not stated",
                "SEN status EHC plan",
                "Needs Social, emotional and mental health",
                "Types of SEN Social, emotional and mental health (SEMH), Speech, language and "
                "communication needs (SLCN)",
                "Status Active",
                "Commissioner School",
                "Funding stream School budget",
                "Sessions Monday morning; Wednesday afternoon",
                "Agency CAMHS",
                "Whose voice Child",
                "Session Morning",
                "SEN status: SEN support, now EHC plan",
            ),
        ),
        (
            "pl_PL",
            (
                "Inna / nie podano",
                "Plan EHC",
                "Zdrowie społeczne, emocjonalne i psychiczne",
                "Zdrowie społeczne, emocjonalne i psychiczne (SEMH), Potrzeby w zakresie mowy, "
                "języka i komunikacji (SLCN)",
                "Aktywne",
                "Szkoła",
                "Budżet szkoły",
                "CAMHS (poradnia zdrowia psychicznego dzieci i młodzieży)",
                "Dziecko",
                "Przedpołudnie",
                "Wsparcie SEN, teraz Plan EHC",
            ),
        ),
    ],
)
def test_coded_values_print_as_words(store: Store, locale: str, words: tuple[str, ...]) -> None:
    data, text = exported(store, locale)
    for word in words:
        assert word in text, word
    for code in (" X ", " K ", " E ", "semh", "active", "school_budget", "MON_AM", "camhs"):
        assert code not in text, code
    pupil = data["records"]["pupil"][0]  # type: ignore[index]
    assert (pupil["gender"], pupil["sen_status"], pupil["needs"]) == ("X", "E", ["semh"])
    assert pupil["sen_types"] == ["SEMH", "SLCN"]  # the export keeps the codes
