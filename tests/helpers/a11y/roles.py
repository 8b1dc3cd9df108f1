"""The AT-SPI role names the harness sorts objects by, in one place.

Both halves of the harness read these: the AT-SPI client (atspi_probe.py, run by the system
Python beside the GObject bindings) and the checks (run by the project's Python). So this
module imports nothing but the standard library, and the probe imports it as a sibling file.
"""

from __future__ import annotations

# Roles a person operates; each needs a name that says what it is for.
NAMED_ROLES = frozenset(
    {
        "push button",
        "toggle button",
        "check box",
        "radio button",
        "combo box",
        "text",
        "password text",
        "entry",
        "spin button",
        "slider",
        "list",
        "table",
        "tree table",
        "tree",
        "page tab",
        "link",
        "calendar",
        "date editor",
        "menu item",
    }
)
# Views: the focus lands on the view or on its current item, as the view likes.
VIEWS = frozenset({"list", "table", "tree table", "tree"})
# Items inside a view are reached with the arrow keys, not Tab, and speak their own content.
ITEM_ROLES = frozenset(
    {"table cell", "list item", "tree item", "table column header", "table row header"}
)
# Page tabs are reached with Ctrl+Tab and Ctrl+Page Down, as on every desktop.
TAB_ROLES = NAMED_ROLES - {"menu item", "page tab"}
# Roles that do something when pressed: each needs a keyboard path.
ACTION_ROLES = frozenset({"push button", "toggle button", "check box", "radio button", "link"})
# One-of-many groups: Tab enters at the chosen one, the arrow keys move within.
GROUP_ROLES = frozenset({"radio button", "check box", "toggle button"})
# Containers whose children the probe samples (headers and first rows), not walks in full.
SAMPLED = VIEWS | {"menu bar", "page tab list"}
