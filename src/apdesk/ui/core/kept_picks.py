"""The pupils the pickers offer, read once and kept while nothing touches pupils.

Every placement editor offers every pupil on roll: at a trust's 10,000 pupils that read and
the names it words were a third of the time the editor took to open, each time, for a list that
changes only when a pupil does. The list is kept here after the first editor reads it and
dropped when a change touches pupils or the store locks (it holds names: it never outlives the
unlocked store). A read started before such a change is not kept, so a list kept is never
older than the last change to pupils.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from apdesk.models.kinds import Kind
from apdesk.services.pupils.picks import PupilPicks
from apdesk.store.changes import Changes
from apdesk.ui.core.context import AppContext


class KeptPicks(QObject):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.picks: PupilPicks | None = None
        self.generation = 0  # moves on at each change to pupils and each lock
        ctx.changed.connect(self._changed)
        ctx.locked.connect(self.forget)

    def _changed(self, changes: Changes, _source: object) -> None:
        if changes.touches((Kind.PUPIL,)):
            self.forget()

    def forget(self) -> None:
        self.picks = None
        self.generation += 1

    def keep(self, picks: PupilPicks, read_at: int) -> None:
        """Keep `picks`, read when the generation was `read_at`, unless pupils changed since."""
        if read_at == self.generation:
            self.picks = picks


def kept_picks(ctx: AppContext) -> KeptPicks:
    """The context's one keeper, made the first time it is asked for."""
    found = ctx.findChild(KeptPicks)
    return found if isinstance(found, KeptPicks) else KeptPicks(ctx)
