"""Finds text that does not fit: a visible label or button narrower than its size hint.

Shared by the translation tests: a longer language (Polish, the pseudo-locale) is exactly what
makes a fixed-width label cut its text off.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QScrollArea,
    QStyle,
    QStyleOptionFrame,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
    QWidget,
)

SLACK = 2  # pixels of rounding Qt allows itself


def clipped_widgets(root: QWidget) -> list[str]:
    """Each visible QLabel / QAbstractButton showing text whose width is below its size hint."""
    problems: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel):
            text = widget.text()
            if not text.strip() or widget.wordWrap():
                continue
        elif isinstance(widget, QAbstractButton):
            text = widget.text()
            if not text.strip():
                continue
        else:
            continue
        needed = widget.minimumSizeHint().width() if isinstance(widget, QLabel) else 0
        needed = max(needed, widget.sizeHint().width())
        name = widget.objectName() or type(widget).__name__
        if widget.width() + SLACK < needed:
            problems.append(f"{name} {text[:50]!r}: {widget.width()}px < {needed}px")
        tall = widget.sizeHint().height() if "\n" not in text else 0
        if 0 < widget.height() + SLACK < tall:
            problems.append(f"{name} {text[:50]!r}: {widget.height()}px high < {tall}px")
    return problems


def cut_hints(root: QWidget) -> list[str]:
    """Each visible, empty line edit whose grey hint is wider than the room for text in it
    (Qt cuts it with an ellipsis: "Szukaj po nazwisku lub num…")."""
    problems: list[str] = []
    for edit in root.findChildren(QLineEdit):
        hint = edit.placeholderText()
        if not hint or edit.text() or not edit.isVisibleTo(root) or edit.width() <= 0:
            continue
        if edit.parent() is not None and type(edit.parent()).__name__ == "QComboBox":
            continue  # an editable combo's own line: its choices are measured as a combo
        needed = edit.fontMetrics().horizontalAdvance(hint)
        room = hint_room(edit)
        if room + SLACK < needed:
            name = edit.accessibleName() or edit.objectName() or type(edit).__name__
            problems.append(f"{name} hint {hint[:50]!r}: {room}px < {needed}px")
    return problems


def hint_room(edit: QLineEdit) -> int:
    """The width inside `edit` for text: its contents less its text margins and, when it has
    one, the clear button (Qt keeps its place even while it is hidden)."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    inside = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    clear = edit.height() if edit.isClearButtonEnabled() else 0
    return inside.width() - margins.left() - margins.right() - clear - 4


TASKBAR = 48  # pixels a taskbar takes from the bottom of a school laptop's screen


def usable(width: int, height: int) -> QSize:
    """What a window may use on a `width` x `height` screen with a taskbar."""
    return QSize(width, height - TASKBAR)


def larger_than(window: QWidget, room: QSize) -> list[str]:
    """Why `window` cannot fit in `room`: a minimum it cannot shrink below, or (once shrunk to
    fit, as the window manager would) a size still beyond the room."""
    problems: list[str] = []
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    name = window.windowTitle() or window.objectName() or type(window).__name__
    if least.width() > room.width() or least.height() > room.height():
        problems.append(f"{name}: needs at least {least.width()}x{least.height()}")
    window.resize(window.size().boundedTo(room))
    size = window.size()
    if size.width() > room.width() or size.height() > room.height():
        problems.append(
            f"{name}: {size.width()}x{size.height()} on a {room.width()}x{room.height()} screen"
        )
    return problems


def sideways_scrolling(root: QWidget) -> list[str]:
    """Each visible form (a scroll area holding a widget) wider than its window: its right-hand
    side, labels and all, is hidden behind a horizontal scroll bar."""
    problems: list[str] = []
    for area in root.findChildren(QScrollArea):
        inner = area.widget()
        if inner is None or not area.isVisibleTo(root):
            continue
        needed = inner.minimumSizeHint().width()
        shown = area.viewport().width()
        if needed > shown + SLACK:
            name = area.accessibleName() or area.objectName() or type(area).__name__
            problems.append(f"{name}: the form needs {needed}px, {shown}px shown")
    return problems


ROWS_WANTED = 5  # a list panel shows at least this many rows (or all of them when fewer)
CELLS_MEASURED = 20  # rows whose text is measured per column


def _view_name(view: QAbstractItemView) -> str:
    return view.accessibleName() or view.objectName() or type(view).__name__


def _text(index: QModelIndex) -> str:
    value = index.data(Qt.ItemDataRole.DisplayRole)
    return "" if value is None else str(value).split("\n", 1)[0]


