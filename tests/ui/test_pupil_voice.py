"""A pupil's record lists what the child and family said once each, even when the same words
were recorded on two placements running side by side, and names whose placement they are on."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot
from tests.helpers import plans

from apdesk.models.enums import VoiceOf
from apdesk.services.plans import VoiceInput, add_voice
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.pupils.detail import PupilDetailPanel

REVIEW = "Pleased with progress; would like a phased return to start soon."
WEEK_ONE = "Likes the small group; still worried about maths."


@pytest.fixture
def two_placements(store: Store) -> int:
    """Zara: at two providers at once, a review of both writing the family's words on each."""
    with store.session() as s:
        pupil = plans.make_pupil(s, "Fairbank")
        first = plans.make_placement(s, pupil)
        second = plans.make_placement(s, pupil)
        provider = s.get(plans.Provider, second.provider_id)
        assert provider is not None
        provider.name = "Oak Farm Project"
        for placement in (first, second):
            family = VoiceInput(VoiceOf.FAMILY, date(2026, 8, 28), "Review meeting", REVIEW)
            add_voice(s, placement.id or 0, family)
        child = VoiceInput(VoiceOf.CHILD, date(2026, 7, 24), "Conversation with key worker",
                           WEEK_ONE)  # fmt: skip
        add_voice(s, first.id or 0, child)
        return pupil.id or 0


def test_each_thing_said_shows_once_naming_the_placements(
    qtbot: QtBot, ctx: AppContext, two_placements: int
) -> None:
    panel = PupilDetailPanel(ctx)
    qtbot.addWidget(panel)
    panel.load(two_placements)
    qtbot.waitUntil(lambda: panel.view is not None)
    lines = panel.voice.text().split("\n\n")  # newest first; placements as the record lists
    assert lines == [
        "28 August 2026 · Family (Review meeting) · Oak Farm Project, Riverside Learning Centre: "
        + REVIEW,
        "24 July 2026 · Child (Conversation with key worker) · Riverside Learning Centre: "
        + WEEK_ONE,
    ]
