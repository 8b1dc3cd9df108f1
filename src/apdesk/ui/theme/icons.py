"""Lucide icons recoloured at paint time, so they follow the theme and stay crisp at any DPI.

`icon("page.home")` gives a QIcon whose engine draws the stored SVG (resources/icons/lucide)
with `currentColor` replaced by a token colour for the icon's mode: its tone when Normal or
Active, the selected-text colour when Selected, the disabled-text colour when Disabled. The
colour is read when the icon is drawn, so a theme switch needs no new icons; rendered pixmaps
are cached per theme and dropped when the theme changes.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPixmap, QTransform
from PySide6.QtSvg import QSvgRenderer

from apdesk import paths
from apdesk.ui.theme import current
from apdesk.ui.theme.icon_names import ICONS, STATE_TONES

# The token each tone paints with in the Normal and Active modes.
TONES: dict[str, str] = {
    "fg": "fg.default",
    "muted": "fg.muted",
    "on_accent": "fg.on_accent",
    "inverse": "fg.inverse",
    "accent": "accent.bg",
    "info": "info.fg",
    "success": "success.fg",
    "warning": "warning.fg",
    "danger": "danger.fg",
}
_CACHE_LIMIT = 2000
_pixmaps: dict[tuple[object, ...], QPixmap] = {}


@cache
def svg_source(glyph: str) -> bytes:
    """The stored SVG of a Lucide glyph (read once)."""
    return paths.resource_path("icons", "lucide", f"{glyph}.svg").read_bytes()


def tone_colour(tone: str, mode: QIcon.Mode) -> str:
    colours = current.colours()
    if mode == QIcon.Mode.Disabled:
        return colours["fg.disabled"]
    if mode == QIcon.Mode.Selected:
        return colours["fg.on_accent"]
    return colours[TONES.get(tone, "fg.default")]


class TintedSvgIconEngine(QIconEngine):
    """Draws one glyph as vectors in the current theme's colour for the mode asked."""

    def __init__(self, glyph: str, tone: str = "fg") -> None:
        super().__init__()
        self.glyph = glyph
        self.tone = tone

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        colour = tone_colour(self.tone, mode).encode()
        renderer = QSvgRenderer(QByteArray(svg_source(self.glyph).replace(b"currentColor", colour)))
        renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        return renderer

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        """On screen, the glyph's pixmap drawn once for this size (reading the SVG again for
        every paint was most of a page's repaint); scaled or turned (printing), as vectors."""
        if painter.worldTransform().type().value <= QTransform.TransformationType.TxTranslate.value:
            ratio = painter.device().devicePixelRatio()
            painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, ratio))
            return
        self._vectors(painter, rect, mode)

    def _vectors(self, painter: QPainter, rect: QRect, mode: QIcon.Mode) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer(mode).render(painter, QRectF(rect))
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        """A pixmap of logical `size` drawn at `scale` device pixels per pixel (HiDPI)."""
        key = (self.glyph, self.tone, mode, size.width(), size.height(), scale, current.serial())
        cached = _pixmaps.get(key)
        if cached is not None:
            return cached
        device = QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale)))
        pixmap = QPixmap(device)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self._vectors(painter, QRect(0, 0, device.width(), device.height()), mode)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        if len(_pixmaps) >= _CACHE_LIMIT:
            _pixmaps.clear()
        _pixmaps[key] = pixmap
        return pixmap

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def clone(self) -> QIconEngine:
        return TintedSvgIconEngine(self.glyph, self.tone)

    def iconName(self) -> str:
        return self.glyph

    def isNull(self) -> bool:
        return False

    def key(self) -> str:
        return "apdesk-tinted-svg"


def icon(name: str, tone: str | None = None) -> QIcon:
    """The icon for a meaning in `icon_names` ("page.home", "state.warning", ...).

    `tone` picks the token colour ("fg", "muted", "on_accent", "accent", "info", "success",
    "warning", "danger"); states default to their own tone, everything else to the text colour.
    """
    glyph = ICONS[name]  # a KeyError names the missing meaning: add it to icon_names
    return QIcon(TintedSvgIconEngine(glyph, tone or STATE_TONES.get(name, "fg")))


def clear_cache() -> None:
    """Called on a theme change: the next paint uses the new colours."""
    _pixmaps.clear()
