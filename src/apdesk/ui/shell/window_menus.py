"""The main window's own menus and status bar.

File (Lock, Quit), Go (a page each, Ctrl+1 to Ctrl+0), View > Appearance and Help (keyboard
shortcuts, About), and the status bar's store, busy, sync and lock parts. The features add their
own items and parts around these (see `ui.core.host`); what each item does is the window's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from apdesk.i18n import N_, _
from apdesk.ui.core.context import AppContext
from apdesk.ui.shell.appearance import install_appearance
from apdesk.ui.shell.pages import PageSpec
from apdesk.ui.theme.icons import icon
from apdesk.ui.widgets.basics import BusyBar
from apdesk.ui.widgets.icon_label import IconLabel
from apdesk.ui.widgets.value_label import ValueLabel

UNLOCK_METHODS = {
    "keyring": N_("Unlocked (keyring)"),
    "passphrase": N_("Unlocked (passphrase)"),
    "recovery": N_("Unlocked (recovery key)"),
}


@dataclass(frozen=True)
class StatusParts:
    """The status bar's parts the window fills in (the sync feature fills `sync_label`)."""

    store_label: ValueLabel
    lock_label: ValueLabel
    lock_icon: IconLabel
    sync_label: ValueLabel
    busy: BusyBar

    def show_lock(self, method: str | None) -> None:
        """ "Locked" by a closed padlock (`method` None), or how the store was unlocked."""
        if method is None:
            self.lock_label.setText(_("Locked"))
            self.lock_icon.set_icon(icon("action.lock", "muted"))
        else:
            self.lock_label.setText(_(UNLOCK_METHODS.get(method, "Unlocked")))
            self.lock_icon.set_icon(icon("action.unlock", "muted"))


def build_status_bar(window: QMainWindow, ctx: AppContext) -> StatusParts:
    bar = window.statusBar()
    # "Store: <folder>" names itself; a caption would be read as "Store location: Store: …".
    store_label = ValueLabel("", _("Store: {folder}").format(folder=ctx.folder), window)
    lock_label = ValueLabel(_("Lock state"), "", window)
    lock_icon = IconLabel(icon("action.lock", "muted"), 16, window)
    sync_label = ValueLabel(_("Sync state"), "", window)  # filled in by the sync feature
    busy = BusyBar(window)
    busy.setMaximumWidth(120)
    ctx.tasks.busy_changed.connect(busy.setVisible)
    bar.addWidget(store_label, 1)
    bar.addPermanentWidget(busy)
    bar.addPermanentWidget(sync_label)
    bar.addPermanentWidget(lock_icon)
    bar.addPermanentWidget(lock_label)
    return StatusParts(store_label, lock_label, lock_icon, sync_label, busy)


@dataclass(frozen=True)
class WindowActions:
    lock_action: QAction
    quit_action: QAction
    page_actions: list[QAction]
    shortcut_actions: list[QAction]  # what the shortcuts dialog lists; features add theirs

    def enable(self, unlocked: bool) -> None:
        """Lock and the pages are there to use only while the store is unlocked."""
        self.lock_action.setEnabled(unlocked)
        for action in self.page_actions:
            action.setEnabled(unlocked)


def build_menus(
    window: QMainWindow,
    specs: Sequence[PageSpec],
    lock: Callable[[], None],
    go_to: Callable[[int], None],
    shortcuts: Callable[[], None],
    about: Callable[[], None],
) -> WindowActions:
    """The menus in the bar's order; `go_to(row)` shows the page of the sidebar's `row`."""
    file_menu = window.menuBar().addMenu(_("&File"))
    lock_action = QAction(icon("action.lock"), _("&Lock"), window)
    lock_action.setShortcut(QKeySequence("Ctrl+L"))
    lock_action.setStatusTip(_("Lock the store: the key is dropped until you unlock"))
    lock_action.triggered.connect(lock)
    quit_action = QAction(icon("action.quit"), _("&Quit"), window)
    quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    quit_action.triggered.connect(window.close)
    file_menu.addAction(lock_action)
    file_menu.addSeparator()
    file_menu.addAction(quit_action)

    go_menu = window.menuBar().addMenu(_("&Go"))
    page_actions: list[QAction] = []
    for row, spec in enumerate(specs):
        action = QAction(icon(spec.icon), _(spec.title), window)
        if row < 10:  # Ctrl+1 ... Ctrl+9, then Ctrl+0 for the tenth page
            action.setShortcut(QKeySequence(f"Ctrl+{(row + 1) % 10}"))
        action.triggered.connect(lambda _checked=False, r=row: go_to(r))
        go_menu.addAction(action)
        page_actions.append(action)
    window.addActions(page_actions)

    appearance = install_appearance(window)  # View > Appearance…
    help_menu = window.menuBar().addMenu(_("&Help"))
    shortcuts_action = QAction(icon("action.shortcuts"), _("&Keyboard shortcuts"), window)
    shortcuts_action.setShortcut(QKeySequence.StandardKey.HelpContents)
    shortcuts_action.triggered.connect(shortcuts)
    about_action = QAction(icon("action.about"), _("&About apdesk"), window)
    about_action.triggered.connect(about)
    help_menu.addAction(shortcuts_action)
    help_menu.addAction(about_action)
    listed = [lock_action, quit_action, *page_actions, appearance, shortcuts_action]
    return WindowActions(lock_action, quit_action, page_actions, listed)
