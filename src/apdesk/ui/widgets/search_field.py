"""A search box whose hint is never cut off mid-word.

A page's search box shares its row with filters, so in a long language or a narrow window it
gets less room than its hint needs, and Qt cuts the hint with an ellipsis ("Szukaj po
nazwisku lub num…"). The hint's shortcut, in brackets at its end, is what goes first: the box
shows the hint without it when the whole does not fit, and the tooltip always says it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QSize
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
        self._measured: tuple[int, int, int, int] | None = None  # height, frame, whole, short
        self.setClearButtonEnabled(True)
        self.setToolTip(hint)
        self.setPlaceholderText(hint)

    def _measures(self) -> tuple[int, int, int]:
        """What the frame, text margins and clear button take, and the widths of the whole
        hint and the hint without its shortcut. Measured once per height, font and style: with
        a style sheet, asking the style is dear, and layouts ask at every pass."""
        if self._measured is None or self._measured[0] != self.height():
            option = QStyleOptionFrame()
            self.initStyleOption(option)
            style = self.style()
            inside = style.subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
            margins = self.textMargins()
            clear = self.height() if self.isClearButtonEnabled() else 0  # a square button
            frame = self.width() - inside.width() + margins.left() + margins.right() + clear + 4
            metrics = self.fontMetrics()
            whole = metrics.horizontalAdvance(self.hint)
            short = metrics.horizontalAdvance(without_shortcut(self.hint))
            self._measured = (self.height(), frame, whole, short)
        return self._measured[1:]

    def minimumSizeHint(self) -> QSize:
        """Wide enough for the hint without its shortcut: a cut hint says nothing."""
        hint = super().minimumSizeHint()
        frame, _whole, short = self._measures()
        return QSize(max(hint.width(), short + frame + 2), hint.height())

    def fit_hint(self) -> None:
        frame, whole, _short = self._measures()
        fits = whole <= self.width() - frame  # the room inside the frame, margins and button
        self.setPlaceholderText(self.hint if fits else without_shortcut(self.hint))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._measured = None
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width() or self._measured is None:
            self.fit_hint()
