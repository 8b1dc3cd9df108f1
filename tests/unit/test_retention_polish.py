"""In Polish, retention speaks Polish: what each period is, where it comes from, the records
past it, and why the audit log is never purged."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from tests.helpers.privacy import add_child

from apdesk.i18n import _
from apdesk.models import OutboxItem
from apdesk.models.enums import OutboxStatus, PackKind
from apdesk.models.errors import ValidationError
from apdesk.services import retention
from apdesk.store import Store

pytestmark = pytest.mark.usefixtures("polish")

TODAY = date(2040, 9, 1)
ENGLISH = ("source", "default", "year", "placement at", " on ", "pack delivered", " to ")


def test_every_period_and_its_source_read_in_polish(store: Store) -> None:
    with store.session() as s:
        retention.set_period(s, "outbox", 2)
    with store.session() as s:
        found = {rule.key: rule for rule in retention.rules(s)}
    assert found["pupils"].source_text() == "źródło: zestaw IRMS dla szkół (IRMS Toolkit)"
    assert found["attendance"].source_text().startswith("źródło: przepisy o rejestracji")
    assert found["outbox"].source_text() == (
        "ustawienie szkoły (zamiast 1 roku; domyślnie w apdesk)"
    )
    assert _(found["pupils"].title) == "Uczniowie skreśleni z listy"
    assert _(found["pupils"].counted_from) == "data urodzenia"
    for rule in found.values():
        words = f"{_(rule.title)} {_(rule.counted_from)} {rule.source_text()}"
        assert not any(english in words for english in ENGLISH), words


def test_the_records_past_their_period_are_named_in_polish(store: Store) -> None:
    with store.session() as s:
        add_child(s, 1, "Leaver", dob=date(2010, 1, 1), on_roll=False, ended=date(2026, 3, 1))
        s.add(
            OutboxItem(
                id="0123456789abcdef",
                kind=PackKind.PLACEMENT_END,
                status=OutboxStatus.DELIVERED,
                pack=b"",
                delivered_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
            )
        )
    with store.session() as s:
        queue = retention.review_queue(s, TODAY)
    labels = {rule: sorted(i.label for i in queue if i.rule == rule) for rule in retention.ROOTS}
    leaver = labels["pupils"][0]
    assert leaver.startswith("Leaver, Robin (")
    assert labels["placements"] == [
        f"{leaver}: umieszczenie w Riverside Centre 1 (od 8 września 2025 do 1 marca 2026)"
    ]
    assert labels["attendance"] == [
        f"{leaver}: kod / z dnia 6 października 2025, rano",
        f"{leaver}: kod B z dnia 6 października 2025, po poł.",
    ]
    assert labels["outbox"] == [
        "Pakiet „Zakończenie umieszczenia” dostarczony 2 marca 2026 (01234567)"
    ]
    for label in [text for texts in labels.values() for text in texts]:
        assert not any(english in label for english in ENGLISH), label


def test_the_audit_log_is_refused_for_purging_in_polish(store: Store) -> None:
    audit = retention.DueItem("audit", "auditevent", "1", "", date(2030, 1, 1))
    with store.session() as s, pytest.raises(ValidationError) as refused:
        retention.purge(s, [audit])
    said = str(refused.value)
    assert said.startswith("Rodzaj rekordu: rekordów „Zdarzenia dziennika audytu” nie można usunąć")
    assert "hasz" in said and "cannot be purged" not in said and "Audit rows" not in said
