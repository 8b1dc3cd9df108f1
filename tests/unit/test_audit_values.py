"""The audit log shows every value in the reader's words: numbers as their locale writes them
(25, not 25.0; 13,5 in Polish), a code from a fixed list as its label, a session as the
register says it, and a placement's week as its days."""

from __future__ import annotations

from sqlmodel import select
from tests.helpers.privacy import add_child

from apdesk.models import Attachment, Placement, Provider
from apdesk.models.enums import (
    AttachmentKind,
    DpsLot,
    NeedCategory,
    PlacementStatus,
    SheffieldCategory,
)
from apdesk.services import audit_log
from apdesk.store import Store


def _changed(store: Store) -> None:
    """A child with a placement and two marks; then the placement's hours, status, reasons
    and week are changed, as the placement form saves them."""
    with store.session() as s:
        add_child(s, 1, "Numberley")
    with store.session() as s:
        placement = s.exec(select(Placement)).one()
        placement.hours_per_week = 25.0
        placement.attendance_at_referral = 0.85
        s.add(placement)
    with store.session() as s:
        placement = s.exec(select(Placement)).one()
        placement.hours_per_week = 13.5
        placement.status = PlacementStatus.ENDED
        placement.reasons = [NeedCategory.SEMH.value, NeedCategory.EBSA.value]
        placement.sessions = ["MON_AM", "MON_PM", "WED_AM"]
        s.add(placement)
    with store.session() as s:
        attachment = s.exec(select(Attachment)).one()
        attachment.kind = AttachmentKind.EHC_PLAN
        s.add(attachment)
    with store.session() as s:
        provider = s.exec(select(Provider)).one()
        provider.categories = [SheffieldCategory.MEDICAL.value]
        provider.dps_lots = [DpsLot.HCPC_THERAPY.value]
        s.add(provider)


def _details(store: Store, entity: str) -> list[str]:
    """Each audit entry about `entity`, oldest first, as the details pane shows its fields."""
    with store.session() as s:
        rows = audit_log.search(s, audit_log.AuditFilter())
    return [audit_log.describe_change(r) for r in reversed(rows) if r.entity == entity]


def _lines(store: Store, entity: str) -> set[str]:
    return {line for text in _details(store, entity) for line in text.splitlines()}


def test_numbers_read_as_written_not_as_stored(store: Store) -> None:
    _changed(store)
    lines = _lines(store, "placement")
    assert "Hours per week: 0 → 25" in lines
    assert "Hours per week: 25 → 13.5" in lines
    assert "Attendance at referral: (empty) → 85.0%" in lines
    assert not [line for line in lines if ".0 " in line or line.endswith(".0")]


def test_numbers_read_with_the_polish_decimal_comma(store: Store, polish: None) -> None:
    _changed(store)
    lines = _lines(store, "placement")
    assert "Godzin tygodniowo: 25 → 13,5" in lines
    assert "Frekwencja w chwili skierowania: (puste) → 85,0%" in lines


def test_codes_read_as_their_labels(store: Store) -> None:
    _changed(store)
    placement = _lines(store, "placement")
    assert "Status: Active → Ended" in placement
    assert "Funding stream: School budget" in placement
    reasons = "Social, emotional and mental health, Emotionally based school avoidance"
    assert f"Reasons: (empty) → {reasons}" in placement
    assert "Sessions: (empty) → Monday morning and afternoon; Wednesday morning" in placement
    assert "Kind: Other document → EHC plan" in _lines(store, "attachment")
    marks = _lines(store, "attendancemark")
    assert {"Session: AM", "Session: PM", "Source: Recorded at school"} <= marks
    provider = _lines(store, "provider")
    assert "Categories offered: (empty) → Medical" in provider
    assert "DPS lots: (empty) → Lot 4: HCPC-registered therapy" in provider
    every = "\n".join(_details(store, "pupil") + _details(store, "placement"))
    for stored in ("active", "ended", "semh", "school_budget", "MON_AM", "[]", "ehc_plan"):
        assert stored not in every, stored


def test_codes_and_sessions_read_in_polish(store: Store, polish: None) -> None:
    _changed(store)
    placement = _lines(store, "placement")
    assert "Status: Aktywne → Zakończone" in placement
    marks = _lines(store, "attendancemark")
    assert {"Sesja: rano", "Sesja: po poł.", "Źródło: Zapisane w szkole"} <= marks
    assert "Rodzaj: Inny dokument → Plan EHC" in _lines(store, "attachment")
    every = "\n".join(_details(store, "placement") + _details(store, "attachment"))
    for english in ("Active", "Ended", "School budget", "Monday", "Other document", "AM"):
        assert english not in every, english
