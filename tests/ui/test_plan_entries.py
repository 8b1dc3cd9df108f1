"""The rest of the plan through the page: transition steps, agencies with consent, voice, and
the plan and review PDFs rendered on the worker and shown for preview."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tests.helpers.plan_page import open_plans, running_placement
from tests.helpers.plans import target

from apdesk.models.enums import Agency, VoiceOf
from apdesk.services import plans
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.plans.entries import AgencyEditor, StepEditor, VoiceEditor
from apdesk.ui.widgets.pdf_preview import PdfPreviewDialog


def pdf_text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_steps_agencies_and_voice(
    qtbot: QtBot, ctx: AppContext, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    running_placement(store)
    page = open_plans(qtbot, ctx)

    qtbot.mouseClick(page.view.add_step, Qt.MouseButton.LeftButton)
    step = page.dialog
    assert isinstance(step, StepEditor)
    qtbot.keyClicks(step.step, "Taster lessons in mainstream maths")
    qtbot.mouseClick(step.save_button, Qt.MouseButton.LeftButton)
    assert step.errors.labels["Who"].text().startswith("Who: is empty")
    qtbot.keyClicks(step.owner, "SENCO")
    step.by_date.set_value(date.today() + timedelta(days=20))
    with qtbot.waitSignal(step.accepted):
        qtbot.mouseClick(step.save_button, Qt.MouseButton.LeftButton)
    steps = page.view.steps.model()
    assert steps.index(0, 1).data() == "SENCO" and steps.index(0, 3).data() == "Not yet"

    qtbot.mouseClick(page.view.add_agency, Qt.MouseButton.LeftButton)
    agency = page.dialog
    assert isinstance(agency, AgencyEditor)
    agency.agency.setCurrentIndex(agency.agency.findData(Agency.CAMHS.value))
    qtbot.keyClicks(agency.contact, "Dr R. Okafor")
    with qtbot.waitSignal(agency.accepted):
        qtbot.mouseClick(agency.save_button, Qt.MouseButton.LeftButton)
    assert page.view.agencies.model().index(0, 3).data() == "Not recorded"
    assert "No consent to share recorded for 1 of 1" in page.view.consent_warning.text()

    qtbot.mouseClick(page.view.add_voice, Qt.MouseButton.LeftButton)
    voice = page.dialog
    assert isinstance(voice, VoiceEditor)
    voice.voice_of.setCurrentIndex(voice.voice_of.findData(VoiceOf.FAMILY.value))
    qtbot.keyClicks(voice.how, "Phone call with parent")
    qtbot.keyClicks(voice.text, "Mornings are easier now.")
    with qtbot.waitSignal(voice.accepted):
        qtbot.mouseClick(voice.save_button, Qt.MouseButton.LeftButton)
    assert page.view.voice.model().index(0, 0).data() == "Family"

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    page.view.agencies.setCurrentIndex(page.view.agencies.model().index(0, 0))
    qtbot.mouseClick(page.view.remove_agency, Qt.MouseButton.LeftButton)
    assert page.view.agencies.model().rowCount() == 0
    assert page.view.consent_warning.text() == ""


def test_print_the_plan_and_the_review_record(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    pid = running_placement(store)
    with store.session() as s:
        t = plans.add_target(s, pid, target("Read aloud daily", date.today() + timedelta(days=30)))
        plans.hold_review(
            s,
            pid,
            plans.ReviewInput(
                held_on=date.today(),
                attendees=["Pupil", "Parent"],
                progress=[plans.ProgressInput(t.id or 0, "secure", "Every day this week")],
                decisions="Keep going.",
                next_review=date.today() + timedelta(weeks=6),
            ),
            today=date.today(),
        )
    page = open_plans(qtbot, ctx)
    qtbot.mouseClick(page.view.print_button, Qt.MouseButton.LeftButton)
    preview = page.dialog
    assert isinstance(preview, PdfPreviewDialog)
    assert "Read aloud daily" in pdf_text(preview.pdf)
    preview.close()

    page.view.print_review.click()
    record = page.dialog
    assert isinstance(record, PdfPreviewDialog) and record is not preview
    assert "Keep going." in pdf_text(record.pdf)


def test_every_control_on_the_page_and_its_dialogs_has_an_accessible_name(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    running_placement(store)
    page = open_plans(qtbot, ctx)
    kinds = (QAbstractButton, QLineEdit, QComboBox, QPlainTextEdit, QListView)

    def unnamed(widget: QWidget) -> list[str]:
        return [
            f"{type(w).__name__} {w.objectName()} {type(w.parent()).__name__}"
            for w in widget.findChildren(QWidget)
            if isinstance(w, kinds)
            and w.isVisible()
            and not w.accessibleName()
            and w.objectName() != "qt_spinbox_lineedit"  # inside a named date box
        ]

    for index in range(page.view.tabs.count()):
        page.view.tabs.setCurrentIndex(index)
        assert unnamed(page) == []
    for open_dialog in (
        lambda: page.edit_target(None),
        page.hold_review,
        page.end_placement,
        page.add_step,
        page.add_agency,
        page.add_voice,
    ):
        open_dialog()
        dialog = page.dialog
        assert dialog is not None
        assert unnamed(dialog) == [], type(dialog).__name__
        dialog.close()
