"""What the harness asserts about a window, from what the AT-SPI client saw.

Plain functions over the probe's JSON (nodes, focus stops, events) and the app's ground truth
(what each label shows); each returns the problems found as one readable line each, so a
failing test says which control, where, and what a screen-reader user meets.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from typing import Any

from tests.helpers.a11y.roles import (
    ACTION_ROLES,
    GROUP_ROLES,
    ITEM_ROLES,
    NAMED_ROLES,
    TAB_ROLES,
    VIEWS,
)

Node = dict[str, Any]


def showing(node: Node) -> bool:
    return "showing" in node["states"] and "visible" in node["states"]


def interactive(node: Node) -> bool:
    return node["role"] in NAMED_ROLES and showing(node) and "enabled" in node["states"]


def meaningful(name: str) -> bool:
    """A name a person can act on: words, not blank, symbols or a lone letter."""
    words = re.findall(r"[^\W\d_]{2,}", name)
    return bool(words)


def _in_menu(node: Node, nodes: Sequence[Node]) -> bool:
    return node["role"] == "menu item"


def key(node: Node) -> tuple[str, str, tuple[int, ...]]:
    """What a stop is, with a view and the item in it that has the focus counted as one: the
    focus lands on a view or on its current item, as the view likes."""
    if node.get("container") is not None and node["role"] in ITEM_ROLES:
        return "view", str(node["container"]), ()
    if node["role"] in VIEWS:
        return "view", node["name"], ()
    extents = node.get("extents") or ()
    across = (extents[0], extents[2]) if len(extents) == 4 else ()  # a long form scrolls down
    return node["role"], node["name"], tuple(across)


def where(node: Node) -> str:
    extents = node.get("extents") or []
    return f"{node['role']} {node['name']!r} at {tuple(extents)}"


# -- names -----------------------------------------------------------------------------------
def label_of(node: Node) -> str:
    """What a screen reader calls the object: its labels (labelled-by), else its name. On Linux
    Qt names a combo box by its current value, so only a label says what the choice is for."""
    labels = " ".join(n for n in node.get("labelled_by", []) if n)
    if node["role"] == "combo box":
        return labels
    return labels or node["name"]


def unnamed(nodes: Iterable[Node]) -> list[str]:
    """Interactive objects with no meaningful accessible name (a combo box named only by the
    value it shows counts as unnamed)."""
    problems = []
    for node in nodes:
        if not interactive(node) or node["role"] == "menu item":
            continue
        if not meaningful(label_of(node)):
            shown = node.get("text") or ""
            hint = f" (it shows {shown[:40]!r})" if shown else ""
            problems.append(f"unnamed {where(node)}{hint}")
    return problems


def mislabelled(nodes: Iterable[Node]) -> list[str]:
    """Check boxes and radio buttons labelled by a caption that is not their own words: a
    group's caption ("Reasons:") tied to its first box is read instead of the box's choice.
    A group box's title labelling the boxes inside it is Qt's way of giving context, not this."""
    problems = []
    for node in nodes:
        if node["role"] not in GROUP_ROLES or not interactive(node):
            continue
        own = _norm(node["name"])
        for label in node.get("captions", []):
            if _norm(label) and _norm(label) not in own:
                problems.append(f"{where(node)} is labelled by the caption {label!r}")
    return problems


def _norm(text: str) -> str:
    """Words only: what a voice says, without the symbols and punctuation it skips."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def masking(nodes: Sequence[Node], truth: Sequence[dict[str, Any]]) -> list[str]:
    """Labels whose accessible name hides the text they show (matched by where they are)."""
    labels = [n for n in nodes if n["role"] in ("label", "static") and showing(n)]
    problems = []
    for real in truth:
        text = _norm(real["text"])
        if not text or not re.search(r"\w", text):
            continue
        rect = tuple(real["rect"])
        match = next(
            (n for n in labels if n.get("extents") and _close(tuple(n["extents"]), rect)), None
        )
        if match is None:
            continue
        heard = _norm(" ".join([match["name"], match.get("text") or ""]))
        if text[:80] not in heard:
            problems.append(
                f"label {match['name']!r} at {rect} hides its text {real['text'][:60]!r}"
            )
    return problems


def _close(a: tuple[int, ...], b: tuple[int, ...], slack: int = 2) -> bool:
    return len(a) == len(b) == 4 and all(abs(x - y) <= slack for x, y in zip(a, b, strict=True))


# -- the keyboard ----------------------------------------------------------------------------
def on_screen(node: Node, screen: tuple[int, int], window: Sequence[int] | None) -> bool:
    extents = node.get("extents")
    if not extents or extents[2] <= 0 or extents[3] <= 0:
        return False
    x, y, w, h = extents
    cx, cy = x + w // 2, y + h // 2
    if not (0 <= cx < screen[0] and 0 <= cy < screen[1]):
        return False
    if window:
        wx, wy, ww, wh = window
        return wx <= cx < wx + ww and wy <= cy < wy + wh
    return True


