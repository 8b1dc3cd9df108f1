"""Packs: signed, hashed, minimised, schema-valid, optionally encrypted to the LA."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import jsonschema
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlmodel import select

from apdesk.models import AuditEvent
from apdesk.models.errors import ValidationError
from apdesk.models.types import utcnow
from apdesk.store import Store
from apdesk.sync import connection, keys
from apdesk.sync.pack import BuiltPack, build_pack
from apdesk.sync.util import public_pem
from apdesk.sync.verify import PackError, verify_pack

SCHEMA = Path(__file__).parents[2] / "resources" / "schemas" / "notification-v1.schema.json"


def _build(
    store: Store, placement_id: int, kind: str = "placement-start", pdf: bytes | None = None
) -> tuple[BuiltPack, Ed25519PublicKey]:
    with store.session() as session:
        built = build_pack(session, placement_id, kind, referral_pdf=pdf, created_at=utcnow())
        public = keys.public_key(session)
    return built, public


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _rezip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_every_kind_validates_against_the_schema(store: Store, placement_id: int) -> None:
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    for kind in ("placement-start", "placement-change", "placement-end", "attendance-summary"):
        built, public = _build(store, placement_id, kind)
        validator.validate(built.notification)
        assert verify_pack(built.zip_bytes, public).notification == built.notification


def test_every_schema_property_is_described() -> None:
    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                assert "description" in sub, f"{path}.{name} has no description"
            for key, sub in node.items():
                walk(sub, f"{path}.{key}")

    walk(json.loads(SCHEMA.read_text()), "$")


def test_the_pack_holds_only_what_the_la_needs(store: Store, placement_id: int) -> None:
    built, _public = _build(store, placement_id, pdf=b"%PDF-1.4 synthetic")
    members = _members(built.zip_bytes)
    assert list(members) == [
        "notification.json",
        "referral.pdf",
        "manifest.json",
        "manifest.sig",
        "signer.pem",
    ]
    text = members["notification.json"].decode()
    assert "must never leave the school" not in text
    assert "health" not in json.loads(text)["pupil"]
    assert len(members["manifest.sig"]) == 64


def test_end_packs_carry_no_referral(store: Store, placement_id: int) -> None:
    built, _public = _build(store, placement_id, "placement-end", pdf=b"%PDF-1.4")
    assert "referral.pdf" not in _members(built.zip_bytes)


def test_a_changed_member_or_a_foreign_key_fails_verification(
    store: Store, placement_id: int
) -> None:
    built, public = _build(store, placement_id)
    members = _members(built.zip_bytes)
    altered = dict(members, **{"notification.json": members["notification.json"] + b" "})
    with pytest.raises(PackError, match="SHA-256"):
        verify_pack(_rezip(altered), public)
    with pytest.raises(PackError, match="signature"):
        verify_pack(built.zip_bytes, Ed25519PrivateKey.generate().public_key())
    extra = dict(members, **{"extra.txt": b"x"})
    with pytest.raises(PackError, match="not in the manifest"):
        verify_pack(_rezip(extra), public)
    with pytest.raises(PackError, match="zip"):
        verify_pack(b"not a zip", public)


def test_payload_is_encrypted_to_the_la_key(store: Store, placement_id: int) -> None:
    la = X25519PrivateKey.generate()
    with store.session() as session:
        connection.set_la_public_keys(session, public_pem(la.public_key()))
    built, public = _build(store, placement_id, pdf=b"%PDF-1.4 synthetic")
    members = _members(built.zip_bytes)
    assert set(members) == {
        "notification.json.hpke",
        "referral.pdf.hpke",
        "manifest.json",
        "manifest.sig",
        "signer.pem",
    }
    assert b"Testperson" not in built.zip_bytes
    manifest = json.loads(members["manifest.json"])
    assert manifest["encryption"]["kem"] == "DHKEM(X25519, HKDF-SHA256)"
    opened = verify_pack(built.zip_bytes, public, decrypt_with=la)
    assert opened.notification == built.notification
    assert opened.plaintext["referral.pdf"] == b"%PDF-1.4 synthetic"
    with pytest.raises(PackError, match="different LA key"):
        verify_pack(built.zip_bytes, public, decrypt_with=X25519PrivateKey.generate())


def test_a_pack_needs_the_school_identifiers(store: Store) -> None:
    from tests.helpers.sync_data import add_placement

    with store.session() as session:
        placement = add_placement(session)
    with pytest.raises(ValidationError, match="School"), store.session() as session:
        build_pack(
            session, placement.id or 0, "placement-start", referral_pdf=None, created_at=utcnow()
        )
    with pytest.raises(ValidationError, match="kind"), store.session() as session:
        build_pack(
            session, placement.id or 0, "placement-pause", referral_pdf=None, created_at=utcnow()
        )


def test_the_signing_key_lives_in_the_store_but_not_in_the_audit_log(
    store: Store, placement_id: int
) -> None:
    with store.session() as session:
        first = keys.signer_key_id(session)
        secret = keys.read_secret(session, keys.SIGNING_KEY)
    with store.session() as session:
        assert keys.signer_key_id(session) == first
        audit = " ".join(e.after for e in session.exec(select(AuditEvent)).all())
    assert secret and len(secret) == 64
    assert secret not in audit


def test_every_kind_of_provider_is_named_by_a_kind_schema_v1_lists() -> None:
    """Schema v1 is the LA's contract: a kind added since (a work-based placement) is sent as
    the v1 kind it belongs to (an unregistered provider), so the LA's inbox still accepts it."""
    from apdesk.models import Provider
    from apdesk.models.enums import SettingType
    from apdesk.sync.notification import _provider

    schema = json.loads(SCHEMA.read_text())
    listed = schema["properties"]["placement"]["properties"]["provider"]["properties"][
        "setting_type"
    ]["enum"]
    for kind in SettingType:
        sent = _provider(Provider(name="x", setting_type=kind))["setting_type"]
        assert sent in listed, kind
    assert _provider(Provider(name="x", setting_type=SettingType.WORK_BASED))["setting_type"] == (
        "unregistered"
    )
