"""Dependencies point one way, with no circles: the whole table of imports apdesk allows.

    models <- store <- sync <- services (operations) <- ui, commands <- cli
    documents renders plain data: models' types, i18n and paths only; services call it.

Every import counts, wherever it is written: module level, inside a function, under
`TYPE_CHECKING` or behind `except ImportError`. The checker is tested on small planted package
trees too, so a check that could never fail would show.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from tests.helpers.import_graph import (
    ImportGraph,
    forbidden_external_imports,
    module_cycles,
    package_cycles,
    wrong_way_imports,
)

import apdesk

PACKAGE = Path(apdesk.__file__).resolve().parent

# Plain helpers every layer may use: they import nothing from apdesk.
BASE = {"paths", "files", "safezip"}

# Each unit of src/apdesk (a package or a top-level module) and the units it may import.
ALLOWED: dict[str, set[str]] = {
    "apdesk": set(),  # the package's __init__: its version
    "__main__": {"cli"},
    "paths": set(),
    "files": set(),
    "safezip": set(),
    "i18n": {"paths"},
    "locale_choice": {"i18n", "paths"},  # the language chosen, shared by the window and commands
    "models": {"i18n"},
    "store": {"models", "i18n", *BASE},  # a refusal it raises reads in the chosen language
    "documents": {"models", "i18n", *BASE},
    "sync": {"models", "store", "i18n", *BASE},
    "services": {"models", "store", "sync", "documents", "i18n", *BASE},
    # sharing between laptops and the school hub: beside services, below commands and the GUI
    "share": {"models", "store", "sync", "i18n", *BASE},
    "commands": {
        "apdesk",
        "services",
        "documents",
        "sync",
        "share",
        "store",
        "models",
        "i18n",
        *BASE,
    },
    "ui": {
        "apdesk",
        "services",
        "documents",
        "sync",
        "share",
        "store",
        "models",
        "i18n",
        "locale_choice",
        *BASE,
    },
    "cli": {"apdesk", "commands", "ui", "models", "i18n", "locale_choice", *BASE},
}
# Only the GUI may load Qt: everything else runs headless (commands, the LA inbox, tests).
QT = ("PySide6", "shiboken6")
QT_ALLOWED = {"ui"}


@pytest.fixture(scope="module")
def graph() -> ImportGraph:
    return ImportGraph.scan(PACKAGE)


def test_every_import_between_units_is_in_the_table(graph: ImportGraph) -> None:
    problems = wrong_way_imports(graph, ALLOWED)
    assert not problems, "\n".join(problems)


def test_the_table_has_no_circle() -> None:
    for unit, targets in ALLOWED.items():
        reached = set(targets)
        frontier = set(targets)
        while frontier:
            frontier = {t for unit_ in frontier for t in ALLOWED[unit_]} - reached
            reached |= frontier
        assert unit not in reached, f"{unit} may reach itself through the table"


def test_every_unit_of_the_package_is_in_the_table(graph: ImportGraph) -> None:
    units = {graph.unit_of(module) for module in graph.modules}
    assert units - ALLOWED.keys() == set()


def test_nothing_below_ui_imports_qt(graph: ImportGraph) -> None:
    problems = forbidden_external_imports(graph, QT, QT_ALLOWED)
    assert not problems, "\n".join(problems)


def test_no_two_packages_import_each_other(graph: ImportGraph) -> None:
    circles = package_cycles(graph)
    assert not circles, "\n".join(circles)


def test_no_two_files_in_ui_import_each_other(graph: ImportGraph) -> None:
    circles = module_cycles(graph, f"{graph.package}.ui")
    assert not circles, "\n".join(circles)


# The checker on planted trees -------------------------------------------------------------


def plant(root: Path, files: dict[str, str]) -> ImportGraph:
    """A throwaway package `pkg` under `root` with the given files (path -> source)."""
    for name, source in files.items():
        path = root / "pkg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        for folder in path.relative_to(root).parents:
            init = root / folder / "__init__.py"
            if folder != Path(".") and not init.exists():
                init.write_text("", encoding="utf-8")
        path.write_text(textwrap.dedent(source), encoding="utf-8")
    return ImportGraph.scan(root / "pkg")


TINY_TABLE = {"pkg": set(), "models": set(), "store": {"models"}, "ui": {"store", "models"}}


def test_a_planted_wrong_way_import_fails(tmp_path: Path) -> None:
    graph = plant(
        tmp_path,
        {
            "models/rows.py": "from pkg.store.db import open_db\n",
            "store/db.py": "from pkg.models import rows\n",
        },
    )
    problems = wrong_way_imports(graph, TINY_TABLE)
    assert len(problems) == 1
    assert "models may not import store (pkg.store.db)" in problems[0]
    assert "models/rows.py:1" in problems[0]


@pytest.mark.parametrize(
    "source",
    [
        "def later():\n    from pkg.ui import window\n",  # a lazy import
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.ui.window import W\n",
        "try:\n    from pkg.ui import window\nexcept ImportError:\n    window = None\n",
        "import pkg.ui.window\n",
        "from ..ui import window\n",  # relative
        "import importlib\nwindow = importlib.import_module('pkg.ui.window')\n",
    ],
    ids=["lazy", "type-checking", "except-import-error", "plain-import", "relative", "importlib"],
)
def test_every_way_of_writing_an_import_counts(tmp_path: Path, source: str) -> None:
    graph = plant(tmp_path, {"store/db.py": source, "ui/window.py": "W = 1\n"})
    assert [p.split(": ", 1)[1] for p in wrong_way_imports(graph, TINY_TABLE)] == [
        "store may not import ui (pkg.ui.window)"
    ]


def test_a_unit_missing_from_the_table_fails(tmp_path: Path) -> None:
    graph = plant(tmp_path, {"extra.py": "from pkg.models import rows\n", "models/rows.py": ""})
    assert [p.split(": ", 1)[1] for p in wrong_way_imports(graph, TINY_TABLE)] == [
        "unit 'extra' is missing from the table"
    ]


def test_imports_the_table_allows_pass(tmp_path: Path) -> None:
    graph = plant(
        tmp_path,
        {
            "ui/window.py": "from pkg.store.db import open_db\nfrom pkg.models import rows\n",
            "store/db.py": "from pkg.models.rows import Row\n\ndef open_db(): ...\n",
            "models/rows.py": "class Row: ...\n",
        },
    )
    assert wrong_way_imports(graph, TINY_TABLE) == []
    assert package_cycles(graph) == []


def test_a_planted_circle_between_packages_fails(tmp_path: Path) -> None:
    graph = plant(
        tmp_path,
        {
            "store/db.py": "from pkg.models import rows\n",
            "models/rows.py": "def f():\n    from pkg.store import db\n",  # lazy still counts
        },
    )
    [circle] = package_cycles(graph)
    assert "pkg.models -> pkg.store" in circle and "pkg.store -> pkg.models" in circle


def test_a_circle_through_a_subpackage_fails(tmp_path: Path) -> None:
    graph = plant(
        tmp_path,
        {
            "services/calendar.py": "",
            "services/demo.py": "from pkg.services.plans import demo_plans\n",
            "services/plans/demo_plans.py": "from pkg.services.calendar import X\n",
        },
    )
    [circle] = package_cycles(graph)
    assert "pkg.services -> pkg.services.plans" in circle


def test_a_planted_circle_between_ui_files_fails(tmp_path: Path) -> None:
    graph = plant(
        tmp_path,
        {
            "ui/page.py": "from pkg.ui.bar import Bar\n",
            "ui/bar.py": "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from pkg.ui.page import Page\n",
            "ui/other.py": "from pkg.ui.page import Page\n",
        },
    )
    [circle] = module_cycles(graph, "pkg.ui")
    assert "pkg.ui.bar -> pkg.ui.page (" in circle and "pkg.ui.page -> pkg.ui.bar (" in circle
    assert "other" not in circle


def test_a_planted_qt_import_below_ui_fails(tmp_path: Path) -> None:
    graph = plant(
        tmp_path,
        {
            "store/db.py": "def f():\n    from PySide6.QtCore import QObject\n",
            "ui/window.py": "from PySide6.QtWidgets import QWidget\n",
        },
    )
    assert forbidden_external_imports(graph, QT, {"ui"}) == [
        "pkg/store/db.py:2: pkg.store.db imports PySide6.QtCore"
    ]
