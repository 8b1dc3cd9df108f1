"""A sharing round's outcome reads in the reader's language, in the status bar and from
`apdesk share sync` alike, never as its code ("in-step")."""

from __future__ import annotations

import pytest

from apdesk.share.engine import FAILED, HELD, IN_STEP, OFFLINE, REVOKED, state_words


@pytest.mark.usefixtures("polish")
def test_every_outcome_reads_in_polish() -> None:
    assert state_words(IN_STEP) == "Współdzielenie: zsynchronizowano"
    said = [state_words(state) for state in (IN_STEP, OFFLINE, HELD, REVOKED, FAILED)]
    assert len(set(said)) == 5
    assert not any("Shared" in words or "-" in words for words in said), said


def test_an_unknown_outcome_still_reads_as_sharing() -> None:
    assert state_words("mystery") == "Shared"
    assert state_words(OFFLINE) == "Shared: hub not reachable"
