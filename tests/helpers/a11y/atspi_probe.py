"""An assistive-technology client for the accessibility harness, as a screen reader sees apdesk.

It runs under the system Python (Debian's python3-pyatspi: GObject introspection for libatspi
is not installable into the project's virtualenv) and talks to the harness with one JSON object
per line on stdin and stdout. It only reads the AT-SPI tree, listens to AT-SPI events and
presses keys through the X server (XTest, as a keyboard would); it never touches Qt.

Commands (`{"cmd": NAME, ...}`) and their answers are documented on each `do_*` method.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from typing import Any

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

# The role sets the checks use too; a sibling file, as this runs as a script.
from roles import ITEM_ROLES, SAMPLED, VIEWS  # noqa: E402

SAMPLE = 14  # children of a big container looked at: headers and the first rows


def _states(obj: Atspi.Accessible) -> set[str]:
    try:
        state_set = obj.get_state_set()
    except GLib.Error:
        return set()
    return {
        Atspi.StateType(s).value_nick
        for s in range(int(Atspi.StateType.LAST_DEFINED))
        if state_set.contains(Atspi.StateType(s))
    }


def _extents(obj: Atspi.Accessible) -> list[int] | None:
    try:
        rect = obj.get_extents(Atspi.CoordType.SCREEN)
    except (GLib.Error, AttributeError, TypeError):
        return None
    return [rect.x, rect.y, rect.width, rect.height]


def _text(obj: Atspi.Accessible, limit: int = 400) -> str | None:
    try:
        count = Atspi.Text.get_character_count(obj)
        return str(Atspi.Text.get_text(obj, 0, min(count, limit)))
    except (GLib.Error, TypeError, NotImplementedError):
        return None


def _actions(obj: Atspi.Accessible) -> list[str]:
    try:
        n = Atspi.Action.get_n_actions(obj)
        return [str(Atspi.Action.get_action_name(obj, i)) for i in range(n)]
    except (GLib.Error, TypeError, NotImplementedError):
        return []


def _key_bindings(obj: Atspi.Accessible) -> list[str]:
    try:
        n = Atspi.Action.get_n_actions(obj)
        keys = [str(Atspi.Action.get_key_binding(obj, i) or "") for i in range(n)]
    except (GLib.Error, TypeError, NotImplementedError):
        return []
    return [k for k in keys if k.strip(";")]


def _labelled_by(obj: Atspi.Accessible, roles: tuple[str, ...] = ()) -> list[str]:
    """The names of the objects that label `obj` (what Orca reads as a field's label), only
    those of `roles` when given."""
    names = []
    try:
        relations = obj.get_relation_set() or []
    except GLib.Error:
        return []
    for relation in relations:
        if relation.get_relation_type() != Atspi.RelationType.LABELLED_BY:
            continue
        for i in range(relation.get_n_targets()):
            target = relation.get_target(i)
            if target is not None and (not roles or target.get_role_name() in roles):
                names.append(target.get_name() or "")
    return names


def _has_text_iface(obj: Atspi.Accessible) -> bool:
    try:
        return "Text" in (obj.get_interfaces() or [])
    except GLib.Error:
        return False


def describe(obj: Atspi.Accessible, path: str = "", with_text: bool = True) -> dict[str, Any]:
    role = obj.get_role_name() or ""
    info: dict[str, Any] = {
        "path": path,
        "role": role,
        "name": obj.get_name() or "",
        "description": obj.get_description() or "",
        "states": sorted(_states(obj)),
        "extents": _extents(obj),
        "children": obj.get_child_count(),
    }
    if with_text and _has_text_iface(obj):
        info["text"] = _text(obj)
    info["actions"] = _actions(obj)
    info["keys"] = _key_bindings(obj)
    info["labelled_by"] = _labelled_by(obj)
    info["captions"] = _labelled_by(obj, ("label",))  # not a group box's title
    return info


class Probe:
    def __init__(self) -> None:
        Atspi.init()
        self.events: list[dict[str, Any]] = []
        self.focus: dict[str, Any] | None = None
        self.focus_serial = 0
        self.listener = Atspi.EventListener.new(self._on_event)
        for kind in (
            "object:state-changed:focused",
            "object:announcement",
            "object:text-changed:insert",
            "object:text-changed:delete",
            "object:state-changed:showing",
            "object:property-change:accessible-name",
            "window:activate",
            "window:create",
        ):
            self.listener.register(kind)

    # -- events --------------------------------------------------------------------------
    def _on_event(self, event: Atspi.Event) -> None:
        try:
            source = event.source
            kind = str(event.type)
            record: dict[str, Any] = {
                "type": kind,
                "detail1": event.detail1,
                "role": source.get_role_name() if source else "",
                "name": (source.get_name() or "") if source else "",
                "time": time.monotonic(),
            }
            data = event.any_data
            if isinstance(data, (str, int, float)):
                record["data"] = data
            if kind.startswith("object:state-changed:focused") and event.detail1 == 1:
                self.focus = describe(source, with_text=False)
                parent = source.get_parent()
                if parent is not None and self.focus["role"] in ITEM_ROLES:
                    self.focus["container"] = parent.get_name() or ""
                    self.focus["container_description"] = parent.get_description() or ""
                self.focus_serial += 1
                record["focus"] = self.focus
            self.events.append(record)
        except Exception as exc:  # an object that vanished while we asked about it
            self.events.append({"type": "probe-error", "data": repr(exc)})

    def pump(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        context = GLib.MainContext.default()
        while time.monotonic() < end:
            while context.pending():
                context.iteration(False)
            time.sleep(0.01)

    # -- finding things ------------------------------------------------------------------
    def app(self, name: str = "apdesk") -> Atspi.Accessible | None:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            child = desktop.get_child_at_index(i)
            if child is not None and child.get_name() == name:
                return child
        return None

    def windows(self) -> list[Atspi.Accessible]:
        app = self.app()
        if app is None:
            return []
        found = []
        for i in range(app.get_child_count()):
            win = app.get_child_at_index(i)
            if win is not None and "showing" in _states(win):
                found.append(win)
        return found

    def active_window(self) -> Atspi.Accessible | None:
        wins = self.windows()
        for win in wins:
            if "active" in _states(win):
                return win
        return wins[-1] if wins else None

    def walk(self, root: Atspi.Accessible, path: str = "0") -> list[dict[str, Any]]:
        """Every showing object under `root`, depth first, big tables sampled."""
        out: list[dict[str, Any]] = []
        stack: list[tuple[Atspi.Accessible, str, str]] = [(root, path, "")]
        while stack:
            obj, where, parent_role = stack.pop()
            try:
                info = describe(obj, where)
            except GLib.Error:
                continue
            info["parent_role"] = parent_role
            out.append(info)
            if "showing" not in info["states"] and where != path:
                continue
            count = info["children"]
            if info["role"] in SAMPLED:
                count = min(count, SAMPLE)
            kids = []
            for i in range(count):
                try:
                    child = obj.get_child_at_index(i)
                except GLib.Error:
                    child = None
                if child is not None:
                    kids.append((child, f"{where}.{i}", info["role"]))
            stack.extend(reversed(kids))
        return out

    # -- commands ------------------------------------------------------------------------
    def do_wait_app(self, wait: float = 60.0) -> dict[str, Any]:
        """Wait until apdesk shows a window; answers its windows' roles and names."""
        end = time.monotonic() + wait
        while time.monotonic() < end:
            wins = self.windows()
            if wins:
                return {"windows": [[w.get_role_name(), w.get_name()] for w in wins]}
            self.pump(0.2)
        raise TimeoutError("apdesk showed no window on the accessibility bus")

    def do_windows(self) -> dict[str, Any]:
        """The showing top-level windows and which is active."""
        return {
            "windows": [
                {"role": w.get_role_name(), "name": w.get_name(), "states": sorted(_states(w))}
                for w in self.windows()
            ]
        }

    def do_wait_window(self, name: str, wait: float = 20.0) -> dict[str, Any]:
        """Wait until a showing window whose name contains `name` is active (or showing)."""
        end = time.monotonic() + wait
        while time.monotonic() < end:
            self.pump(0.1)
            for win in self.windows():
                if name.lower() in (win.get_name() or "").lower():
                    return {"role": win.get_role_name(), "name": win.get_name()}
        raise TimeoutError(f"no window named like {name!r}: {self.do_windows()}")

    def do_snapshot(self, window: str | None = None) -> dict[str, Any]:
        """Every showing object of the active window (or the one named like `window`)."""
        self.pump(0.05)
        target = None
        if window:
            target = next(
                (w for w in self.windows() if window.lower() in (w.get_name() or "").lower()),
                None,
            )
        target = target or self.active_window()
        if target is None:
            raise LookupError("no window")
        return {
            "window": describe(target, "0"),
            "nodes": self.walk(target),
            "all_windows": [[w.get_role_name(), w.get_name()] for w in self.windows()],
        }

    def do_key(self, keys: list[str], settle: float = 0.25) -> dict[str, Any]:
        """Press each key (an X keysym name, `+`-joined modifiers: `ctrl+n`, `shift+Tab`)."""
        for key in keys:
            self._press(key)
            self.pump(settle)
        return {"focus": self.focus}

    @staticmethod
    def _press(combo: str) -> None:
        subprocess.run(["xdotool", "key", "--clearmodifiers", combo], check=True, timeout=10)

    def do_type(self, text: str, settle: float = 0.3) -> dict[str, Any]:
        """Type `text` as key presses."""
        subprocess.run(["xdotool", "type", "--delay", "15", text], check=True, timeout=60)
        self.pump(settle)
        return {"focus": self.focus}

    def do_focus(self) -> dict[str, Any]:
        """The object that last said it took the focus."""
        self.pump(0.05)
        return {"focus": self.focus, "serial": self.focus_serial}

    def do_tab_walk(self, key: str = "Tab", limit: int = 160, settle: float = 0.04) -> dict:
        """Press `key` until the focus comes back round to where it started, goes round a
        loop without it, stops moving, or `limit` presses. Answers the stops, start first."""
        self.pump(0.1)
        start = dict(self.focus or {})
        stops: list[dict[str, Any]] = [start] if start else []
        for _ in range(limit):
            serial = self.focus_serial
            # A grid that says how to leave it (the register: "Ctrl+Tab leaves the register")
            # is left that way, as its description tells a screen-reader user to.
            here = self.focus or {}
            said = str(here.get("container_description") or here.get("description") or "")
            self._press(f"ctrl+{key}" if "Ctrl+Tab leaves" in said else key)
            end = time.monotonic() + 0.6
            while self.focus_serial == serial and time.monotonic() < end:
                self.pump(0.02)
            self.pump(settle)
            if self.focus_serial == serial:
                stops.append({"stuck": True, "focus": self.focus})
                break
            here = dict(self.focus or {})
            if not stops:
                stops.append(here)
                continue
            stops.append(here)
            if any(_same(here, seen) for seen in stops[:-1]):
                break
        return {"stops": stops}

    def do_events(self, since: float = 0.0) -> dict[str, Any]:
        """Events received since the monotonic time `since`."""
        self.pump(0.3)
        return {"events": [e for e in self.events if e.get("time", 0) >= since]}

    def do_select(self, name: str, index: int) -> dict[str, Any]:
        """Select child `index` of the list named `name`, as a screen reader's selection does."""
        win = self.active_window()
        found = _find(win, lambda o: o.get_role_name() == "list" and o.get_name() == name)
        if found is None:
            raise LookupError(name)
        Atspi.Selection.select_child(found, index)
        self.pump(0.3)
        return {}

    def do_now(self) -> dict[str, Any]:
        return {"now": time.monotonic()}

    def do_action(self, path: str, action: str | None = None) -> dict[str, Any]:
        """Do an object's first (or named) action, as a screen reader's 'activate' would."""
        win = self.active_window()
        obj = _resolve(win, path)
        names = _actions(obj)
        index = names.index(action) if action in names else 0
        Atspi.Action.do_action(obj, index)
        self.pump(0.3)
        return {"done": names[index] if names else None}


def _view(stop: dict[str, Any]) -> str | None:
    """The view a stop is in or is: focus on a view lands on it or on its current item."""
    if stop.get("container") is not None:
        return str(stop["container"])
    return str(stop.get("name")) if stop.get("role") in VIEWS else None


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if _view(a) is not None and _view(a) == _view(b):
        return True
    # Across, not down: a long form scrolls between two visits to the same control.
    return (a.get("role"), a.get("name"), _across(a)) == (b.get("role"), b.get("name"), _across(b))


def _across(stop: dict[str, Any]) -> tuple[int, ...]:
    extents = stop.get("extents") or ()
    return (extents[0], extents[2]) if len(extents) == 4 else ()


def _find(root: Atspi.Accessible, match: Any, depth: int = 0) -> Atspi.Accessible | None:
    if match(root):
        return root
    if depth > 40 or root.get_role_name() in SAMPLED - {"list"}:
        return None
    for i in range(root.get_child_count()):
        child = root.get_child_at_index(i)
        if child is not None:
            hit = _find(child, match, depth + 1)
            if hit is not None:
                return hit
    return None


def _resolve(root: Atspi.Accessible, path: str) -> Atspi.Accessible:
    obj = root
    for part in path.split(".")[1:]:
        obj = obj.get_child_at_index(int(part))
    return obj


def main() -> int:
    probe = Probe()
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        request = json.loads(line)
        cmd = request.pop("cmd")
        try:
            answer = getattr(probe, f"do_{cmd}")(**request)
            reply = {"ok": True, **answer}
        except Exception as exc:
            reply = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
