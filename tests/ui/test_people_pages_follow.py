"""The pupils, providers, outbox and audit pages follow changes made anywhere: a page on screen
shows another page's change at once; a hidden page reads again once, when it is next shown, and
only if something it shows changed."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import Session
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.models.enums import AuditKind, AuditOutcome
from apdesk.models.types import utcnow
from apdesk.models.upn import make_upn
from apdesk.services.demo import populate
from apdesk.services.operations.placements import build_placement_pack
from apdesk.services.operations.providers import add_qa_audit, add_quality_concern
from apdesk.services.operations.pupils import add_contact, add_pupil
from apdesk.services.operations.security import set_retention_period
from apdesk.services.providers import list_providers
from apdesk.services.pupils import ContactInput, PupilInput, list_pupils
from apdesk.services.qa import AuditInput, ConcernInput
from apdesk.store import KdfParams, Store
from apdesk.sync.outbox import list_outbox
from apdesk.ui.audit.page import AuditPage
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.follow import Loader
from apdesk.ui.core.tasks import InlineTaskRunner
from apdesk.ui.outbox.page import OutboxPage
from apdesk.ui.outbox.sync_controller import SENT, SyncController
from apdesk.ui.providers.editor import ProviderEditor
from apdesk.ui.providers.page import ProvidersPage
from apdesk.ui.pupils.page import PupilsPage
from apdesk.ui.security.clipboard_guard import ClipboardGuard
from apdesk.ui.security.dialog import SecurityDialog


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One small demo school for the module (making it takes seconds); each test gets a copy."""
    folder = tmp_path_factory.mktemp("demo") / "store"
    made, _recovery = Store.create(folder, TEST_PASSPHRASE, kdf=KdfParams.fast(), use_keyring=False)
    populate(made, pupils=8, seed=5)
    made.lock()
    return folder


@pytest.fixture
def demo(demo_folder: Path, tmp_path: Path) -> Iterator[Store]:
    folder = tmp_path / "demo"
    shutil.copytree(demo_folder, folder)
    opened = Store.open(folder, passphrase=TEST_PASSPHRASE, use_keyring=False)
    yield opened
    opened.lock()


@pytest.fixture
def ctx(demo: Store, tasks: InlineTaskRunner, settings: QSettings) -> Iterator[AppContext]:
    """A context whose background failures fail the test (a refused change changes nothing,
    which would otherwise look like a page that did not follow)."""
    made = AppContext(demo.folder, tasks, settings, store=demo)
    failures: list[str] = []
    made.error.connect(failures.append)
    yield made
    assert failures == []


@pytest.fixture
def sync(ctx: AppContext) -> Iterator[SyncController]:
    """The sender every outbox view shares, stopped: no round starts behind a test's back."""
    controller = SyncController(ctx, watch_network=False)
    controller.stop()
    yield controller
    assert controller.shutdown(5_000)


def reads_of(loader: Loader[Any]) -> list[int]:
    """Count the reads a view's loader makes from now on."""
    reads: list[int] = []
    fetch = loader.fetch

    def counted(session: Session) -> Any:
        reads.append(1)
        return fetch(session)

    loader.fetch = counted
    return reads


def shown(qtbot: QtBot, page: QWidget) -> QWidget:
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def provider_id(store: Store, index: int = 0) -> int:
    return store.read(list_providers, date.today())[index].id


def new_pupil(serial: int) -> PupilInput:
    return PupilInput(
        upn=make_upn(855, 9999, 12, serial), forename="Nia", surname=f"Aberdare{serial}",
        dob=date(2012, 3, 14), nc_year=8,
    )  # fmt: skip


def concern() -> ConcernInput:
    return ConcernInput(date.today(), "Pupil left the site unsupervised", "DSL")


# Each page, a change it shows, and a change it does not show (None: it shows every kind).
Change = Callable[[AppContext, Store], None]


def add_a_pupil(ctx: AppContext, store: Store) -> None:
    serial = 900 + len(store.read(list_pupils))
    ctx.op(add_pupil, new_pupil(serial)).run()


def log_a_concern(ctx: AppContext, store: Store) -> None:
    ctx.op(add_quality_concern, provider_id(store), concern(), date.today()).run()


def add_a_contact(ctx: AppContext, store: Store) -> None:
    pupil = store.read(list_pupils)[0].id
    ctx.op(add_contact, pupil, ContactInput(name="Ms Synthetic Carer")).run()


def queue_a_pack(ctx: AppContext, store: Store) -> None:
    """A pack built and queued by hand for a placement that already has packs."""
    placement = next(r.placement_id for r in store.read(list_outbox) if r.placement_id)
    ctx.op(
        build_placement_pack, placement, "placement-change", created_at=utcnow(), queue=True
    ).run()


def change_a_period(ctx: AppContext, store: Store) -> None:
    ctx.op(set_retention_period, "outbox", 2).run()


PAGES: dict[str, tuple[Callable[[AppContext], QWidget], Change, Change | None]] = {
    "pupils": (PupilsPage, add_a_pupil, log_a_concern),
    "providers": (ProvidersPage, log_a_concern, add_a_contact),
    "outbox": (OutboxPage, queue_a_pack, log_a_concern),
    "audit": (AuditPage, add_a_contact, None),
}


