"""The main window: sidebar of pages, status bar, menus, and the Lock action.

The title names the school and the page ("Riverside Academy — Placements — apdesk"), so the
taskbar and window switcher say which school's record is open. The sidebar's width and the
window's size stay put across pages, locking and unlocking.

Pages are built from `ui.pages.PAGES` the first time each is shown while the store is unlocked
(so opening the store pays only for the page on screen) and destroyed when it is locked, so no
pupil's data lingers in a widget once the key is gone. The window's own menus and status bar are
made in `window_menus`, and what its stack of pages holds is in `page_stack`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from apdesk.i18n import _
from apdesk.models.kinds import Kind
from apdesk.services.school import school_name
from apdesk.ui.core import settings_keys
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.host import ShellWindow
from apdesk.ui.exports.install import install as install_file_items
from apdesk.ui.outbox.sync_status import install_sync
from apdesk.ui.security.install import install as install_security
from apdesk.ui.security.remember import install as install_remember
from apdesk.ui.setup.install import install_school_details
from apdesk.ui.sharing.status import install_sharing
from apdesk.ui.shell.build_ahead import BuildAhead
from apdesk.ui.shell.language import install_language
from apdesk.ui.shell.page_stack import LockedPanel, Pages, find_page, focus_first
from apdesk.ui.shell.pages import PAGES, PageSpec
from apdesk.ui.shell.quit_guard import QuitGuard
from apdesk.ui.shell.sidebar import Sidebar
from apdesk.ui.shell.user_guide import install_user_guide
from apdesk.ui.shell.warm_up import WarmUp
from apdesk.ui.shell.window_keys import WindowKeys
from apdesk.ui.shell.window_menus import build_menus, build_status_bar
from apdesk.ui.widgets import keyboard
from apdesk.ui.widgets.announce import announce
from apdesk.ui.widgets.guard import Shelf
from apdesk.ui.widgets.toast import notify
from apdesk.ui.widgets.unsaved import HoldsInput

if TYPE_CHECKING:  # the dialogs themselves are imported when first opened
    from apdesk.ui.security.unlock_dialog import UnlockDialog

GEOMETRY_KEY, PAGE_KEY = settings_keys.MAIN_GEOMETRY.name, settings_keys.MAIN_PAGE.name
PAGE_NOTE_MS = 1500
DEFAULT_SIZE = (1280, 720)  # fits a 1366x768 laptop with its taskbar


class MainWindow(ShellWindow):
    def __init__(
        self, ctx: AppContext, pages: list[PageSpec] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            keyboard.install(app)  # Tab leaves every table, list and date box
        self.ctx = ctx
        self.specs = list(PAGES if pages is None else pages)
        self.pages = Pages(self.page)  # the pages built since the last unlock
        self.unlock_dialog: UnlockDialog | None = None
        self.school = ""  # the school's name once read from the store, for the title
        self.shelf = Shelf(self)
        self.quit_guard = QuitGuard(self, self.pages.values())
        self.warm_up = WarmUp(ctx, self)  # the other pages' modules, loaded off the GUI thread
        self.build_ahead = BuildAhead(  # the busiest pages, built while the window waits
            ctx,
            self.page,
            lambda key: key in self.pages,
            lambda: self.warm_up.waiting or self.warm_up.running,
            self,
        )
        self.setAccessibleName(_("apdesk main window"))
        # The page shown is written to the settings file once the person has settled on it:
        # a write (and the file's sync) on every click kept the window from painting the page.
        self.page_note = QTimer(self)
        self.page_note.setSingleShot(True)
        self.page_note.setInterval(PAGE_NOTE_MS)
        self.page_note.timeout.connect(self._remember_page)

        self.sidebar = Sidebar(self)
        self.sidebar.setAccessibleName(_("Pages"))
        for spec in self.specs:
            self.sidebar.add_page(spec.key, _(spec.title), spec.icon)
        self.stack = QStackedWidget(self)
        self.locked_panel = LockedPanel(self.stack)
        self.locked_panel.unlock_button.clicked.connect(self.ask_to_unlock)
        self.stack.addWidget(self.locked_panel)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.sidebar.currentRowChanged.connect(self._show_row)
        ctx.changed.connect(self._school_changed)

        self.status_parts = status = build_status_bar(self, ctx)
        self.store_label, self.lock_label = status.store_label, status.lock_label
        self.lock_icon, self.sync_label = status.lock_icon, status.sync_label
        self.busy = status.busy
        self.menu_actions = menus = build_menus(
            self,
            self.specs,
            lock=self.lock,
            go_to=self.sidebar.setCurrentRow,
            shortcuts=self.show_shortcuts,
            about=self.show_about,
        )
        self.lock_action, self.quit_action = menus.lock_action, menus.quit_action
        self.page_actions, self.shortcut_actions = menus.page_actions, menus.shortcut_actions
        self.window_keys = WindowKeys([self.lock_action, self.quit_action], self)
        self.sync_ui = install_sync(self)  # status-bar sync state, Send now, Settings…
        self.sharing_ui = install_sharing(self)  # status-bar state of sharing between laptops
        ctx.locked.connect(self._on_locked)
        ctx.unlocked.connect(self._on_unlocked)
        ctx.error.connect(self.show_error)
        self.security_ui = install_security(self)  # auto-lock, clipboard guard, backups…
        install_language(self)  # View > Language…
        self.guide_action = install_user_guide(self)  # Help > User guide, offline
        self.school_action = install_school_details(self, ctx, self.sync_ui.settings_action)
        self.file_items = install_file_items(self)  # File > Export…, reports, leavers
        self.remember_offer = install_remember(self)  # after a passphrase-only unlock
        self._restore_geometry()
        if ctx.is_unlocked:
            self._on_unlocked()
        else:
            self._show_locked()

    # -- pages -------------------------------------------------------------------
    def current_key(self) -> str | None:
        item = self.sidebar.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _show_row(self, row: int) -> None:
        if row < 0 or not self.ctx.is_unlocked:
            return
        page = self.page(self.specs[row].key)
        if page is None:
            return
        leaving = self.stack.currentWidget()
        focus = QApplication.focusWidget()
        self.stack.setCurrentWidget(page)
        title = _(self.specs[row].title)
        self.stack.setAccessibleName(title)
        if focus is not None and leaving is not None and leaving.isAncestorOf(focus):
            focus_first(page)  # the focus was on the page just hidden: not left nowhere
        announce(page, _("{page} page").format(page=title))
        self.page_note.start()  # remembered a moment later, not on the click that shows it
        self.update_title()
        shown = getattr(page, "page_shown", None)
        if callable(shown):
            shown()

    def page(self, key: str) -> QWidget | None:
        """The page for `key`, built on first use while unlocked; None if there is no such page."""
        page = self.pages.get(key)
        spec = next((s for s in self.specs if s.key == key), None)
        if page is None and spec is not None and self.ctx.is_unlocked:
            page = spec.create(self.ctx)
            self.pages[key] = page
            self.stack.addWidget(page)
            # Let the window take the new page's minimum size now, before the page is painted.
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            if hasattr(page, "open_page"):  # a page may ask to show another page, filtered
                page.open_page.connect(self.open_page)
        return page

    def open_page(self, key: str, filters: dict[str, object]) -> None:
        """Show page `key` (or its alias) and narrow it with `apply_filter` if it has one."""
        keys = [spec.key for spec in self.specs]
        found = find_page(keys, key)
        if found is None:
            self.statusBar().showMessage(_("That list is not available yet."), 5000)
            return
        self.sidebar.setCurrentRow(keys.index(found))
        apply = getattr(self.pages.get(found), "apply_filter", None)
        if callable(apply):
            apply(dict(filters))

    # -- the title ---------------------------------------------------------------
    def update_title(self) -> None:
        """School — page — apdesk; "Locked" stands in for the page while the store is locked."""
        if self.ctx.is_unlocked:
            item = self.sidebar.currentItem()
            where = item.text() if item is not None else ""
        else:
            where = _("Locked")
        self.setWindowTitle(" — ".join(part for part in (self.school, where, "apdesk") if part))

    def _read_school(self) -> None:
        self.ctx.query(school_name).success(self._school_named).run()

    def _school_named(self, name: str) -> None:
        self.school = name
        self.update_title()

    def _school_changed(self, changes: object, _source: object) -> None:
        touches = getattr(changes, "touches", None)
        if self.ctx.is_unlocked and callable(touches) and touches([Kind.SCHOOL]):
            self._read_school()

    def notify(self, text: str, kind: str = "success") -> None:
        """A short confirmation over the bottom of the window, repeated in the status bar."""
        notify(self, text, kind)

    def _drop_pages(self) -> None:
        """The pages go with the key, except one holding typed input not yet saved: it waits
        hidden behind the lock, in memory only, as open editors do, and shows it again after
        unlock (quitting while locked asks about it)."""
        for key, page in list(self.pages.items()):
            if isinstance(page, HoldsInput) and page.unsaved_input():
                continue
            self.stack.removeWidget(page)
            page.deleteLater()
            del self.pages[key]

    # -- locking -----------------------------------------------------------------
    def lock(self) -> None:
        if self.ctx.is_unlocked:
            self.ctx.lock()  # emits locked -> _on_locked

    def _show_locked(self) -> None:
        self.stack.setCurrentWidget(self.locked_panel)
        self.sidebar.setEnabled(False)
        self.menu_actions.enable(False)
        self.status_parts.show_lock(None)
        self.update_title()

    def _on_locked(self) -> None:
        if self.page_note.isActive():  # unlocking returns to the page shown last
            self._remember_page()
        self.shelf.shelve()  # open editors keep their input, hidden, until unlock
        self._drop_pages()
        self._show_locked()
        self.ask_to_unlock()

    def ask_to_unlock(self) -> None:
        if self.unlock_dialog is not None:
            self.unlock_dialog.raise_()
            return
        from apdesk.ui.security.unlock_dialog import UnlockDialog

        dialog = UnlockDialog(self.ctx.folder, self.ctx.tasks, cancel_text=_("Cancel"), parent=self)
        dialog.accepted.connect(lambda: self.ctx.set_store(dialog.store))  # type: ignore[arg-type]
        dialog.accepted.connect(self.remember_offer.offer_if_needed)
        dialog.finished.connect(self._unlock_dialog_closed)
        self.unlock_dialog = dialog
        dialog.open()

    def _unlock_dialog_closed(self) -> None:
        if self.unlock_dialog is not None:
            self.unlock_dialog.deleteLater()
            self.unlock_dialog = None

    def _on_unlocked(self) -> None:
        store = self.ctx.store
        self.sidebar.setEnabled(True)
        self.menu_actions.enable(True)
        self.status_parts.show_lock(store.unlocked_by.method)
        self._read_school()
        keys = [spec.key for spec in self.specs]
        wanted = str(self.ctx.settings.value(PAGE_KEY, keys[0] if keys else ""))
        row = keys.index(wanted) if wanted in keys else 0
        self.sidebar.setCurrentRow(-1)  # force a change so the page is shown and refreshed
        self.sidebar.setCurrentRow(row)
        self.shelf.unshelve()
        self.warm_up.start(self.specs, self.pages)  # once this page's data are in
        self.build_ahead.start(spec.key for spec in self.specs)  # then, one by one, when idle

    # -- dialogs and settings ------------------------------------------------------
    def show_error(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, _("apdesk"), message, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_about(self) -> None:
        from apdesk.ui.shell.about import AboutDialog

        dialog = AboutDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_shortcuts(self) -> None:
        from apdesk.ui.shell.about import ShortcutsDialog

        dialog = ShortcutsDialog(self.shortcut_actions, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _restore_geometry(self) -> None:
        geometry = self.ctx.settings.value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)

    def _remember_page(self) -> None:
        self.page_note.stop()
        key = self.current_key()
        if key is not None:
            self.ctx.settings.setValue(PAGE_KEY, key)

    def save_settings(self) -> None:
        if self.page_note.isActive():
            self._remember_page()
        self.ctx.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.ctx.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.quit_guard.may_quit():  # someone chose to go back to unsaved input
            event.ignore()
            return
        self.save_settings()
        self.warm_up.cancel()
        self.build_ahead.cancel()
        super().closeEvent(event)
