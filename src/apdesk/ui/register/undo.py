"""Writing one mark from the register, and undoing an amendment.

A register is never rubbed out: undo does not delete a row, it records the previous code
back as a further amendment ("Undone"), so the history shows both changes. A new mark on an
empty cell has no previous code to go back to, so it is corrected by typing over it instead;
only amendments go on the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand

from apdesk.i18n import _
from apdesk.models.enums import MarkSource
from apdesk.services.attendance import record_mark
from apdesk.store import Store
from apdesk.ui.register.amend import Change


@dataclass(frozen=True)
class Written:
    """What a write did, as plain data for the GUI thread."""

    change: Change
    code: str  # the code as stored ("/" typed in the afternoon is stored as "\")
    outcome: str  # "created", "amended" or "unchanged"
    reason: str


def write_mark(store: Store, change: Change, reason: str) -> Written:
    with store.session() as s:
        result = record_mark(
            s,
            change.pupil_id,
            change.day,
            change.half,
            change.new,
            source=MarkSource.SCHOOL,
            reason=reason,
        )
        return Written(change, result.mark.code, result.outcome, reason)


Writer = Callable[[Change, str], None]  # the page's write(change, reason) without undo


class AmendCommand(QUndoCommand):
    """An amendment already written; undo writes the old code back, redo the new one."""

    def __init__(self, written: Written, writer: Writer) -> None:
        change = written.change
        super().__init__(
            _("amend {name} {half} from {old} to {new}").format(
                name=change.name, half=change.half.value, old=change.old, new=written.code
            )
        )
        self.change = Change(
            change.pupil_id, change.name, change.day, change.half, change.old, written.code
        )
        self.writer = writer
        self.first = True

    def redo(self) -> None:
        if self.first:  # pushing an edit that is already in the store
            self.first = False
            return
        self.writer(self.change, _("Redone"))

    def undo(self) -> None:
        c = self.change
        self.writer(Change(c.pupil_id, c.name, c.day, c.half, c.new, c.old or ""), _("Undone"))
