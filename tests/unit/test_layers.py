"""The layers stay clean: nothing below ui/ may import Qt or the GUI package."""

from __future__ import annotations

import ast
from pathlib import Path

import apdesk

PACKAGE = Path(apdesk.__file__).resolve().parent
BELOW_UI = ["models", "store", "services", "documents", "sync", "share"]
FORBIDDEN = ("PySide6", "shiboken6", "apdesk.ui")


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return found


def offending_imports(folder: Path) -> list[str]:
    bad = []
    for path in sorted(folder.rglob("*.py")):
        for module in imported_modules(path):
            if module.startswith(FORBIDDEN):
                bad.append(f"{path.relative_to(PACKAGE)} imports {module}")
    return bad


def test_no_qt_below_ui() -> None:
    bad = [line for layer in BELOW_UI for line in offending_imports(PACKAGE / layer)]
    assert bad == []


def test_the_check_catches_a_qt_import(tmp_path: Path) -> None:
    (tmp_path / "leaky.py").write_text("from PySide6.QtWidgets import QWidget\n", encoding="utf-8")
    (tmp_path / "clean.py").write_text("import json\n", encoding="utf-8")
    assert imported_modules(tmp_path / "leaky.py") == ["PySide6.QtWidgets"]
    assert imported_modules(tmp_path / "clean.py") == ["json"]


def test_every_layer_exists() -> None:
    for layer in BELOW_UI:
        assert (PACKAGE / layer / "__init__.py").exists(), layer
