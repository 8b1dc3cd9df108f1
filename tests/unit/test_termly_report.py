"""The termly report PDF, read back: measures, charts' titles, the placements table, and an
anonymised version that names nobody in full."""

from __future__ import annotations

import io

import pypdf
import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Spacer
from tests.helpers.measures import TODAY, build_school

from apdesk.documents.blocks import DocTable
from apdesk.documents.common import FOOTER_HEIGHT, HEADER_HEIGHT, PAGE_HEIGHT, Letterhead, build_pdf
from apdesk.documents.termly_report import _headed
from apdesk.models.school import SchoolDetails
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
    assert "3 of 4 placements running in the period" in " ".join(text.split())  # says which 4
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


@pytest.mark.parametrize("room_left_mm", [8, 20, 35, 60])
def test_a_heading_is_never_left_alone_at_the_foot_of_a_page(room_left_mm: int) -> None:
    """However little room the page has left, a section's heading prints on the same page as
    the first row of its table (a demo school's report once left "Placements in the period"
    at the foot of page 2, its table on page 3)."""
    rows = [["Pupil", "Provider"]] + [[f"Pupil{n:02d}", "Riverside PRU"] for n in range(40)]
    frame_height = PAGE_HEIGHT - HEADER_HEIGHT - FOOTER_HEIGHT
    story = [
        Spacer(1, frame_height - room_left_mm * mm - 14 * mm),
        *_headed("Placements in the period (40)", DocTable(rows, repeatRows=1)),
    ]
    pdf = build_pdf(story, Letterhead.of(SchoolDetails(name="Fernhill")), "Test")
    pages = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    page = next(p for p in pages if "Placements in the period" in p)
    assert "Pupil00" in page, pages
