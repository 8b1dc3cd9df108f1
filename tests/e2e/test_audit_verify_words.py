"""`apdesk audit verify` says what it found as the audit page does, in the reader's language,
its count grouped as they write numbers; a broken chain names the first event that differs."""

from __future__ import annotations

from sqlalchemy import update
from tests.helpers.cli_language import Run

from apdesk.models import AuditEvent, Setting
from apdesk.services.audit_log import chain_status
from apdesk.store import Store


def _long_log(store: Store) -> int:
    """Over a thousand events in the log; how many there are."""
    with store.session() as s:
        s.add_all(Setting(key=f"test.count.{i}", value=str(i)) for i in range(1030))
    with store.session() as s:
        return chain_status(s).rows


def test_the_count_is_grouped_and_in_polish(store: Store, polish_cli: Run) -> None:
    n = _long_log(store)
    code, out, _err = polish_cli("audit", "verify")
    assert code == 0
    said = out.strip().replace("\xa0", " ")
    grouped = f"{n // 1000} {n % 1000:03d}"
    assert said.startswith(f"Łańcuch dziennika audytu zweryfikowany: {grouped} zdarze")
    assert str(n) not in said and "chain" not in said


def test_the_count_is_grouped_in_english(store: Store, english_cli: Run) -> None:
    n = _long_log(store)
    code, out, _err = english_cli("audit", "verify")
    assert code == 0
    grouped = f"{n // 1000},{n % 1000:03d}"
    assert out.strip() == (
        f"Audit chain verified: {grouped} events, none altered, removed or reordered."
    )


def test_a_broken_chain_names_the_event_in_polish(store: Store, polish_cli: Run) -> None:
    _long_log(store)
    with store.session() as s:
        s.execute(update(AuditEvent).where(AuditEvent.id == 3).values(actor="someone-else"))  # type: ignore[arg-type]
    code, out, _err = polish_cli("audit", "verify")
    assert code == 1
    assert out.strip() == (
        "Łańcuch dziennika audytu przerwany przy zdarzeniu 3: dziennik został zmieniony."
    )
