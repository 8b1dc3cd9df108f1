"""The pupil register page: search as you type, filters, sorting, the detail panel, documents."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfWriter
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlmodel import select

from apdesk.models import Placement, Provider
from apdesk.models.enums import AttachmentKind, PlacementStatus, SenStatus
from apdesk.models.upn import make_upn
from apdesk.services.attachments import list_attachments
from apdesk.services.demo import populate
from apdesk.services.operations.pupils import add_contact, add_pupil
from apdesk.services.pupils import ContactInput, PupilInput, PupilRow, list_pupils
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.tasks import InlineTaskRunner, ThreadTaskRunner
from apdesk.ui.pupils.model import (
    COL_NAME,
    COL_YEAR,
    ID_ROLE,
    ROW_ROLE,
    PupilFilterProxy,
    PupilTableModel,
)
from apdesk.ui.pupils.page import PupilsPage
from apdesk.ui.widgets.pdf_preview import PdfPreviewDialog


@pytest.fixture
def demo(store: Store) -> Store:
    populate(store, pupils=24, seed=5)
    return store


@pytest.fixture
def page(qtbot: QtBot, demo: Store, ctx: AppContext) -> PupilsPage:
    made = PupilsPage(ctx)
    qtbot.addWidget(made)
    made.resize(1100, 700)
    made.show()
    qtbot.waitExposed(made)
    return made


def shown_rows(page: PupilsPage) -> list[PupilRow]:
    proxy = page.proxy
    return [proxy.index(r, 0).data(ROW_ROLE) for r in range(proxy.rowCount())]


def test_the_model_and_proxy_keep_qt_rules(qtmodeltester, page: PupilsPage) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(page.model)
    model = PupilTableModel()
    model.set_rows(page.model.rows)
    proxy = PupilFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter(search="a", sen_status=SenStatus.NONE)
    qtmodeltester.check(proxy)


def test_the_page_lists_every_pupil_with_a_count(page: PupilsPage) -> None:
    assert page.model.rowCount() == 24
    assert page.count.text() == "24 of 24 pupils"
    in_ap = [row for row in page.model.rows if row.in_ap_now]
    assert in_ap, "the demo school has pupils in AP"
    row = page.model.row_of(in_ap[0].id)
    assert page.model.index(row, 5).data() == in_ap[0].provider


def test_search_filters_as_you_type(qtbot: QtBot, page: PupilsPage) -> None:
    target = page.model.rows[7]
    counts = []
    for char in target.surname[:4]:
        qtbot.keyClick(page.search, char)
        counts.append(page.proxy.rowCount())
    assert counts == sorted(counts, reverse=True)  # each key narrows (or keeps) the list
    assert all(target.surname[:4].casefold() in r.name.casefold() for r in shown_rows(page))
    page.search.clear()
    qtbot.keyClicks(page.search, target.upn.lower())
    assert [r.id for r in shown_rows(page)] == [target.id]
    assert page.count.text() == "1 of 24 pupils"
    qtbot.keyClicks(page.search, " nobody")
    assert page.proxy.rowCount() == 0


def test_ctrl_f_focuses_the_search_box(qtbot: QtBot, page: PupilsPage) -> None:
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.search.hasFocus)


@pytest.mark.parametrize(
    ("combo", "pick", "keep"),
    [
        ("year_filter", 9, lambda r: r.year == 9),
        ("sen_filter", SenStatus.SEN_SUPPORT, lambda r: r.sen_status == SenStatus.SEN_SUPPORT),
        ("ap_filter", True, lambda r: r.in_ap_now),
        ("ap_filter", False, lambda r: not r.in_ap_now),
        ("la_filter", False, lambda r: not r.looked_after),
    ],
)
def test_each_filter_keeps_only_matching_pupils(page: PupilsPage, combo, pick, keep) -> None:  # type: ignore[no-untyped-def]
    widget = getattr(page, combo)
    widget.setCurrentIndex(widget.findData(pick))
    expected = {r.id for r in page.model.rows if keep(r)}
    assert {r.id for r in shown_rows(page)} == expected
    assert page.count.text() == f"{len(expected)} of 24 pupils"
    widget.setCurrentIndex(0)
    assert page.proxy.rowCount() == 24


def test_filters_and_search_combine(qtbot: QtBot, page: PupilsPage) -> None:
    page.ap_filter.setCurrentIndex(page.ap_filter.findData(True))
    first = shown_rows(page)[0]
    qtbot.keyClicks(page.search, first.forename)
    assert all(r.in_ap_now and first.forename in f"{r.forename} {r.name}" for r in shown_rows(page))


def test_sorting_by_year_is_numeric(page: PupilsPage) -> None:
    page.table.sortByColumn(COL_YEAR, Qt.SortOrder.DescendingOrder)
    years = [r.year for r in shown_rows(page)]
    assert years == sorted(years, reverse=True)
    page.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
    names = [(r.surname.casefold(), r.known_as.casefold()) for r in shown_rows(page)]
    assert names == sorted(names)


def test_sorting_by_name_follows_the_name_shown(qtbot: QtBot, store: Store) -> None:
    """Within a surname the list sorts by the preferred name it shows, not the legal one."""
    for n, (forename, preferred) in enumerate([("Abigail", "Sky"), ("Ruby", "")], start=1):
        data = PupilInput(upn=make_upn(855, 4001, 23, n), forename=forename, surname="Ball",
                          preferred_name=preferred, dob=date(2012, 3, 1), nc_year=8)  # fmt: skip
        store.run(add_pupil, data)
    model = PupilTableModel()
    model.set_rows(store.read(list_pupils))
    proxy = PupilFilterProxy()
    proxy.setSourceModel(model)
    for order, expected in ((Qt.SortOrder.AscendingOrder, ["Ruby Ball", "Sky Ball"]),
                            (Qt.SortOrder.DescendingOrder, ["Sky Ball", "Ruby Ball"])):  # fmt: skip
        proxy.sort(COL_NAME, order)
        assert [proxy.index(r, COL_NAME).data() for r in range(2)] == expected


def test_sort_is_remembered_and_columns_fit_their_words(
    qtbot: QtBot, page: PupilsPage, ctx: AppContext, settings: QSettings
) -> None:
    page.table.horizontalHeader().resizeSection(COL_YEAR, 20)  # narrowed by hand
    page.table.sortByColumn(COL_YEAR, Qt.SortOrder.DescendingOrder)
    again = PupilsPage(ctx)
    qtbot.addWidget(again)
    again.show_rows(page.rows)
    header = again.table.horizontalHeader()
    assert header.sortIndicatorSection() == COL_YEAR
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    cut = [
        column
        for column in range(header.count())
        if column != COL_NAME
        and header.sectionSize(column) < header.sectionSizeFromContents(column).width()
    ]
    assert cut == []  # a heading cut by a remembered width (or another language's) is not kept


def test_choosing_a_pupil_shows_their_record(qtbot: QtBot, page: PupilsPage) -> None:
    in_ap = next(r for r in page.model.rows if r.in_ap_now)
    assert page.select_pupil(in_ap.id)
    view = page.detail.view
    assert view is not None and view.id == in_ap.id
    assert page.detail.title.text().endswith(in_ap.surname)
    assert in_ap.upn in page.detail.facts.text()
    texts = [page.detail.placements.item(i).text() for i in range(page.detail.placements.count())]
    assert any(in_ap.provider.split(",")[0] in text and "Active" in text for text in texts)


def test_enter_on_a_row_opens_the_pupil_in_the_editor(qtbot: QtBot, page: PupilsPage) -> None:
    row = page.model.rows[3]
    page.select_pupil(row.id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.editor is not None
    assert page.editor.pupil_id == row.id
    assert page.editor.upn.text() == row.upn
    page.editor.reject()


def test_ctrl_n_opens_a_blank_editor(qtbot: QtBot, page: PupilsPage) -> None:
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.editor is not None and page.editor.pupil_id is None
    assert page.editor.upn.text() == ""
    page.editor.reject()


def test_the_list_and_record_follow_changes_made_elsewhere(
    page: PupilsPage, ctx: AppContext, demo: Store
) -> None:
    """An operation run outside this page (here straight on the store, as a command would),
    announced as the GUI announces every operation: the list and the record show it at once."""
    row = page.model.rows[3]
    page.select_pupil(row.id)
    data = PupilInput(
        upn=make_upn(855, 9999, 12, 987), forename="Nia", surname="Aberdare",
        dob=date(2012, 3, 14), nc_year=8,
    )  # fmt: skip
    added = demo.run(add_pupil, data)
    contact = demo.run(add_contact, row.id, ContactInput(name="Mr Synthetic Parent"))
    ctx.changed.emit(added.changes.merge(contact.changes), None)
    assert page.model.rowCount() == 25
    assert page.model.row_of(added.value) >= 0
    assert page.current_id() == row.id  # the chosen pupil stays chosen
    view = page.detail.view
    assert view is not None and "Mr Synthetic Parent" in [c.data.name for c in view.contacts]


def write_pdf(path: Path) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_a_document_is_added_listed_and_opened_without_temp_files(
    qtbot: QtBot, page: PupilsPage, demo: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = page.model.rows[0]
    page.select_pupil(row.id)
    box = page.detail.attachments
    box.add_file(write_pdf(tmp_path / "ehc-plan.pdf"), AttachmentKind.EHC_PLAN)
    with demo.session() as session:
        stored = list_attachments(session, pupil_id=row.id)
    assert [a.filename for a in stored] == ["ehc-plan.pdf"]
    assert box.listing.count() == 1
    assert "EHC plan — ehc-plan.pdf" in box.listing.item(0).text()

    box.listing.setCurrentRow(0)
    box.open_selected()
    assert isinstance(box.preview, PdfPreviewDialog)
    assert len(box.preview.page_labels) == 1
    box.preview.close()

    (tmp_path / "notes.txt").write_text("synthetic note")
    box.add_file(tmp_path / "notes.txt", AttachmentKind.OTHER)
    assert box.listing.count() == 2
    target = tmp_path / "out" / "copy.txt"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    before = set(tmp_path.rglob("*"))
    box.listing.setCurrentRow(1)
    box.open_selected()
    assert target.read_text() == "synthetic note"
    assert set(tmp_path.rglob("*")) - before == {target}


def test_a_contact_is_added_from_the_detail_panel(
    qtbot: QtBot, page: PupilsPage, demo: Store
) -> None:
    row = page.model.rows[2]
    page.select_pupil(row.id)
    before = page.detail.view.contacts if page.detail.view else []
    dialog = page.detail.add_contact()
    assert dialog is not None
    dialog.email.setText("not an email")
    qtbot.keyClicks(dialog.name, "Ms Synthetic Carer")
    dialog.save()
    assert "Email" in dialog.error.text() and dialog.isVisible()
    dialog.email.setText("carer@example.org")
    qtbot.keyClicks(dialog.relationship, "Foster carer")
    dialog.save()
    view = page.detail.view
    assert view is not None and len(view.contacts) == len(before) + 1
    texts = [page.detail.contacts.item(i).text() for i in range(page.detail.contacts.count())]
    assert any("Ms Synthetic Carer (Foster carer)" in t for t in texts)
    contacts = page.detail.contacts  # a long entry wraps: the list grows to show it whole
    rects = [contacts.visualItemRect(contacts.item(i)) for i in range(contacts.count())]
    assert max(r.bottom() for r in rects) < contacts.viewport().height()


def test_a_locked_store_is_not_touched(
    qtbot: QtBot, demo: Store, tasks: InlineTaskRunner, settings: QSettings
) -> None:
    ctx = AppContext(demo.folder, tasks, settings, store=demo)
    made = PupilsPage(ctx)
    qtbot.addWidget(made)
    ctx.lock()
    made.refresh()  # no error: nothing to load while locked
    assert made.model.rowCount() == 24
    assert made.proxy.index(0, 0).data(ID_ROLE) is not None


def test_ctrl_i_opens_the_import_dialog(qtbot: QtBot, page: PupilsPage) -> None:
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert page.importer is not None and page.importer.isVisible()
    page.importer.reject()


def test_the_page_loads_through_the_real_worker_thread(
    qtbot: QtBot, demo: Store, settings: QSettings
) -> None:
    runner = ThreadTaskRunner()
    ctx = AppContext(demo.folder, runner, settings, store=demo)
    made = PupilsPage(ctx)
    qtbot.addWidget(made)
    qtbot.waitUntil(lambda: made.model.rowCount() == 24)
    made.select_pupil(made.model.rows[0].id)
    qtbot.waitUntil(lambda: made.detail.view is not None)
    assert runner.shutdown(5000)


def test_names_stay_readable_beside_long_provider_names_on_a_narrow_screen(
    qtbot: QtBot, page: PupilsPage
) -> None:
    """At 1280 px the page has about 1,090: the "In AP now" column (a provider's long name)
    gives way to the pupils' names, which are what a person reads the list by."""
    page.resize(1090, 640)
    qtbot.waitUntil(lambda: page.proxy.rowCount() > 0)
    with page.ctx.store.session() as s:  # a provider's name as long as real ones are
        placement = s.exec(
            select(Placement).where(Placement.status == PlacementStatus.ACTIVE)
        ).first()
        assert placement is not None
        provider = s.get(Provider, placement.provider_id)
        assert provider is not None
        provider.name = "Calm Minds Therapeutic Service and Outreach Centre for Young People"
    page.refresh()
    qtbot.waitUntil(lambda: any("Calm Minds" in row.provider for row in shown_rows(page)))
    qtbot.wait(50)  # the columns are fitted once the rows are in
    table = page.table
    metrics = table.fontMetrics()
    widest = max(metrics.horizontalAdvance(row.name) for row in shown_rows(page)[:40])
    assert table.columnWidth(COL_NAME) >= min(widest, 150)
    assert table.horizontalHeader().length() <= table.viewport().width() + 1  # no side scroll
