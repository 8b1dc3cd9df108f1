"""The one date field: typed, picked from a calendar, or left blank, and never a Tab trap.

People type dates (`11/01/2027`, `11/1/27`, `2027-01-11`) far faster than they click through a
calendar, so the field is a line edit: an empty field shows "Not set" as a placeholder that
never gets into the text, Tab moves on whatever the field holds, the calendar button and the
Clear button take focus like any other control, and Alt+Down or F4 opens the calendar on the
field's date, else its reference date (the start date, for an end date), else today. Up and
Down move the date a day, Page Up and Page Down a month. Text that is not a date is kept as
typed and reported by `problem()`, so a form can say so beside the field instead of saving a
wrong or empty date.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from apdesk.i18n import _, first_weekday
from apdesk.ui.widgets.date_text import (
    DateTextError,
    display_pattern,
    example,
    format_typed_date,
    parse_typed_date,
)
from apdesk.ui.widgets.popup_place import popup_point

Reference = Callable[[], "date | None"]


def _add_months(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    for last in (31, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    return day


class DateField(QWidget):
    """A date that may be blank. `changed` fires when the date it holds changes."""

    changed = Signal()

    def __init__(
        self,
        accessible_name: str,
        parent: QWidget | None = None,
        *,
        value: date | None = None,
        optional: bool = True,
        reference: Reference | None = None,
    ) -> None:
        super().__init__(parent)
        self.optional = optional
        self.reference = reference
        self._value: date | None = None
        self._problem: str | None = None
        self.earliest: date | None = None
        self.latest: date | None = None
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setPlaceholderText(_("Not set") if optional else display_pattern().lower())
        self.edit.setToolTip(_("Type a date such as {example}, or pick one").format(
            example=example()))  # fmt: skip
        self.edit.setMaxLength(24)
        width = self.edit.fontMetrics().horizontalAdvance(example() + "  ") + 16
        self.edit.setMinimumWidth(max(width, 96))
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self._tidy)
        self.edit.installEventFilter(self)
        self.pick_button = QToolButton(self)
        self.pick_button.setText(_("Pick…"))
        self.pick_button.setAccessibleName(_("Pick {name} from a calendar").format(
            name=accessible_name))  # fmt: skip
        self.pick_button.setToolTip(_("Pick from a calendar (Alt+Down)"))
        self.pick_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.pick_button.clicked.connect(self.open_calendar)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(_("Clear"))
        self.clear_button.setAccessibleName(_("Clear {name}").format(name=accessible_name))
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.clear_button.clicked.connect(self.clear)
        for button in (self.pick_button, self.clear_button):  # set before it is first shown
            button.setProperty("variant", "field")  # drawn as a button (the stylesheet)
        self.clear_button.setVisible(optional)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit)
        layout.addWidget(self.pick_button)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)
        # A caption's Alt+letter (its buddy is this field) focuses only a widget that takes focus:
        # this one does, through the edit (Tab still stops at the edit, never here).
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.calendar: QCalendarWidget | None = None
        self.set_value(value)

    # -- the value -------------------------------------------------------------------------
    def value(self) -> date | None:
        """The date held (None when blank). Text that is not a date leaves the last date."""
        return self._value

    def problem(self) -> str | None:
        """A sentence saying what is wrong with the text typed, or None when it is a date."""
        return self._problem

    def set_value(self, value: date | None) -> None:
        self.edit.setText("" if value is None else format_typed_date(value))
        self._problem = self._out_of_range(value)
        self._store(value)
        self._show_problem()

    def set_range(self, earliest: date | None = None, latest: date | None = None) -> None:
        """Dates outside [earliest, latest] are reported by `problem()` (e.g. not in future)."""
        self.earliest, self.latest = earliest, latest
        self._problem = self._out_of_range(self._value) if self._problem is None else self._problem
        self._show_problem()

    def _out_of_range(self, value: date | None) -> str | None:
        if value is None:
            return None if self.optional else _("Type a date")
        if self.latest is not None and value > self.latest:
            return _("must be on or before {day}").format(day=format_typed_date(self.latest))
        if self.earliest is not None and value < self.earliest:
            return _("must be on or after {day}").format(day=format_typed_date(self.earliest))
        return None

    def clear(self) -> None:
        self.set_value(None)
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- typing ----------------------------------------------------------------------------
    def _typed(self, text: str) -> None:
        if not text.strip():
            self._problem = self._out_of_range(None)
            self._store(None)
        else:
            try:
                typed = parse_typed_date(text)
            except DateTextError as exc:
                self._problem = str(exc)
            else:
                self._problem = self._out_of_range(typed)
                self._store(typed)
        self._show_problem()

    def _tidy(self) -> None:
        """On leaving the field: a date is shown in the locale's own way; a mistake stays."""
        if self._problem is None and self._value is not None:
            tidy = format_typed_date(self._value)
            if self.edit.text() != tidy:
                self.edit.setText(tidy)

    def _store(self, value: date | None) -> None:
        if value != self._value:
            self._value = value
            self.changed.emit()

    def _show_problem(self) -> None:
        self.edit.setProperty("invalid", self._problem is not None)
        self.edit.setAccessibleDescription(self._problem or "")
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_F4 or (
            key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier
        ):
            self.open_calendar()
            return True
        steps: dict[int, timedelta] = {
            Qt.Key.Key_Up: timedelta(days=1),
            Qt.Key.Key_Down: timedelta(days=-1),
        }
        if key in steps and not mods:
            self.set_value((self._value or self._start_day()) + steps[key])
            return True
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and not mods:
            months = 1 if key == Qt.Key.Key_PageUp else -1
            self.set_value(_add_months(self._value or self._start_day(), months))
            return True
        return False

    # -- the calendar ----------------------------------------------------------------------
    def _start_day(self) -> date:
        """Where the calendar opens: this date, else the related one, else today."""
        if self._value is not None:
            return self._value
        related = self.reference() if self.reference is not None else None
        return related or date.today()

    def open_calendar(self) -> QCalendarWidget:
        day = self._start_day()
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setFirstDayOfWeek(Qt.DayOfWeek(first_weekday() + 1))
        calendar.setGridVisible(True)
        calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        calendar.setAccessibleName(_("Calendar"))
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)

        def chosen(picked: QDate) -> None:
            self.set_value(date(picked.year(), picked.month(), picked.day()))
            menu.close()
            self.edit.setFocus(Qt.FocusReason.PopupFocusReason)

        calendar.activated.connect(chosen)
        calendar.clicked.connect(chosen)
        self.calendar = calendar
        menu.aboutToHide.connect(lambda: setattr(self, "calendar", None))
        menu.popup(popup_point(self.edit, menu))  # below the field, or above: on the screen
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)
        return calendar
