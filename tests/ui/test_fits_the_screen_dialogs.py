"""The smaller dialogs fit a school laptop in English, Polish and the pseudo-locale: no label
cut (in width or height), no column cut, no list showing fewer than five rows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from tests.helpers.clipping import usable
from tests.helpers.laptop_screens import LOCALES, SCREENS, fit_problems, report, settle

from apdesk.i18n import set_locale
from apdesk.services.demo import populate
from apdesk.services.school_calendar.entries import CalendarEntry
from apdesk.store import Store
from apdesk.ui.calendar.entry_dialog import EntryDialog
from apdesk.ui.core.context import AppContext
from apdesk.ui.home.dialogs import CensusDialog, TermlyReportDialog
from apdesk.ui.providers.find import FindProviderDialog
from apdesk.ui.register.export_dialog import ExportDialog as AttendanceExport
from apdesk.ui.shell.about import ShortcutsDialog
from apdesk.ui.theme.apply import ThemeManager
from apdesk.ui.widgets.screen_fit import WANTED

MONDAY = date(2026, 11, 30)


def _shortcuts(ctx: AppContext) -> QDialog:
    save = QAction("&Save")
    save.setShortcut("Ctrl+S")
    dialog = ShortcutsDialog([save])
    dialog.setProperty("kept", save)
    return dialog


DIALOGS: dict[str, Callable[[AppContext], QDialog]] = {
    "termly report": lambda ctx: TermlyReportDialog(ctx),
    "census": lambda ctx: CensusDialog(ctx),
    "export for MIS": lambda ctx: AttendanceExport(ctx, MONDAY, MONDAY),
    "find a provider": lambda ctx: FindProviderDialog(ctx),
    "keyboard shortcuts": _shortcuts,
    "calendar entry": lambda ctx: EntryDialog(
        ctx, CalendarEntry("inset", MONDAY, MONDAY, "INSET day")
    ),
}


@pytest.fixture
def demo(store: Store) -> Store:
    populate(store, pupils=12, seed=3)
    return store


@pytest.mark.parametrize("locale", LOCALES)
def test_the_smaller_dialogs_fit_a_laptop_screen(
    qtbot: QtBot, demo: Store, ctx: AppContext, theme: ThemeManager, locale: str
) -> None:
    set_locale(locale)
    problems: dict[str, list[str]] = {}
    for name, make in DIALOGS.items():
        dialog = make(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        settle()
        asked = dialog.property(WANTED)
        wanted = (asked if isinstance(asked, QSize) else dialog.size()).expandedTo(
            dialog.sizeHint()
        )
        for width, height in SCREENS:
            room = usable(width, height)
            dialog.resize(wanted.boundedTo(room))
            found = fit_problems(dialog, room)
            if (
                dialog.windowTitle()
                and dialog.width()
                < dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()) + TITLE_BAR_BUTTONS
            ):
                found.append(f"title {dialog.windowTitle()!r} cut at {dialog.width()}px")
            if found:
                problems[f"{width}x{height} {name}"] = found
        mark_saved = getattr(dialog, "mark_saved", None)
        if callable(mark_saved):
            mark_saved()
        dialog.reject()
    if problems:
        pytest.fail(report(problems), pytrace=False)


TITLE_BAR_BUTTONS = 110  # the window manager's icon and its three buttons beside the title
