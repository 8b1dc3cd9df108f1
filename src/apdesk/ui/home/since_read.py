"""What changed since the dashboard on screen was read: after marks alone, the next read keeps
every part no mark moves (`load_dashboard(after_marks=...)`), which is most of the page."""

from __future__ import annotations

from apdesk.models.kinds import Kind
from apdesk.store.changes import Changes

MARKS_ONLY = frozenset({Kind.MARK})


class SinceRead:
    """The kinds of each change set shown to the page, in order. A read notes where the list
    stood when it was asked for; a later read may keep that read's parts if every change set
    since touched marks alone. A change noted between asking and the read's snapshot counts as
    after it: the cautious side, a fuller read."""

    def __init__(self) -> None:
        self.kinds: list[frozenset[Kind]] = []
        self.asked_at = 0  # where the list stood when the last read was asked for
        self.shown_at: int | None = None  # ...and for the read on screen (None: no read yet)

    def note(self, changes: Changes) -> None:
        self.kinds.append(changes.kinds())

    def asked(self) -> None:
        self.asked_at = len(self.kinds)

    def shown(self) -> None:
        self.shown_at = self.asked_at

    def marks_only(self) -> bool:
        """True if every change since the read on screen was asked for touched marks alone."""
        if self.shown_at is None:
            return False
        return all(kinds <= MARKS_ONLY for kinds in self.kinds[self.shown_at :])
