"""The row of status filters above the outbox table, each with how many packs it holds.

The row wraps onto a second line when the window is narrow (a longer language, a 1280 px
laptop) rather than setting the whole window's least width."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QToolButton, QWidget

from apdesk.i18n import N_, _
from apdesk.models.enums import OutboxStatus
from apdesk.sync.outbox import OutboxRow
from apdesk.ui.widgets.button_row import wrapping

# (key, caption, statuses shown); an empty set shows every pack
FILTERS: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("all", N_("All"), frozenset()),
    ("waiting", N_("Waiting"), frozenset({OutboxStatus.QUEUED.value, OutboxStatus.SENDING.value})),
    ("attention", N_("Needs attention"), frozenset({OutboxStatus.ATTENTION.value})),
    ("delivered", N_("Delivered"), frozenset({OutboxStatus.DELIVERED.value})),
)


class StatusButtons(QWidget):
    changed = Signal(frozenset)  # the statuses to show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}
        layout = wrapping(self)
        caption = QLabel(_("Show:"), self)
        layout.addWidget(caption)
        for number, (key, text, _statuses) in enumerate(FILTERS):
            button = QToolButton(self)
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.setAccessibleName(_("Show {what}").format(what=_(text)))
            self.group.addButton(button, number)
            self.buttons[key] = button
            layout.addWidget(button)
        self.buttons["all"].setChecked(True)
        self.group.idToggled.connect(self._toggled)
        self.set_counts([])

    def _toggled(self, number: int, checked: bool) -> None:
        if checked:
            self.changed.emit(FILTERS[number][2])

    def choose(self, key: str) -> None:
        self.buttons[key].setChecked(True)

    def current(self) -> frozenset[str]:
        return FILTERS[max(self.group.checkedId(), 0)][2]

    def set_counts(self, rows: Iterable[OutboxRow]) -> None:
        counts = Counter(row.status for row in rows)
        total = sum(counts.values())
        for key, text, statuses in FILTERS:
            n = total if not statuses else sum(counts[s] for s in statuses)
            self.buttons[key].setText(f"{_(text)} ({n})")

    def last_button(self) -> QToolButton:
        return self.buttons[FILTERS[-1][0]]
