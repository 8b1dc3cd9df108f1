"""The placement form's later sections and its record, put in after its window shows.

The window shows before its form is complete: the first sections are built with it, the others
one per turn of the event loop (so no frame is held up), and the record's values reach each
section as it is built; the record itself is filled in on a turn of its own. The person sees the
top of the form at once and the rest is there before they can scroll to it; reading or saving
the values first completes the form.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from apdesk.services.placements import PlacementInput
from apdesk.ui.placements.editor_sections import Sections
from apdesk.ui.widgets.binding import Binder


class LateSections:
    """Builds the sections still pending, one per turn of the event loop, and puts the loaded
    record's values into each; `built()` is called once the form is complete. The record's
    arrival has a turn of its own too: filled in the same turn as the window's first drawing or
    a section's, it held up the frame."""

    def __init__(
        self, sections: Sections, binder: Binder, owner: QObject, built: Callable[[], None]
    ) -> None:
        self.sections, self.binder, self.built = sections, binder, built
        self.record: PlacementInput | None = None  # the values loaded, for sections built later
        self.shown: set[str] = set()  # the fields that show the loaded values already
        self.answer: Callable[[], None] | None = None  # the record's filling in, on its turn
        self.timer = QTimer(owner)  # one section per turn of the event loop, until complete
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._build_more)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.answer = None

    def arrived(self, fill: Callable[[], None], *, now: bool) -> None:
        """The record is here: `fill` puts it in the form now, or on the next turn."""
        self.answer = fill
        if now:
            self.take_answer()
        else:
            self.timer.start()

    def take_answer(self) -> None:
        """Fill in the record that arrived, if it waits for its turn."""
        fill, self.answer = self.answer, None
        if fill is not None:
            fill()

    def loaded(self, record: PlacementInput) -> None:
        """The record is in and the fields built so far show it: later ones get it as built."""
        self.record = record
        self.shown = set(self.binder.widgets)

    def _build_more(self) -> None:
        """The record or one more section, then the next turn of the event loop for more."""
        if self.answer is not None:
            self.take_answer()
        elif not self.sections.complete:
            self._show_record(self.sections.build_next())
            if self.sections.complete:
                self.built()
        if self.answer is not None or not self.sections.complete:
            self.timer.start()

    def complete(self) -> None:
        """Fill in the record if it is here and build what is left of the form, now (before
        its values are read or a field is looked for)."""
        self.take_answer()
        if not self.sections.complete:
            self._show_record(self.sections.build_next(len(self.sections.pending)))
            self.built()

    def _show_record(self, names: list[str]) -> None:
        """Put the loaded values into the fields just built."""
        if self.record is None:
            return
        for name in names:
            if name in PlacementInput.model_fields and name not in self.shown:
                if name == "attendance_at_referral":
                    continue  # its box holds the loaded value already (see set_values)
                self.binder.set(name, getattr(self.record, name))
                self.shown.add(name)
