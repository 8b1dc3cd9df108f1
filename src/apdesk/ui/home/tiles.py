"""The success-measure tiles: a big figure, a plain label, the definition on hover and for
screen readers, and a click (or Enter) that opens the records behind the figure."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from apdesk.i18n import _
from apdesk.services.measures import (
    Measure,
    detail_text,
    figure_text,
    short_of_target,
    target_text,
)

COLUMNS = 4


class MeasureTile(QFrame):
    """One measure; focusable and clickable when there are records behind it."""

    activated = Signal(object)  # the Measure

    def __init__(self, measure: Measure, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.figure = QLabel(self)
        font = QFont(self.figure.font())
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.figure.setFont(font)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        bold = QFont(self.label.font())
        bold.setBold(True)
        self.label.setFont(bold)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.figure)
        layout.addWidget(self.label)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self.show_measure(measure)

    def show_measure(self, measure: Measure) -> None:
        """The measure's figure, words and target; the same tile takes a measure's new figures
        (a mark typed elsewhere) without being made again."""
        self.measure = measure
        self.figure.setText(figure_text(measure))
        self.label.setText(measure.label)
        note = detail_text(measure)
        target = target_text(measure)
        miss = short_of_target(measure)
        if target and miss is not None:
            verdict = _("✗ misses {target}") if miss else _("✓ meets {target}")
            note = f"{note} · {verdict.format(target=target)}"
        self.detail.setText(note)
        self.clickable = bool(measure.placement_ids)
        hint = _("Click to see the pupils behind this figure.") if self.clickable else ""
        self.setToolTip(f"<p>{measure.definition}</p><p><i>{hint}</i></p>")
        self.setAccessibleName(f"{measure.label}: {figure_text(measure)} ({note})")
        self.setAccessibleDescription(measure.definition)
        if self.clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        else:
            self.unsetCursor()
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.clickable and event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.measure)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.clickable and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
            Qt.Key.Key_Space,
        ):
            self.activated.emit(self.measure)
            return
        super().keyPressEvent(event)


class MeasureGrid(QWidget):
    activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: dict[str, MeasureTile] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(8)
        self.setAccessibleName(_("Success measures"))

    def set_measures(self, measures: list[Measure]) -> None:
        if [m.name for m in measures] == list(self.tiles):  # the same measures, new figures
            for measure in measures:
                self.tiles[measure.name].show_measure(measure)
            return
        for tile in self.tiles.values():
            self.grid.removeWidget(tile)
            tile.hide()
            tile.deleteLater()
        self.tiles = {}
        for index, measure in enumerate(measures):
            tile = MeasureTile(measure, self)
            tile.activated.connect(self.activated)
            self.grid.addWidget(tile, index // COLUMNS, index % COLUMNS)
            self.tiles[measure.name] = tile
        for column in range(COLUMNS):
            self.grid.setColumnStretch(column, 1)
