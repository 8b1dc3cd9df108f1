"""Every column a person can read about has words, in their language: the audit log and a subject
access response name a field as a school office would, never by its column name."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import SQLModel
from tests.helpers.plans import END, make_placement

import apdesk.models  # noqa: F401  (every table registered in the metadata)
from apdesk.i18n import format_date
from apdesk.models.column_words import COLUMN_WORDS, IN_TABLE, column_label
from apdesk.models.enums import PlacementOutcome, PlacementStatus
from apdesk.models.errors import ValidationError
from apdesk.models.sharing import LOCAL_TABLES
from apdesk.services.audit_log import AuditFilter, describe_change, search
from apdesk.services.operations.placements import save_placement
from apdesk.services.operations.reviews import record_follow_up
from apdesk.services.placements import placement_input
from apdesk.services.school import SchoolDetails, save_school
from apdesk.store import Store

# The same in Polish as in English, and why.
SAME_IN_POLISH = {
    "upn": "UPN, the DfE's unique pupil number, is a code name in every language",
    "urn": "URN, the school's reference number, likewise",
    "ukprn": "UKPRN, the provider's register number, likewise",
    "status": "Status is the Polish word too",
    "logo": "Logo is the Polish word too",
    "device": "Laptop is the Polish word too",
}


def _shared_columns() -> dict[str, set[str]]:
    """Column name -> the shared tables that have it."""
    found: dict[str, set[str]] = {}
    for table in SQLModel.metadata.tables.values():
        if table.name not in LOCAL_TABLES:
            for column in table.columns:
                found.setdefault(column.name, set()).add(table.name)
    return found


def test_every_column_of_every_shared_table_has_words() -> None:
    missing = {
        name: tables for name, tables in _shared_columns().items() if name not in COLUMN_WORDS
    }
    assert not missing, f"columns with no words in column_words: {missing}"
    assert len(_shared_columns()) > 200  # the tables were found, not an empty metadata


def test_every_columns_words_are_polish(polish: None) -> None:
    untranslated = [
        name
        for name, words in COLUMN_WORDS.items()
        if column_label(name) == words and name not in SAME_IN_POLISH
    ] + [name for (table, name), words in IN_TABLE.items() if column_label(name, table) == words]
    assert not untranslated, f"no Polish for: {untranslated}"
    assert column_label("done_on") == "Data sprawdzenia"
    assert column_label("mark_date") == "Data"


def test_a_key_reads_as_words_never_as_its_code() -> None:
    """A key with no entry reads as its words; a refusal naming a column reads its label."""
    assert column_label("  review__interval ") == "Review interval"
    assert str(ValidationError("key_contact_phone", "is not a phone number")).startswith(
        "Contact phone: "
    )


def test_a_refusal_naming_a_column_reads_its_polish_words(polish: None) -> None:
    refused = ValidationError("attendance_at_referral", "jest poza zakresem")
    assert str(refused).startswith("Frekwencja w chwili skierowania: ")


def test_the_subject_access_labels_read_as_before() -> None:
    assert column_label("dob") == "Date of birth"
    assert column_label("completed_on") == "Answered on"
    assert column_label("scheduled_for") == "Planned for"
    assert column_label("safety_info") == "Keeping the pupil safe"
    assert column_label("superseded_by") == "Replaced by entry"
    assert column_label("actor") == "User"  # the people an audit row names, for redaction
    assert column_label("name", "contact") == "Full name"  # a person's
    assert column_label("name", "provider") == column_label("name", "term") == "Name"


def test_in_polish_a_person_has_a_full_name_and_a_provider_a_name(polish: None) -> None:
    assert column_label("name", "contact") == "Imię i nazwisko"
    assert column_label("name", "provider") == "Nazwa"


def _placement_ended_and_checked(store: Store) -> None:
    """A placement whose planned end moves a week on, then a return's 6-week check."""
    with store.session() as s:
        save_school(s, SchoolDetails(name="Test School", urn="123456", la_code="855", estab="4001"))
        active = make_placement(s).id or 0
        returned = make_placement(
            s, status=PlacementStatus.ENDED, ended_on=date(2025, 4, 4),
            outcome=PlacementOutcome.RETURNED,
        ).id or 0  # fmt: skip
    data = store.read(placement_input, active)
    data.end_date = END + timedelta(days=7)
    store.run(save_placement, active, data, date(2025, 2, 3))
    store.run(
        record_follow_up, None, returned, 6, done_on=date(2025, 5, 16), still_attending=True,
        note="", today=date(2025, 6, 1),
    )  # fmt: skip


def _changes(store: Store, entity: str) -> str:
    rows = store.read(search, AuditFilter())
    return "\n".join(describe_change(row) for row in rows if row.entity == entity)


def test_the_audit_log_in_polish_names_the_changed_fields_in_polish(
    store: Store, polish: None
) -> None:
    _placement_ended_and_checked(store)
    placement = _changes(store, "placement")
    moved = f"Data zakończenia: {format_date(END)} → {format_date(END + timedelta(days=7))}"
    assert moved in placement and "End date" not in placement
    follow_up = _changes(store, "followup")
    assert f"Data sprawdzenia: (puste) → {format_date(date(2025, 5, 16))}" in follow_up
    assert "Nadal uczęszcza: " in follow_up
    assert "Done on" not in follow_up and "Still attending" not in follow_up


def test_the_audit_log_in_english_reads_like_the_screens(store: Store) -> None:
    _placement_ended_and_checked(store)
    assert "End date: " in _changes(store, "placement")
    assert "Date checked: " in _changes(store, "followup")
