"""Applying the look: Fusion, a full palette and one stylesheet, following the system.

The person chooses System, Light, Dark or High contrast, and a text size (View > Appearance).
System follows the platform's colour scheme (`QStyleHints.colorScheme`) and its contrast
preference (`QAccessibilityHints.contrastPreference`), live. The platform's UI font, read once
before apdesk touches it, is the base of every type size, so the system's font size carries
through; the text-size option multiplies it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QDir, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QPalette, QPixmapCache
from PySide6.QtWidgets import QApplication

from apdesk.ui.core import settings_keys
from apdesk.ui.theme import current, icons, images
from apdesk.ui.theme.contrast import ratio
from apdesk.ui.theme.palette import build_palette
from apdesk.ui.theme.style import ApdeskStyle
from apdesk.ui.theme.stylesheet import render
from apdesk.ui.theme.tokens import TEXT_SIZES, Scheme, colours, with_system_colours

PREFERENCE_KEY, TEXT_SIZE_KEY = settings_keys.APPEARANCE.name, settings_keys.TEXT_SIZE.name
PREFERENCES = ("system", "light", "dark", "hc")


@dataclass(frozen=True)
class Appearance:
    preference: str = "system"  # one of PREFERENCES
    text_size: str = "normal"  # a key of TEXT_SIZES

    @classmethod
    def load(cls, settings: QSettings) -> Appearance:
        preference = str(settings.value(PREFERENCE_KEY) or settings_keys.APPEARANCE.default)
        size = str(settings.value(TEXT_SIZE_KEY) or settings_keys.TEXT_SIZE.default)
        return cls(
            preference if preference in PREFERENCES else "system",
            size if size in TEXT_SIZES else "normal",
        )

    def save(self, settings: QSettings) -> None:
        settings.setValue(PREFERENCE_KEY, self.preference)
        settings.setValue(TEXT_SIZE_KEY, self.text_size)
        settings.sync()


def resolve(preference: str, system: Qt.ColorScheme, high_contrast: bool) -> Scheme:
    """The scheme to show: the person's choice, else what the system asks for."""
    if preference in ("light", "dark", "hc"):
        return preference  # type: ignore[return-value]
    if high_contrast:
        return "hc"
    return "dark" if system == Qt.ColorScheme.Dark else "light"  # Unknown: light, as GTK


def system_high_contrast(app: QGuiApplication) -> bool:
    hints = app.styleHints()
    accessibility = hints.accessibility() if hasattr(hints, "accessibility") else None
    if accessibility is None:
        return False
    return bool(accessibility.contrastPreference() == Qt.ContrastPreference.HighContrast)


def platform_colours(palette: QPalette) -> dict[str, str] | None:
    """The platform palette's colours when they look like a high-contrast theme, else None."""
    role = QPalette.ColorRole
    found = {
        "window": palette.color(role.Window).name(),
        "text": palette.color(role.WindowText).name(),
        "highlight": palette.color(role.Highlight).name(),
        "highlighted_text": palette.color(role.HighlightedText).name(),
        "link": palette.color(role.Link).name(),
        "disabled": palette.color(QPalette.ColorGroup.Disabled, role.WindowText).name(),
    }
    strong = ratio(found["text"], found["window"]) >= 7.0
    readable_selection = ratio(found["highlighted_text"], found["highlight"]) >= 4.5
    return found if strong and readable_selection else None


class ThemeManager(QObject):
    """Owns the application's look; `theme_changed(scheme)` after every change."""

    theme_changed = Signal(str)

    def __init__(self, app: QApplication, settings: QSettings) -> None:
        super().__init__(app)
        self.app = app
        self.settings = settings
        self.base_font = QFont(app.font())  # the platform's font, before any scaling
        self.platform_palette = QPalette(app.palette())
        self.applied: tuple[str, str, float] | None = None
        self.overridden = False  # whether apdesk asked Qt for a colour scheme of its own
        self.style = ApdeskStyle()
        app.setStyle(self.style)  # Fusion on every platform: the same look on all
        QDir.setSearchPaths(images.SEARCH_PREFIX, [images.folder()])
        hints = app.styleHints()
        # Bound methods, not lambdas: the connections end with the manager.
        hints.colorSchemeChanged.connect(self._system_changed)
        if hasattr(hints, "accessibility"):
            hints.accessibility().contrastPreferenceChanged.connect(self._system_changed)

    def appearance(self) -> Appearance:
        return Appearance.load(self.settings)

    def set_appearance(self, appearance: Appearance) -> None:
        appearance.save(self.settings)
        self.refresh()

    def preview(self, appearance: Appearance) -> None:
        """Show an appearance without saving it (the dialog's live preview)."""
        self._apply(appearance)

    def detach(self) -> None:
        """Stop following the system (the manager is being replaced)."""
        hints = self.app.styleHints()
        hints.colorSchemeChanged.disconnect(self._system_changed)
        if hasattr(hints, "accessibility"):
            hints.accessibility().contrastPreferenceChanged.disconnect(self._system_changed)

    def _system_changed(self, *_args: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._apply(self.appearance())

    def _apply(self, appearance: Appearance) -> None:
        hints = self.app.styleHints()
        if appearance.preference == "system" and self.overridden:
            hints.blockSignals(True)
            hints.unsetColorScheme()  # back to the platform's own scheme
            hints.blockSignals(False)
            self.overridden = False
        scheme = resolve(appearance.preference, self._system_scheme(), self._high_contrast())
        values = colours(scheme)
        derived = scheme == "hc" and appearance.preference == "system"
        system = platform_colours(self.platform_palette) if derived else None
        if system is not None:
            values = with_system_colours(system)
        factor = TEXT_SIZES[appearance.text_size]
        key = (scheme, repr(sorted(values.items())), factor)
        if key == self.applied:
            return  # restyling every widget is slow: never for nothing
        self.applied = key
        if appearance.preference in ("light", "dark", "hc"):
            # Native title bars and dialogs match the choice (Qt 6.8+).
            wanted = Qt.ColorScheme.Light if scheme == "light" else Qt.ColorScheme.Dark
            hints.blockSignals(True)
            hints.setColorScheme(wanted)
            hints.blockSignals(False)
            self.overridden = True
        current.set_colours(scheme, values)
        icons.clear_cache()
        QPixmapCache.clear()
        font = QFont(self.base_font)
        points = self.base_font.pointSizeF()
        if points <= 0:  # a pixel-sized platform font: convert at 96 dpi
            points = self.base_font.pixelSize() * 0.75
        font.setPointSizeF(points * factor)
        self.app.setFont(font)
        self.app.setPalette(build_palette(values))
        self.app.setStyleSheet(render(values, points * factor))
        self.theme_changed.emit(scheme)

    def _system_scheme(self) -> Qt.ColorScheme:
        return self.app.styleHints().colorScheme()

    def _high_contrast(self) -> bool:
        return system_high_contrast(self.app)


_manager: list[ThemeManager] = []


def install_theme(app: QApplication, settings: QSettings) -> ThemeManager:
    """Call once, before the first window: applies the saved appearance and follows the system."""
    manager = ThemeManager(app, settings)
    _manager[:] = [manager]
    manager.refresh()
    return manager


def uninstall_theme() -> None:
    """Forget the installed manager (tests that put the application's look back)."""
    for manager in _manager:
        manager.detach()
        manager.deleteLater()
    _manager.clear()


def theme_manager() -> ThemeManager | None:
    """The application's manager, or None where no theme was installed (most tests)."""
    return _manager[0] if _manager else None
