"""One icon family: Lucide SVGs in the repository, recoloured from the tokens at paint time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QImage

from apdesk import paths
from apdesk.ui.shell.pages import PAGES
from apdesk.ui.theme import current
from apdesk.ui.theme.apply import Appearance, ThemeManager
from apdesk.ui.theme.icon_names import ICONS
from apdesk.ui.theme.icons import icon
from apdesk.ui.theme.images import images
from apdesk.ui.theme.tokens import SCHEMES, colours

UI = Path(__file__).resolve().parents[2] / "src" / "apdesk" / "ui"
LUCIDE = paths.resource_path("icons", "lucide")

# Characters with the Unicode Emoji property in the Basic Multilingual Plane (emoji-data.txt),
# less the ones ordinary text uses (#, *, digits, ©, ®, ™), and everything from U+1F000 on.
EMOJI = re.compile(
    "[\u203c\u2049\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328\u23cf\u23e9-\u23f3"
    "\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe\u2600-\u2604\u260e\u2611"
    "\u2614\u2615\u2618\u261d\u2620\u2622\u2623\u2626\u262a\u262e\u262f\u2638-\u263a\u2640"
    "\u2642\u2648-\u2653\u265f\u2660\u2663\u2665\u2666\u2668\u267b\u267e\u267f\u2692-\u2697"
    "\u2699\u269b\u269c\u26a0\u26a1\u26a7\u26aa\u26ab\u26b0\u26b1\u26bd\u26be\u26c4\u26c5"
    "\u26c8\u26ce\u26cf\u26d1\u26d3\u26d4\u26e9\u26ea\u26f0-\u26f5\u26f7-\u26fa\u26fd\u2702"
    "\u2705\u2708-\u270d\u270f\u2712\u2714\u2716\u271d\u2721\u2728\u2733\u2734\u2744\u2747"
    "\u274c\u274e\u2753-\u2755\u2757\u2763\u2764\u2795-\u2797\u27a1\u27b0\u27bf\u2934\u2935"
    "\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55\u3030\u303d\u3297\u3299\ufe0f\U0001f000-\U0001faff]"
)
# Glyphs standing in for icons inside page texts: none are left, and a new one fails the test.
NOT_YET_REPLACED: dict[str, str] = {}


def sources() -> dict[str, str]:
    return {
        str(path.relative_to(UI)): path.read_text(encoding="utf-8") for path in UI.rglob("*.py")
    }


# The style answers Qt's own requests (a QMessageBox's warning) with Lucide icons: the one
# place that names Qt's standard pixmaps.
STYLE = "theme/style.py"


def test_no_standard_qt_icons_anywhere_in_the_gui() -> None:
    texts = {name: text for name, text in sources().items() if name != STYLE}
    assert [name for name, text in texts.items() if "standardIcon(" in text] == []
    assert [name for name, text in texts.items() if "StandardPixmap" in text] == []


def test_qts_own_message_box_icons_are_lucide(theme: ThemeManager) -> None:
    from PySide6.QtWidgets import QApplication, QStyle

    warning = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    assert ink(warning.pixmap(QSize(32, 32)).toImage()) == {colours("light")["warning.fg"]}


def test_no_emoji_stands_in_for_an_icon() -> None:
    found = {}
    for name, text in sources().items():
        hits = "".join(EMOJI.findall(text))
        if hits:
            found[name] = hits
    assert found == NOT_YET_REPLACED


def test_the_emoji_check_catches_a_planted_emoji() -> None:
    assert EMOJI.findall('label.setText("\u2705 Saved")') == ["\u2705"]
    assert EMOJI.findall('label.setText("Saved \U0001f4be")') == ["\U0001f4be"]
    assert EMOJI.findall("Mo Ingram \u00b7 15 hours \u2014 \u2713 meets 100%") == []


def test_every_page_has_its_own_icon_and_every_meaning_has_a_stored_glyph() -> None:
    page_icons = [spec.icon for spec in PAGES]
    assert len(set(page_icons)) == len(page_icons)
    assert all(name in ICONS for name in page_icons)
    stored = {path.stem for path in LUCIDE.glob("*.svg")}
    assert stored == set(ICONS.values())  # what is shown, and nothing else
    for glyph in stored:
        svg = (LUCIDE / f"{glyph}.svg").read_text()
        assert 'stroke="currentColor"' in svg and "lucide" in svg


def test_lucides_licence_ships_with_the_icons() -> None:
    licence = (LUCIDE / "LICENSE").read_text()
    assert "ISC License" in licence
    assert "Feather" in licence and "MIT License" in licence


def test_the_stylesheets_arrows_match_the_tokens() -> None:
    folder = paths.resource_path("theme", "images")
    for scheme in SCHEMES:
        for name, data in images(scheme).items():
            assert (folder / scheme / name).read_bytes() == data, (
                f"{scheme}/{name} is stale: run python tools/lucide_icons.py --theme-images"
            )


def ink(image: QImage) -> set[str]:
    """The opaque colours an icon was drawn with (antialiased edges left out)."""
    return {
        image.pixelColor(x, y).name().upper()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    }


@pytest.mark.parametrize("scheme", SCHEMES)
def test_icons_are_drawn_in_the_token_colour_for_each_mode(
    theme: ThemeManager,
    scheme: str,
) -> None:
    theme.preview(Appearance(scheme, "normal"))
    c = colours(scheme)  # type: ignore[arg-type]
    home, warning = icon("page.home"), icon("state.warning")
    size = QSize(24, 24)
    assert ink(home.pixmap(size).toImage()) == {c["fg.default"]}
    assert ink(warning.pixmap(size).toImage()) == {c["warning.fg"]}
    assert ink(home.pixmap(size, QIcon.Mode.Disabled).toImage()) == {c["fg.disabled"]}
    assert ink(home.pixmap(size, QIcon.Mode.Selected).toImage()) == {c["fg.on_accent"]}
    assert ink(icon("action.save", "on_accent").pixmap(size).toImage()) == {c["fg.on_accent"]}


def test_an_icon_made_before_a_theme_switch_follows_it(theme: ThemeManager) -> None:
    home = icon("page.home")
    theme.preview(Appearance("light", "normal"))
    assert ink(home.pixmap(QSize(24, 24)).toImage()) == {colours("light")["fg.default"]}
    theme.preview(Appearance("dark", "normal"))
    assert current.scheme() == "dark"
    assert ink(home.pixmap(QSize(24, 24)).toImage()) == {colours("dark")["fg.default"]}


@pytest.mark.parametrize("scale", [1.0, 1.25, 1.5, 2.0])
def test_icons_are_drawn_at_the_screens_scale(qapp: object, scale: float) -> None:
    pixmap = icon("page.outbox").pixmap(QSize(20, 20), scale)
    assert pixmap.devicePixelRatio() == scale
    assert pixmap.width() == round(20 * scale)
    # Drawn as vectors at the device size: the strokes cover about scale² times the pixels.
    covered = coverage(pixmap.toImage())
    assert covered >= coverage(icon("page.outbox").pixmap(QSize(20, 20)).toImage()) * scale**2 * 0.8


def coverage(image: QImage) -> int:
    return sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 128
    )


def test_an_unknown_meaning_names_itself() -> None:
    with pytest.raises(KeyError, match=r"page\.nowhere"):
        icon("page.nowhere")
