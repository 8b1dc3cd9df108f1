"""The colours in force, for code that paints (icons, delegates, charts) to read at paint time.

Set by `apply.apply_theme`; until then the light scheme. `serial()` changes with every theme
applied, so caches keyed on it never serve an old scheme's pixels.
"""

from __future__ import annotations

from apdesk.ui.theme.tokens import Scheme
from apdesk.ui.theme.tokens import colours as scheme_colours

_state: dict[str, object] = {"scheme": "light", "colours": scheme_colours("light"), "serial": 0}


def colours() -> dict[str, str]:
    value = _state["colours"]
    assert isinstance(value, dict)
    return value


def colour(name: str) -> str:
    """One token's value in the scheme in force ("warning.fg" -> "#8A5300")."""
    return colours()[name]


def scheme() -> Scheme:
    return _state["scheme"]  # type: ignore[return-value]


def serial() -> int:
    value = _state["serial"]
    assert isinstance(value, int)
    return value


def set_colours(scheme_name: Scheme, values: dict[str, str]) -> None:
    _state.update(scheme=scheme_name, colours=dict(values), serial=serial() + 1)
