"""A Polish school's laptop words the LA inbox's refusals in Polish: the inbox answers a code
(and a failed check's words and values) beside its English sentence, and each laptop that reads
the shared outbox row words it in its own user's language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.helpers.outbox import queue_pack_for, shown_problem
from tests.helpers.sync_data import TOKEN
from tests.helpers.sync_harness import FaultProxy, Inbox

from apdesk.i18n import set_locale
from apdesk.services.operations.settings import set_la_token
from apdesk.store import Store
from apdesk.sync import connection, sender
from apdesk.sync.sender import SendPolicy


@pytest.fixture
def polish_then_english() -> Iterator[None]:
    set_locale("pl_PL")
    yield
    set_locale("en_GB")


@pytest.mark.usefixtures("polish_then_english")
def test_a_refused_token_reads_in_each_readers_language(
    connected: Store, proxy: FaultProxy, placement_id: int, policy: SendPolicy
) -> None:
    connected.run(set_la_token, connection.token_account(connected), "a-token-the-la-never-issued")
    pack_id = queue_pack_for(connected, placement_id)
    [outcome] = sender.drain(connected, policy).outcomes
    polish = (
        "LA odrzuciło token szkoły (LA nie ma szkoły zarejestrowanej z tym tokenem): ustaw "
        "nowy w Plik › Ustawienia › Połączenie z władzami lokalnymi"
    )
    assert outcome.message == polish
    assert shown_problem(connected, pack_id) == polish
    set_locale("en_GB")  # another laptop reading the same shared row, in English
    assert shown_problem(connected, pack_id) == (
        "The LA rejected the school's token (the LA has no school registered with that token): "
        "set a new one in File › Settings › LA connection"
    )


@pytest.mark.usefixtures("polish_then_english")
def test_a_pack_that_fails_the_las_check_is_said_in_polish(
    connected: Store, inbox: Inbox, placement_id: int, policy: SendPolicy
) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from apdesk.sync.inbox.db import register_school
    from apdesk.sync.util import public_pem

    other = public_pem(Ed25519PrivateKey.generate().public_key())
    register_school(inbox.engine, "123456", other, TOKEN)
    queue_pack_for(connected, placement_id)
    [outcome] = sender.drain(connected, policy).outcomes
    assert outcome.message == (
        "LA odrzuciło pakiet (podpis manifestu nie pasuje do klucza szkoły): sprawdź, czy klucz "
        "szkoły to ten zarejestrowany przez LA, i zbuduj pakiet ponownie"
    )


@pytest.mark.usefixtures("polish_then_english")
def test_an_la_that_does_not_answer_is_said_in_polish(
    store: Store, placement_id: int, policy: SendPolicy
) -> None:
    with store.session() as session:
        connection.set_endpoint(session, "http://127.0.0.1:9")
    store.run(set_la_token, connection.token_account(store), TOKEN)
    queue_pack_for(store, placement_id)
    report = sender.drain(store, policy)
    assert report.exit_code == 3
    assert report.unreachable.startswith(
        "Serwer LA nie odpowiedział pod adresem http://127.0.0.1:9"
    )


@pytest.mark.usefixtures("polish_then_english")
def test_the_inbox_answers_in_english_with_the_words_to_translate(
    inbox: Inbox, store: Store, placement_id: int
) -> None:
    """The LA's own sentence stays English even in a Polish process; the laptop words it."""
    import httpx

    headers = {
        "Authorization": f"Bearer {TOKEN}",
        "Idempotency-Key": "0" * 8 + "-0000-4000-8000-" + "0" * 12,
    }
    answer = httpx.post(f"{inbox.url}/v1/packs", content=b"PK not a zip", headers=headers).json()
    assert answer["code"] == "pack-check" and answer["error"].startswith("the pack is refused: ")
    assert answer["words"] == "the pack is refused: {problem}"
