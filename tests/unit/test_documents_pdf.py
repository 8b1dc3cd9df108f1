"""The referral form and the parents' letter, rendered from a real store and read back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from tests.helpers.documents import START, make_placement, page_count, pdf_text

from apdesk import models
from apdesk.documents.formatting import sessions_pattern
from apdesk.documents.letter import render_parent_letter
from apdesk.documents.placement_data import PlacementRecord
from apdesk.documents.referral import APPENDIX_A_LABELS, render_referral
from apdesk.models.enums import (
    AttachmentKind,
    RegistrationStatus,
    SenStatus,
    SettingType,
)
from apdesk.services.attachments import add_attachment
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.letter_checks import letter_warnings
from apdesk.services.placement_record import load_placement_record
from apdesk.store import Store


@pytest.fixture
def record(store: Store) -> Iterator[PlacementRecord]:
    placement_id = make_placement(store)
    with store.session() as s:
        yield load_placement_record(s, placement_id)


def test_sessions_pattern_reads_as_plain_english() -> None:
    assert sessions_pattern(["WED_AM", "MON_PM", "MON_AM"]) == (
        "Monday morning and afternoon; Wednesday morning"
    )
    assert sessions_pattern(["nonsense", "FRI_PM"]) == "Friday afternoon"


def test_a_missing_placement_names_the_field(store: Store) -> None:
    with store.session() as s, pytest.raises(models.ValidationError) as caught:
        load_placement_record(s, 404)
    assert caught.value.field == "placement"
    assert "no placement 404" in str(caught.value)


def test_referral_has_every_appendix_a_label_and_the_values(record: PlacementRecord) -> None:
    text = pdf_text(render_referral(record))
    missing = [label for label in APPENDIX_A_LABELS if label not in text]
    assert missing == []
    for value in [
        "Fernhill Community College",
        "URN 123456",
        "Tamsin Okafor-Reid",
        "14 May 2011",
        "A123456789012",
        "Year 9",
        "EHC plan",
        "Mr O. Pike, Deputy head",
        "78.4%",
        "Daily mentor check-in",
        "Speech and language needs",
        "Asthma",
        "Early Help worker",
        "Has left site twice",
        "Risk assessment dated 20 February 2025",
        "Brookside Learning Centre",
        "14 Canal Street, Lowmoor, LM2 4QT",
        "Pupil referral unit",
        "12.5",
        "Monday morning and afternoon; Wednesday morning",
        "3 March 2025",
        "11 April 2025",
        "24 March 2025",
        "Notional SEND budget",
        "Taxi arranged by school (cost £45.00 a day)",
        "Complete the Entry Level 3 maths unit",
        "Weekly provider report",
        "Phased return from week 5",
        "Wants practical work",
        "Sought on 10 February 2025",
        "Parents agree",
        "Sought on 12 February 2025",
        "Online tutoring on Fridays",
        "Register each session at the provision with code B",
        "Yes, on 14 February 2025",
        "EHC plan: not attached — it must be attached",
        "OFFICIAL-SENSITIVE: contains personal information about a child",
        "Page 1 of",
    ]:
        assert value in text, value


def test_referral_lists_stored_attachments(store: Store) -> None:
    placement_id = make_placement(store)
    with store.session() as s:
        placement = s.get(models.Placement, placement_id)
        assert placement is not None
        add_attachment(
            s, placement.pupil_id, None, AttachmentKind.EHC_PLAN, b"%PDF-1.4 plan", "ehcp-2024.pdf"
        )
        add_attachment(s, placement.pupil_id, placement_id, "risk_assessment", b"ra", "ra.docx")
        record = load_placement_record(s, placement_id)
    text = pdf_text(render_referral(record))
    assert "EHC plan: ehcp-2024.pdf" in text
    assert "Risk assessment: ra.docx" in text
    assert "not attached" not in text


def test_empty_fields_say_not_recorded(store: Store) -> None:
    placement_id = make_placement(
        store,
        sen=SenStatus.NONE,
        exit_strategy="",
        child_voice="",
        child_voice_date=None,
        end_date=None,
        hours_per_week=0.0,
    )
    with store.session() as s:
        text = pdf_text(render_referral(load_placement_record(s, placement_id)))
    assert text.count("Not recorded") >= 4
    assert "Date sought: not recorded" in text
    assert "EHC plan attached" not in text  # only for a pupil with an EHC plan


def test_long_and_marked_up_text_wraps_onto_more_pages(store: Store) -> None:
    essay = "Needs <b>care</b> & patience at <transitions>. " * 400
    placement_id = make_placement(store, safety_info=essay, learning_outcomes="x" * 3000)
    with store.session() as s:
        data = render_referral(load_placement_record(s, placement_id))
    assert page_count(data) >= 4
    text = pdf_text(data)
    assert "Needs <b>care</b> & patience at <transitions>." in text
    assert "What is the exit strategy in place?" in text and "Page 4 of" in text


def test_letter_has_what_the_regulations_require(record: PlacementRecord) -> None:
    text = pdf_text(render_parent_letter(record, today=date(2025, 2, 24)))
    for value in [
        "24 February 2025",
        "Notice of an off-site direction for Tamsin Okafor-Reid",
        "Brookside Learning Centre",
        "14 Canal Street, Lowmoor",
        "LM2 4QT",
        "Ms Jo Fenn at reception",
        "17 school days",
        "Exclusion or risk of exclusion or suspension",
        "Social, emotional and mental health",
        "Complete the Entry Level 3 maths unit",
        "09:30 to 12:00, 13:00 to 15:00",
        "Monday morning and afternoon; Wednesday morning",
        "3 March 2025",
        "11 April 2025",
        "Your right to ask for a review",
        "in writing",
        "last 10 weeks",
        "09:30 to 15:00 (break 12:00 to 13:00)",
        "sent a copy of this notice to the local authority on 20 February 2025",
        "Mr O. Pike",
        "01632 960112, o.pike@fernhill.example",
    ]:
        assert value in text, value


def test_letter_goes_to_each_household_with_parental_responsibility(
    record: PlacementRecord,
) -> None:
    text = pdf_text(render_parent_letter(record, today=START))
    assert "Dear Mrs Ada Okafor," in text and "Dear Mr Leon Reid," in text
    assert "7 Wren Close" in text and "21 Tanners Row" in text
    assert "Aunt Bea" not in text
    assert text.count("Page 1 of") == 2  # each copy is numbered on its own


def test_a_placement_letter_without_a_direction(store: Store) -> None:
    placement_id = make_placement(store, off_site_direction=False, direction_days=0)
    with store.session() as s:
        text = pdf_text(render_parent_letter(load_placement_record(s, placement_id), START))
    assert "Alternative provision for Tamsin Okafor-Reid" in text
    assert "off-site direction" not in text
    assert "Ms Jo Fenn at reception" in text and "14 Canal Street" in text


def test_notice_one_school_day_before_the_start_is_warned(record: PlacementRecord) -> None:
    friday = date(2025, 2, 28)  # start is Monday 3 March: one school day later
    assert any("less than 2 school days" in w for w in letter_warnings(record, friday))
    assert letter_warnings(record, date(2025, 2, 27)) == []
    half_term = SchoolCalendar.of([(date(2025, 2, 24), date(2025, 2, 28))])
    assert letter_warnings(record, date(2025, 2, 21), half_term) != []


def test_missing_direction_details_are_warned(store: Store) -> None:
    placement_id = make_placement(store, reporting_to="", direction_days=0)
    with store.session() as s:
        warnings = letter_warnings(load_placement_record(s, placement_id), date(2025, 2, 1))
    assert len(warnings) == 1
    assert "who the pupil reports to" in warnings[0] and "the number of days" in warnings[0]


def test_sessions_pattern_reads_in_polish_too() -> None:
    from apdesk import i18n

    i18n.set_locale("pl_PL")
    try:
        text = sessions_pattern(["MON_AM", "MON_PM"])
    finally:
        i18n.set_locale(i18n.DEFAULT_LOCALE)
    assert " i " in text and " and " not in text and "Monday" not in text


def test_an_unregistered_provider_is_not_called_unregistered_twice(store: Store) -> None:
    placement_id = make_placement(store)

    def referral_as(kind: SettingType, status: RegistrationStatus) -> str:
        with store.session() as s:
            record = load_placement_record(s, placement_id)
            provider = s.get(models.Provider, record.provider.id)
            assert provider is not None
            provider.setting_type, provider.registration = kind, status
            s.add(provider)
            s.commit()
            text = pdf_text(render_referral(load_placement_record(s, placement_id)))
        return " ".join(text.split())

    assert "Pupil referral unit, Registered" in referral_as(
        SettingType.PRU, RegistrationStatus.REGISTERED
    )
    text = referral_as(SettingType.UNREGISTERED, RegistrationStatus.UNREGISTERED)
    assert "Unregistered provider" in text
    assert "Unregistered provider, Unregistered" not in text


@pytest.mark.usefixtures("polish")
def test_the_register_notice_explains_the_code_in_polish(record: PlacementRecord) -> None:
    text = " ".join(pdf_text(render_referral(record)).split())
    assert "kodem B (zatwierdzone zajęcia edukacyjne organizowane przez szkołę)" in text, text
    assert "arranged by the school" not in text
