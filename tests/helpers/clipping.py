"""Finds text that does not fit: a visible label or button narrower than its size hint.

Shared by the translation tests: a longer language (Polish, the pseudo-locale) is exactly what
makes a fixed-width label cut its text off.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

SLACK = 2  # pixels of rounding Qt allows itself


def clipped_widgets(root: QWidget) -> list[str]:
    """Each visible QLabel / QAbstractButton showing text whose width is below its size hint."""
    problems: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel):
            text = widget.text()
            if not text.strip() or widget.wordWrap():
                continue
        elif isinstance(widget, QAbstractButton):
            text = widget.text()
            if not text.strip():
                continue
        else:
            continue
        needed = widget.minimumSizeHint().width() if isinstance(widget, QLabel) else 0
        needed = max(needed, widget.sizeHint().width())
        if widget.width() + SLACK < needed:
            name = widget.objectName() or type(widget).__name__
            problems.append(f"{name} {text[:50]!r}: {widget.width()}px < {needed}px")
    return problems
