"""A search box whose hint is never cut off mid-word.

A page's search box shares its row with filters, so in a long language or a narrow window it
gets less room than its hint needs, and Qt cuts the hint with an ellipsis ("Szukaj po
nazwisku lub num…"). The hint's shortcut, in brackets at its end, is what goes first: the box
shows the hint without it when the whole does not fit, and the tooltip always says it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame, QWidget

# The bracketed ending, before any padding the pseudo-locale adds ("(Çtrľ+F)···]").
_SHORTCUT = re.compile(r"\s*\([^()]*\)(?=[\s·\]]*$)")


def without_shortcut(hint: str) -> str:
    """The hint with its trailing "(Ctrl+F)" taken off, if it has one."""
    return _SHORTCUT.sub("", hint)


class SearchField(QLineEdit):
    def __init__(self, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = hint
        self.setClearButtonEnabled(True)
        self.setToolTip(hint)
        self.setPlaceholderText(hint)

    def minimumSizeHint(self) -> QSize:
        """Wide enough for the hint without its shortcut: a cut hint says nothing."""
        hint = super().minimumSizeHint()
        short = self.fontMetrics().horizontalAdvance(without_shortcut(self.hint))
        return QSize(max(hint.width(), short + self.width() - self.room() + 2), hint.height())

    def room(self) -> int:
        """The width the text can take inside the frame, the margins and the clear button."""
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        inside = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        margins = self.textMargins()
        clear = self.height() if self.isClearButtonEnabled() else 0  # a square button
        return inside.width() - margins.left() - margins.right() - clear - 4

    def fit_hint(self) -> None:
        metrics = self.fontMetrics()
        whole = metrics.horizontalAdvance(self.hint) <= self.room()
        self.setPlaceholderText(self.hint if whole else without_shortcut(self.hint))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_hint()
