"""Small widgets the dialogs share: passphrase entry, strength meter, busy bar, inline errors.

Colours come from the palette (never hard-coded) so light and dark themes both read well.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
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
from apdesk.ui.widgets.announce import announce
from apdesk.ui.widgets.secret import SecretEdit


class PassphraseInput(QWidget):
    """A secret field (nothing typed reaches the accessibility bus) with a Show toggle."""

    def __init__(
        self, accessible_name: str, parent: QWidget | None = None, *, show_name: str = ""
    ) -> None:
        super().__init__(parent)
        self.edit = SecretEdit(self)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setMinimumWidth(260)
        self.toggle = QToolButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setText(_("Show"))
        self.toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toggle.setAccessibleName(show_name or _("Show the passphrase"))
        self.toggle.setToolTip(_("Show or hide what you typed"))
        self.toggle.toggled.connect(self._set_visible)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.toggle)
        self.setFocusProxy(self.edit)

    def _set_visible(self, shown: bool) -> None:
        self.edit.set_shown(shown)
        self.toggle.setText(_("Hide") if shown else _("Show"))

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:  # as QLineEdit's, for callers
        self.edit.setText(text)

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
    """A warning icon and message, hidden until there is something to say; each new message
    is announced to the screen reader at once (the focus stays where the person is)."""

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
        said = self.text()
        self.message.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))
        if text and text != said:
            announce(self, text, assertive=True)
        if text:
            QTimer.singleShot(0, self, self._make_room)

    def _make_room(self) -> None:
        """A dialog grows to give the message its lines: a wrapped message (two lines under
        a short field) was squeezed over the field above it."""
        window = self.window()
        layout = window.layout()
        if not isinstance(window, QDialog) or layout is None or not self.isVisible():
            return
        layout.activate()
        if layout.hasHeightForWidth():
            wanted = layout.totalHeightForWidth(window.width())
        else:
            wanted = layout.totalSizeHint().height()
        room = window.screen().availableGeometry().height() - 40  # its title bar stays on screen
        if window.height() < wanted:
            window.resize(window.width(), min(wanted, max(room, window.height())))

    def text(self) -> str:
        return self.message.text() if not self.isHidden() else ""


class BusyBar(QProgressBar):
    """An indeterminate bar shown while background work runs. Work that lasts past a moment
    is announced ("Working…") and so is its end ("Done"); quick reads stay silent."""

    SAY_AFTER_MS = 1500

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 0)
        self.setTextVisible(False)
        self.setMaximumHeight(8)
        # Its room is kept while hidden: showing it moves nothing, so a page's long table is not
        # laid out again (and every row measured) when work starts and again when it ends.
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.setAccessibleName(_("Working"))
        self._said = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SAY_AFTER_MS)
        self._timer.timeout.connect(self._say_working)
        self.hide()

    def setVisible(self, visible: bool) -> None:
        super().setVisible(visible)
        if visible and not self._timer.isActive() and not self._said:
            self._timer.start()
        elif not visible:
            self._timer.stop()
            if self._said:
                self._said = False
                announce(self, _("Done"))

    def _say_working(self) -> None:
        if self.isVisible():
            self._said = True
            announce(self, _("Working…"))


def monospace_font(point_size_factor: float = 1.0) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if point_size_factor != 1.0 and font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * point_size_factor)
    return font
