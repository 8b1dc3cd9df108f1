"""The timetable being edited and its undo history: every change is a command on a QUndoStack.

The grid itself is a plain dict and the services' pure functions make each new grid, so a
command only has to remember the cells it changed and what they held before."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from apdesk.i18n import _
from apdesk.models.timetable_grid import CellKey
from apdesk.services.timetables import Grid, SlotValue, apply_changes

Changes = dict[CellKey, SlotValue | None]


class GridDocument(QObject):
    """One version's grid while it is edited; `changed` carries the keys that changed."""

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.grid: Grid = {}
        self.saved: Grid = {}
        self.stack = QUndoStack(self)

    def load(self, grid: Mapping[CellKey, SlotValue]) -> None:
        self.grid = dict(grid)
        self.saved = dict(grid)
        self.stack.clear()
        self.changed.emit(None)

    def apply(self, changes: Mapping[CellKey, SlotValue | None]) -> None:
        """Used by the commands only; anything else goes through `change` so it can be undone."""
        self.grid = apply_changes(self.grid, changes)
        self.changed.emit(set(changes))

    def change(self, changes: Changes, text: str) -> None:
        """Check the new values first (raises ValidationError), then push the command."""
        apply_changes(self.grid, changes)
        real = {k: v for k, v in changes.items() if self.grid.get(k) != v}
        if real:
            self.stack.push(SetSlotsCommand(self, real, text))

    def copy(self, source: CellKey, target: CellKey) -> None:
        self.change({target: self.grid.get(source)}, _("Copy slot"))

    def unsaved_changes(self) -> Changes:
        """What differs from the saved version: the `changes` of a new version copied forward."""
        keys = set(self.grid) | set(self.saved)
        return {k: self.grid.get(k) for k in keys if self.grid.get(k) != self.saved.get(k)}

    def mark_saved(self) -> None:
        self.saved = dict(self.grid)
        self.stack.setClean()

    def discard(self) -> None:
        """Back to the version as saved; the edits and their undo history are let go."""
        self.load(self.saved)

    @property
    def dirty(self) -> bool:
        return not self.stack.isClean()


class SetSlotsCommand(QUndoCommand):
    def __init__(self, document: GridDocument, changes: Changes, text: str) -> None:
        super().__init__(text)
        self.document = document
        self.new = dict(changes)
        self.old = {key: document.grid.get(key) for key in changes}

    def redo(self) -> None:
        self.document.apply(self.new)

    def undo(self) -> None:
        self.document.apply(self.old)
