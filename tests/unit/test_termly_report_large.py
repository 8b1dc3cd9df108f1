"""A large school's termly report prints: the breakdown of pupils in AP by provider runs on over
pages a name a row, where one table cell holding every provider could not be laid out."""

from __future__ import annotations

import io

import pypdf
from tests.helpers.measures import TODAY, place_many

from apdesk.services.measures import year_to_date
from apdesk.services.measures.termly import termly_report_pdf
from apdesk.store import Store

COUNT = 90  # at two lines a name, about three pages of one cell before


def provider_name(n: int) -> str:
    return "Łąka Learning Hub" if n == 7 else f"Provider {n:03d} Learning Centre"


def fill(store: Store) -> None:
    place_many(store, COUNT, "Large", provider_name)


def test_a_report_with_a_provider_list_taller_than_a_page_prints(store: Store) -> None:
    fill(store)
    with store.session() as s:
        pdf = termly_report_pdf(s, year_to_date(TODAY), TODAY)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert f"Pupils in AP on 12 March 2025: {COUNT} pupils in {COUNT} placements" in text
    assert f"Placements in the period ({COUNT})" in text
    for n in range(COUNT):
        assert f"{provider_name(n)}: 1" in text, n
        assert f"Pupil{n:03d} Large" in text, n
    assert text.count("By provider") >= 2  # the headings repeat on the next page
    assert len(reader.pages) >= 5
