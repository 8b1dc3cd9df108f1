"""Lists for the pupil panel whose entries span several lines and never clip."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem


def make_list(name: str) -> QListWidget:
    """Several lines per entry, so nothing is clipped however narrow the panel is."""
    listing = QListWidget()
    listing.setAccessibleName(name)
    listing.setWordWrap(True)
    listing.setAlternatingRowColors(True)
    listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    listing.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return listing


def fill_list(listing: QListWidget, entries: Sequence[tuple[str, int]], empty: str) -> None:
    """Entries are (text, id); the list is as tall as its entries (the page scrolls, not it)."""
    listing.clear()
    for text, ident in entries:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, ident)
        listing.addItem(item)
    if not entries:
        item = QListWidgetItem(empty)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        listing.addItem(item)
    height = sum(max(listing.sizeHintForRow(r), 0) for r in range(listing.count()))
    listing.setFixedHeight(height + 2 * listing.frameWidth() + 2)
