"""Help menu dialogs: About (versions, for support calls) and the list of keyboard shortcuts."""

from __future__ import annotations

import platform
import sys
from collections.abc import Iterable

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import text
from sqlmodel import Session

from apdesk import __version__
from apdesk.i18n import N_, _
from apdesk.ui.core.context import AppContext
from apdesk.ui.widgets.screen_fit import fit_to_screen


def cipher_version(session: Session) -> str:
    """SQLCipher's own answer, from the open store (a read)."""
    return str(session.connection().execute(text("PRAGMA cipher_version")).scalar() or "")


def versions() -> dict[str, str]:
    """Everything except SQLCipher, which needs an unlocked store to ask."""
    return {
        "apdesk": __version__,
        "Qt": qVersion(),
        "PySide6": PySide6.__version__,
        "Python": f"{platform.python_version()} ({sys.platform})",
    }


class AboutDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About apdesk"))
        self.setAccessibleName(_("About apdesk"))
        self.setMinimumWidth(420)
        intro = QLabel(
            "<h2>apdesk</h2><p>{}</p>".format(
                _("The school's record of alternative provision, kept encrypted on this computer.")
            ),
            self,
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        rows = versions()
        rows["SQLCipher"] = _("(unlock the store to see)")
        for name, value in rows.items():
            label = QLabel(value, self)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAccessibleName(_("{name} version").format(name=name))
            form.addRow(f"{name}:", label)
            self.values[name] = label
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if ctx.is_unlocked:
            self.values["SQLCipher"].setText("…")
            ctx.query(cipher_version).success(self.values["SQLCipher"].setText).run()


# Keys that work inside the pages and editors (their actions live on the pages themselves).
PAGE_SHORTCUTS = (
    ("Ctrl+F", N_("Pupils, Providers: search as you type")),
    ("Ctrl+N", N_("Pupils, Placements: new record")),
    ("Ctrl+Shift+N", N_("Providers: new provider")),
    ("Ctrl+I", N_("Pupils, Attendance: import a file")),
    ("Ctrl+E", N_("Pupil details: edit; Attendance: export for the MIS")),
    ("Ctrl+P", N_("Placements: print the referral form")),
    ("Ctrl+S", N_("Editors and timetables: save")),
    ("Ctrl+Z, Ctrl+Shift+Z", N_("Timetables, Attendance: undo and redo")),
    ("F4", N_("Attendance: list the attendance codes")),
    ("Enter", N_("Attendance: next pupil; lists: open the selected row")),
    ("Ctrl+R", N_("Outbox: retry the selected pack")),
    ("Ctrl+PgUp, Ctrl+PgDown", N_("Attendance: previous and next week")),
)


class ShortcutsDialog(QDialog):
    """Lists every action that has a shortcut, so nobody has to guess them."""

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.setAccessibleName(_("Keyboard shortcuts"))
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([_("Shortcut"), _("Action")])
        self.table.setAccessibleName(_("Keyboard shortcuts"))
        for action in actions:
            native = QKeySequence.SequenceFormat.NativeText
            keys = ", ".join(
                seq.toString(native) for seq in action.shortcuts() if not seq.isEmpty()
            )
            if keys:
                text = action.text().replace("&", "")
                QTreeWidgetItem(self.table, [keys, text])
        for keys, text in PAGE_SHORTCUTS:
            QTreeWidgetItem(self.table, [keys, _(text)])
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        # Every shortcut and its whole action at once where the screen has room for them.
        rows = self.table.topLevelItemCount()
        row = self.table.sizeHintForRow(0) if rows else 0
        width = self.table.columnWidth(0) + self.table.columnWidth(1) + 80
        height = self.table.header().sizeHint().height() + rows * row + 110
        fit_to_screen(self, max(width, 420), max(height, 360))
