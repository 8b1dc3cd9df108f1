"""Subject access: every record about the pupil, others' details flagged, the month's deadline."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from tests.helpers.privacy import add_child

from apdesk.documents import sar_pdf
from apdesk.models import Pupil
from apdesk.models.errors import ValidationError
from apdesk.services import sar
from apdesk.services.school import school_details
from apdesk.store import Store


@pytest.mark.parametrize(
    ("requested", "due"),
    [
        (date(2026, 3, 3), date(2026, 4, 3)),  # a Friday
        (date(2026, 1, 31), date(2026, 3, 2)),  # no 31 February: 28th is a Saturday -> Monday
        (date(2026, 12, 15), date(2027, 1, 15)),
        (date(2026, 10, 4), date(2026, 11, 4)),
    ],
)
def test_deadline_is_one_calendar_month(requested: date, due: date) -> None:
    assert sar.respond_by(requested) == due


def test_export_holds_everything_about_the_pupil_and_nobody_else(
    store: Store, tmp_path: Path
) -> None:
    with store.session() as s:
        child = add_child(s, 1, "Quillby")
        add_child(s, 2, "Otherchild")
    with store.session() as s:
        pupil = s.get(Pupil, child.id)
        assert pupil is not None
        pupil.preferred_name = "Rob"  # an update the audit log records
    with store.session() as s:
        access = sar.build(s, child.upn.lower(), date(2026, 3, 3))
        school = school_details(s)
    data = access.as_json()
    records = data["records"]
    for table in (
        "pupil",
        "contact",
        "placement",
        "attendancemark",
        "plan",
        "plantarget",
        "review",
        "voiceentry",
        "agencyinvolvement",
        "attachment",
    ):
        assert records[table], table
    assert len(records["attendancemark"]) == 2
    assert records["placement"][0]["provider_name"] == "Riverside Centre 1"
    assert records["attachment"][0]["content"].startswith("<18 bytes")
    assert "Otherchild" not in json.dumps(data)
    assert data["request"]["respond_by"] == "2026-04-03"
    actions = {(e["action"], e["record"].split()[0]) for e in data["audit_events"]}
    assert ("update", "pupil") in actions and ("create", "attendancemark") in actions
    flagged = {(f["field"], f["value"]) for f in data["third_party_for_redaction_review"]}
    assert ("name", "Sam Quillby-Parent") in flagged
    assert ("key_contact_name", "Jo Keyworker1") in flagged
    assert ("contact", "Dr Lee Clinician1") in flagged
    assert ("actor", store.actor) in flagged

    pdf = sar_pdf.render(access, school)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Subject access response" in text and "3 April 2026" in text
    assert "Sam Quillby-Parent" in text and "woodwork" in text
    assert "review for redaction" in text
    json_path, pdf_path = sar.write_files(access, pdf, tmp_path / "out")
    assert json.loads(json_path.read_text())["subject"]["upn"] == child.upn
    assert pdf_path.read_bytes() == pdf


def test_unknown_upn_names_the_field(store: Store) -> None:
    with store.session() as s, pytest.raises(ValidationError) as error:
        sar.build(s, "A123456789012", date(2026, 3, 3))
    assert error.value.field == "pupil"
