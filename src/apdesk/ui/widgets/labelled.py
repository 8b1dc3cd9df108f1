"""A visible caption tied to its control, the one way a combo box gets a name on Linux.

Qt's AT-SPI bridge names a combo box by the value it shows ("Every status"), whatever
accessible name it was given; screen readers read the label that labels it instead. A label
with the control as its buddy is that label, and its mnemonic (Alt+letter) reaches the control.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget


def caption(text: str, control: QWidget, parent: QWidget | None = None) -> QLabel:
    """A label showing `text` (with an &mnemonic) that labels `control`."""
    label = QLabel(text, parent)
    label.setBuddy(control)
    if not control.accessibleName():
        control.setAccessibleName(text.replace("&", "").rstrip(":"))
    return label


def captioned(text: str, control: QWidget, parent: QWidget | None = None) -> QHBoxLayout:
    """The caption and the control side by side, to add to a bar of filters."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    row.addWidget(caption(text, control, parent))
    row.addWidget(control)
    return row
