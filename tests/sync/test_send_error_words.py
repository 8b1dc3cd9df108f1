"""Why a pack waits is kept on the shared outbox row as a code and worded for whoever reads it,
in their language; a reason stored in English before codes still shows as it was."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.helpers.outbox import queue_pack_for, shown_problem
from tests.helpers.sync_harness import FaultProxy

from apdesk.i18n import set_locale
from apdesk.models import OutboxItem
from apdesk.store import Store
from apdesk.sync import sender
from apdesk.sync.sender import SendPolicy


@pytest.fixture
def english_after() -> Iterator[None]:
    yield
    set_locale("en_GB")


def test_a_retry_reads_in_the_readers_language_and_old_text_as_it_was(
    connected: Store,
    proxy: FaultProxy,
    placement_id: int,
    policy: SendPolicy,
    english_after: None,
) -> None:
    pack_id = queue_pack_for(connected, placement_id)
    proxy.faults = ["503"] * policy.attempts
    sender.drain(connected, policy)
    english = shown_problem(connected, pack_id)
    assert english.startswith("Will try again: ") and "503" in english
    set_locale("pl_PL")
    polish = shown_problem(connected, pack_id)
    assert "503" in polish and not polish.startswith("Will try again")

    with connected.session() as session:  # a reason stored by an older apdesk, in English
        item = session.get(OutboxItem, pack_id)
        assert item is not None
        item.last_error = "will try again: the LA's server answered 503"
        session.add(item)
    assert shown_problem(connected, pack_id) == "will try again: the LA's server answered 503"
