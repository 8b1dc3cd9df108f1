"""A search box shows its whole hint when there is room and drops the shortcut, never a word,
when there is not; the tooltip always names the shortcut."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from tests.helpers.clipping import cut_hints

from apdesk.ui.widgets.search_field import SearchField, without_shortcut


def test_the_shortcut_goes_first_when_the_box_is_narrow(qtbot) -> None:  # type: ignore[no-untyped-def]
    holder = QWidget()
    qtbot.addWidget(holder)
    box = SearchField("Search by name or UPN (Ctrl+F)", holder)
    holder.show()
    box.resize(600, box.sizeHint().height())
    qtbot.waitUntil(lambda: box.placeholderText() == "Search by name or UPN (Ctrl+F)")
    whole = box.fontMetrics().horizontalAdvance("Search by name or UPN (Ctrl+F)")
    short = box.fontMetrics().horizontalAdvance("Search by name or UPN")
    box.resize((whole + short) // 2 + 40, box.height())
    qtbot.waitUntil(lambda: box.placeholderText() == "Search by name or UPN")
    assert cut_hints(holder) == []
    assert box.toolTip() == "Search by name or UPN (Ctrl+F)"
    box.resize(600, box.height())
    qtbot.waitUntil(lambda: box.placeholderText() == "Search by name or UPN (Ctrl+F)")


def test_only_a_bracketed_ending_is_taken_off() -> None:
    assert without_shortcut("Znajdź ucznia (Ctrl+F)") == "Znajdź ucznia"
    assert without_shortcut("Pupil (either name), UPN or provider (Ctrl+F)") == (
        "Pupil (either name), UPN or provider"
    )
    assert without_shortcut("Search providers by name") == "Search providers by name"


def test_the_pseudo_locales_padding_stays_with_the_hint() -> None:
    assert without_shortcut("[Fîñð å pûpîľ (Çtrľ+F)·····]") == "[Fîñð å pûpîľ·····]"
