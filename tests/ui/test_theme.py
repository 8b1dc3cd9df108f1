"""The look on screen: one stylesheet that Qt parses cleanly, a complete palette, live switching."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot
from tools.widget_gallery import Gallery

from apdesk.ui.theme import current
from apdesk.ui.theme.apply import PREFERENCES, Appearance, ThemeManager, resolve
from apdesk.ui.theme.palette import build_palette
from apdesk.ui.theme.stylesheet import render
from apdesk.ui.theme.tokens import SCHEMES, TEXT_SIZES, colours

Role, Group = QPalette.ColorRole, QPalette.ColorGroup


@pytest.fixture
def qt_messages() -> Iterator[list[str]]:
    """Every warning Qt prints while the test runs (a bad stylesheet is only a warning)."""
    seen: list[str] = []

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if kind != QtMsgType.QtDebugMsg and "propagateSizeHints" not in message:
            seen.append(message)

    previous = qInstallMessageHandler(handler)
    yield seen
    qInstallMessageHandler(previous)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", sorted(TEXT_SIZES))
def test_the_stylesheet_renders_every_token_and_qt_parses_it_cleanly(
    qtbot: QtBot, theme: ThemeManager, qt_messages: list[str], scheme: str, size: str
) -> None:
    qss = render(colours(scheme), 10.0 * TEXT_SIZES[size])  # type: ignore[arg-type]
    assert "$" not in qss and "{" in qss
    theme.preview(Appearance(scheme, size))
    gallery = Gallery()  # every control and component, so every rule is used
    qtbot.addWidget(gallery)
    gallery.show()
    qtbot.waitExposed(gallery)
    gallery.grab()
    assert qt_messages == []


def test_the_lint_notices_a_broken_stylesheet(qtbot: QtBot, qt_messages: list[str]) -> None:
    button = QPushButton("x")
    button.setStyleSheet("QPushButton { color: red; ")  # an unclosed block: Qt drops it
    button.ensurePolished()
    assert any("parse" in message.lower() for message in qt_messages)
    shiboken6.delete(button)


def test_fusion_a_full_palette_and_the_stylesheet_are_applied(
    qapp: QApplication, theme: ThemeManager
) -> None:
    assert theme.style.baseStyle().name().lower() == "fusion"
    palette = qapp.palette()
    roles = [r for r in Role if r not in (Role.NoRole, Role.NColorRoles)]
    for group in (Group.Active, Group.Inactive, Group.Disabled):
        unset = [r.name for r in roles if not palette.isBrushSet(group, r)]
        assert unset == [], (group, unset)
    assert qapp.styleSheet().startswith("/* apdesk")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_palette_carries_the_tokens(scheme: str) -> None:
    values = colours(scheme)  # type: ignore[arg-type]
    palette = build_palette(values)
    assert palette.color(Group.Active, Role.Window) == QColor(values["bg.window"])
    assert palette.color(Group.Active, Role.Base) == QColor(values["bg.surface"])
    assert palette.color(Group.Active, Role.Highlight) == QColor(values["accent.bg"])
    assert palette.color(Group.Disabled, Role.Text) == QColor(values["fg.disabled"])
    assert palette.color(Group.Inactive, Role.Highlight) == QColor(values["accent.bg"])


def test_the_choice_wins_then_high_contrast_then_the_system_scheme() -> None:
    light, dark, unknown = Qt.ColorScheme.Light, Qt.ColorScheme.Dark, Qt.ColorScheme.Unknown
    assert resolve("system", light, False) == "light"
    assert resolve("system", dark, False) == "dark"
    assert resolve("system", unknown, False) == "light"  # as GTK does
    assert resolve("system", light, True) == "hc"
    assert resolve("light", dark, True) == "light"
    assert resolve("dark", light, False) == "dark"
    assert resolve("hc", light, False) == "hc"
    assert PREFERENCES == ("system", "light", "dark", "hc")


def window_colour(qapp: QApplication) -> str:
    return qapp.palette().color(Group.Active, Role.Window).name().upper()


def test_following_the_system_switches_live_when_the_system_changes(
    qapp: QApplication, theme: ThemeManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert theme.appearance().preference == "system"
    monkeypatch.setattr(theme, "_system_scheme", lambda: Qt.ColorScheme.Dark)
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window_colour(qapp) == colours("dark")["bg.window"]
    assert current.scheme() == "dark"
    monkeypatch.setattr(theme, "_high_contrast", lambda: True)
    qapp.styleHints().accessibility().contrastPreferenceChanged.emit(
        Qt.ContrastPreference.HighContrast
    )
    assert current.scheme() == "hc"


def test_a_chosen_scheme_is_saved_and_ignores_the_system(
    qapp: QApplication, theme: ThemeManager, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    theme.set_appearance(Appearance("dark", "normal"))
    assert settings.value("ui/appearance") == "dark"
    monkeypatch.setattr(theme, "_system_scheme", lambda: Qt.ColorScheme.Light)
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert window_colour(qapp) == colours("dark")["bg.window"]
    assert Appearance.load(settings) == Appearance("dark", "normal")


def test_text_size_scales_the_platform_font_and_the_type_scale(
    qapp: QApplication, theme: ThemeManager
) -> None:
    base = theme.base_font.pointSizeF()
    theme.preview(Appearance("light", "larger"))
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.3, abs=0.05)
    assert f"font-size: {base * 1.3 * 1.5:.1f}pt" in qapp.styleSheet()  # the page title
    theme.preview(Appearance("light", "normal"))
    assert qapp.font().pointSizeF() == pytest.approx(base, abs=0.05)


def test_the_same_appearance_is_not_applied_twice(
    qapp: QApplication, theme: ThemeManager, qtbot: QtBot
) -> None:
    with qtbot.assertNotEmitted(theme.theme_changed):
        theme.refresh()
    with qtbot.waitSignal(theme.theme_changed):
        theme.preview(Appearance("dark", "normal"))


def test_a_dialogs_accepting_button_is_its_primary_button(
    qtbot: QtBot, theme: ThemeManager
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    box.show()
    save = box.button(QDialogButtonBox.StandardButton.Save)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert save.property("variant") == "primary"
    assert not cancel.property("variant")
    accent = QColor(colours("light")["accent.bg"])
    image = save.grab().toImage()
    middle = image.pixelColor(image.width() // 2, image.height() - 4)
    assert middle == accent  # drawn filled with the accent, not as a plain button
