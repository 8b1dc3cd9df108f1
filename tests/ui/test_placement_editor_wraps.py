"""The placement editor in Polish on a school laptop: every warning beside the form and the
LA notification's line show all their words, wrapped, none cut at the bottom."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot
from sqlmodel import select
from tests.helpers.clipping import cut_wrapped_items, short_wrapped_labels, usable
from tests.helpers.laptop_screens import SCREENS, report, settle

from apdesk.i18n import set_locale
from apdesk.models import Placement
from apdesk.services.demo import populate
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.placements.editor import PlacementEditor
from apdesk.ui.theme.apply import ThemeManager
from apdesk.ui.widgets.screen_fit import WANTED


def placement_ids(store: Store) -> list[int]:
    with store.session() as session:
        return [int(p.id or 0) for p in session.exec(select(Placement))]


@pytest.mark.parametrize("locale", ["pl_PL", "en_GB"])
def test_warnings_and_the_la_notification_wrap_whole(
    qtbot: QtBot, store: Store, ctx: AppContext, theme: ThemeManager, locale: str
) -> None:
    populate(store, pupils=12, seed=3)
    set_locale(locale)
    problems: dict[str, list[str]] = {}
    warned = 0
    for placement_id in placement_ids(store):
        dialog = PlacementEditor(ctx, placement_id)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda d=dialog: bool(d.panel.warnings) or d.panel.list.count() == 0)
        settle()
        warned += bool(dialog.panel.warnings)
        asked = dialog.property(WANTED)
        wanted = asked if isinstance(asked, QSize) else dialog.size()
        for width, height in SCREENS:
            dialog.resize(wanted.boundedTo(usable(width, height)))
            settle()
            found = cut_wrapped_items(dialog.panel) + short_wrapped_labels(dialog)
            if found:
                problems[f"{width}x{height} placement {placement_id}"] = found
        dialog.mark_saved()
        dialog.reject()
    assert warned >= 3  # enough warnings, long and short, to measure
    if problems:
        pytest.fail(report(problems), pytrace=False)
