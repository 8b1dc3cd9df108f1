"""Views follow change sets: refresh when a kind they show changed, at once or on next show."""

from __future__ import annotations

import threading

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import Session, select

from apdesk.models import Provider, Pupil
from apdesk.models.kinds import Kind
from apdesk.store import Store
from apdesk.store.changes import Changes
from apdesk.store.operations import operation
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.follow import ChangeFollower, Loader
from apdesk.ui.core.tasks import ThreadTaskRunner


@operation
def add_provider(session: Session, name: str) -> int:
    provider = Provider(name=name)
    session.add(provider)
    session.flush()
    return provider.id or 0


class ProvidersView(QWidget):
    def __init__(self, ctx: AppContext, kinds: list[Kind], skip_own: bool = False) -> None:
        super().__init__()
        self.seen: list[Changes] = []
        self.follower = ChangeFollower(self, ctx, kinds, self.seen.append, skip_own=skip_own)


def test_a_visible_view_refreshes_when_a_kind_it_shows_changes(
    qtbot: QtBot, ctx: AppContext
) -> None:
    shows, other = ProvidersView(ctx, [Kind.PROVIDER]), ProvidersView(ctx, [Kind.PUPIL])
    for view in (shows, other):
        qtbot.addWidget(view)
        view.show()
    ids: list[int] = []
    ctx.op(add_provider, "Riverside Skills").success(ids.append).run()
    assert ids and [c.created[Kind.PROVIDER] for c in shows.seen] == [frozenset(ids)]
    assert other.seen == []


def test_a_hidden_view_refreshes_once_when_shown(qtbot: QtBot, ctx: AppContext) -> None:
    view = ProvidersView(ctx, [Kind.PROVIDER])
    qtbot.addWidget(view)
    ctx.op(add_provider, "Riverside Skills").run()
    ctx.op(add_provider, "Oakfield Tutors").run()
    assert view.seen == []
    view.show()
    assert len(view.seen) == 1 and len(view.seen[0].created[Kind.PROVIDER]) == 2
    view.hide()
    view.show()
    assert len(view.seen) == 1  # nothing new: no second refresh


def test_a_view_that_shows_its_own_result_skips_its_own_change(
    qtbot: QtBot, ctx: AppContext
) -> None:
    view = ProvidersView(ctx, [Kind.PROVIDER], skip_own=True)
    qtbot.addWidget(view)
    view.show()
    ctx.op(add_provider, "Riverside Skills").source(view).run()
    assert view.seen == []
    ctx.op(add_provider, "Oakfield Tutors").run()  # someone else's change
    assert len(view.seen) == 1


def test_a_loader_absorbs_reloads_asked_while_reading(
    qtbot: QtBot, ctx: AppContext, store: Store, settings: QSettings
) -> None:
    """Three reloads while one read runs make one more read, not three, and one show."""
    runner = ThreadTaskRunner()
    threaded = AppContext(store.folder, runner, settings, store=store)
    gate = threading.Event()
    shown: list[list[str]] = []
    reads: list[int] = []

    def names(session: Session) -> list[str]:
        reads.append(1)
        gate.wait(10)
        return [p.name for p in session.exec(select(Provider)).all()]

    loader: Loader[list[str]] = Loader(threaded, names, shown.append)
    loader.reload()
    store.run(add_provider, "Riverside Skills")
    for _ in range(3):
        loader.reload()
    gate.set()
    qtbot.waitUntil(lambda: bool(shown) and not loader.running, timeout=5000)
    runner.shutdown()
    assert len(reads) == 2
    assert shown == [["Riverside Skills"]]


def test_reads_in_views_cannot_write(qtbot: QtBot, ctx: AppContext) -> None:
    failures: list[BaseException] = []

    def writes(session: Session) -> None:
        session.add(Pupil(upn="A", forename="Ada", surname="Ash"))
        session.flush()

    ctx.query(writes).failure(failures.append).run()
    assert failures and "read tried to write Pupil" in str(failures[0])
