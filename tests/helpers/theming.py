"""A fixture that installs apdesk's look for one test and puts Qt's defaults back after."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from apdesk.ui.theme import current
from apdesk.ui.theme.apply import ThemeManager, install_theme, uninstall_theme
from apdesk.ui.theme.tokens import colours


@pytest.fixture
def theme(qapp: QApplication, settings: QSettings) -> Iterator[ThemeManager]:
    style, palette, font = qapp.style().name(), QPalette(qapp.palette()), QFont(qapp.font())
    manager = install_theme(qapp, settings)
    yield manager
    uninstall_theme()
    qapp.setStyleSheet("")
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)
    current.set_colours("light", colours("light"))
