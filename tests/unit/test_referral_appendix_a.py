"""The referral form asks Appendix A's own questions, word for word and in the form's order."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from tests.helpers.documents import make_placement

from apdesk.documents.referral import (
    APPENDIX_A_LABELS,
    FORM_ATTACH,
    FORM_B_CODE,
    FORM_TITLE,
    render_referral,
)
from apdesk.services.placement_record import load_placement_record
from apdesk.store import Store

# Leicestershire Alternative Provision Strategy 2025-2028, Appendix A "Example AP Referral
# Form" (the placement sheet), as published: the questions in the order the form asks them.
SEED_QUESTIONS = [
    "School Name",
    "Pupil Name",
    "Pupil date of birth",
    "School key contact name, role and contact details",
    "Attendance at time of referral and details of any interventions",
    "Details of SEND needs",
    "Details of health needs",
    "Details of any support in place for the family",
    "Information required in order to keep the CYP safe (e.g. have they ever tried to abscond?)"
    " Details of any risk assessments should be added here.",
    "Name of alternative provision",
    "Number of hours child/young person will be attending per week",
    "Proposed start date",
    "Proposed end date",
    "What are the learning outcomes / success criteria for the placement?",
    "How will success be measured?",
    "What is the exit strategy in place?",
    "CYP and family voice",
    "Details of any other AP in place",
]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_labels_are_the_seed_forms_questions_in_order() -> None:
    """Appendix A: an LA recognises its form only if the questions are its own."""
    assert list(APPENDIX_A_LABELS) == SEED_QUESTIONS
    assert FORM_TITLE == "Alternative Provision – Placement Sheet"
    assert FORM_ATTACH == (
        "If the child or young person has relevant documentation such as an EHCP, it must be "
        "attached to this referral"
    )
    assert FORM_B_CODE == (
        "Please ensure that you are using a B code for any students being educated in "
        "alternative provision"
    )


def test_the_printed_form_asks_each_question_in_order(store: Store) -> None:
    placement_id = make_placement(store)
    with store.session() as s:
        pdf = render_referral(load_placement_record(s, placement_id))
    text = _flat(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    positions = [text.find(_flat(q)) for q in SEED_QUESTIONS]
    assert -1 not in positions, [
        q for q, at in zip(SEED_QUESTIONS, positions, strict=True) if at < 0
    ]
    assert positions == sorted(positions)
    assert _flat(FORM_TITLE) in text and _flat(FORM_ATTACH) in text
    assert _flat(FORM_B_CODE) in text  # the placement is coded B
    answers = re.search(r"CYP and family voice (.*?) Details of any other AP", text)
    assert answers and "Wants practical work" in answers[1] and "Parents agree" in answers[1]
    attendance = re.search(r"details of any interventions (.*?) Details of SEND", text)
    assert attendance and "78.4%" in attendance[1] and "Daily mentor" in attendance[1]
