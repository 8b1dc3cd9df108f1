"""WCAG 2.2 contrast, and every foreground/background pair the look relies on.

Pure Python (no Qt), so the contrast test and `docs/design.md` can compute ratios from the
tokens alone. A pair is declared once here with the floor it must clear; the test checks every
pair in every scheme, so a token change that makes something unreadable fails at once.
"""

from __future__ import annotations

from dataclasses import dataclass

TEXT = 4.5  # 1.4.3 Contrast (Minimum): body text
LARGE = 3.0  # 1.4.3 large text (18 pt, or 14 pt bold) and 1.4.11 non-text: controls, icons
DISABLED = 3.0  # exempt in WCAG; apdesk keeps disabled text readable at this floor
HIGH_CONTRAST_TEXT = 7.0  # 1.4.6 (AAA): the high-contrast scheme's promise for all text


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def parse_hex(colour: str) -> tuple[int, int, int]:
    """'#RRGGBB' (the only form tokens use) as three 0-255 channels."""
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"colour {colour!r} is not #RRGGBB")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def luminance(colour: str) -> float:
    r, g, b = (_channel(v) for v in parse_hex(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    a, b = sorted((luminance(first), luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


@dataclass(frozen=True)
class Pair:
    fg: str  # token name
    bg: str  # token name
    floor: float
    why: str


# Every foreground the interface draws, on every background it is drawn on.
PAIRS: tuple[Pair, ...] = (
    # Text
    *(
        Pair(fg, bg, TEXT, "text")
        for fg in ("fg.default", "fg.muted", "fg.link")
        for bg in ("bg.window", "bg.surface", "bg.surface_alt", "bg.sidebar", "bg.header")
    ),
    *(Pair(fg, "bg.hover", TEXT, "text under the pointer") for fg in ("fg.default", "fg.muted")),
    Pair("fg.default", "bg.pressed", TEXT, "text on a pressed control"),
    Pair("fg.default", "bg.tooltip", TEXT, "tool tips"),
    Pair("fg.inverse", "bg.inverse", TEXT, "toasts"),
    Pair("fg.on_accent", "accent.bg", TEXT, "primary buttons, the current page, selection"),
    Pair("fg.on_accent", "accent.hover", TEXT, "primary button under the pointer"),
    Pair("fg.on_accent", "accent.pressed", TEXT, "primary button pressed"),
    *(
        Pair("fg.disabled", bg, DISABLED, "disabled text (documented floor)")
        for bg in ("bg.window", "bg.surface", "bg.header")
    ),
    Pair("fg.on_accent", "accent.disabled", DISABLED, "disabled primary button"),
    # Controls and focus (1.4.11 non-text contrast)
    *(
        Pair("border.input", bg, LARGE, "the edge of a field or button")
        for bg in ("bg.window", "bg.surface", "bg.surface_alt", "bg.header")
    ),
    *(
        Pair("focus.ring", bg, LARGE, "the keyboard focus ring")
        for bg in ("bg.window", "bg.surface", "bg.sidebar")
    ),
    Pair("focus.ring_on_accent", "accent.bg", LARGE, "focus on a primary button"),
    Pair("accent.bg", "bg.sidebar", LARGE, "the current page stands out from the sidebar"),
    Pair("accent.bg", "bg.window", LARGE, "a primary button stands out from the window"),
    Pair("accent.bg", "bg.surface", LARGE, "the checked box and radio"),
    # Status: text and icon on the window and on their own banner background
    *(
        Pair(f"{kind}.fg", bg, TEXT, f"{kind} text and icons")
        for kind in ("info", "success", "warning", "danger")
        for bg in ("bg.window", "bg.surface", f"{kind}.bg")
    ),
    *(
        Pair("fg.default", f"{kind}.bg", TEXT, f"text in a {kind} banner")
        for kind in ("info", "success", "warning", "danger")
    ),
    # Attendance (register cells: a code on a tinted cell; the glyph colour on the surface)
    *(
        Pair("fg.default", f"attendance.{kind}.bg", TEXT, f"a mark on a {kind} cell")
        for kind in ("present", "elsewhere", "authorised", "unauthorised", "not_possible")
    ),
    *(
        Pair(f"attendance.{kind}.fg", bg, TEXT, f"{kind} attendance text")
        for kind in ("present", "elsewhere", "authorised", "unauthorised", "not_possible")
        for bg in ("bg.surface", f"attendance.{kind}.bg")
    ),
    Pair("fg.default", "attendance.expected.bg", TEXT, "a mark in a session at a provider"),
    Pair("attendance.missing.fg", "bg.surface", LARGE, "the outline of a missing mark"),
    # Placement states (chips: a label on its tint)
    *(
        Pair(f"placement.{state}.fg", bg, TEXT, f"{state} placement label")
        for state in ("draft", "referred", "active", "ended")
        for bg in ("bg.surface", f"placement.{state}.bg")
    ),
    # Charts: each series against the plot background (graphical objects)
    *(Pair(f"chart.{n}", "bg.surface", LARGE, "a chart series") for n in range(1, 7)),
    # Paper (PDF previews stay white in every scheme)
    Pair("paper.ink", "paper.white", TEXT, "text on a printed page"),
)


def check(colours: dict[str, str]) -> list[str]:
    """Every pair under its floor in one scheme, as readable lines (empty when all pass)."""
    failures = []
    for pair in PAIRS:
        value = ratio(colours[pair.fg], colours[pair.bg])
        if value < pair.floor:
            failures.append(f"{pair.fg} on {pair.bg}: {value:.2f}:1 < {pair.floor}:1 ({pair.why})")
    return failures


def high_contrast_text_failures(colours: dict[str, str]) -> list[str]:
    """Text pairs (disabled text too) under 7:1: the high-contrast scheme promises AAA."""
    failures = []
    for pair in PAIRS:
        if pair.floor == LARGE and "disabled" not in pair.why:
            continue  # lines, rings and chart series: non-text, 3:1 is their floor
        value = ratio(colours[pair.fg], colours[pair.bg])
        if value < HIGH_CONTRAST_TEXT:
            failures.append(f"{pair.fg} on {pair.bg}: {value:.2f}:1 < 7:1 ({pair.why})")
    return failures
