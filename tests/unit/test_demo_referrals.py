"""The demo's referral forms as a provider reads them: none contradicts its own placement
(a medical placement with no health needs, a risk assessment said attached with none, a pupil
with an EHC plan whose SEND needs say "None")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from sqlmodel import select
from tests.helpers.documents import pdf_text

from apdesk import models
from apdesk.documents.referral import render_referral
from apdesk.models.enums import AttachmentKind, SenStatus
from apdesk.models.stated import says_nothing
from apdesk.services import demo
from apdesk.services.placement_record import load_placement_record
from apdesk.services.placements import placement_warnings
from apdesk.store import KdfParams, Store

TODAY = date(2025, 3, 3)
ANSWERS = {"health_needs", "risk_assessment"}


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("demo-referrals") / "store"
    store, _recovery = Store.create(
        folder, "demo test passphrase", use_keyring=False, kdf=KdfParams.fast()
    )
    demo.populate(store, pupils=200, seed=7, today=TODAY)
    yield store
    store.lock()


def _placements(store: Store) -> list[tuple[models.Placement, models.Pupil]]:
    with store.session() as session:
        rows = session.exec(select(models.Placement, models.Pupil).join(models.Pupil)).all()
        return [(placement, pupil) for placement, pupil in rows]


def test_no_demo_placement_warns_of_a_contradicting_answer(demo_store: Store) -> None:
    with demo_store.session() as session:
        placements = session.exec(select(models.Placement)).all()
        found = {
            (placement.id, w.code)
            for placement in placements
            for w in placement_warnings(session, placement, TODAY)
            if w.code in ANSWERS
        }
    assert found == set()


def test_medical_demo_placements_record_health_needs_and_their_forms_say_so(
    demo_store: Store,
) -> None:
    medical = [(pl, p) for pl, p in _placements(demo_store) if "medical" in pl.reasons]
    assert len(medical) >= 3
    with demo_store.session() as session:
        texts = [
            pdf_text(render_referral(load_placement_record(session, placement.id or 0)))
            for placement, _pupil in medical[:4]
        ]
    for (placement, pupil), text in zip(medical, texts, strict=False):
        assert not says_nothing(placement.health_needs)
        assert pupil.health_needs == placement.health_needs  # the pupil's record says it too
        assert "None known" not in text and "Medical needs" in text


def test_each_demo_risk_assessment_is_attached_and_the_form_lists_it(demo_store: Store) -> None:
    rows = [(pl, p) for pl, p in _placements(demo_store) if pl.risk_assessment_date]
    assert len(rows) >= 30
    with demo_store.session() as session:
        records = [load_placement_record(session, pl.id or 0) for pl, _pupil in rows]
        text = pdf_text(render_referral(records[0]))
    for record in records:
        assert AttachmentKind.RISK_ASSESSMENT in {a.kind for a in record.attachments}
    assert "None attached" not in text and ": attached." in text
    assert "risk-assessment-" in text


def test_demo_ehc_plans_are_stored_and_described(demo_store: Store) -> None:
    with demo_store.session() as session:
        plans = {
            a.pupil_id
            for a in session.exec(select(models.Attachment)).all()
            if a.kind == AttachmentKind.EHC_PLAN
        }
    placed = _placements(demo_store)
    for placement, pupil in placed:
        needs_nothing = says_nothing(placement.send_needs) or "None" in placement.send_needs
        assert needs_nothing == (pupil.sen_status == SenStatus.NONE), placement.send_needs
        if placement.ehcp_attached:
            assert pupil.id in plans and pupil.sen_status == SenStatus.EHC_PLAN
    assert any(p.sen_status == SenStatus.EHC_PLAN for _pl, p in placed)


def test_demo_documents_are_readable_pdfs(demo_store: Store) -> None:
    with demo_store.session() as session:
        documents = session.exec(select(models.Attachment)).all()
        first = documents[0]
        assert first.mime_type == "application/pdf"
        text = pdf_text(first.content)
    assert text.startswith(("Risk assessment", "Education, Health and Care Plan"))
    assert len(documents) >= len(_placements(demo_store))


def test_demo_placement_notes_and_costs_fit_the_placement(demo_store: Store) -> None:
    """A note on Fridays only for a pupil there on Fridays; a day's transport cost only for a
    taxi or a bus pass, never for a walk, a parent's car or an online school."""
    placed = [placement for placement, _pupil in _placements(demo_store)]
    fridays = [pl for pl in placed if "Friday" in pl.session_times]
    assert fridays, "some demo placements have a Friday note"
    for placement in fridays:
        assert any(s.startswith("FRI_") for s in placement.sessions), placement.sessions
    costed = [pl for pl in placed if pl.transport_cost_pence]
    assert len(costed) >= 5
    for placement in costed:
        assert placement.transport.startswith(("Taxi", "Bus pass")), placement.transport
    with demo_store.session() as session:
        text = pdf_text(render_referral(load_placement_record(session, costed[0].id or 0)))
    assert re.search(r"\(cost £\d+\.\d\d a day\)", text)


def test_demo_categories_named_for_a_reason_have_that_reason(demo_store: Store) -> None:
    """An "Exclusion" or "Medical" placement lists exclusion or medical needs among its reasons
    (one was for SEND alone)."""
    placed = [placement for placement, _pupil in _placements(demo_store)]
    named = [pl for pl in placed if pl.category in ("exclusion", "medical")]
    assert {pl.category for pl in named} == {"exclusion", "medical"}
    for placement in named:
        assert placement.category in placement.reasons, (placement.category, placement.reasons)