@pytest.mark.parametrize("name", PAGES)
def test_a_hidden_page_reads_again_once_on_show_only_for_what_it_shows(
    qtbot: QtBot, ctx: AppContext, demo: Store, sync: SyncController, name: str
) -> None:
    make, shows, not_shown = PAGES[name]
    page = shown(qtbot, make(ctx))
    reads = reads_of(page.loader)  # type: ignore[attr-defined]
    page.hide()
    page.show()
    assert reads == [], "showing a page again reads nothing when nothing changed"
    if not_shown is not None:
        page.hide()
        not_shown(ctx, demo)
        page.show()
        assert reads == [], "a change to nothing the page shows does not refresh it"
    page.hide()
    shows(ctx, demo)
    shows(ctx, demo)
    assert reads == [], "a hidden page waits until it is shown"
    page.show()
    assert len(reads) == 1, "one read for everything that changed while it was hidden"
    page.hide()
    page.show()
    assert len(reads) == 1


def test_a_provider_renamed_on_its_page_shows_on_the_pupils_register(
    qtbot: QtBot, ctx: AppContext, demo: Store
) -> None:
    pupils = shown(qtbot, PupilsPage(ctx))
    assert isinstance(pupils, PupilsPage)
    placed = next(row for row in pupils.model.rows if row.in_ap_now)
    providers = ProvidersPage(ctx)
    qtbot.addWidget(providers)
    [target] = [row for row in providers.model.rows if row.name == placed.provider.split(", ")[0]]
    editor = providers.open_provider(target.id)
    qtbot.addWidget(editor)
    editor.binder.set("name", "Renamed Riverside Skills")
    editor.save()
    assert editor.message.text() == ""
    row = pupils.model.rows[pupils.model.row_of(placed.id)]
    assert "Renamed Riverside Skills" in row.provider  # no restart, no manual refresh
    assert not providers.isVisible()
    providers.show()  # the hidden directory catches up when shown
    assert any(r.name == "Renamed Riverside Skills" for r in providers.model.rows)


def test_a_pupil_edited_in_the_register_appears_in_the_audit_log_when_shown(
    qtbot: QtBot, ctx: AppContext, demo: Store
) -> None:
    audit = shown(qtbot, AuditPage(ctx))
    assert isinstance(audit, AuditPage)
    before = audit.model.rowCount()
    audit.hide()
    pupils = shown(qtbot, PupilsPage(ctx))
    assert isinstance(pupils, PupilsPage)
    row = pupils.model.rows[0]
    pupils.edit_pupil(row.id)
    editor = pupils.editor
    assert editor is not None
    editor.preferred_name.setText("Addie")
    with qtbot.waitSignal(editor.accepted):
        editor.save()
    assert audit.model.rowCount() == before, "hidden: not read yet"
    pupils.hide()
    audit.show()
    assert audit.model.rowCount() == before + 1
    newest = audit.model.row_at(0)
    assert newest.entity == "pupil" and newest.action == "update"
    assert "verified" in audit.chain.text()


def test_an_open_provider_editor_follows_changes_made_elsewhere(
    qtbot: QtBot, ctx: AppContext, demo: Store
) -> None:
    pid = provider_id(demo, 1)
    editor = ProviderEditor(ctx, pid)
    shown(qtbot, editor)
    editor.tabs.setCurrentWidget(editor.audits)
    audits = editor.audits.list.topLevelItemCount()
    data = AuditInput(AuditKind.SAFEGUARDING.value, date.today() - timedelta(days=3),
                      AuditOutcome.PASSED.value)  # fmt: skip
    ctx.op(add_qa_audit, pid, data, date.today()).run()  # recorded elsewhere (another window)
    assert editor.audits.list.topLevelItemCount() == audits + 1
    concerns = editor.concerns.list.topLevelItemCount()
    ctx.op(add_quality_concern, pid, concern(), date.today()).run()
    assert editor.concerns.list.topLevelItemCount() == concerns, "hidden tab: not yet"
    editor.tabs.setCurrentWidget(editor.concerns)
    assert editor.concerns.list.topLevelItemCount() == concerns + 1

    other = ProviderEditor(ctx, pid)  # a second editor of the same provider renames it
    qtbot.addWidget(other)
    other.binder.set("name", "Renamed Elsewhere")
    other.save()
    assert editor.binder.get("name") == "Renamed Elsewhere"  # nothing typed: the form follows
    editor.binder.set("notes", "typed, not saved yet")
    other.binder.set("name", "Renamed Again")
    other.save()
    assert editor.binder.get("name") == "Renamed Elsewhere"  # typed input is never overwritten
    assert editor.binder.get("notes") == "typed, not saved yet"


def test_the_open_retention_tab_follows_a_period_changed_elsewhere(
    qtbot: QtBot, ctx: AppContext, demo: Store
) -> None:
    dialog = SecurityDialog(ctx, ClipboardGuard(ctx))
    shown(qtbot, dialog)
    dialog.tabs.setCurrentWidget(dialog.retention)
    rules = dialog.retention.rules
    outbox_row = next(
        r for r in range(rules.rowCount()) if "notification" in rules.item(r, 0).text()
    )
    assert rules.cellWidget(outbox_row, 1).value() == 1  # type: ignore[attr-defined]
    change_a_period(ctx, demo)
    assert rules.cellWidget(outbox_row, 1).value() == 2  # type: ignore[attr-defined]


def test_sending_starts_on_a_queued_change_but_never_on_its_own_news(
    qtbot: QtBot, ctx: AppContext, demo: Store
) -> None:
    controller = SyncController(ctx, watch_network=False)
    try:
        controller._settle.stop()
        ctx.changed.emit(SENT, controller)  # what a round reports about itself
        assert not controller._settle.isActive(), "a round must not start another round"
        queue_a_pack(ctx, demo)  # a pack queued by a person
        assert controller._settle.isActive()
        log_a_concern(ctx, demo)
        controller._settle.stop()
        log_a_concern(ctx, demo)  # nothing to do with the outbox
        assert not controller._settle.isActive()
    finally:
        assert controller.shutdown(5_000)
