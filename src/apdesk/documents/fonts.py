"""Fonts for PDFs in any locale and for any name. reportlab's built-in Helvetica only covers
WinAnsi (Latin-1 and a few more), so Polish (ł, ś, ż), Romanian (ă, ș), Vietnamese or the
pseudo-locale's accents would print as black boxes. When a document needs it we register DejaVu
Sans (a free font with wide coverage) and print the whole document in it.

The choice is made per document: `document_fonts(...)` looks at the locale and at every string
the document will print, and while it is open `font("Helvetica-Bold")` names the font to use.
A document all in WinAnsi keeps the built-in fonts, which cost nothing to embed or measure.
The choice lives in a context variable, so documents rendered on other threads do not mix.

While a locale that needs it is active, the Helvetica names are also pointed at DejaVu, for any
code that still names them directly; switching back to English restores the built-in fonts.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path

from pydantic import BaseModel
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

TWINS = {BUILTIN[style]: UNICODE_NAMES[style] for style in BUILTIN}

_registered: bool | None = None  # None: not tried yet; False: no font found
# The document being built: True while it prints in the Unicode fonts; None outside a document.
_document: ContextVar[bool | None] = ContextVar("apdesk_pdf_unicode", default=None)


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


def winansi(text: str) -> bool:
    """True when the built-in fonts can print every character of `text`."""
    if text.isascii():
        return True
    try:
        text.encode("winansi")  # reportlab's codec for the built-in fonts' encoding
    except UnicodeEncodeError:
        return False
    return True


def all_winansi(*values: object) -> bool:
    """True when the built-in fonts can print every string in `values`, looking inside
    dataclasses, models' fields (not their relationships), dicts and collections."""
    stack = list(values)
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if not winansi(value):
                return False
        elif value is None or isinstance(value, (int, float, date)):  # the most common, first
            continue
        elif isinstance(value, dict):
            stack += value
            stack += value.values()
        elif isinstance(value, (list, tuple, set, frozenset)):
            stack += value
        elif isinstance(value, BaseModel):
            stack += [getattr(value, name, None) for name in type(value).model_fields]
        elif is_dataclass(value) and not isinstance(value, type):
            stack += [getattr(value, f.name) for f in fields(value)]
    return True


@contextmanager
def document_fonts(*contents: object) -> Iterator[bool]:
    """Build one document inside this: it prints in the Unicode fonts when the locale or any
    string in `contents` (the records it prints) needs them, else in the built-in fonts.
    Yields the choice."""
    needed = needs_unicode_font(current_locale()) or not all_winansi(*contents)
    chosen = needed and register_unicode_fonts()
    token = _document.set(chosen)
    try:
        yield chosen
    finally:
        _document.reset(token)


def unicode_fonts() -> bool:
    """Whether text prints in the Unicode fonts: the document's choice, else the locale's."""
    chosen = _document.get()
    if chosen is None:
        return needs_unicode_font(current_locale()) and register_unicode_fonts()
    return chosen


def font(builtin: str, unicode: bool | None = None) -> str:
    """The font to print with where the code means built-in `builtin` ("Helvetica-Bold"): its
    DejaVu twin when `unicode` (by default, the current document's choice) says so."""
    use = unicode_fonts() if unicode is None else unicode
    return TWINS[builtin] if use else builtin


def body_font() -> str:
    return font(BUILTIN["regular"])


def bold_font() -> str:
    return font(BUILTIN["bold"])


def italic_font() -> str:
    return font(BUILTIN["italic"])


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
