"""What the fits-the-screen sweeps share: the laptop screens and languages they try, the wait
for a layout to settle, every check a window must pass, and the failure's words."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget
from tests.helpers.clipping import (
    clipped_widgets,
    cut_hints,
    elided_columns,
    larger_than,
    short_lists,
    sideways_scrolling,
)
from tests.helpers.twice_translated import twice_translated

from apdesk import i18n

SCREENS = [(1366, 768), (1280, 720)]
LOCALES = ["en_GB", "pl_PL", i18n.PSEUDO_LOCALE]


def settle() -> None:
    """Twice, as the event loop would: the widget lays itself out, then its window follows."""
    QApplication.processEvents()
    QApplication.processEvents()


def fit_problems(window: QWidget, room: QSize, inside: QWidget | None = None) -> list[str]:
    """Larger than the room, a label or column cut, sideways scrolling, a list too short, a
    word translated twice."""
    found = larger_than(window, room)
    settle()
    root = inside or window
    return (
        found
        + clipped_widgets(root)
        + cut_hints(root)
        + sideways_scrolling(root)
        + elided_columns(root)
        + short_lists(root)
        + twice_translated(root)
    )


def report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{where}: {'; '.join(found)}" for where, found in problems.items())
