"""The design tokens: the only place apdesk's colours, type, spacing and radii are defined.

Pure Python (no Qt): the palette, the stylesheet, the icons, the contrast test and the docs
all read these. Each colour has a comment and one value per scheme (light, dark, high
contrast); `docs/design.md` explains the choices, and `contrast.PAIRS` says which pairs must
stay readable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Scheme = Literal["light", "dark", "hc"]
SCHEMES: tuple[Scheme, ...] = ("light", "dark", "hc")


@dataclass(frozen=True)
class Colour:
    comment: str
    light: str
    dark: str
    hc: str

    def value(self, scheme: Scheme) -> str:
        return str(getattr(self, scheme))


_C = Colour
COLOURS: dict[str, Colour] = {
    # Backgrounds
    "bg.window": _C("the window behind everything", "#F3F4F6", "#16181C", "#000000"),
    "bg.surface": _C("fields, tables, cards: where content sits", "#FFFFFF", "#1F2329", "#000000"),
    "bg.surface_alt": _C("every other table row", "#F6F7F9", "#242930", "#000000"),
    "bg.sidebar": _C("the page list on the left", "#E9ECF0", "#1B1E23", "#000000"),
    "bg.header": _C("table headers, tab strips", "#EEF0F3", "#262B32", "#000000"),
    "bg.hover": _C("a control or row under the pointer", "#E1E6ED", "#2E353E", "#1F1F1F"),
    "bg.pressed": _C("a control being pressed", "#D3DAE3", "#39414B", "#333333"),
    "bg.tooltip": _C("tool tips", "#FFFFFF", "#2B3038", "#000000"),
    "bg.inverse": _C("toasts: set apart from the page", "#2A2F36", "#E6E8EB", "#FFFFFF"),
    # Text
    "fg.default": _C("body text and icons", "#1B1F24", "#E6E8EB", "#FFFFFF"),
    "fg.muted": _C("captions, context lines, placeholders", "#525C68", "#A7B0BB", "#D8D8D8"),
    "fg.disabled": _C("controls that cannot be used now", "#737C87", "#7D8693", "#A6A6A6"),
    "fg.on_accent": _C("text and icons on the accent colour", "#FFFFFF", "#FFFFFF", "#000000"),
    "fg.inverse": _C("text on bg.inverse", "#FFFFFF", "#16181C", "#000000"),
    "fg.link": _C("links", "#1A56B0", "#8AB8FF", "#8AD8FF"),
    # Lines
    "border.input": _C("the edge of fields and buttons", "#737D89", "#76808C", "#FFFFFF"),
    "border.subtle": _C("dividers that are never the only cue", "#D9DEE4", "#2F363F", "#FFFFFF"),
    "border.strong": _C("card and table frames in high contrast", "#AEB6C0", "#3B434D", "#FFFFFF"),
    # Accent (primary buttons, the current page, selection) and focus
    "accent.bg": _C("primary action, current page, selection", "#1F5FBF", "#306CD0", "#FFD400"),
    "accent.hover": _C("primary action under the pointer", "#1A52A6", "#255CB8", "#FFE24D"),
    "accent.pressed": _C("primary action pressed", "#154589", "#1F4F9E", "#E6BF00"),
    "accent.disabled": _C("primary action that cannot be used", "#7D8DA8", "#4A5A74", "#9E9E9E"),
    "accent.subtle": _C("a light wash of the accent (info cells)", "#E3ECFA", "#1E2D45", "#000000"),
    "focus.ring": _C("keyboard focus (2 px)", "#1F5FBF", "#7FB0FF", "#FFD400"),
    "focus.ring_on_accent": _C(
        "keyboard focus inside a primary button", "#FFFFFF", "#FFFFFF", "#000000"
    ),
    # Status: text/icon colour and banner background
    "info.fg": _C("information", "#1A56B0", "#8AB8FF", "#8AD8FF"),
    "info.bg": _C("information banner", "#E7EFFB", "#1A2A42", "#000000"),
    "success.fg": _C("done, saved, delivered", "#12703A", "#5BD08A", "#5BE08F"),
    "success.bg": _C("success banner", "#E5F3E9", "#15301F", "#000000"),
    "warning.fg": _C("needs a look soon", "#8A5300", "#F2C14E", "#FFD35C"),
    "warning.bg": _C("warning banner", "#FFF3D6", "#3A2E12", "#000000"),
    "danger.fg": _C("failed, overdue, cannot continue", "#B42318", "#FF8A80", "#FF9A90"),
    "danger.bg": _C("danger banner", "#FCEAE8", "#3D1C1A", "#000000"),
    # Attendance: a register cell's tint and its code's colour, by how the code counts
    "attendance.present.fg": _C("present (/ \\ L)", "#12703A", "#5BD08A", "#5BE08F"),
    "attendance.present.bg": _C("present cell", "#E5F3E9", "#15301F", "#000000"),
    "attendance.elsewhere.fg": _C(
        "attended elsewhere (B K V P W)", "#1A56B0", "#8AB8FF", "#8AD8FF"
    ),
    "attendance.elsewhere.bg": _C("attended-elsewhere cell", "#E3ECFA", "#1E2D45", "#000000"),
    "attendance.authorised.fg": _C("authorised absence", "#6A3FA0", "#C9A7F5", "#D9BFFF"),
    "attendance.authorised.bg": _C("authorised-absence cell", "#F0E9F8", "#2C2140", "#000000"),
    "attendance.unauthorised.fg": _C("unauthorised absence", "#B42318", "#FF8A80", "#FF9A90"),
    "attendance.unauthorised.bg": _C("unauthorised-absence cell", "#FCEAE8", "#3D1C1A", "#000000"),
    "attendance.not_possible.fg": _C("not a possible session", "#525C68", "#A7B0BB", "#D8D8D8"),
    "attendance.not_possible.bg": _C("not-possible cell", "#EEF0F3", "#262B32", "#000000"),
    "attendance.expected.bg": _C(
        "a session the pupil spends at a provider", "#DCE7F8", "#22334D", "#1A1A1A"
    ),
    "attendance.missing.fg": _C(
        "the dashed outline of a missing mark", "#8A5300", "#F2C14E", "#FFD35C"
    ),
    # Placement states (chips and the status column)
    "placement.draft.fg": _C("draft placement", "#525C68", "#A7B0BB", "#D8D8D8"),
    "placement.draft.bg": _C("draft chip", "#EEF0F3", "#262B32", "#000000"),
    "placement.referred.fg": _C("referred, waiting to start", "#8A5300", "#F2C14E", "#FFD35C"),
    "placement.referred.bg": _C("referred chip", "#FFF3D6", "#3A2E12", "#000000"),
    "placement.active.fg": _C("active placement", "#12703A", "#5BD08A", "#5BE08F"),
    "placement.active.bg": _C("active chip", "#E5F3E9", "#15301F", "#000000"),
    "placement.ended.fg": _C("ended placement", "#5B4A8B", "#C3B5EB", "#D9BFFF"),
    "placement.ended.bg": _C("ended chip", "#EEEAF6", "#2A2540", "#000000"),
    # Charts: colour-blind-safe series (Okabe-Ito hues, darkened for light, lightened for dark);
    # every series also has its own marker and dash, so colour is never the only cue.
    "chart.1": _C("first series (blue)", "#0068A8", "#56B4E9", "#8AD8FF"),
    "chart.2": _C("second series (orange)", "#B85000", "#E69F00", "#FFB84D"),
    "chart.3": _C("third series (green)", "#00795A", "#3CC49A", "#5BE08F"),
    "chart.4": _C("fourth series (purple)", "#A3407F", "#E08CC3", "#FF9AD5"),
    "chart.5": _C("fifth series (ochre)", "#7A6400", "#E6D34A", "#FFF06A"),
    "chart.6": _C("sixth series (grey)", "#525C68", "#A7B0BB", "#D8D8D8"),
    # Paper: PDF previews and printed pages are white in every scheme
    "paper.white": _C("the page of a PDF preview", "#FFFFFF", "#FFFFFF", "#FFFFFF"),
    "paper.ink": _C("text printed on the page", "#1B1F24", "#1B1F24", "#000000"),
}


def colours(scheme: Scheme) -> dict[str, str]:
    """Every colour token's value in one scheme."""
    return {name: token.value(scheme) for name, token in COLOURS.items()}


