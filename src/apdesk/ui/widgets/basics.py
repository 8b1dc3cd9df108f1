"""Small widgets the dialogs share: passphrase entry, strength meter, busy bar, inline errors.

Colours come from the palette (never hard-coded) so light and dark themes both read well.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _
from apdesk.services.passphrase import Strength, estimate
from apdesk.ui.theme import icons


class PassphraseInput(QWidget):
    """A password line edit with a Show/Hide toggle beside it."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setMinimumWidth(260)
        self.toggle = QToolButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setText(_("Show"))
        self.toggle.setAccessibleName(_("Show the passphrase"))
        self.toggle.setToolTip(_("Show or hide what you typed"))
        self.toggle.toggled.connect(self._set_visible)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.toggle)
        self.setFocusProxy(self.edit)

    def _set_visible(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.edit.setEchoMode(mode)
        self.toggle.setText(_("Hide") if shown else _("Show"))

    def text(self) -> str:
        return self.edit.text()

    def clear(self) -> None:
        self.edit.clear()


class StrengthMeter(QWidget):
    """Shows the estimate for a passphrase: a 0-4 bar, its label and a hint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        self.bar.setAccessibleName(_("Passphrase strength"))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        self.strength = self.update_for("")

    def update_for(self, passphrase: str) -> Strength:
        self.strength = estimate(passphrase)
        self.bar.setValue(self.strength.score)
        if passphrase:
            self.label.setText(f"<b>{self.strength.label}.</b> {self.strength.hint}")
        else:
            self.label.setText(self.strength.hint)
        self.bar.setAccessibleDescription(self.strength.label)
        return self.strength


class ErrorLabel(QWidget):
    """A warning icon and message, hidden until there is something to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        warning = icons.icon("state.warning")
        icon.setPixmap(warning.pixmap(size, size))
        icon.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(icon)
        layout.addWidget(self.message, 1)
        self.hide()

    def show_message(self, text: str) -> None:
        """Show `text`; an empty text hides the label."""
        self.message.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))

    def text(self) -> str:
        return self.message.text() if not self.isHidden() else ""


class BusyBar(QProgressBar):
    """An indeterminate bar shown while background work runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 0)
        self.setTextVisible(False)
        self.setMaximumHeight(8)
        self.setAccessibleName(_("Working"))
        self.hide()


def monospace_font(point_size_factor: float = 1.0) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if point_size_factor != 1.0 and font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * point_size_factor)
    return font
