"""Names in any alphabet print as typed: a document whose text needs more than the built-in
fonts' letters prints in DejaVu throughout, whatever the locale; one all in WinAnsi keeps the
built-in Helvetica."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader
from sqlmodel import select
from tests.helpers.documents import make_placement, pdf_text
from tests.helpers.timetables import START, full_week

from apdesk import models
from apdesk.documents import fonts
from apdesk.documents.letter import render_parent_letter
from apdesk.documents.placement_data import PlacementRecord
from apdesk.documents.referral import render_referral
from apdesk.documents.timetable_pdf import render_timetable
from apdesk.i18n import set_locale
from apdesk.models.enums import SenStatus
from apdesk.services.placement_record import load_placement_record
from apdesk.services.plan_printouts import plan_pdf
from apdesk.services.timetables import create_version, load_structure
from apdesk.services.timetables.printout import printout_for
from apdesk.store import Store

PUPIL = ("Łucja", "Wójcik")
PARENT = "Zoë Nguyễn"


@pytest.fixture(autouse=True)
def english() -> None:
    set_locale("en_GB")
    if not fonts.register_unicode_fonts():
        pytest.skip("DejaVu Sans is not installed")


def base_fonts(data: bytes) -> set[str]:
    """The fonts each page uses, subset prefixes ("ABCDEF+") dropped."""
    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"]["/Font"].values():
            names.add(str(ref.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


def load(store: Store, placement_id: int) -> PlacementRecord:
    with store.session() as s:
        return load_placement_record(s, placement_id)


def polish_pupil(store: Store) -> int:
    placement_id = make_placement(store, sen=SenStatus.NONE)
    with store.session() as s:
        placement = s.get(models.Placement, placement_id)
        assert placement is not None
        pupil = s.get(models.Pupil, placement.pupil_id)
        assert pupil is not None
        pupil.forename, pupil.surname = PUPIL
        contact = s.exec(
            select(models.Contact).where(models.Contact.name == "Mrs Ada Okafor")
        ).one()
        contact.name = PARENT
    return placement_id


def test_a_polish_name_reads_back_exactly_from_an_english_referral_and_letter(
    store: Store,
) -> None:
    record = load(store, polish_pupil(store))
    referral = render_referral(record)
    letter = render_parent_letter(record, today=date(2025, 2, 24))
    assert "Łucja Wójcik" in pdf_text(referral)
    assert "Pupil Name Łucja Wójcik" in pdf_text(referral)
    text = pdf_text(letter)
    assert "Notice of an off-site direction for Łucja Wójcik" in text
    assert f"Dear {PARENT}," in text and "Dear Mr Leon Reid," in text
    for data in (referral, letter):
        used = base_fonts(data)
        assert "DejaVuSans" in used and "DejaVuSans-Bold" in used, used
        assert not any(name.startswith("Helvetica") for name in used), used
        assert "\ufffd" not in pdf_text(data) and "■" not in pdf_text(data)


def test_an_all_english_form_keeps_the_built_in_fonts(store: Store) -> None:
    record = load(store, make_placement(store, sen=SenStatus.NONE))
    for data in (render_referral(record), render_parent_letter(record, today=date(2025, 2, 24))):
        used = base_fonts(data)
        assert {"Helvetica", "Helvetica-Bold"} <= used, used
        assert not any("DejaVu" in name for name in used), used
    assert "Tamsin Okafor-Reid" in pdf_text(render_referral(record))


def test_winansi_accents_and_punctuation_need_no_unicode_font() -> None:
    assert fonts.winansi("Zoë Brontë – “café” …")
    assert not fonts.winansi("Łucja")
    assert not fonts.winansi("Nguyễn")
    assert not fonts.winansi("Ștefan")
    assert fonts.all_winansi({"a": ["Zoë", ("x", 1, None)]}, date(2025, 1, 1))
    assert not fonts.all_winansi({"a": ["Zoë", ("x", "Ołeś")]})
    assert not fonts.all_winansi({"Łódź": 1})


def test_each_document_chooses_its_own_fonts_on_worker_threads(store: Store) -> None:
    english = load(store, make_placement(store, sen=SenStatus.NONE))
    pupil = models.Pupil(
        upn="B123456789012", forename=PUPIL[0], surname=PUPIL[1], dob=date(2011, 1, 1), nc_year=9
    )
    polish = replace(english, pupil=pupil)
    records = [polish, english] * 4
    with ThreadPoolExecutor(max_workers=4) as pool:
        outputs = list(pool.map(render_referral, records))
    for record, data in zip(records, outputs, strict=True):
        used = base_fonts(data)
        assert ("DejaVuSans" in used) == (record is polish), used
        assert ("Helvetica" in used) == (record is english), used
    assert "Łucja Wójcik" in pdf_text(outputs[0])
    assert fonts.unicode_fonts() is False  # nothing is left behind outside a document


def test_the_plan_and_the_timetable_print_the_name_too(store: Store) -> None:
    placement_id = polish_pupil(store)
    with store.session() as s:
        plan = plan_pdf(s, placement_id, date(2025, 3, 1))
        placement = s.get(models.Placement, placement_id)
        assert placement is not None
        grid = full_week(load_structure(s))
        create_version(s, placement.pupil_id, START, grid)
        timetable = render_timetable(printout_for(s, placement.pupil_id, START), START)
    assert "Łucja Wójcik" in pdf_text(plan)
    assert "Łucja Wójcik's timetable" in pdf_text(timetable)
    for data in (plan, timetable):
        used = base_fonts(data)
        assert "DejaVuSans-Bold" in used and not any("Helvetica" in n for n in used), used
