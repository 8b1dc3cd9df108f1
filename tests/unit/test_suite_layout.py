"""The test suite's own shape: shared helpers live in tests/helpers, test modules never import
each other, and nothing reaches for sys.path, so any one test file runs on its own."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
HELPERS = TESTS / "helpers"


def python_files() -> list[Path]:
    return sorted(p for p in TESTS.rglob("*.py") if "__pycache__" not in p.parts)


def imported(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module)
    return names


def test_every_module_is_a_test_a_conftest_or_a_helper() -> None:
    stray = [
        str(p.relative_to(TESTS))
        for p in python_files()
        if p.name != "conftest.py" and not p.name.startswith("test_") and HELPERS not in p.parents
    ]
    assert stray == [], "shared helpers belong in tests/helpers/"


def test_no_helper_is_named_like_a_test() -> None:
    assert [p.name for p in HELPERS.rglob("test_*.py")] == []


def test_tests_import_helpers_not_other_tests_or_conftests() -> None:
    wrong = [
        f"{p.relative_to(TESTS)} imports {name}"
        for p in python_files()
        for name in imported(p)
        if name.split(".")[-1].startswith("test_") or name.split(".")[-1] == "conftest"
    ]
    assert wrong == []


def edits_sys_path(path: Path) -> bool:
    """`sys.path.insert(...)`, `sys.path.append(...)` and the like anywhere in the file."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "path"
            and isinstance(node.value.value, ast.Name)
            and node.value.value.id == "sys"
            and node.attr in ("insert", "append", "extend", "remove")
        ):
            return True
    return False


def test_nothing_edits_sys_path() -> None:
    assert [str(p.relative_to(TESTS)) for p in python_files() if edits_sys_path(p)] == []


def test_the_checks_see_what_they_look_for(tmp_path: Path) -> None:
    planted = tmp_path / "test_planted.py"
    planted.write_text(
        "import sys\nsys.path.insert(0, 'x')\nfrom tests.unit.test_other import helper\n",
        encoding="utf-8",
    )
    assert edits_sys_path(planted)
    assert imported(planted) == ["sys", "tests.unit.test_other"]