# Type: multiples of the platform's UI font, so the system's font size (and apdesk's text-size
# option) scales everything together. Weights are CSS numbers.
@dataclass(frozen=True)
class TypeStep:
    comment: str
    scale: float
    weight: int


TYPE_SCALE: dict[str, TypeStep] = {
    "caption": TypeStep("captions, table notes, the status bar", 0.9, 400),
    "body": TypeStep("everything else", 1.0, 400),
    "strong": TypeStep("labels that lead a line", 1.0, 600),
    "section": TypeStep("a heading inside a page or dialog", 1.15, 600),
    "page_title": TypeStep("the title of the page on screen", 1.5, 600),
    "display": TypeStep("the number on a KPI tile", 1.9, 600),
}

# The text-size option in View > Appearance: a factor on the platform font.
TEXT_SIZES: dict[str, float] = {"normal": 1.0, "large": 1.15, "larger": 1.3}

# Spacing: a 4-pixel grid.
SPACING: dict[str, int] = {"xs": 4, "sm": 8, "md": 12, "lg": 16, "xl": 24, "xxl": 32}

# Corner radii.
RADIUS: dict[str, int] = {"control": 4, "card": 8, "chip": 10}

# Line widths.
BORDER: dict[str, int] = {"hairline": 1, "focus": 2, "banner": 4}

