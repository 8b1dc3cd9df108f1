"""The provider directory through the GUI: add, search, QA audits and concerns, find a provider."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from apdesk.models.enums import AuditKind
from apdesk.services.providers import ProviderRow, get_provider, list_providers
from apdesk.services.qa import list_concerns, provider_qa
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.providers.model import QA, ProvidersModel
from apdesk.ui.providers.page import ProvidersPage


def _add_provider(qtbot: QtBot, page: ProvidersPage, name: str) -> int:
    editor = page.open_provider(None)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.binder.widgets["name"], name)
    editor.binder.widgets["categories"].boxes["vocational"].setChecked(True)  # type: ignore[attr-defined]
    editor.binder.set("capacity", 6)
    editor.binder.set("age_min", 11)
    editor.binder.set("postcode", "nb3 4af")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.message.text() == "" and editor.binder.error.text() == ""
    assert editor.provider_id is not None
    return editor.provider_id


def test_add_a_provider_and_find_it_by_search(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    page = ProvidersPage(ctx)
    qtbot.addWidget(page)
    page.show()  # on screen, as a person uses it: views follow changes at once
    provider_id = _add_provider(qtbot, page, "Willow Farm Learning")
    _add_provider(qtbot, page, "Riverside Tutors")
    with store.session() as session:
        saved = get_provider(session, provider_id)
    assert (
        saved.categories == ["vocational"] and saved.capacity == 6 and saved.postcode == "NB3 4AF"
    )
    assert page.model.rowCount() == 2
    qtbot.keyClicks(page.search, "willow")
    assert page.proxy.rowCount() == 1
    qa_cell = page.proxy.index(0, QA)
    assert qa_cell.data() == "QA missing"  # words, not only an icon
    assert qa_cell.data(Qt.ItemDataRole.DecorationRole) is not None


def test_a_bad_urn_is_shown_next_to_the_field_and_nothing_is_saved(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    page = ProvidersPage(ctx)
    qtbot.addWidget(page)
    page.show()  # on screen, as a person uses it: views follow changes at once
    editor = page.open_provider(None)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.binder.widgets["name"], "Oak Tree Centre")
    qtbot.keyClicks(editor.binder.widgets["ofsted_urn"], "12")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.provider_id is None
    assert "URN" in editor.binder.error.text()
    assert editor.binder.field_for("Ofsted URN") == "ofsted_urn"
    assert editor.binder.widgets["name"].text() == "Oak Tree Centre"  # type: ignore[attr-defined]
    with store.session() as session:
        assert list_providers(session, date.today()) == []


def test_audits_and_concerns_from_the_editor(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    page = ProvidersPage(ctx)
    qtbot.addWidget(page)
    page.show()  # on screen, as a person uses it: views follow changes at once
    provider_id = _add_provider(qtbot, page, "Willow Farm Learning")
    editor = page.editor
    assert editor is not None and editor.tabs.isTabEnabled(1)
    audits = editor.audits
    editor.tabs.setCurrentWidget(audits)
    for kind in AuditKind:
        audits.kind.setCurrentIndex(audits.kind.findData(kind.value))
        audits.audit_date.set_value(date.today() - timedelta(days=10))
        qtbot.mouseClick(audits.add_button, Qt.MouseButton.LeftButton)
    assert audits.list.topLevelItemCount() == 3
    # Every audit is in date, but nobody has confirmed the staff checks in writing yet: the
    # provider must not read "QA current".
    assert "QA checks needed" in audits.state.text()
    assert "Staff safeguarding checks not confirmed" in audits.state.text()
    with store.session() as session:
        assert provider_qa(session, provider_id, date.today()).state == "checks needed"
    concerns = editor.concerns
    editor.tabs.setCurrentWidget(concerns)
    concerns.raised_on.set_value(date.today())
    qtbot.keyClicks(concerns.concern, "Pupil left site unsupervised")
    qtbot.keyClicks(concerns.told, "DSL")
    qtbot.mouseClick(concerns.add_button, Qt.MouseButton.LeftButton)
    assert concerns.list.topLevelItemCount() == 1
    assert page.model.rows[0].open_concerns == 1  # the directory behind followed the change
    first = concerns.list.topLevelItem(0)
    assert first is not None
    concerns.list.setCurrentItem(first)
    qtbot.keyClicks(concerns.outcome_edit, "Resolved: new sign-out procedure")
    qtbot.mouseClick(concerns.outcome_button, Qt.MouseButton.LeftButton)
    with store.session() as session:
        (row,) = list_concerns(session, provider_id)
    assert not row.open and row.outcome.startswith("Resolved")
    first = concerns.list.topLevelItem(0)
    assert first is not None and first.text(3).startswith("Resolved")
    assert page.model.rows[0].open_concerns == 0


def test_find_a_provider_ranks_with_reasons(qtbot: QtBot, ctx: AppContext) -> None:
    page = ProvidersPage(ctx)
    qtbot.addWidget(page)
    page.show()  # on screen, as a person uses it: views follow changes at once
    _add_provider(qtbot, page, "Willow Farm Learning")
    _add_provider(qtbot, page, "Riverside Tutors")
    finder = page.find_provider()
    qtbot.addWidget(finder)
    finder.age.setValue(14)
    finder.category.setCurrentIndex(finder.category.findData("vocational"))
    qtbot.mouseClick(finder.search_button, Qt.MouseButton.LeftButton)
    assert finder.results.topLevelItemCount() == 2
    best = finder.results.topLevelItem(0)
    assert best is not None
    reasons = [c.text(0) for i in range(best.childCount()) if (c := best.child(i)) is not None]
    assert "offers Vocational" in reasons
    # A result opens the provider's record: from a reason under it too, and the list keeps
    # its reasons shown (double-click no longer only folds the row).
    assert not finder.open_button.isEnabled()
    finder.results.setCurrentItem(best.child(0))
    assert finder.open_button.isEnabled()
    qtbot.mouseClick(finder.open_button, Qt.MouseButton.LeftButton)
    editor = page.editor
    assert editor is not None and editor.isVisible()
    assert best.text(0) in editor.windowTitle()
    assert best.isExpanded()


def test_providers_model(qtmodeltester: object, qapp: object) -> None:
    from PySide6.QtWidgets import QWidget

    holder = QWidget()
    model = ProvidersModel(holder)
    model.set_rows(
        [
            ProviderRow(1, "A", "PRU", "Approved", "Online", 1, 4, "current", "ok", 0),
            ProviderRow(2, "B", "FE college", "Pending", "Both", 0, 2, "failed", "bad", 2),
        ]
    )
    qtmodeltester.check(model)  # type: ignore[attr-defined]
