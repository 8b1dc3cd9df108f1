"""The placement editor's pupil picker is read once and kept while pupils do not change: a
second editor offers the same list without reading it, a pupil added shows in the next editor,
and locking drops the list."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from apdesk.models.upn import make_upn
from apdesk.services.demo import populate
from apdesk.services.operations.pupils import add_pupil
from apdesk.services.pupils import PupilInput
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.kept_picks import kept_picks
from apdesk.ui.placements.editor import PlacementEditor


@pytest.fixture
def demo(store: Store) -> Store:
    populate(store, pupils=12, seed=3)
    return store


def _opened(qtbot: QtBot, ctx: AppContext) -> PlacementEditor:
    editor = PlacementEditor(ctx, None)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.sections.pupil.count() > 1)
    return editor


def _offered(editor: PlacementEditor) -> list[str]:
    box = editor.sections.pupil
    return [box.itemText(i) for i in range(box.count())]


def test_a_second_editor_offers_the_kept_pupils(qtbot: QtBot, demo: Store, ctx: AppContext) -> None:
    first = _opened(qtbot, ctx)
    assert kept_picks(ctx).picks is first.picks
    second = _opened(qtbot, ctx)
    assert second.picks is first.picks  # not read again
    assert _offered(second) == _offered(first)


def test_a_pupil_added_shows_in_the_next_editor(qtbot: QtBot, demo: Store, ctx: AppContext) -> None:
    first = _opened(qtbot, ctx)
    data = PupilInput(upn=make_upn(855, 9999, 12, 901), forename="Nia", surname="Aberdare",
                      dob=date(2012, 3, 14), nc_year=8)  # fmt: skip
    with qtbot.waitSignal(ctx.changed):
        ctx.op(add_pupil, data).run()
    assert kept_picks(ctx).picks is None
    second = _opened(qtbot, ctx)
    assert any("Aberdare" in text for text in _offered(second))
    assert second.picks is not first.picks


def test_locking_drops_the_kept_pupils(qtbot: QtBot, demo: Store, ctx: AppContext) -> None:
    _opened(qtbot, ctx)
    keeper = kept_picks(ctx)
    assert keeper.picks is not None
    ctx.locked.emit()
    assert keeper.picks is None
