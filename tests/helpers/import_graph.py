"""Every import between a package's modules, read with `ast`, and the checks the layer test makes.

An import counts wherever it is written: at module level, inside a function (a lazy import),
under `if TYPE_CHECKING:` or inside `try: ... except ImportError:`. Each import is resolved to
the deepest module of the scanned package it names, so `from apdesk.store import changes`
points at `apdesk.store.changes` and `from apdesk.store import Store` at `apdesk.store`.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path


@dataclass(frozen=True)
class Import:
    """One import statement's target, with where it is written."""

    source: str  # the importing module, e.g. "apdesk.documents.referral"
    target: str  # the imported module, e.g. "apdesk.services.school" or "PySide6.QtCore"
    path: Path  # relative to the folder holding the package
    line: int

    def where(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class ImportGraph:
    """The modules of one package and every import written in them."""

    package: str
    modules: frozenset[str]
    imports: tuple[Import, ...]

    @classmethod
    def scan(cls, folder: Path) -> ImportGraph:
        """Reads every `.py` file under `folder`, the package's own directory."""
        package = folder.name
        files = {_module_name(path, folder): path for path in sorted(folder.rglob("*.py"))}
        modules = frozenset(files)
        found: list[Import] = []
        for module, path in files.items():
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            is_package = path.name == "__init__.py"
            shown = path.relative_to(folder.parent)  # e.g. apdesk/store/db.py
            for (name, member), line in _written_imports(tree, module, is_package):
                target = _resolve(name, member, modules)
                found.append(Import(module, target, shown, line))
        return cls(package, modules, tuple(found))

    def internal(self) -> Iterator[Import]:
        """Imports from one module of the package to another (a module importing itself aside)."""
        for item in self.imports:
            if _inside(item.target, self.package) and item.target != item.source:
                yield item

    def external(self) -> Iterator[Import]:
        for item in self.imports:
            if not _inside(item.target, self.package):
                yield item

    def unit_of(self, module: str) -> str:
        """The first level below the package: `apdesk.services.plans.x` is in `services`.

        The package's own `__init__` is the unit named like the package."""
        parts = module.split(".")
        return parts[1] if len(parts) > 1 else parts[0]

    def package_of(self, module: str) -> str:
        """The folder a module lives in, as a dotted name (a package's `__init__` is itself).

        The top-level modules (`apdesk.cli`, `apdesk.i18n`) are units of their own, so each
        stands for itself rather than for the whole package."""
        if module in self.modules and self._is_package(module):
            return module
        folder = module.rpartition(".")[0] or module
        return module if folder == self.package else folder

    def _is_package(self, module: str) -> bool:
        return any(other.startswith(module + ".") for other in self.modules)


def wrong_way_imports(graph: ImportGraph, allowed: Mapping[str, Iterable[str]]) -> list[str]:
    """One line per import between units that the table does not allow, or from a unit it lacks."""
    table = {unit: frozenset(targets) for unit, targets in allowed.items()}
    problems = []
    for item in graph.internal():
        source, target = graph.unit_of(item.source), graph.unit_of(item.target)
        if source == target:
            continue
        if source not in table:
            problems.append(f"{item.where()}: unit {source!r} is missing from the table")
        elif target not in table[source]:
            problems.append(f"{item.where()}: {source} may not import {target} ({item.target})")
    return sorted(set(problems))


def forbidden_external_imports(
    graph: ImportGraph, forbidden: Iterable[str], except_units: Iterable[str]
) -> list[str]:
    """Imports of third-party packages (e.g. PySide6) from any unit not listed as an exception."""
    names = tuple(forbidden)
    spared = frozenset(except_units)
    problems = []
    for item in graph.external():
        top = item.target.split(".")[0]
        if top in names and graph.unit_of(item.source) not in spared:
            problems.append(f"{item.where()}: {item.source} imports {item.target}")
    return sorted(problems)


def package_cycles(graph: ImportGraph) -> list[str]:
    """Every circle of imports between folders (packages), each shown with one import per step."""
    edges: dict[str, dict[str, Import]] = defaultdict(dict)
    for item in graph.internal():
        source, target = graph.package_of(item.source), graph.package_of(item.target)
        if source != target:
            edges[source].setdefault(target, item)
    return _describe_cycles(edges)


def module_cycles(graph: ImportGraph, under: str) -> list[str]:
    """Every circle of imports between the modules (files) inside the folder `under`."""
    edges: dict[str, dict[str, Import]] = defaultdict(dict)
    for item in graph.internal():
        if _inside(item.source, under) and _inside(item.target, under):
            edges[item.source].setdefault(item.target, item)
    return _describe_cycles(edges)


def _describe_cycles(edges: Mapping[str, Mapping[str, Import]]) -> list[str]:
    described = []
    for component in _strongly_connected(edges):
        if len(component) < 2:
            continue
        loop = _one_loop(edges, component)
        steps = [f"{a} -> {b} ({edges[a][b].where()})" for a, b in pairwise(loop)]
        inside = set(component)
        others = [
            f"{a} -> {b} ({item.where()})"
            for a in component
            for b, item in sorted(edges.get(a, {}).items())
            if b in inside and f"{a} -> {b} (" not in " ".join(steps)
        ]
        also = "".join(f"\n    (also inside it) {step}" for step in others)
        described.append("circle:\n    " + "\n    ".join(steps) + also)
    return sorted(described)


def _strongly_connected(edges: Mapping[str, Mapping[str, Import]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative so deep graphs do not hit the recursion limit."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    nodes = sorted(set(edges) | {t for targets in edges.values() for t in targets})
    for root in nodes:
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(edges.get(root, {}))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(edges.get(child, {})))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def _one_loop(edges: Mapping[str, Mapping[str, Import]], component: list[str]) -> list[str]:
    """A shortest path from the component's first member back to itself (breadth first)."""
    members = set(component)
    start = component[0]
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for child in sorted(edges.get(node, {})):
                if child not in members:
                    continue
                if child == start:
                    path = [start, node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return list(reversed(path))
                if child not in came_from:
                    came_from[child] = node
                    following.append(child)
        frontier = following
    return [start, start]


def _module_name(path: Path, folder: Path) -> str:
    parts = [folder.name, *path.relative_to(folder).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _written_imports(
    tree: ast.AST, module: str, is_package: bool
) -> Iterator[tuple[tuple[str, str], int]]:
    """((module, member), line) for every import anywhere in the tree, made absolute.

    `member` is the name after `from X import`, which may be a submodule; "" otherwise."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield (alias.name, ""), node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, module, is_package)
            for alias in node.names:
                yield (base, "" if alias.name == "*" else alias.name), node.lineno
        elif _is_import_module_call(node):
            assert isinstance(node, ast.Call)
            argument = node.args[0]
            assert isinstance(argument, ast.Constant) and isinstance(argument.value, str)
            yield (argument.value, ""), node.lineno


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    parts = module.split(".")
    if not is_package:
        parts.pop()
    if node.level > 1:
        parts = parts[: len(parts) - (node.level - 1)]
    return ".".join([*parts, node.module] if node.module else parts)


def _is_import_module_call(node: ast.AST) -> bool:
    """`importlib.import_module("a.b")` or `import_module("a.b")` with a literal name."""
    if not isinstance(node, ast.Call) or not node.args:
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    first = node.args[0]
    return (
        name in ("import_module", "__import__")
        and isinstance(first, ast.Constant)
        and isinstance(first.value, str)
    )


def _resolve(name: str, member: str, modules: frozenset[str]) -> str:
    """The deepest scanned module an import points into (the module itself when external)."""
    if member and f"{name}.{member}" in modules:
        return f"{name}.{member}"
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return name


def _inside(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")
