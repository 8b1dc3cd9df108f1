"""The Attendance page's bar: the week shown, codes, undo, import and export.

Kept apart from the page so the page reads as what happens, and this as what is on screen.
The bar knows the page only as the `BarHost` it needs, so the two files do not import each
other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from apdesk.i18n import _, format_date, ngettext
from apdesk.ui.theme.icons import icon
from apdesk.ui.widgets.keyboard import set_shortcut
from apdesk.ui.widgets.page_header import ContextLine
from apdesk.ui.widgets.search_field import SearchField
from apdesk.ui.widgets.value_label import ValueLabel


class BarHost(Protocol):
    """What the bar's buttons do on the page."""

    monday: date
    now: Callable[[], datetime]
    undo_stack: QUndoStack

    def go_to_week(self, day: date) -> None: ...
    def show_legend(self) -> None: ...
    def open_import(self) -> None: ...
    def open_export(self) -> None: ...
    def show_all(self) -> None: ...


@dataclass
class RegisterBar:
    layout: QHBoxLayout
    week: QDateEdit
    week_label: QLabel
    filter_note: QLabel
    show_all: QPushButton
    import_button: QToolButton  # the page's main actions, for its header
    export_button: QToolButton
    search: QLineEdit

    def set_week(self, monday: date) -> None:
        self.week.blockSignals(True)
        self.week.setDate(QDate(monday.year, monday.month, monday.day))
        self.week.blockSignals(False)
        friday = monday + timedelta(days=4)
        self.week_label.setText(
            _("{start} to {end}").format(
                start=format_date(monday, "d MMM"), end=format_date(friday, "d MMM y")
            )
        )

    def set_filtered(self, filtered: bool, rows: int) -> None:
        self.filter_note.setText(
            ngettext(
                "Showing only the {n} pupil picked.", "Showing only the {n} pupils picked.", rows
            ).format(n=rows)
            if filtered
            else ""
        )
        self.filter_note.setVisible(filtered)
        self.show_all.setVisible(filtered)


def _button(text: str, name: str, shortcut: str, tip: str, glyph: str = "") -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setAccessibleName(name)
    if glyph:
        button.setIcon(icon(glyph))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    else:
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    if shortcut:
        set_shortcut(button, shortcut)  # and Alt+ the underlined letter still works
        tip = f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
    button.setToolTip(tip)
    return button


def build_bar(page: BarHost, owner: QWidget, week_label: ContextLine | None = None) -> RegisterBar:
    """The bar's widgets, wired to `page`; the undo and redo shortcuts work within `owner`.
    The week's dates go to `week_label` (the page header's context line) when one is given;
    the import and export buttons are left for the page to place."""
    previous = _button(
        _("&Previous week"), _("Previous week"), "Ctrl+PgUp", _("Previous week"), "action.previous"
    )
    previous.clicked.connect(lambda: page.go_to_week(page.monday - timedelta(days=7)))
    following = _button(
        _("&Next week"), _("Next week"), "Ctrl+PgDown", _("Next week"), "action.next"
    )
    following.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the arrow after the words
    following.clicked.connect(lambda: page.go_to_week(page.monday + timedelta(days=7)))
    this_week = _button(
        _("This wee&k"), _("This week"), "", _("Go to the current week"), "action.today"
    )
    this_week.clicked.connect(lambda: page.go_to_week(page.now().date()))
    week = QDateEdit()
    week.setCalendarPopup(True)
    week.setDisplayFormat("d MMM yyyy")
    week.setAccessibleName(_("Week containing"))
    week.setToolTip(_("Pick any day to show its week"))
    week.dateChanged.connect(lambda d: page.go_to_week(d.toPython()))
    # Read with what it is, "Week shown: …", whether the bar's own label or the page header's.
    own_label = week_label is None
    shown: QLabel
    if week_label is None:
        shown = ValueLabel(_("Week shown"))
    else:
        week_label.set_caption(_("Week shown"))
        shown = week_label
    codes = _button(
        _("&Codes…"), _("List the attendance codes"), "F4", _("Codes and meanings"), "action.codes"
    )
    codes.clicked.connect(page.show_legend)
    undo = QAction(icon("action.undo"), _("&Undo"), owner)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = QAction(icon("action.redo"), _("&Redo"), owner)
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    for action, run, available in (
        (undo, page.undo_stack.undo, page.undo_stack.canUndoChanged),
        (redo, page.undo_stack.redo, page.undo_stack.canRedoChanged),
    ):
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setEnabled(False)
        action.triggered.connect(run)
        available.connect(action.setEnabled)
        action.setToolTip(
            _("Undo records the previous code back as an amendment (marks are never deleted); "
              "a new mark is corrected by typing over it.")
        )  # fmt: skip
        owner.addAction(action)
    undo_button, redo_button = QToolButton(), QToolButton()
    undo_button.setDefaultAction(undo)
    redo_button.setDefaultAction(redo)
    for button in (undo_button, redo_button):
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    import_button = _button(
        _("&Import return…"),
        _("Import a provider return"),
        "Ctrl+I",
        _("Import a provider's CSV"),
        "action.import",
    )
    import_button.clicked.connect(page.open_import)
    export_button = _button(
        _("&Export for MIS…"),
        _("Export attendance for MIS"),
        "Ctrl+E",
        _("Save marks as CSV"),
        "action.export",
    )
    export_button.clicked.connect(page.open_export)
    search = SearchField(_("Find a pupil (Ctrl+F)"))
    search.setAccessibleName(_("Find a pupil in the register"))
    find = QAction(owner)
    find.setShortcut(QKeySequence.StandardKey.Find)
    find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def find_pupil() -> None:
        search.setFocus()
        search.selectAll()

    find.triggered.connect(find_pupil)
    owner.addAction(find)
    filter_note = QLabel()
    show_all = QPushButton(_("Show &all"))
    show_all.setAccessibleName(_("Show all pupils"))
    show_all.clicked.connect(page.show_all)
    layout = QHBoxLayout()
    widget: QWidget
    for widget in (previous, week, following, this_week):
        layout.addWidget(widget)
    if own_label:
        layout.addWidget(shown)
    layout.addStretch(1)
    for widget in (filter_note, show_all, codes, undo_button, redo_button):
        layout.addWidget(widget)
    if own_label:
        layout.addWidget(import_button)
        layout.addWidget(export_button)
    bar = RegisterBar(
        layout, week, shown, filter_note, show_all, import_button, export_button, search
    )
    bar.set_filtered(False, 0)
    return bar
