"""Every user-facing string in ui/ and documents/ is marked for translation.

An unmarked string is never extracted into the catalogs, so it stays English in every language.
The check reads the source (AST): string literals given to Qt's text setters and constructors,
to reportlab Paragraphs, to table Columns, and held in caption tables (HEADERS, *_LABELS, ...),
must sit inside `_()`, `N_()` or `ngettext()`. Strings without words (":", "—", "{name}: {n}"),
the product name, web addresses and input masks are allowed.
"""

from __future__ import annotations

import ast
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "apdesk"
CHECKED = (SRC / "ui", SRC / "documents")

MARKERS = {"_", "N_", "ngettext", "gettext"}
# Text is the first argument of these calls.
SETTERS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip",
    "setWhatsThis", "setTitle", "setSubTitle", "setLabelText", "setButtonText",
    "setInformativeText", "setDetailedText", "setAccessibleName", "setAccessibleDescription",
    "setSpecialValueText", "setHeaderLabels", "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels", "addItem", "addItems", "setPrefix", "setSuffix",
    "setCancelButtonText", "showMessage", "addMenu", "setItemText", "setTabText",
    "setTabToolTip", "setItemToolTip",
}  # fmt: skip
CONSTRUCTORS = {
    "QLabel", "QPushButton", "QGroupBox", "QCheckBox", "QRadioButton", "QToolButton",
    "QCommandLinkButton", "QMenu", "QListWidgetItem", "QStandardItem", "QTableWidgetItem",
    "Paragraph", "Column",
}  # fmt: skip
FIRST_TWO = {"QAction", "QTreeWidgetItem", "addTab", "insertTab", "addRow", "insertRow"}
MESSAGE_BOX = {"information", "warning", "critical", "question", "about"}  # (parent, title, text)
# Module-level caption tables, e.g. HEADERS = ("Pupil", ...), ACTION_LABELS = {"create": "Added"}.
CAPTION_TABLE = re.compile(
    r"(HEADERS|HEADINGS|COLUMNS|LABELS|TITLES|_TEXT|FILTERS|FACTS|HINTS|PLACES|_NOTE|METHODS"
    r"|_FIELDS)$"
)
ALLOWED_WORDS = {"apdesk", "pdf", "csv", "upn", "urn", "ukprn", "sha", "json", "xml"}


@dataclass(frozen=True)
class Unmarked:
    path: Path
    line: int
    where: str
    text: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(SRC.parent)}:{self.line}: {self.where}: {self.text!r}"


def needs_translation(text: str) -> bool:
    """False for text with no words to translate: punctuation, placeholders, markup, names."""
    if (
        "://" in text
        or re.fullmatch(r"[X\d\s-]+", text)
        or re.fullmatch(r"#[0-9A-Fa-f]{3,8}", text)
    ):
        return False
    stripped = re.sub(r"\{[^}]*\}|%\(?\w*\)?[sd]|<[^>]*>|&\w+;", " ", text)
    words = re.findall(r"[^\W\d_]{2,}", stripped)
    return any(word.lower() not in ALLOWED_WORDS for word in words)


def _literals(node: ast.AST) -> Iterator[ast.Constant]:
    """String literals that reach the screen from `node` without passing a marker."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, ast.JoinedStr):
        for part in node.values:
            if isinstance(part, ast.Constant):
                yield part
            elif isinstance(part, ast.FormattedValue):
                yield from _literals(part.value)
    elif isinstance(node, ast.BinOp):
        yield from _literals(node.left)
        yield from _literals(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)
    elif isinstance(node, (ast.List, ast.Tuple)):
        for element in node.elts:
            yield from _literals(element)
    elif isinstance(node, ast.Call):
        name = _name(node.func)
        if name in MARKERS:
            return
        if isinstance(node.func, ast.Attribute) and name in ("format", "join"):
            yield from _literals(node.func.value)


def _table_literals(node: ast.AST) -> Iterator[ast.Constant]:
    """Captions in a table: values of dicts, items of tuples; lowercase keys like "all" are ids."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if not re.fullmatch(r"[a-z0-9_]+", node.value):
            yield node
    elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        for element in node.elts:
            yield from _table_literals(element)
    elif isinstance(node, ast.Dict):
        for value in node.values:
            yield from _table_literals(value)
    elif isinstance(node, ast.Call) and _name(node.func) not in MARKERS:
        for arg in node.args:
            yield from _table_literals(arg)


def _name(func: ast.AST) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _text_args(call: ast.Call) -> list[ast.expr]:
    name = _name(call.func)
    if name in FIRST_TWO:
        return call.args[:2]
    if name in SETTERS or name in CONSTRUCTORS:
        return call.args[:1]
    if name in MESSAGE_BOX and isinstance(call.func, ast.Attribute):
        return call.args[1:3]
    if name == "QMessageBox":
        return call.args[1:3]
    return []


def unmarked_in_source(source: str, path: Path) -> list[Unmarked]:
    tree = ast.parse(source, str(path))
    found: list[Unmarked] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for arg in _text_args(node):
                found += [
                    Unmarked(path, lit.lineno, _name(node.func), lit.value)
                    for lit in _literals(arg)
                    if needs_translation(lit.value)
                ]
    for statement in tree.body:
        target = None
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
        elif isinstance(statement, ast.AnnAssign):
            target = statement.target
        value = getattr(statement, "value", None)
        if isinstance(target, ast.Name) and value is not None and CAPTION_TABLE.search(target.id):
            found += [
                Unmarked(path, lit.lineno, target.id, lit.value)
                for lit in _table_literals(value)
                if needs_translation(lit.value)
            ]
    return found


def unmarked(paths: tuple[Path, ...] = CHECKED) -> list[Unmarked]:
    found: list[Unmarked] = []
    for folder in paths:
        for path in sorted(folder.rglob("*.py")):
            found += unmarked_in_source(path.read_text(encoding="utf-8"), path)
    return found


def test_every_user_facing_string_is_marked_for_translation() -> None:
    found = unmarked()
    assert not found, "Wrap these in _() (or N_() in tables):\n" + "\n".join(map(str, found))


PLANTED = textwrap.dedent(
    """
    from apdesk.i18n import N_, _
    HEADERS = ("Pupil", N_("Provider"))
    ACTION_LABELS = {"create": "Added"}
    def build(box, form, tabs, page, QLabel, QMessageBox, Paragraph, style):
        box.setWindowTitle("Plain title")
        box.setToolTip(_("Marked tip"))
        QLabel("Plain label")
        form.addRow("Plain row:", None)
        tabs.addTab(page, "Plain tab")
        QMessageBox.warning(box, "apdesk", "Plain warning")
        Paragraph(f"<b>Plain heading</b> {style}", style)
        box.setText("{name}: {n}")
        box.setText("apdesk")
        box.setPlaceholderText("https://la.example.gov.uk/apdesk")
    """
)


def test_the_check_catches_planted_unmarked_strings() -> None:
    found = {u.text for u in unmarked_in_source(PLANTED, SRC / "ui" / "planted.py")}
    assert found == {
        "Pupil",
        "Added",
        "Plain title",
        "Plain label",
        "Plain row:",
        "Plain tab",
        "Plain warning",
        "<b>Plain heading</b> ",
    }


def test_text_without_words_needs_no_translation() -> None:
    for text in ("", ":", " — ", "{name}: {n}", "<b>{title}</b>", "apdesk", "XXXX-XXXX", "#BFD7EE"):
        assert not needs_translation(text), text
    for text in ("Save", "&Close", "Pupils: {n}", "Zapisz"):
        assert needs_translation(text), text
