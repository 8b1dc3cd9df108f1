"""A complete QPalette from the colour tokens: every role, in every colour group.

No role is left to the platform: distribution themes (qt6ct, Kvantum) and macOS's dark
appearance otherwise leak colours into Fusion that the tokens never agreed to.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


def _mix(first: str, second: str, amount: float) -> QColor:
    """`amount` of the way from one colour to another (for Fusion's bevel shades)."""
    a, b = QColor(first), QColor(second)
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )


def roles(c: dict[str, str]) -> dict[Role, QColor]:
    """The Active (and Inactive) colour of each role."""
    window, surface, text = c["bg.window"], c["bg.surface"], c["fg.default"]
    return {
        Role.Window: QColor(window),
        Role.WindowText: QColor(text),
        Role.Base: QColor(surface),
        Role.AlternateBase: QColor(c["bg.surface_alt"]),
        Role.ToolTipBase: QColor(c["bg.tooltip"]),
        Role.ToolTipText: QColor(text),
        Role.PlaceholderText: QColor(c["fg.muted"]),
        Role.Text: QColor(text),
        Role.Button: QColor(surface),
        Role.ButtonText: QColor(text),
        Role.BrightText: QColor(c["danger.fg"]),
        # Fusion draws frames and bevels from these; the field edge must clear 3:1.
        Role.Light: _mix(surface, "#FFFFFF", 0.5),
        Role.Midlight: _mix(surface, c["border.subtle"], 0.5),
        Role.Mid: QColor(c["border.subtle"]),
        Role.Dark: QColor(c["border.input"]),
        Role.Shadow: _mix(c["border.input"], "#000000", 0.4),
        Role.Highlight: QColor(c["accent.bg"]),
        Role.HighlightedText: QColor(c["fg.on_accent"]),
        Role.Accent: QColor(c["accent.bg"]),
        Role.Link: QColor(c["fg.link"]),
        Role.LinkVisited: QColor(c["fg.link"]),
    }


def build_palette(c: dict[str, str]) -> QPalette:
    palette = QPalette()
    active = roles(c)
    for role, colour in active.items():
        palette.setColor(Group.Active, role, colour)
        palette.setColor(Group.Inactive, role, colour)
        palette.setColor(Group.Disabled, role, colour)
    # The selection keeps the accent in a window without focus: a paler tint would leave the
    # selected-mode icons (drawn in fg.on_accent) and the row itself hard to see.
    disabled = QColor(c["fg.disabled"])
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.PlaceholderText):
        palette.setColor(Group.Disabled, role, disabled)
    palette.setColor(Group.Disabled, Role.Button, QColor(c["bg.window"]))
    palette.setColor(Group.Disabled, Role.Base, QColor(c["bg.window"]))
    palette.setColor(Group.Disabled, Role.Highlight, QColor(c["accent.disabled"]))
    palette.setColor(Group.Disabled, Role.HighlightedText, QColor(c["fg.on_accent"]))
    return palette