def elided_columns(root: QWidget) -> list[str]:
    """Each column of a visible table or tree whose header or first rows' text is cut at the
    width it has (a cell whose tooltip holds the whole text may be elided: the widest columns
    give way on a narrow screen), and each column pushed behind a horizontal scroll bar."""
    problems: list[str] = []
    for view in root.findChildren(QAbstractItemView):
        if not isinstance(view, QTableView | QTreeView) or not view.isVisibleTo(root):
            continue
        model = view.model()
        if model is None or view.viewport().width() <= 0:
            continue
        header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
        name = _view_name(view)
        if view.horizontalScrollBar().isVisibleTo(root) and view.horizontalScrollBar().maximum():
            problems.append(f"{name}: columns behind a horizontal scroll bar")
        metrics = view.fontMetrics()
        margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        for column in range(model.columnCount()):
            if header.isSectionHidden(column) or header.sectionSize(column) <= 0:
                continue
            width = header.sectionSize(column)
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            if header.isVisibleTo(root) and title.strip():
                needed = header.sectionSizeFromContents(column).width()
                if width + SLACK < needed:
                    problems.append(f"{name} header {title[:30]!r}: {width}px < {needed}px")
            if view.wordWrap():  # long text wraps onto more lines: the header alone counts
                continue
            for row in range(min(CELLS_MEASURED, model.rowCount())):
                index = model.index(row, column)
                text = _text(index)
                if not text.strip() or view.indexWidget(index) is not None:
                    continue
                needed = metrics.horizontalAdvance(text) + margin
                if isinstance(view, QTableView):  # a cell spanning columns has all their width
                    spanned = range(column, column + view.columnSpan(row, column))
                    room = sum(header.sectionSize(c) for c in spanned)
                else:
                    room = width
                if index.data(Qt.ItemDataRole.DecorationRole) is not None:
                    needed += view.iconSize().width() if view.iconSize().isValid() else 16
                    needed += margin
                if isinstance(view, QTreeView) and column == 0:
                    needed += view.indentation() * (1 if view.rootIsDecorated() else 0)
                if room + SLACK < needed and text not in str(
                    index.data(Qt.ItemDataRole.ToolTipRole) or ""
                ):  # cut with nothing to hover for the whole text
                    problems.append(f"{name} {title[:20]!r} cell {text[:30]!r}: cut")
                    break
    return problems


def short_lists(root: QWidget) -> list[str]:
    """Each visible list or table holding rows that shows fewer than five of them (or fewer
    than all when it holds fewer): a panel one or two lines high."""
    problems: list[str] = []
    for view in root.findChildren(QAbstractItemView):
        if isinstance(view, QHeaderView) or not view.isVisibleTo(root):
            continue
        if view.window() is not root.window() or view.parent() is None:
            continue
        model = view.model()
        rows = 0 if model is None else model.rowCount()
        if rows <= 0:
            continue
        step = view.sizeHintForRow(0)
        if isinstance(view, QTableView):
            step = view.rowHeight(0) or step
        if step <= 0:
            continue
        shown = view.viewport().height() // step
        if isinstance(view, QTableView):  # a row whose text wraps is taller than the rest
            shown = _rows_within(view, view.viewport().height())
        wanted = min(ROWS_WANTED, rows)
        if shown < wanted:
            problems.append(f"{_view_name(view)}: {shown} of {rows} rows shown")
    return problems


def short_wrapped_labels(root: QWidget) -> list[str]:
    """Each visible word-wrapped label lower than its text needs at its width: the last line
    is cut (the sweeps above pass every wrapped label, however short)."""
    problems: list[str] = []
    for label in root.findChildren(QLabel):
        if not label.wordWrap() or not label.text().strip() or not label.isVisibleTo(root):
            continue
        needed = label.heightForWidth(label.width())
        if label.width() > 0 and label.height() + SLACK < needed:
            name = label.accessibleName() or label.objectName() or type(label).__name__
            problems.append(f"{name} {label.text()[:50]!r}: {label.height()}px < {needed}px")
    return problems


def cut_wrapped_items(root: QWidget) -> list[str]:
    """Each row of a visible word-wrapping list wider than the list (its lines' ends are hidden),
    and each cell of a word-wrapping list or table lower than its text needs at the width it is
    drawn (its last line ends in "…") or holding a word wider than that width, unless its
    tooltip holds the whole text."""
    problems: list[str] = []
    for view in root.findChildren(QAbstractItemView):
        if not isinstance(view, QListView | QTableView) or view.model() is None:
            continue
        if not view.wordWrap() or not view.isVisibleTo(root):
            continue
        model = view.model()
        columns = 1 if isinstance(view, QListView) else model.columnCount()
        for row in range(model.rowCount()):
            for column in range(columns):
                if isinstance(view, QTableView) and view.isColumnHidden(column):
                    continue
                found = _cut_cell(view, model.index(row, column))
                if found:
                    problems.append(f"{_view_name(view)} {found}")
    return problems


def _cut_cell(view: QAbstractItemView, index: QModelIndex) -> str:
    """Why the wrapped text of the cell at `index` does not show whole, or ""."""
    text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
    if not text.strip():
        return ""
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    view.itemDelegateForIndex(index).initStyleOption(option, index)  # type: ignore[attr-defined]
    if isinstance(view, QListView) and option.rect.right() >= view.viewport().width():
        return f"{text[:40]!r}: {option.rect.right() + 1}px wide, {view.viewport().width()}px shown"
    inside = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    room = inside.adjusted(0, 0, -2 * _text_margin(view), 0)
    needed = view.fontMetrics().boundingRect(
        room.x(), 0, room.width(), 10**5, Qt.TextFlag.TextWordWrap, text
    )
    whole_in_tooltip = text in str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
    if needed.width() > room.width() + SLACK and not whole_in_tooltip:
        return f"{text[:40]!r}: a word wider than {room.width()}px"
    if inside.height() + SLACK < needed.height():
        return f"{text[:40]!r}: {inside.height()}px < {needed.height()}px"
    return ""


def _text_margin(view: QWidget) -> int:
    return view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1


def _rows_within(view: QTableView, height: int) -> int:
    """How many rows, from the first, fit whole in `height` pixels."""
    used = 0
    for row in range(view.model().rowCount()):
        used += view.rowHeight(row)
        if used > height:
            return row
    return view.model().rowCount()
