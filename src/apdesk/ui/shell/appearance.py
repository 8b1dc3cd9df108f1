"""View > Appearance…: colours (System, Light, Dark, High contrast) and the text size.

Choices show at once, so a person sees what they pick; Save keeps them (in this computer's
settings, not in the store: they belong to the person at this machine), Cancel puts back what
was there. Works while the store is locked: nothing here touches a pupil's record.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import N_, _
from apdesk.ui.shell.help_menu import menu_named
from apdesk.ui.theme.apply import (
    PREFERENCES,
    Appearance,
    ThemeManager,
    install_theme,
    theme_manager,
)
from apdesk.ui.theme.icons import icon
from apdesk.ui.theme.tokens import SPACING, TEXT_SIZES

PREFERENCE_NAMES = {
    "system": N_("Same as this computer"),
    "light": N_("Light"),
    "dark": N_("Dark"),
    "hc": N_("High contrast"),
}
SIZE_NAMES = {"normal": N_("Normal"), "large": N_("Large"), "larger": N_("Larger")}


class AppearanceDialog(QDialog):
    def __init__(self, manager: ThemeManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.manager = manager
        self.saved = manager.appearance()
        self.setWindowTitle(_("Appearance"))
        self.setAccessibleName(_("Appearance"))
        colours = QLabel(_("Colours"), self)
        colours.setProperty("role", "section")
        self.choices = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING["sm"])
        layout.addWidget(colours)
        for preference in PREFERENCES:
            button = QRadioButton(_(PREFERENCE_NAMES[preference]), self)
            button.setProperty("preference", preference)
            button.setChecked(preference == self.saved.preference)
            self.choices.addButton(button)
            layout.addWidget(button)
        note = QLabel(
            _(
                "Same as this computer follows its light or dark setting and its high-contrast "
                "mode as they change."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        layout.addWidget(note)
        size_label = QLabel(_("&Text size"), self)
        size_label.setProperty("role", "section")
        self.text_size = QComboBox(self)
        self.text_size.setAccessibleName(_("Text size"))
        for key, factor in TEXT_SIZES.items():
            self.text_size.addItem(f"{_(SIZE_NAMES[key])} ({round(factor * 100)}%)", key)
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(self.saved.text_size)))
        size_label.setBuddy(self.text_size)
        layout.addSpacing(SPACING["sm"])
        layout.addWidget(size_label)
        layout.addWidget(self.text_size)
        size_note = QLabel(_("On top of this computer's own text size."), self)
        size_note.setProperty("role", "muted")
        layout.addWidget(size_note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addSpacing(SPACING["md"])
        layout.addWidget(self.buttons)
        self.choices.buttonToggled.connect(self._toggled)
        self.text_size.currentIndexChanged.connect(lambda _index: self.preview())
        self.setMinimumWidth(380)

    def chosen(self) -> Appearance:
        checked = self.choices.checkedButton()
        preference = str(checked.property("preference")) if checked else "system"
        return Appearance(preference, str(self.text_size.currentData() or "normal"))

    def _toggled(self, _button: QRadioButton, on: bool) -> None:
        if on:  # the button turned off needs no preview of its own
            self.preview()

    def preview(self) -> None:
        self.manager.preview(self.chosen())

    def accept(self) -> None:
        self.manager.set_appearance(self.chosen())
        super().accept()

    def reject(self) -> None:
        self.manager.preview(self.saved)
        super().reject()


def install_appearance(window: QMainWindow) -> QAction:
    """Adds View > Appearance… to the main window (the window needs a `ctx` with settings)."""
    action = QAction(icon("action.appearance"), _("&Appearance…"), window)
    action.setShortcut(QKeySequence("Ctrl+Shift+A"))
    action.setStatusTip(_("Light, dark or high-contrast colours, and the size of the text"))
    menu_named(window, _("&View")).addAction(action)

    def show() -> None:
        manager = theme_manager()
        if manager is None:  # started without a theme (as most tests do): install one now
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            manager = install_theme(app, window.ctx.settings)  # type: ignore[attr-defined]
        dialog = AppearanceDialog(manager, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    action.triggered.connect(show)
    window.appearance_action = action  # type: ignore[attr-defined]
    return action
