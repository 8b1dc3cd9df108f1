"""The audit log speaks the reader's language about an LA send: field names translated, a pack's
waiting code and a send's stored reason worded, never shown raw."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from apdesk.i18n import set_locale
from apdesk.services.audit_log import AuditRow, describe_change
from apdesk.sync import outbox
from apdesk.sync.send_errors import RETRY, stored_error


@pytest.fixture
def polish() -> Iterator[None]:
    set_locale("pl_PL")
    yield
    set_locale("en_GB")


def _row() -> AuditRow:
    return AuditRow(
        1,
        datetime(2027, 1, 11, 9, 30, tzinfo=UTC),
        "coordinator",
        "update",
        "outboxitem",
        "0f1e",
        {"waiting": "", "last_error": stored_error(RETRY, "HTTP 503")},
        {"waiting": outbox.NO_ENDPOINT, "last_error": ""},
    )


def test_a_waiting_code_and_a_stored_reason_are_worded() -> None:
    text = describe_change(_row())
    assert "no-endpoint" not in text and "apdesk-error" not in text
    assert "Waiting for the LA's address: set it in File › Settings › LA connection" in text
    assert "Last error: Will try again: HTTP 503" in text


def test_in_polish_the_field_names_are_polish(polish: None) -> None:
    text = describe_change(_row())
    assert "Last error" not in text and "Waiting:" not in text
    assert "no-endpoint" not in text
    assert "Czeka na adres władz lokalnych: ustaw go w Plik › Ustawienia" in text


def _placement_change(before: dict[str, object], after: dict[str, object]) -> AuditRow:
    at = datetime(2027, 1, 11, 9, 30, tzinfo=UTC)
    return AuditRow(2, at, "coordinator", "update", "placement", "7", before, after)


def test_a_yes_or_no_reads_as_words(polish: None) -> None:
    text = describe_change(_placement_change({"out_of_area": False}, {"out_of_area": True}))
    assert "False" not in text and "True" not in text
    assert text.endswith("Nie → Tak")


def test_a_moment_moved_within_its_second_adds_no_line() -> None:
    """Saving a placement moves its 'updated at' by microseconds: nothing a reader could see."""
    text = describe_change(
        _placement_change(
            {"updated_at": "2027-01-11T09:30:01.100", "hours_per_week": 10},
            {"updated_at": "2027-01-11T09:30:01.900", "hours_per_week": 15},
        )
    )
    assert text == "Hours per week: 10 → 15"


def test_a_new_records_fields_read_in_the_order_of_their_words_without_the_empty_ones() -> None:
    row = AuditRow(
        3, datetime(2027, 1, 11, 9, 30, tzinfo=UTC), "coordinator", "create", "placement", "8",
        {}, {"start_date": "2027-01-11", "agreement_date": None, "category": "", "reasons": "SEMH"},
    )  # fmt: skip
    assert describe_change(row).splitlines() == ["Reasons: SEMH", "Start date: 11 January 2027"]
