"""Fonts for PDFs in any locale. reportlab's built-in Helvetica only covers Latin-1, so Polish
(ł, ś, ż), Romanian (ă, ș) or the pseudo-locale's accents would print as black boxes. When the
locale needs it we register DejaVu Sans (a free font with wide coverage) and use it instead.

Documents written before this module name "Helvetica" directly, so while such a locale is active
the Helvetica names are also pointed at DejaVu; switching back to English restores the built-in
fonts. New code should ask `body_font()` / `bold_font()` / `italic_font()`.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from apdesk.i18n import current_locale, needs_unicode_font, on_locale_changed

log = logging.getLogger(__name__)

BUILTIN = {
    "regular": "Helvetica",
    "bold": "Helvetica-Bold",
    "italic": "Helvetica-Oblique",
    "bolditalic": "Helvetica-BoldOblique",
}
DEJAVU_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bolditalic": "DejaVuSans-BoldOblique.ttf",
}
UNICODE_NAMES = {
    "regular": "ApdeskSans",
    "bold": "ApdeskSans-Bold",
    "italic": "ApdeskSans-Oblique",
    "bolditalic": "ApdeskSans-BoldOblique",
}
SEARCH_DIRS = (
    "/usr/share/fonts/truetype/dejavu",  # Debian, Ubuntu (fonts-dejavu-core)
    "/usr/share/fonts/dejavu",  # Fedora
    "/usr/share/fonts/TTF",  # Arch
    "/Library/Fonts",
    "C:/Windows/Fonts",
)

_registered: bool | None = None  # None: not tried yet; False: no font found


def font_dirs() -> list[Path]:
    """Where to look: a bundled `resources/fonts`, APDESK_FONT_DIR, then the system's folders."""
    from apdesk.paths import resource_path

    dirs = [resource_path("fonts")]
    if os.environ.get("APDESK_FONT_DIR"):
        dirs.insert(0, Path(os.environ["APDESK_FONT_DIR"]))
    return dirs + [Path(d) for d in SEARCH_DIRS]


def _find(filename: str) -> Path | None:
    return next((d / filename for d in font_dirs() if (d / filename).is_file()), None)


def register_unicode_fonts() -> bool:
    """Register DejaVu Sans under the ApdeskSans names; False (logged once) if it is missing."""
    global _registered
    if _registered is not None:
        return _registered
    paths = {style: _find(name) for style, name in DEJAVU_FILES.items()}
    if paths["regular"] is None:
        log.warning("DejaVu Sans not found: PDFs fall back to Helvetica (Latin-1 letters only)")
        _registered = False
        return False
    for style, name in UNICODE_NAMES.items():
        path = paths[style] or paths["regular"]
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        UNICODE_NAMES["regular"],
        normal=UNICODE_NAMES["regular"],
        bold=UNICODE_NAMES["bold"],
        italic=UNICODE_NAMES["italic"],
        boldItalic=UNICODE_NAMES["bolditalic"],
    )
    _registered = True
    return True


def _use_unicode() -> bool:
    return needs_unicode_font(current_locale()) and register_unicode_fonts()


def body_font() -> str:
    return UNICODE_NAMES["regular"] if _use_unicode() else BUILTIN["regular"]


def bold_font() -> str:
    return UNICODE_NAMES["bold"] if _use_unicode() else BUILTIN["bold"]


def italic_font() -> str:
    return UNICODE_NAMES["italic"] if _use_unicode() else BUILTIN["italic"]


def apply_locale(locale: str) -> None:
    """Point the Helvetica names at DejaVu while a locale needs more than Latin-1, and back."""
    fonts = pdfmetrics._fonts  # reportlab's registry; built-in fonts are re-created on demand
    if needs_unicode_font(locale) and register_unicode_fonts():
        for style, builtin in BUILTIN.items():
            fonts[builtin] = _alias(style, builtin)
    else:
        for builtin in BUILTIN.values():
            if isinstance(fonts.get(builtin), TTFont):
                del fonts[builtin]


_aliases: dict[str, TTFont] = {}


def _alias(style: str, name: str) -> TTFont:
    """A separate TTFont object under the built-in name (each font keeps its own subsets)."""
    if name not in _aliases:
        path = _find(DEJAVU_FILES[style]) or _find(DEJAVU_FILES["regular"])
        _aliases[name] = TTFont(name, str(path))
    return _aliases[name]


on_locale_changed(apply_locale)
apply_locale(current_locale())
