"""The date field: typed in any common form, blank without "Not set" in the text, no Tab trap."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from apdesk import i18n
from apdesk.ui.widgets.date_field import DateField
from apdesk.ui.widgets.date_text import DateTextError, parse_typed_date

JAN_11 = date(2027, 1, 11)


class Form(QWidget):
    """A blank date between two line edits, as in the placement editor."""

    def __init__(self) -> None:
        super().__init__()
        self.before = QLineEdit(self)
        self.start = DateField("Start date", self)
        self.end = DateField("End date", self, reference=self.start.value)
        self.after = QLineEdit(self)
        layout = QVBoxLayout(self)
        for widget in (self.before, self.start, self.end, self.after):
            layout.addWidget(widget)


@pytest.fixture
def form(qtbot: QtBot) -> Iterator[Form]:
    made = Form()
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    yield made


@pytest.mark.parametrize("typed", ["11/01/2027", "11/1/27", "2027-01-11", "11.01.2027"])
def test_each_common_form_typed_into_an_empty_field_is_the_date(
    qtbot: QtBot, form: Form, typed: str
) -> None:
    field = form.start
    assert field.edit.text() == "" and field.edit.placeholderText() == "Not set"
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, typed)
    assert field.value() == JAN_11 and field.problem() is None
    form.after.setFocus()  # leaving the field shows the date the locale's way
    assert field.edit.text() == "11/01/2027"
    assert "Not set" not in field.edit.text()


def test_text_that_is_not_a_date_is_kept_and_named(qtbot: QtBot, form: Form) -> None:
    form.start.set_value(JAN_11)
    form.start.edit.selectAll()
    qtbot.keyClicks(form.start.edit, "31/02/2027")
    assert form.start.edit.text() == "31/02/2027"  # nothing typed is thrown away
    assert form.start.value() == JAN_11
    problem = form.start.problem()
    assert problem is not None and "11/01/2027" in problem
    assert form.start.edit.accessibleDescription() == problem


def test_tab_walks_through_blank_dates_and_their_buttons(qtbot: QtBot, form: Form) -> None:
    form.before.setFocus()
    seen = []
    for _ in range(7):
        qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Tab)
        seen.append(form.focusWidget())
    assert seen == [
        form.start.edit, form.start.pick_button, form.start.clear_button,
        form.end.edit, form.end.pick_button, form.end.clear_button, form.after,
    ]  # fmt: skip


def test_clearing_is_one_key_after_tabbing_in(qtbot: QtBot, form: Form) -> None:
    form.start.set_value(JAN_11)
    form.before.setFocus()
    qtbot.keyClick(form.before, Qt.Key.Key_Tab)  # Tab selects the whole text
    qtbot.keyClick(form.start.edit, Qt.Key.Key_Delete)
    assert form.start.value() is None and form.start.edit.text() == ""


def test_the_clear_button_empties_the_field(qtbot: QtBot, form: Form) -> None:
    form.start.set_value(JAN_11)
    qtbot.mouseClick(form.start.clear_button, Qt.MouseButton.LeftButton)
    assert form.start.value() is None


def test_the_calendar_opens_on_today_or_the_related_date(qtbot: QtBot, form: Form) -> None:
    calendar = form.end.open_calendar()
    assert calendar.selectedDate().toPython() == date.today()
    calendar.parentWidget().close()
    form.start.set_value(JAN_11)
    calendar = form.end.open_calendar()  # the end date's calendar opens on the start
    assert calendar.selectedDate().toPython() == JAN_11
    calendar.activated.emit(calendar.selectedDate().addDays(7))
    assert form.end.value() == JAN_11 + timedelta(days=7)


def test_alt_down_opens_the_calendar_and_arrows_step_days(qtbot: QtBot, form: Form) -> None:
    form.start.set_value(JAN_11)
    form.start.edit.setFocus()
    qtbot.keyClick(form.start.edit, Qt.Key.Key_Up)
    assert form.start.value() == date(2027, 1, 12)
    qtbot.keyClick(form.start.edit, Qt.Key.Key_PageDown)
    assert form.start.value() == date(2026, 12, 12)
    qtbot.keyClick(form.start.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert form.start.calendar is not None
    form.start.calendar.parentWidget().close()


def test_changed_fires_once_per_new_date(qtbot: QtBot, form: Form) -> None:
    fired: list[int] = []
    form.start.changed.connect(lambda: fired.append(1))
    form.start.edit.setFocus()
    qtbot.keyClicks(form.start.edit, "11/1/2027")
    # "1", "11", "11/", "11/1" ... only texts that are dates change the value
    assert form.start.value() == JAN_11
    assert 1 <= len(fired) <= 4


def test_a_range_names_the_limit(qtbot: QtBot, form: Form) -> None:
    form.start.set_range(latest=date(2026, 12, 6))
    form.start.set_value(JAN_11)
    assert form.start.problem() == "must be on or before 06/12/2026"


def test_polish_dates_are_typed_and_shown_with_dots(qtbot: QtBot) -> None:
    i18n.set_locale("pl_PL")
    try:
        field = DateField("Data")
        qtbot.addWidget(field)
        qtbot.keyClicks(field.edit, "11.1.2027")
        assert field.value() == JAN_11
        field.set_value(JAN_11)
        assert field.edit.text() == "11.01.2027"
    finally:
        i18n.set_locale(i18n.DEFAULT_LOCALE)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("3/4/98", date(1998, 4, 3)), ("3/4/09", date(2009, 4, 3)), ("11012027", JAN_11)],
)
def test_short_years_and_run_together_digits(typed: str, expected: date) -> None:
    assert parse_typed_date(typed, today=date(2026, 12, 6)) == expected


def test_nonsense_says_how_to_type_a_date() -> None:
    with pytest.raises(DateTextError, match="type it like 11/01/2027"):
        parse_typed_date("next tuesday")