SIDEBAR_ICON = 20  # px: sidebar icons; toolbar and button icons use the style's small size


def with_system_colours(system: dict[str, str], floor: float = 4.5) -> dict[str, str]:
    """The high-contrast scheme in the user's own colours (a Windows Contrast theme, say).

    `system` holds the platform palette's "window", "text", "highlight", "highlighted_text",
    "link" and "disabled". Backgrounds, text, accent and focus take those; a status or domain
    colour that would fall under `floor` on the user's background becomes the user's text colour,
    so nothing is lost: states always carry an icon and a word as well as a colour.
    """
    from apdesk.ui.theme.contrast import ratio  # the module is small; keeps tokens first

    out = colours("hc")
    window, text = system["window"], system["text"]
    for name in out:
        if name.startswith("bg.") or name.endswith(".bg"):
            out[name] = window
    out.update(
        {
            "bg.hover": window,
            "bg.pressed": window,
            "bg.inverse": text,
            "fg.inverse": window,
            "fg.default": text,
            "fg.muted": text,
            "fg.disabled": system.get("disabled", text),
            "border.input": text,
            "border.subtle": text,
            "border.strong": text,
            "accent.bg": system["highlight"],
            "accent.hover": system["highlight"],
            "accent.pressed": system["highlight"],
            "accent.disabled": system["highlight"],
            "fg.on_accent": system["highlighted_text"],
            "focus.ring": system["highlight"],
            "focus.ring_on_accent": system["highlighted_text"],
            "fg.link": system.get("link", text),
            "paper.white": "#FFFFFF",
            "paper.ink": "#000000",
        }
    )
    for name, value in out.items():
        coloured = name.endswith(".fg") or name.startswith("chart.") or name == "fg.link"
        if coloured and ratio(value, window) < floor:
            out[name] = text
    if ratio(out["fg.disabled"], window) < 3.0:
        out["fg.disabled"] = text
    return out
