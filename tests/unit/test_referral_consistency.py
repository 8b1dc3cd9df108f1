"""The referral form never contradicts its own placement: a placement for medical needs does
not print "None known" as its health needs, and the form says a risk assessment is attached
only when one is. Rendered from a real store and read back."""

from __future__ import annotations

import re
from datetime import date

import pytest
from tests.helpers.documents import make_placement, pdf_text

from apdesk.documents.referral import render_referral
from apdesk.models.enums import AttachmentKind, SenStatus
from apdesk.services.attachments import add_attachment
from apdesk.services.placement_record import load_placement_record
from apdesk.store import Store

CONTRADICTING = dict(
    reasons=["medical"],
    health_needs="None known",
    safety_info="No known risks; risk assessment attached",
    risk_assessment_date=date(2025, 2, 20),
)


def _referral(store: Store, attach: bool = False, **changes: object) -> str:
    placement_id = make_placement(store, sen=SenStatus.NONE, **{**CONTRADICTING, **changes})
    with store.session() as s:
        if attach:
            record = load_placement_record(s, placement_id)
            add_attachment(
                s,
                record.pupil.id or 0,
                placement_id,
                AttachmentKind.RISK_ASSESSMENT,
                b"ra",
                "ra.pdf",
            )
        return pdf_text(render_referral(load_placement_record(s, placement_id)))


def _answer(text: str, label: str, next_label: str) -> str:
    found = re.search(re.escape(label) + "(.*?)" + re.escape(next_label), text)
    assert found, label
    return found.group(1)


def test_medical_placement_never_prints_none_known_health_needs(store: Store) -> None:
    text = _referral(store)
    health = _answer(text, "Details of health needs", "Details of any support")
    assert "Medical needs" in text  # the reason the form gives
    assert "None known" not in text
    assert "Not recorded" in health and "medical needs" in health


def test_nothing_attached_means_no_risk_assessment_said_attached(store: Store) -> None:
    text = _referral(store)
    safety = _answer(text, "should be added here.", "Name of alternative provision")
    assert "No known risks" in safety
    assert "Risk assessment dated 20 February 2025: not attached." in safety
    assert not re.search(r"risk assessment attached|dated 20 February 2025: attached", text, re.I)
    assert "Attached documents None attached" in text


def test_an_attached_risk_assessment_is_said_attached_and_listed(store: Store) -> None:
    text = _referral(store, attach=True, health_needs="Epilepsy: care plan")
    safety = _answer(text, "should be added here.", "Name of alternative provision")
    assert "No known risks; risk assessment attached" in safety
    assert "Risk assessment dated 20 February 2025: attached." in safety
    assert "Risk assessment: ra.pdf" in text and "None attached" not in text
    assert "Epilepsy: care plan" in text


@pytest.mark.usefixtures("polish")
def test_the_polish_form_does_not_contradict_itself_either(store: Store) -> None:
    text = _referral(store)
    assert "None known" not in text and "risk assessment attached" not in text
    assert "Nie zapisano: umieszczenie wynika z potrzeb medycznych" in text
    assert "Ocena ryzyka z dnia 20 lutego 2025: nie załączono." in text
