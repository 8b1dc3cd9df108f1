"""Undo and redo of an amendment typed into the register.

A register is never rubbed out: undo does not delete a row, it records the previous code back
as a further amendment ("Undone"), so the history shows both changes; both directions are
operations the page runs. A first mark on an empty cell is undone by a blank amendment
("Undone") that leaves the session unmarked and keeps the mark in the history.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from apdesk.i18n import _
from apdesk.ui.register.amend import Change
from apdesk.ui.register.words import half_text

Step = Callable[[Change, bool], None]  # (the amendment old -> new, True to undo it)


class AmendCommand(QUndoCommand):
    """An amendment already written; undo puts the old code back, redo the new one."""

    def __init__(self, change: Change, step: Step) -> None:
        if change.old is None:
            text = _("mark {name} {half} {new}").format(
                name=change.name, half=half_text(change.half), new=change.new
            )
        else:
            text = _("amend {name} {half} from {old} to {new}").format(
                name=change.name, half=half_text(change.half), old=change.old, new=change.new
            )
        super().__init__(text)
        self.change = change
        self.step = step
        self.first = True

    def redo(self) -> None:
        if self.first:  # pushing an edit that is already in the store
            self.first = False
            return
        self.step(self.change, False)

    def undo(self) -> None:
        self.step(self.change, True)
