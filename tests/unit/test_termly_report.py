"""The termly report PDF, read back: measures, charts' titles, the placements table, and an
anonymised version that names nobody in full."""

from __future__ import annotations

import io

import pypdf
from tests.helpers.measures import TODAY, build_school

from apdesk.services.measures import year_to_date
from apdesk.services.measures.termly import termly_report_pdf
from apdesk.store import Store

NAMES = ("Ann Archer", "Ben Brook", "Cal Cole", "Dee Dale")


def text_of(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_report_has_the_measures_charts_and_placements(store: Store) -> None:
    build_school(store)
    with store.session() as s:
        pdf = termly_report_pdf(s, year_to_date(TODAY), TODAY)
    text = text_of(pdf)
    for words in (
        "termly report",
        "1 September 2024 to 12 March 2025",
        "Clear learning outcomes",
        "75%",
        "3 of 4 placements",
        "Permanent exclusions",
        "Pupils in AP",
        "Days from referral to start",
        "Placements in the period (4)",
        "Alpha PRU",
    ):
        assert words in text, words  # fmt: skip
    for name in NAMES:
        assert name in text
    assert "Eve Eden" not in text  # a draft is not a placement yet
    meta = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None and "Ann" not in str(meta.title)


def test_the_anonymised_report_names_nobody_in_full(store: Store) -> None:
    build_school(store)
    with store.session() as s:
        pdf = termly_report_pdf(s, year_to_date(TODAY), TODAY, anonymised=True)
    text = text_of(pdf)
    assert "anonymised" in text
    for name in NAMES:
        assert name not in text
        assert name.split()[1] not in text
    assert "A.A." in text and "D.D." in text


def test_names_with_markup_characters_are_printed_as_typed(store: Store) -> None:
    from apdesk.models import Provider

    ids = build_school(store)
    with store.session() as s:
        provider = s.get(Provider, ids["alpha"])
        assert provider is not None
        provider.name = "Alpha & <Omega> PRU"
        s.add(provider)
    with store.session() as s:
        text = text_of(termly_report_pdf(s, year_to_date(TODAY), TODAY))
    assert "Alpha & <Omega> PRU" in text


def test_an_empty_store_still_makes_a_report(store: Store) -> None:
    with store.session() as s:
        pdf = termly_report_pdf(s, year_to_date(TODAY), TODAY)
    text = text_of(pdf)
    assert "No placements." in text
    assert "No figures for this period yet" in text
