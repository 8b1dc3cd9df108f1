"""The school day and school details dialogs save as every form does: a refusal stays in the
dialog, beside the field it names, with everything typed kept; Save on the way out that is
refused leaves the dialog open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.helpers.unsaved import Button, answer_next_box

from apdesk.services.school import SchoolDetails
from apdesk.services.timetables import load_structure
from apdesk.ui.core.context import AppContext
from apdesk.ui.setup.day_dialog import SchoolDayDialog
from apdesk.ui.setup.details_dialog import SchoolDetailsDialog
from apdesk.ui.widgets.basics import ErrorLabel


def _beside(field: object, dialog: SchoolDayDialog) -> str:
    """The words of the error label that sits with `field` (not the dialog's foot)."""
    holder = field.parentWidget()  # type: ignore[attr-defined]
    labels = [label for label in holder.findChildren(ErrorLabel) if label is not dialog.error]
    return " ".join(label.text() for label in labels)


def test_a_bad_week_a_is_refused_beside_its_field_and_closing_with_save_stays(
    qtbot: QtBot, ctx: AppContext
) -> None:
    dialog = SchoolDayDialog(ctx, ctx.store.read(load_structure))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.two_weeks.setChecked(True)
    dialog.week_a.edit.setFocus()
    dialog.week_a.edit.selectAll()
    qtbot.keyClicks(dialog.week_a.edit, "31/02/2027")
    dialog.save_button.click()
    assert dialog.isVisible() and "31/02/2027" in dialog.week_a.edit.text()
    assert _beside(dialog.week_a, dialog)
    asked: list[str] = []
    answer_next_box(Button.Save, asked)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible() and dialog.save_button.isEnabled()


def test_school_details_refused_stays_open_with_the_error_on_the_field(
    qtbot: QtBot, ctx: AppContext
) -> None:
    dialog = SchoolDetailsDialog(ctx, SchoolDetails(name="Test School"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.edits["email"].setText("not an address")
    asked: list[str] = []
    answer_next_box(Button.Save, asked)
    dialog.close()
    assert asked and dialog.isVisible() and dialog.save_button.isEnabled()
    assert "email" in " ".join(e.text() for e in dialog.errors.labels.values()).casefold()
    dialog.edits["email"].setText("office@school.example")
    dialog.save_button.click()
    assert not dialog.isVisible()
