"""Small inputs the editors share: the date field (see date_field), the clock time (see
time_field), money in pounds stored as pence, a list of check boxes, and the QA state as an
icon plus words."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QGridLayout,
    QWidget,
)

from apdesk.i18n import N_, _
from apdesk.services.qa import CHECKS_NEEDED, CURRENT, DUE_SOON, FAILED, MISSING, OVERDUE
from apdesk.ui.theme import icons
from apdesk.ui.widgets.date_field import DateField
from apdesk.ui.widgets.time_field import TimeField

__all__ = ["ChoiceBoxes", "DateField", "PoundsField", "TimeField", "qa_icon", "qa_text"]

QA_TEXT = {
    CURRENT: N_("QA current"),
    DUE_SOON: N_("QA due soon"),
    OVERDUE: N_("QA overdue"),
    CHECKS_NEEDED: N_("QA checks needed"),
    MISSING: N_("QA missing"),
    FAILED: N_("QA failed"),
}
QA_ICON = {
    CURRENT: "state.current",
    DUE_SOON: "state.due",
    OVERDUE: "state.overdue",
    CHECKS_NEEDED: "state.attention",
    MISSING: "state.missing",
    FAILED: "state.failed",
}


def qa_text(state: str) -> str:
    return _(QA_TEXT.get(state, state))


def qa_icon(widget: QWidget, state: str) -> QIcon:
    pixmap = QA_ICON.get(state, "state.unknown")
    return icons.icon(pixmap)


class PoundsField(QDoubleSpinBox):
    """Money in pounds on screen, pence in the record."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPrefix("£")
        self.setDecimals(2)
        self.setRange(0, 100_000)
        self.setAccessibleName(accessible_name)

    def pence(self) -> int:
        return round(self.value() * 100)

    def set_pence(self, pence: int) -> None:
        self.setValue(pence / 100)


class ChoiceBoxes(QWidget):
    """One check box per choice (value, label) in a grid; `values()` in the choices' order."""

    changed = Signal()

    def __init__(
        self,
        choices: Iterable[tuple[str, str]],
        accessible_name: str,
        columns: int = 2,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, (value, label) in enumerate(choices):
            box = QCheckBox(label, self)
            box.setAccessibleName(label)
            box.toggled.connect(lambda _on: self.changed.emit())
            grid.addWidget(box, index // columns, index % columns)
            self.boxes[value] = box
        # A caption's Alt+letter reaches the group (and so its first box) without ticking it,
        # and Tab still stops at each box, not at the group. Set before the proxy: a focus
        # policy set later would pass to the first box and take it out of the Tab order.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        if self.boxes:
            self.setFocusProxy(next(iter(self.boxes.values())))

    def values(self) -> list[str]:
        return [value for value, box in self.boxes.items() if box.isChecked()]

    def set_values(self, values: Iterable[str]) -> None:
        chosen = set(values)
        for value, box in self.boxes.items():
            box.setChecked(value in chosen)
