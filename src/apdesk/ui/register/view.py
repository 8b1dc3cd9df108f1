"""The register table: type a code into a cell, move with arrows, Enter, Tab and Shift+Tab.

Codes are one or two characters ("B", "C2", "/"). A code that cannot grow ("B") is entered
at once; one that can ("C" before "C1"/"C2") waits for the next key, and Enter, Tab or an
arrow enters it as it stands. The view only says what was typed where; the page writes it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from apdesk.i18n import _
from apdesk.models.codes import CURRENT_CODES, normalise_code
from apdesk.models.errors import ValidationError
from apdesk.ui.register.model import CELL_ROLE, RegisterModel
from apdesk.ui.theme import current
from apdesk.ui.widgets.keyboard import move_focus

TYPED = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/\\#")
ENTRY_CODES = set(CURRENT_CODES)
PREFIXES = {code[:n] for code in CURRENT_CODES for n in range(1, len(code))}


def never_deleted() -> str:
    return _(
        "Marks are never deleted: the register is a legal record. Type a different code to "
        "amend a mark; you will be asked why, and the original is kept."
    )


Index = QModelIndex | QPersistentModelIndex
LOOK_CHANGES = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange)


def shade(palette: QPalette) -> QColor:
    """A tint of the highlight colour that keeps text readable in light and dark themes."""
    colour = QColor(palette.color(QPalette.ColorRole.Highlight))
    colour.setAlphaF(0.22)
    return colour


class CellDelegate(QStyledItemDelegate):
    """Shades expected sessions and marks them with a corner notch; outlines missing marks.

    A week on screen is a few hundred cells but only a handful of different looks (a code, its
    cues, the cell's state: selected, focused, under the mouse, an alternate row). Each look is
    drawn once into a pixmap over the table's own background, and every cell that looks the
    same is that pixmap copied: a repaint costs a copy per cell instead of Qt's item drawing and
    eight questions to the model per cell. The pixels are the ones drawn directly. The table
    forgets the looks when its font, palette or style changes (`RegisterView.changeEvent`)."""

    MOST_LOOKS = 512  # past this many (many sizes), start again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drawn: dict[tuple[object, ...], QPixmap] = {}
        self.under: QColor | None = None  # the table's background, under every cell

    def forget(self) -> None:
        """Draw every look anew (the table's font, palette or style changed)."""
        self.drawn.clear()
        self.under = None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = index.model()
        if not isinstance(model, RegisterModel):
            self.paint_cell(painter, option, index)
            return
        rect: QRect = option.rect
        ratio = painter.device().devicePixelRatio()
        key = (
            model.look_at(index),
            option.state.value,
            option.features.value,
            rect.width(),
            rect.height(),
            ratio,
            current.serial(),
        )
        pixmap = self.drawn.get(key)
        if pixmap is None:
            pixmap = self._draw(option, index, ratio)
            if len(self.drawn) >= self.MOST_LOOKS:
                self.forget()
            self.drawn[key] = pixmap
        painter.drawPixmap(rect.topLeft(), pixmap)

    def _draw(self, option: QStyleOptionViewItem, index: Index, ratio: float) -> QPixmap:
        """The cell drawn at (0, 0) on what lies under it in the table: its background."""
        size = option.rect.size()
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        if self.under is None:
            view = option.widget
            under = view.viewport() if isinstance(view, QAbstractItemView) else view
            if under is not None:
                self.under = under.palette().color(under.backgroundRole())
            else:
                self.under = option.palette.color(QPalette.ColorRole.Base)
        pixmap.fill(self.under)
        local = QStyleOptionViewItem(option)
        local.rect = QRect(QPoint(0, 0), size)
        painter = QPainter(pixmap)
        try:
            self.paint_cell(painter, local, index)
        finally:
            painter.end()
        return pixmap

    def paint_cell(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        cell = index.data(CELL_ROLE)
        rect: QRect = option.rect
        palette: QPalette = option.palette
        if cell is not None and cell.expected_at_provider:
            painter.fillRect(rect, shade(palette))
        super().paint(painter, option, index)
        if cell is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        accent = palette.color(QPalette.ColorRole.Highlight)
        if cell.expected_at_provider:  # a notch in the corner: a cue that is not colour alone
            notch = QPolygonF(
                [
                    QPointF(rect.left(), rect.top()),
                    QPointF(rect.left() + 7, rect.top()),
                    QPointF(rect.left(), rect.top() + 7),
                ]
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            painter.drawPolygon(notch)
        if cell.missing:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1, Qt.PenStyle.DashLine))
            painter.drawRect(rect.adjusted(2, 2, -3, -3))
        painter.restore()


class RegisterView(QTableView):
    code_typed = Signal(QModelIndex, str)  # a whole code for the cell at the index
    message = Signal(str)  # something to tell the user (a bad code, why Delete does nothing)
    legend_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pending = ""
        self.pending_index = QPersistentModelIndex()
        self.cells = CellDelegate(self)
        self.setItemDelegate(self.cells)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAccessibleName(_("Attendance register"))
        self.setAccessibleDescription(
            _(
                "Type a code into a cell; arrows and Tab move, Enter goes to the next pupil, "
                "F4 lists the codes, Ctrl+Tab leaves the register"
            )
        )
        self.setToolTip(never_deleted())
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setHighlightSections(False)  # bold would clip "Wed 30"; the cell shows focus
        widest = QFontMetrics(header.font()).horizontalAdvance("Wed 30")
        header.setDefaultSectionSize(max(40, widest + 10))
        header.setMinimumHeight(self.fontMetrics().height() * 2 + 10)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

    def model(self) -> RegisterModel:
        return super().model()  # type: ignore[return-value]

    def fit_columns(self) -> None:
        """Every half-day as wide as the widest heading in this language ("czw. 3" is wider
        than "Thu 3"), so no day's heading is cut and all ten share one width."""
        header = self.horizontalHeader()
        widths = [header.sectionSizeFromContents(c).width() for c in range(header.count())]
        header.setDefaultSectionSize(max([40, *widths]))

    def week_width(self) -> int:
        """The width that shows the pupils' names and the whole week with no sideways scroll."""
        header = self.horizontalHeader()
        return (
            self.verticalHeader().sizeHint().width()
            + sum(header.sectionSize(c) for c in range(header.count()))
            + self.verticalScrollBar().sizeHint().width()
            + self.frameWidth() * 2
            + 4
        )

    def changeEvent(self, event: QEvent) -> None:
        """A new font, palette or style draws cells differently: forget the looks drawn."""
        if event.type() in LOOK_CHANGES:
            self.cells.forget()
        super().changeEvent(event)

    # -- keys ------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        """Tab and Shift+Tab move between cells; Ctrl+Tab still leaves the register."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                if plain:
                    self.keyPressEvent(event)
                else:  # Qt leaves Ctrl+Tab to the widget: here it goes on past the register
                    self.commit()
                    forward = event.key() == Qt.Key.Key_Tab and not (
                        event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                    )
                    move_focus(self, forward)
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        K = Qt.Key
        plain = not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if key == K.Key_F4:
            self.legend_requested.emit()
        elif key in (K.Key_Delete, K.Key_Backspace) and not self.pending:
            self.message.emit(never_deleted())
        elif key == K.Key_Backspace:
            self.pending = ""
            self.message.emit("")
        elif key == K.Key_Escape and self.pending:
            self.pending = ""
            self.message.emit(_("Code cancelled."))
        elif key in (K.Key_Return, K.Key_Enter):
            self.commit()
            self.move_to(self.currentIndex().row() + 1, self.currentIndex().column())
        elif key == K.Key_Tab:
            self.commit()
            self.step(1)
        elif key == K.Key_Backtab:
            self.commit()
            self.step(-1)
        elif key in (K.Key_Up, K.Key_Down, K.Key_Left, K.Key_Right, K.Key_Home, K.Key_End):
            self.commit()
            super().keyPressEvent(event)
        elif plain and event.text() and event.text().upper() in TYPED:
            self.type_character(event.text().upper())
        else:
            super().keyPressEvent(event)

    def type_character(self, char: str) -> None:
        index = self.currentIndex()
        if not index.isValid():
            self.message.emit(_("Choose a cell first."))
            return
        if not self.pending:
            self.pending_index = QPersistentModelIndex(index)
        buffer = self.pending + char
        if buffer in PREFIXES:
            self.pending = buffer
            self.message.emit(
                _("{code}… (type the next character, or Enter for {code})").format(code=buffer)
                if buffer in ENTRY_CODES
                else _("{code}… (type the next character)").format(code=buffer)
            )
            return
        self.pending = buffer
        self.commit()

    def commit(self) -> None:
        """Enter the pending code in the cell where typing began, or say why it is not a code."""
        buffer, self.pending = self.pending, ""
        if not buffer:
            return
        index = self.model().index(self.pending_index.row(), self.pending_index.column())
        if buffer in ENTRY_CODES or buffer in ("/", "\\"):
            self.message.emit("")
            self.code_typed.emit(index, buffer)
            return
        try:
            normalise_code(buffer)
            message = _("{code} is not an attendance code").format(code=buffer)
        except ValidationError as exc:
            message = str(exc)
        self.message.emit(message + " " + _("Press F4 to list the codes."))

    def step(self, delta: int) -> None:
        """Tab and Shift+Tab: next or previous cell, wrapping onto the next or previous pupil."""
        model = self.model()
        columns = model.columnCount()
        index = self.currentIndex()
        if not index.isValid() or not columns:
            return
        position = index.row() * columns + index.column() + delta
        if 0 <= position < model.rowCount() * columns:
            self.move_to(position // columns, position % columns)
        else:  # past the last session (or before the first), Tab goes on to the next control
            move_focus(self, delta > 0)

    def move_to(self, row: int, column: int) -> None:
        model = self.model()
        if 0 <= row < model.rowCount() and 0 <= column < model.columnCount():
            self.setCurrentIndex(model.index(row, column))

    def currentChanged(self, current: Index, previous: Index) -> None:
        """A click elsewhere enters what was typed in the cell it was typed in."""
        if self.pending:
            self.commit()
        super().currentChanged(current, previous)