def tab_problems(
    forward: Sequence[Node],
    backward: Sequence[Node],
    nodes: Sequence[Node],
    screen: tuple[int, int],
    window: Sequence[int] | None,
) -> dict[str, list[str]]:
    """Traps, off-screen stops, stops out of screen order, Shift+Tab disagreeing with Tab, and
    interactive objects Tab never reaches. `forward` and `backward` start with where the focus
    was before the first press (the probe's `tab_walk`)."""
    found: dict[str, list[str]] = {"trap": [], "offscreen": [], "order": [], "unreachable": []}
    stops = [s for s in forward if not s.get("stuck")]
    keys = [key(s) for s in stops]
    if any(s.get("stuck") for s in forward):
        found["trap"].append(f"Tab stops moving at {where(stops[-1])}" if stops else "no focus")
    elif len(keys) > 1 and keys[-1] != keys[0]:
        if keys[-1] in keys[1:-1]:
            found["trap"].append(
                f"Tab goes round and round at {keys[-1][0]} {keys[-1][1]!r}, never back to "
                f"{keys[0][0]} {keys[0][1]!r}"
            )
        else:
            found["trap"].append(
                f"Tab did not come back round in {len(keys)} presses (last: {where(stops[-1])})"
            )
    cells = [s for s in stops if s["role"] in ITEM_ROLES]
    if len(cells) > 2:
        found["trap"].append(
            f"Tab walks through {len(cells)} cells of a view, e.g. {where(cells[0])}"
        )
    for stop in stops[1:]:
        if not on_screen(stop, screen, window):
            found["offscreen"].append(f"focus lands off-screen on {where(stop)}")
    # Screen order, judged on one picture of the window (a scroll between stops moves them).
    # Going round from the last control to the first is the one jump up a cycle may make.
    placed = {(n["role"], n["name"]): n for n in nodes if n.get("extents")}
    ring = [placed.get((s["role"], s["name"]), s) for s in stops]
    jumps = [(a, b) for a, b in itertools.pairwise(ring) if _jumps_back(a, b)]
    if jumps:
        wrap = min(jumps, key=lambda pair: pair[1]["extents"][1])
        jumps.remove(wrap)
    for before, after in jumps:
        found["order"].append(f"Tab goes back up from {where(before)} to {where(after)}")
    back = {key(s)[:2] for s in backward if not s.get("stuck")}
    back |= {(s["role"], s["name"]) for s in backward if not s.get("stuck")}
    if not found["trap"]:
        missed = sorted({k[:2] for k in keys} - back)
        if missed:
            names = ", ".join(f"{r} {n!r}" for r, n in missed[:6])
            found["order"].append(f"Shift+Tab never reaches {names}")
    visited_names = {k[:2] for k in keys} | back | {(s["role"], s["name"]) for s in stops}
    for node in nodes:
        if node["role"] not in TAB_ROLES or not interactive(node):
            continue
        if "focusable" not in node["states"] or node.get("parent_role") == "combo box":
            continue  # a combo box's own text field is reached with the combo box
        if (node["role"], node["name"]) in visited_names or key(node)[:2] in visited_names:
            continue
        if _in_group_entered(node, nodes, visited_names):
            continue
        found["unreachable"].append(f"Tab never reaches {where(node)}")
    return found


def _in_group_entered(node: Node, nodes: Sequence[Node], visited: set[tuple[str, str]]) -> bool:
    """A choice in a group of one-of-many buttons: Tab enters the group at its chosen button and
    the arrow keys move within it, as with radio buttons. Judged by a checked sibling of the same
    role that Tab reached."""
    if node["role"] not in GROUP_ROLES or "checked" in node["states"] or not node.get("path"):
        return False
    parent = node["path"].rsplit(".", 1)[0]
    return any(
        other is not node
        and other["role"] == node["role"]
        and "checked" in other["states"]
        and other.get("path", "").rsplit(".", 1)[0] == parent
        and (other["role"], other["name"]) in visited
        for other in nodes
    )


def _jumps_back(before: Node, after: Node) -> bool:
    """The focus moves up to a control above, in the same column (not a new column's top)."""
    a, b = before.get("extents"), after.get("extents")
    if not a or not b:
        return False
    ax, ay, aw, _ah = a
    bx, by, bw, bh = b
    above = by + bh <= ay
    same_column = bx < ax + aw and ax < bx + bw
    return above and same_column


def no_keyboard_path(nodes: Sequence[Node], reached: set[tuple[str, str]]) -> list[str]:
    """Buttons a person can press only with the mouse: not in the Tab order, no shortcut."""
    problems = []
    for node in nodes:
        if node["role"] not in ACTION_ROLES or not interactive(node):
            continue
        if (node["role"], node["name"]) in reached or _in_group_entered(node, nodes, reached):
            continue
        if node.get("keys"):
            continue
        problems.append(f"no keyboard path to {where(node)}")
    return problems


# -- what is heard ---------------------------------------------------------------------------
def announced(events: Iterable[dict[str, Any]], words: str) -> bool:
    """Whether an announcement, or an alert that appeared, said `words`."""
    wanted = _norm(words)
    for event in events:
        kind = event["type"]
        said = _norm(str(event.get("data", "")) + " " + event.get("name", ""))
        if kind.startswith("object:announcement") and wanted in said:
            return True
        if event.get("role") in ("alert", "notification") and wanted in said:
            return True
    return False


def announcements(events: Iterable[dict[str, Any]]) -> list[str]:
    return [
        str(e.get("data") or e.get("name"))
        for e in events
        if e["type"].startswith("object:announcement")
    ]


def leaks(events: Iterable[dict[str, Any]], secret: str) -> list[str]:
    """Text events that, one character or all together, carry three characters of `secret`
    in a row (Qt sends one insert event per key typed)."""
    pieces = {secret[i : i + 3] for i in range(len(secret) - 2)}
    inserted = [e for e in events if e["type"].startswith("object:text-changed")]
    heard = "".join(str(e.get("data", "")) for e in inserted)
    problems = []
    hit = sorted(p for p in pieces if p in heard)
    if hit:
        roles = sorted({str(e.get("role")) for e in inserted})
        problems.append(
            f"text events on {', '.join(roles)} carried {hit[0]!r} ({len(heard)} chars)"
        )
    return problems
