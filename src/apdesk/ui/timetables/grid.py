"""The week grid: a table model over one week of the cycle, and a view edited from the keyboard.

Each cell says what it is in words (LESSON, IAP, OFF-SITE, WITH FRIENDS) as well as by colour,
and the colours are derived for the palette in use so a dark theme stays readable."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from apdesk.i18n import _, format_date
from apdesk.models.enums import SlotKind
from apdesk.models.timetable_grid import DAY_NAMES, DAYS, CellKey
from apdesk.services.timetables import SlotValue, Structure
from apdesk.ui.theme import current
from apdesk.ui.timetables.commands import GridDocument

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2

# The printed timetable's colours, so screen and paper agree.
HUES: dict[SlotKind, str] = {
    SlotKind.MAINSTREAM: "#BFD7EE",
    SlotKind.IAP: "#E2F1D8",
    SlotKind.OFFSITE: "#FBD9B5",
    SlotKind.SOCIAL: "#F1F1F1",
}


def tag(kind: SlotKind | None) -> str:
    return {
        SlotKind.MAINSTREAM: _("LESSON"),
        SlotKind.IAP: _("IAP"),
        SlotKind.OFFSITE: _("OFF-SITE"),
        SlotKind.SOCIAL: _("WITH FRIENDS"),
        None: _("NOT TIMETABLED"),
    }[kind]


def meaning(kind: SlotKind | None) -> str:
    return {
        SlotKind.MAINSTREAM: _("mainstream lesson with the class"),
        SlotKind.IAP: _("session in the inclusion base"),
        SlotKind.OFFSITE: _("alternative provision away from school"),
        SlotKind.SOCIAL: _("break, lunch or free time with friends"),
        None: _("nothing planned yet"),
    }[kind]


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def colours(kind: SlotKind | None, palette: QPalette) -> tuple[QColor, QColor]:
    """(background, text) for a kind: the printed pastel on light themes, a deep tint on dark."""
    if kind is None:
        return palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    light = QColor(HUES[kind])
    if not is_dark(palette):
        return light, QColor("#000000")
    saturation = max(light.hslSaturationF(), 0.45) if light.hslSaturationF() > 0.05 else 0.0
    # High contrast promises 7:1 for text: the deeper tint gives it (the IAP green was 6:1).
    lightness = 0.2 if current.scheme() == "hc" else 0.27
    return QColor.fromHslF(light.hslHueF(), saturation, lightness), QColor("#F2F2F2")


def cell_lines(value: SlotValue | None) -> list[str]:
    if value is None:
        return [tag(None)]
    lines = [tag(value.kind), value.title]
    if value.kind is SlotKind.MAINSTREAM and value.detail:
        lines.append(value.detail)
    elif value.kind is SlotKind.IAP and value.subject:
        lines.append(_("instead of {subject}").format(subject=value.subject))
    return lines


A_MONDAY = date(2024, 1, 1)


def short_day(index: int) -> str:
    """The weekday's short name in the reader's language ("Wed", "śr.")."""
    return format_date(A_MONDAY + timedelta(days=index), "EEE")


class TimetableGridModel(QAbstractTableModel):
    """Rows are the periods of the day (breaks and lunch included), columns the days."""

    def __init__(
        self, document: GridDocument, structure: Structure | None = None, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.structure = structure or Structure()
        self.week = 1
        self.palette = QPalette()
        self.short_days = False  # "Wed" when "Wednesday" does not fit its column
        document.changed.connect(self._document_changed)

    def set_structure(self, structure: Structure) -> None:
        self.beginResetModel()
        self.structure = structure
        self.week = min(self.week, structure.cycle_weeks)
        self.endResetModel()

    def set_week(self, week: int) -> None:
        self.beginResetModel()
        self.week = week
        self.endResetModel()

    def key(self, index: Index) -> CellKey:
        period = self.structure.periods[index.row()]
        return (self.week, DAYS[index.column()], period.number)

    def index_of(self, key: CellKey) -> QModelIndex:
        week, day, number = key
        rows = [i for i, p in enumerate(self.structure.periods) if p.number == number]
        if week != self.week or day not in DAYS or not rows:
            return QModelIndex()
        return self.index(rows[0], DAYS.index(day))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.structure.periods)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(DAYS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = self.key(index)
        value = self.document.grid.get(key)
        kind = value.kind if value else None
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(cell_lines(value))
        if role == Qt.ItemDataRole.BackgroundRole:
            return colours(kind, self.palette)[0]
        if role == Qt.ItemDataRole.ForegroundRole:
            return colours(kind, self.palette)[1]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            period = self.structure.periods[index.row()]
            where = f"{_(DAY_NAMES[key[1]])} {period.label} {period.times}"
            return f"{where}: " + ", ".join(cell_lines(value))
        if role == KEY_ROLE:
            return key
        if role == KIND_ROLE:
            return kind.value if kind else ""
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(DAYS):
            whole = _(DAY_NAMES[DAYS[section]])
            if role == Qt.ItemDataRole.ToolTipRole:
                return whole
            if role == Qt.ItemDataRole.DisplayRole:
                return short_day(section) if self.short_days else whole
            return None
        if role != Qt.ItemDataRole.DisplayRole or orientation == Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(self.structure.periods):
            period = self.structure.periods[section]
            return f"{period.label}\n{period.times}"
        return None

    def _document_changed(self, keys: set[CellKey] | None) -> None:
        if keys is None:
            self.beginResetModel()
            self.endResetModel()
            return
        for key in keys:
            index = self.index_of(key)
            if index.isValid():
                self.dataChanged.emit(index, index)


def key_hint() -> str:
    """The keys the grid answers to, in words, shown under it."""
    return _(
        "Double-click, Enter or F2 edits · M lesson · I IAP · O off-site · S with friends · "
        "Delete clears · Ctrl+drag copies · right-click: menu"
    )


def menu_entries() -> list[tuple[str, str, str]]:
    """(command, words, key) for each slot action, as the context menu lists them."""
    return [
        ("edit", _("&Edit slot details…"), "Enter"),
        ("M", _("Set &lesson"), "M"),
        ("I", _("Set &IAP"), "I"),
        ("O", _("Set &off-site"), "O"),
        ("S", _("Set with &friends"), "S"),
        ("clear", _("&Clear slot"), "Del"),
    ]


class TimetableGridView(QTableView):
    """Arrow keys move; M, I, O, S set the kind; Delete clears; Enter, F2 or a double-click
    edits the details; the context menu offers the same; Ctrl+drag copies a slot."""

    typed = Signal(str)  # "M", "I", "O", "S", "clear" or "edit"
    copy_requested = Signal(object, object)  # (source key, target key)

    LETTERS = {Qt.Key.Key_M: "M", Qt.Key.Key_I: "I", Qt.Key.Key_O: "O", Qt.Key.Key_S: "S"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # A slot keeps its lines and elides them, its whole text in the tooltip: a wrapped
        # slot would make its period taller and push the afternoon off a laptop's screen.
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setCornerButtonEnabled(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setAccessibleName(_("Timetable week grid"))
        self.setAccessibleDescription(
            _(
                "Arrow keys move. M lesson, I IAP, O off-site, S with friends, Delete clears, "
                "Enter edits the details, Ctrl+drag copies a slot."
            )
        )
        self._drag_from: CellKey | None = None
        self._whole_days = 0  # the width the days' whole names need

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._fit_day_names)  # once the columns have their widths

    def _fit_day_names(self) -> None:
        """The days' whole names while they fit their columns, their short names when not
        (a longer language on a 1280 px laptop); the whole name is the heading's tooltip."""
        model = self.model()
        header = self.horizontalHeader()
        if not isinstance(model, TimetableGridModel) or header.count() == 0:
            return
        column = min(header.sectionSize(c) for c in range(header.count()))
        if not model.short_days:
            self._whole_days = max(
                header.sectionSizeFromContents(c).width() for c in range(header.count())
            )
        short = column < self._whole_days
        if short != model.short_days:
            model.short_days = short
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, header.count() - 1)

    def selected_keys(self) -> list[CellKey]:
        indexes = self.selectionModel().selectedIndexes() if self.selectionModel() else []
        keys = [i.data(KEY_ROLE) for i in indexes]
        if not keys and self.currentIndex().isValid():
            keys = [self.currentIndex().data(KEY_ROLE)]
        return keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if plain and key in self.LETTERS:
            self.typed.emit(self.LETTERS[Qt.Key(key)])
        elif plain and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.typed.emit("clear")
        elif plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.typed.emit("edit")
        else:
            super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and index.isValid():
            self.setCurrentIndex(index)
            self.typed.emit("edit")
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def slot_menu(self) -> QMenu:
        """The actions of the keys, for the chosen slots; each names its key."""
        menu = QMenu(self)
        menu.setAccessibleName(_("Slot actions"))
        for command, words, key in menu_entries():
            action = QAction(words, menu)
            action.setShortcut(key)  # shown beside the words; the grid's own keys do the work
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.setData(command)
            action.triggered.connect(lambda _checked=False, c=command: self.typed.emit(c))
            menu.addAction(action)
            if command == "edit":
                menu.addSeparator()
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            index = self.indexAt(event.pos())
            if not index.isValid():
                return
            if not self.selectionModel().isSelected(index):
                self.setCurrentIndex(index)  # a right-click outside the selection chooses it
            at = event.globalPos()
        else:  # the Menu key or Shift+F10: at the current slot
            index = self.currentIndex()
            if not index.isValid():
                return
            at = self.viewport().mapToGlobal(self.visualRect(index).center())
        menu = self.slot_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(at)
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and index.isValid():
            self._drag_from = index.data(KEY_ROLE)
            self.setCurrentIndex(index)
            event.accept()
            return
        self._drag_from = None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None:
            event.accept()  # show nothing moving: the copy happens on release
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        source, self._drag_from = self._drag_from, None
        if source is None:
            super().mouseReleaseEvent(event)
            return
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and index.data(KEY_ROLE) != source:
            self.copy_requested.emit(source, index.data(KEY_ROLE))
            self.setCurrentIndex(index)
        event.accept()
