"""A Polish school's LA connection and outbox speak Polish: a wrong address, a pack that is not
in the outbox, a reply that is not a receipt, a damaged pack and a chain cut short."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlmodel import Session

from apdesk.models.errors import ValidationError
from apdesk.store import Store
from apdesk.sync import connection, outbox
from apdesk.sync.receipt import ReceiptError, check_receipt
from apdesk.sync.verify import PackError, verify_pack
from apdesk.sync.witness import check_against

pytestmark = pytest.mark.usefixtures("polish")


def refusal(store: Store, call: Callable[[Session], object]) -> str:
    """The text a person is shown when `call` is refused."""
    with store.session() as s, pytest.raises(ValidationError) as refused:
        call(s)
    return str(refused.value)


def test_the_la_address_and_the_outbox_refuse_in_polish(store: Store) -> None:
    said = refusal(store, lambda s: connection.set_endpoint(s, "la.example"))
    assert "„la.example” nie jest adresem internetowym (podaj go jako https://host/ścieżka)" in said
    said = refusal(store, lambda s: connection.set_endpoint(s, "http://la.example/apdesk"))
    assert "używa zwykłego http://, który wysłałby dane uczniów bez ochrony" in said
    said = refusal(store, lambda s: outbox.get_item(s, "0123456789abcdef"))
    assert "w skrzynce nadawczej nie ma pakietu 0123456789abcdef" in said


def test_a_bad_reply_or_pack_is_named_in_polish() -> None:
    with pytest.raises(ReceiptError) as caught:
        check_receipt({"pack_id": "x"}, "x", "0" * 64, None)
    assert str(caught.value) == "odpowiedź LA nie jest potwierdzeniem odbioru"
    with pytest.raises(PackError) as refused:
        verify_pack(b"PK\x03\x04 not really a zip")
    assert str(refused.value).startswith("pakiet odrzucono: ")


def test_a_chain_cut_short_is_named_in_polish(store: Store) -> None:
    receipts: list[object] = [
        "not a receipt",
        {"pack_id": "p1", "received_at": "2026-03-02", "audit": {"count": 5000, "head": "x"}},
    ]
    with store.session() as s:
        report = check_against(s, receipts, None)
    assert report.problems[0] == "potwierdzenie 1 nie jest potwierdzeniem odbioru"
    assert report.problems[1].startswith(
        "obcięty: LA poświadczyło 5000 wierszy dziennika audytu z pakietem p1 (2026-03-02); "
        "łańcuch ma teraz "
    )
