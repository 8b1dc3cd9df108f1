"""Help menu dialogs: About (versions, for support calls) and the list of keyboard shortcuts."""

from __future__ import annotations

import platform
import sys
from collections.abc import Iterable

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction
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

from apdesk import __version__
from apdesk.i18n import _
from apdesk.ui.context import AppContext


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
            ctx.read(lambda store: store.cipher_version(), self.values["SQLCipher"].setText)


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
            keys = action.shortcut().toString(action.shortcut().SequenceFormat.NativeText)
            if keys:
                text = action.text().replace("&", "")
                QTreeWidgetItem(self.table, [keys, text])
        self.table.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(420, 360)
