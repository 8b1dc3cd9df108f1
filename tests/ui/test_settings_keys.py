"""Every preference apdesk keeps in QSettings is declared once, in ui/core/settings_keys.py:
no key is spelled anywhere else, none is declared twice, and every declared one is used."""

from __future__ import annotations

import ast
from pathlib import Path

from apdesk.ui.core import settings_keys

UI = Path(settings_keys.__file__).resolve().parents[1]
SETTINGS_CALLS = {"value", "setValue", "remove", "contains"}


def _ui_files() -> list[Path]:
    return [p for p in UI.rglob("*.py") if p.name != "settings_keys.py"]


def _spelled_keys(path: Path) -> list[str]:
    """Settings calls and `*_KEY` constants in `path` that spell a key instead of naming one."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            receiver = ast.unparse(node.func.value)
            literal = node.args and isinstance(node.args[0], ast.Constant | ast.JoinedStr)
            if node.func.attr in SETTINGS_CALLS and "settings" in receiver and literal:
                found.append(f"{path.name}:{node.lineno} {ast.unparse(node)}")
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant | ast.JoinedStr):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            if any(name.endswith("_KEY") for name in names) and isinstance(node.value.value, str):
                found.append(f"{path.name}:{node.lineno} {ast.unparse(node)}")
    return found


def test_no_key_is_spelled_outside_the_registry() -> None:
    assert [line for path in _ui_files() for line in _spelled_keys(path)] == []


def test_each_key_is_declared_once_with_a_purpose() -> None:
    names = [key.name for key in settings_keys.ALL]
    assert len(names) == len(set(names))
    assert all(key.about for key in settings_keys.ALL)


def test_every_declared_key_is_used() -> None:
    source = "\n".join(path.read_text(encoding="utf-8") for path in _ui_files())
    declared = [
        name
        for name, value in vars(settings_keys).items()
        if isinstance(value, settings_keys.SettingKey) or name == "TIMETABLES_SPLITS"
    ]
    assert [name for name in declared if f"settings_keys.{name}" not in source] == []


def test_the_checker_sees_a_spelled_key(tmp_path: Path) -> None:
    planted = tmp_path / "page.py"
    planted.write_text('HEADER_KEY = "pupils/header"\nself.ctx.settings.value("x/y")\n')
    assert len(_spelled_keys(planted)) == 2
