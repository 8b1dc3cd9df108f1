"""The one application-wide stylesheet, rendered from resources/theme/*.qss and the tokens.

Templates use `$name` for tokens: a colour token with its dots as underscores
(`$bg_window`), `$sp_md` for spacing, `$r_card` for radii, `$bw_banner` for line widths and
`$font_section` for a type step in points, and `$images` for the folder of tinted arrows.
A name the tokens do not define is an error here, not a silently dropped rule in Qt.
"""

from __future__ import annotations

from string import Template

from apdesk import paths
from apdesk.ui.theme.images import image_set
from apdesk.ui.theme.tokens import BORDER, RADIUS, SPACING, TYPE_SCALE


def template_files() -> list[str]:
    folder = paths.resource_path("theme")
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.qss"))]


def variables(colours: dict[str, str], body_points: float) -> dict[str, str]:
    out = {name.replace(".", "_"): value for name, value in colours.items()}
    out["images"] = image_set(colours)  # the arrows' folder under resources/theme/images
    out.update({f"sp_{k}": str(v) for k, v in SPACING.items()})
    out.update({f"r_{k}": str(v) for k, v in RADIUS.items()})
    out.update({f"bw_{k}": str(v) for k, v in BORDER.items()})
    # Points to one decimal: Qt takes fractional point sizes, and rounding 8.5 pt captions to
    # whole points would make them jump between text sizes.
    out.update({f"font_{k}": f"{body_points * step.scale:.1f}" for k, step in TYPE_SCALE.items()})
    return out


def render(colours: dict[str, str], body_points: float) -> str:
    """The stylesheet for one scheme and body size; KeyError names an unknown `$token`."""
    values = variables(colours, body_points)
    return "\n".join(Template(text).substitute(values) for text in template_files())
