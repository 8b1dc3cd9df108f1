"""Every declared foreground/background pair clears WCAG 2.2 AA in every scheme."""

from __future__ import annotations

import pytest

from apdesk.ui.theme.contrast import (
    DISABLED,
    LARGE,
    PAIRS,
    TEXT,
    check,
    high_contrast_text_failures,
    ratio,
)
from apdesk.ui.theme.tokens import COLOURS, SCHEMES, colours, with_system_colours


def test_the_contrast_formula_matches_wcag_reference_values() -> None:
    assert ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)  # the famous AA grey
    assert ratio("#949494", "#FFFFFF") == pytest.approx(3.03, abs=0.01)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: f"{p.fg}/{p.bg}")
def test_every_declared_pair_clears_its_floor(scheme: str, pair) -> None:  # type: ignore[no-untyped-def]
    values = colours(scheme)  # type: ignore[arg-type]
    value = ratio(values[pair.fg], values[pair.bg])
    assert value >= pair.floor, f"{scheme}: {pair.fg} on {pair.bg} is {value:.2f}:1 ({pair.why})"


def test_the_floors_are_the_wcag_ones_and_every_pair_names_real_tokens() -> None:
    assert (TEXT, LARGE, DISABLED) == (4.5, 3.0, 3.0)
    names = {p.fg for p in PAIRS} | {p.bg for p in PAIRS}
    assert names <= set(COLOURS), names - set(COLOURS)
    enabled = [p for p in PAIRS if "disabled" not in p.fg + p.bg]
    text_pairs = [p for p in enabled if p.fg.startswith("fg.")]
    assert all(p.floor == TEXT for p in text_pairs)


def test_the_high_contrast_scheme_keeps_all_text_at_seven_to_one() -> None:
    # Disabled text too: in high contrast a greyed-out primary button is still read at 7:1,
    # and told from an enabled one by its grey instead of yellow.
    assert high_contrast_text_failures(colours("hc")) == []
    hc = colours("hc")
    assert ratio(hc["accent.disabled"], hc["accent.bg"]) >= 1.5  # disabled is not the accent
    assert high_contrast_text_failures(hc | {"fg.disabled": "#777777"})  # the test can fail


def test_check_reports_a_failing_pair_in_words() -> None:
    values = colours("light") | {"fg.muted": "#AAAAAA"}
    failures = check(values)
    assert failures and all("fg.muted" in line for line in failures)
    assert "< 4.5:1" in failures[0]


# Windows Contrast themes (Settings > Accessibility > Contrast themes), as Qt reports them.
SYSTEM_THEMES = {
    "aquatic": ("#202020", "#FFFFFF", "#8EE3F0", "#263B50", "#75E9FC", "#A6A6A6"),
    "desert": ("#FFFAEF", "#3D3D3D", "#903909", "#FFF5E3", "#1C5E75", "#676767"),
    "dusk": ("#2D3236", "#FFFFFF", "#A1BFDE", "#212D3B", "#70EBDE", "#A6A6A6"),
    "night sky": ("#000000", "#FFFFFF", "#D6B4FD", "#2B2B2B", "#8080FF", "#A6A6A6"),
}


@pytest.mark.parametrize("name", SYSTEM_THEMES)
def test_a_system_high_contrast_theme_keeps_every_pair_readable(name: str) -> None:
    window, text, highlight, highlighted, link, disabled = SYSTEM_THEMES[name]
    values = with_system_colours(
        {
            "window": window,
            "text": text,
            "highlight": highlight,
            "highlighted_text": highlighted,
            "link": link,
            "disabled": disabled,
        }
    )
    assert values["bg.window"] == window and values["fg.default"] == text
    assert values["accent.bg"] == highlight
    assert check(values) == []


def test_the_design_guide_lists_every_colour_token() -> None:
    from pathlib import Path

    guide = (Path(__file__).resolve().parents[2] / "docs" / "design.md").read_text()
    assert [name for name in COLOURS if f"`{name}`" not in guide] == []
