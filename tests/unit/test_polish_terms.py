"""The compiled Polish catalogue keeps one word per concept (docs/glossary_pl.md): a placement,
a referral and an off-site direction are different things and must not share a word again;
alternative provision is never the English "AP", and a timetable never a bare "plan"."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from babel.messages.mofile import read_mo

from apdesk import i18n
from apdesk.i18n import _
from apdesk.paths import resource_path

POLISH_MO = resource_path("locale") / "pl_PL" / "LC_MESSAGES" / "apdesk.mo"
PLACEMENT = re.compile(r"\b(placements?|placed|place)\b", re.IGNORECASE)
REFERRAL = re.compile(r"\b(refer\w*|re-referr\w*)\b", re.IGNORECASE)
DIRECTION = re.compile(r"\b(direct|directed|direction)\b", re.IGNORECASE)
STORE = re.compile(r"\bstores?\b", re.IGNORECASE)
TIMETABLE = re.compile(r"\btimetabl\w*", re.IGNORECASE)
PLAN = re.compile(r"\bplans?\b", re.IGNORECASE)  # a reintegration or EHC plan: "plan" alone
BARE_PLAN = re.compile(r"\bplan\w*\b(?! zajęć)", re.IGNORECASE)
BARE_AP = re.compile(r"\bAP\b")


def pairs() -> Iterator[tuple[str, str]]:
    """Every English id with each Polish form of it, accelerator marks removed."""
    with POLISH_MO.open("rb") as f:
        catalog = read_mo(f)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, (tuple, list)) else [message.id]
        english = " ".join(ids)
        string = message.string
        forms = string if isinstance(string, (tuple, list)) else [string]
        for polish in forms:
            if polish:
                yield english.replace("&", ""), polish.replace("&", "")


def offending(english: re.Pattern[str], unless: re.Pattern[str], word: str) -> list[str]:
    """The ids that speak of one concept but whose Polish uses the word of another."""
    return sorted(
        {e for e, p in pairs() if english.search(e) and not unless.search(e) and word in p.lower()}
    )


def test_the_catalogue_has_many_placement_messages_to_check() -> None:
    about_placements = [e for e, _p in pairs() if PLACEMENT.search(e)]
    assert len(about_placements) > 100


def test_a_placement_is_never_called_a_referral() -> None:
    assert offending(PLACEMENT, REFERRAL, "skierow") == []


def test_an_off_site_direction_is_neither_a_referral_nor_a_placement() -> None:
    assert offending(DIRECTION, REFERRAL, "skierow") == []
    assert offending(DIRECTION, PLACEMENT, "umieszcz") == []


def test_a_referral_is_never_called_a_placement() -> None:
    assert offending(REFERRAL, PLACEMENT, "umieszcz") == []


def test_the_data_store_is_never_a_warehouse() -> None:
    assert offending(STORE, re.compile(r"(?!)"), "magazyn") == []


def test_alternative_provision_is_never_left_as_the_english_ap() -> None:
    assert sorted({e for e, p in pairs() if BARE_AP.search(p)}) == []


def test_a_timetable_is_a_plan_zajec_never_a_bare_plan() -> None:
    """A bare "plan" is the reintegration plan: "Aktywne plany" read as plans of return."""
    assert (
        sorted(
            {
                e
                for e, p in pairs()
                if TIMETABLE.search(e) and not PLAN.search(e) and BARE_PLAN.search(p)
            }
        )
        == []
    )


@pytest.mark.parametrize(
    ("english", "polish"),
    [
        ("Placements", "Umieszczenia"),
        ("New placement", "Nowe umieszczenie"),
        ("Referral form", "Formularz skierowania"),
        ("Refer", "Skieruj"),
        ("Off-site direction", "Polecenie nauki poza szkołą"),
        ("Unlock the store", "Odblokuj bazę danych"),
        ("Pupils in AP now", "Uczniowie obecnie w kształceniu alternatywnym"),
        ("Part-time timetables active", "Aktywne plany zajęć w niepełnym wymiarze"),
    ],
)
def test_the_glossary_words_are_what_the_window_shows(english: str, polish: str) -> None:
    i18n.set_locale("pl_PL")
    try:
        assert _(english) == polish
    finally:
        i18n.set_locale(i18n.DEFAULT_LOCALE)
