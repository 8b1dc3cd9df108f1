"""Alt+letters in use where the user can see them: two controls sharing one is a clash, since
Alt+letter then reaches only the first."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QToolBar, QWidget


def letter(text: str) -> str:
    key = QKeySequence.mnemonic(text)
    return "" if key.isEmpty() else key.toString()


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Each Alt+letter in use where the user can see it, and what uses it."""
    found: dict[str, list[str]] = defaultdict(list)
    menus = getattr(window, "menuBar", None)
    if callable(menus):
        for action in menus().actions():
            if action.isVisible() and letter(action.text()):
                found[letter(action.text())].append(f"menu {action.text()!r}")
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not widget.isEnabled():
            continue
        captions = isinstance(widget, QLabel) and widget.buddy() is not None
        button = isinstance(widget, QAbstractButton) and not isinstance(widget.parent(), QToolBar)
        text = widget.text() if captions or button else ""  # type: ignore[attr-defined]
        if letter(text):
            found[letter(text)].append(f"{type(widget).__name__} {text!r}")
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if letter(widget.tabText(i)):
                    found[letter(widget.tabText(i))].append(f"tab {widget.tabText(i)!r}")
        if isinstance(widget, QToolBar):
            for action in widget.actions():
                if widget.widgetForAction(action) is not None and letter(action.text()):
                    found[letter(action.text())].append(f"tool {action.text()!r}")
    return found


def clashes(window: QWidget) -> list[str]:
    return sorted(f"{key}: {', '.join(users)}" for key, users in mnemonics(window).items()
                  if len(users) > 1)  # fmt: skip
