"""Attachments live inside the encrypted store: added, listed, read back, refused when too big."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from apdesk import models
from apdesk.models.enums import AttachmentKind
from apdesk.services import attachments
from apdesk.services.attachments import (
    add_attachment,
    attachments_for_placement,
    get_attachment_bytes,
    list_attachments,
    remove_attachment,
)
from apdesk.store import Store


@pytest.fixture
def ids(store: Store) -> tuple[int, int, int]:
    """A pupil with two placements: (pupil, placement, other placement)."""
    with store.session() as s:
        pupil = models.Pupil(
            upn="A123456789012", forename="Rowan", surname="Hale", dob=date(2012, 1, 2)
        )
        provider = models.Provider(name="Hilltop Tutors")
        s.add(pupil)
        s.add(provider)
        s.flush()
        first = models.Placement(pupil_id=pupil.id or 0, provider_id=provider.id or 0)
        second = models.Placement(pupil_id=pupil.id or 0, provider_id=provider.id or 0)
        s.add(first)
        s.add(second)
        s.flush()
        return pupil.id or 0, first.id or 0, second.id or 0


def test_a_file_is_copied_into_the_store(
    store: Store, ids: tuple[int, int, int], tmp_path: Path
) -> None:
    pupil, placement, _other = ids
    source = tmp_path / "Risk assessment.pdf"
    source.write_bytes(b"%PDF-1.7 risk")
    with store.session() as s:
        info = add_attachment(s, pupil, placement, AttachmentKind.RISK_ASSESSMENT, source)
    assert (info.filename, info.size, info.mime_type) == (
        "Risk assessment.pdf",
        13,
        "application/pdf",
    )
    source.unlink()  # the store keeps its own copy
    with store.session() as s:
        assert get_attachment_bytes(s, info.id) == b"%PDF-1.7 risk"
        listed = list_attachments(s, pupil_id=pupil)
    assert [(a.label, a.filename, a.size) for a in listed] == [
        ("Risk assessment", "Risk assessment.pdf", 13)
    ]


def test_bytes_need_a_name_and_paths_are_stripped(store: Store, ids: tuple[int, int, int]) -> None:
    pupil, _placement, _other = ids
    with store.session() as s:
        with pytest.raises(models.ValidationError) as caught:
            add_attachment(s, pupil, None, "other", b"data")
        assert caught.value.field == "filename"
        info = add_attachment(s, pupil, None, "other", b"data", "C:\\Users\\x\\letter.txt")
    assert info.filename == "letter.txt"


def test_too_big_is_refused_with_the_limit(
    store: Store, ids: tuple[int, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    pupil, _placement, _other = ids
    monkeypatch.setattr(attachments, "MAX_BYTES", 1024)
    with store.session() as s, pytest.raises(models.ValidationError) as caught:
        add_attachment(s, pupil, None, "other", b"x" * 2048, "scan.tiff")
    assert caught.value.field == "file"
    assert "over the" in caught.value.message and "smaller copy" in caught.value.fix
    with store.session() as s:
        assert list_attachments(s, pupil_id=pupil) == []


def test_bad_input_names_the_field(store: Store, ids: tuple[int, int, int], tmp_path: Path) -> None:
    pupil, _placement, other = ids
    cases = [
        (dict(pupil_id=999, placement_id=None, kind="other", source=b"x", filename="a"), "pupil"),
        (
            dict(pupil_id=pupil, placement_id=999, kind="other", source=b"x", filename="a"),
            "placement",
        ),
        (
            dict(pupil_id=pupil, placement_id=other, kind="selfie", source=b"x", filename="a"),
            "kind",
        ),
        (dict(pupil_id=pupil, placement_id=None, kind="other", source=b"", filename="a"), "file"),
        (
            dict(
                pupil_id=pupil,
                placement_id=None,
                kind="other",
                source=tmp_path / "nope.pdf",
                filename=None,
            ),
            "file",
        ),
    ]
    with store.session() as s:
        for kwargs, field in cases:
            with pytest.raises(models.ValidationError) as caught:
                add_attachment(s, **kwargs)  # type: ignore[arg-type]
            assert caught.value.field == field
        with pytest.raises(models.ValidationError):
            get_attachment_bytes(s, 12345)


def test_a_referral_takes_its_own_files_and_the_ehc_plan(
    store: Store, ids: tuple[int, int, int]
) -> None:
    pupil, placement, other = ids
    with store.session() as s:
        add_attachment(s, pupil, other, AttachmentKind.EHC_PLAN, b"plan", "ehcp.pdf")
        add_attachment(s, pupil, other, AttachmentKind.MEDICAL_LETTER, b"gp", "gp.pdf")
        add_attachment(s, pupil, placement, AttachmentKind.RISK_ASSESSMENT, b"ra", "ra.pdf")
        general = add_attachment(s, pupil, None, AttachmentKind.OTHER, b"o", "note.txt")
        row = s.get(models.Placement, placement)
        assert row is not None
        names = [a.filename for a in attachments_for_placement(s, row)]
        assert sorted(names) == ["ehcp.pdf", "note.txt", "ra.pdf"]
        remove_attachment(s, general.id)
        assert [a.filename for a in list_attachments(s, placement_id=other)] == [
            "ehcp.pdf",
            "gp.pdf",
        ]
        assert len(list_attachments(s, pupil_id=pupil)) == 3
