"""The few images the stylesheet draws itself (combo and spin box arrows), one set per scheme.

Qt's stylesheets can only draw such arrows from image files, so each scheme has its own
tinted copies in resources/theme/images/<scheme>/, written by tools/lucide_icons.py from the
Lucide glyphs and the tokens; a test checks they match the tokens in force.
"""

from __future__ import annotations

from apdesk import paths
from apdesk.ui.theme.contrast import luminance
from apdesk.ui.theme.icon_names import CONTROLS
from apdesk.ui.theme.tokens import SCHEMES, Scheme, colours

SEARCH_PREFIX = "apdesktheme"  # Qt allows letters only


def images(scheme: Scheme) -> dict[str, bytes]:
    """File name -> SVG for one scheme: each arrow in the text colour and the disabled colour."""
    from apdesk.ui.theme.icons import svg_source

    c = colours(scheme)
    out = {}
    for meaning, glyph in CONTROLS.items():
        name = meaning.split(".", 1)[1]
        for suffix, token in (("", "fg.default"), ("-disabled", "fg.disabled")):
            out[f"{name}{suffix}.svg"] = svg_source(glyph).replace(
                b"currentColor", c[token].encode()
            )
    return out


def image_set(values: dict[str, str]) -> Scheme:
    """Which set suits these colours: the scheme itself, or for a system high-contrast theme,
    the set whose arrows show on its background (dark arrows on a light one)."""
    for scheme in SCHEMES:
        if values == colours(scheme):
            return scheme
    return "light" if luminance(values["bg.window"]) > 0.5 else "hc"


def folder() -> str:
    return str(paths.resource_path("theme", "images"))
