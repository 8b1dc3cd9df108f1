"""Changing a styled widget's variant at run time.

The stylesheet picks components by dynamic properties (`[variant="primary"]`, `[kind="danger"]`).
Qt does not re-evaluate selectors when a property changes, so the widget is re-polished.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def restyle(widget: QWidget, **properties: object) -> None:
    """Set properties (`restyle(button, variant="primary")`) and re-apply the stylesheet."""
    for name, value in properties.items():
        widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
