"""The review and follow-up dialogs save through the one form flow: while a save is on its way
a second Save (Ctrl+S, Save on the way out) starts nothing more, and a refusal keeps the dialog
open with the error beside its field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from tests.helpers.editors import EDITORS
from tests.helpers.held_tasks import HeldTasks

from apdesk.services.demo import populate
from apdesk.store import Store
from apdesk.ui.core.context import AppContext


@pytest.fixture
def demo(store: Store) -> Store:
    populate(store, pupils=8, seed=4)
    return store


@pytest.mark.parametrize("name", ["review", "follow-up"])
def test_a_second_save_while_the_first_runs_starts_nothing(
    qtbot: QtBot, demo: Store, settings: QSettings, name: str
) -> None:
    tasks = HeldTasks()
    ctx = AppContext(demo.folder, tasks, settings, store=demo)
    dialog = EDITORS[name](ctx, demo)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    tasks.run_all()  # what the dialog reads as it opens
    if name == "follow-up":
        dialog.yes.setChecked(True)  # type: ignore[attr-defined]
    dialog.save()
    queued = len(tasks.held)
    assert queued and not dialog.save_button.isEnabled()  # type: ignore[attr-defined]
    dialog.save()
    assert len(tasks.held) == queued
    tasks.run_all()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled() or not dialog.isVisible())  # type: ignore[attr-defined]


def test_a_follow_up_is_not_answered_for_the_coordinator(
    qtbot: QtBot, demo: Store, settings: QSettings
) -> None:
    """Neither answer is ticked in advance; Save without one keeps the dialog open and says so
    beside the question, and nothing is recorded."""
    tasks = HeldTasks()
    ctx = AppContext(demo.folder, tasks, settings, store=demo)
    dialog = EDITORS["follow-up"](ctx, demo)
    qtbot.addWidget(dialog)
    dialog.show()
    tasks.run_all()
    assert not dialog.yes.isChecked() and not dialog.no.isChecked()  # type: ignore[attr-defined]
    dialog.save()
    assert not tasks.held and dialog.isVisible()
    shown = dialog.errors.labels["Still attending"].text()  # type: ignore[attr-defined]
    assert "choose Yes or No" in shown, shown
    dialog.no.setChecked(True)  # type: ignore[attr-defined]
    dialog.save()
    assert tasks.held
