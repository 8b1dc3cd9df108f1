"""The placement form's live checks: the warnings its values would give, as the person types.

Checked on the worker once typing pauses, and only the newest question's answer is shown. A value
that cannot be right is marked under its field at once, and the mark goes once it is put right.
Warnings are never used to refuse a save.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer

from apdesk.i18n import _
from apdesk.models.errors import ValidationError
from apdesk.services.placement_rules import PlacementWarning
from apdesk.services.placements import PlacementInput, preview_warnings
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.placements.editor_warnings import WarningsPanel
from apdesk.ui.widgets.binding import Binder

DEBOUNCE_MS = 400


class LiveChecks:
    """Asks for the warnings of `read()` (the form's values) about placement `placement_id()`,
    and shows them on `panel`."""

    def __init__(
        self,
        ctx: AppContext,
        binder: Binder,
        panel: WarningsPanel,
        read: Callable[[], PlacementInput],
        placement_id: Callable[[], int | None],
        owner: QObject,
    ) -> None:
        self.ctx, self.binder, self.panel = ctx, binder, panel
        self.read, self.placement_id = read, placement_id
        self.generation = 0  # the question asked last: older answers are dropped
        self.marked = False  # a field shows a mark from these checks
        self.timer = QTimer(owner)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.now)

    def soon(self) -> None:
        """Check once the typing pauses."""
        self.timer.start()

    def drop_answers(self) -> None:
        """Answers still on their way find nobody to show them to (the form closed)."""
        self.generation += 1

    def clear_mark(self) -> None:
        self.marked = False
        self.binder.clear_error()

    def now(self) -> None:
        """Ask the worker for the warnings the current values would give."""
        self.timer.stop()
        if not self.ctx.is_unlocked:
            return
        self.generation += 1
        generation = self.generation
        try:
            data = self.read()
            data.check()
        except ValidationError as exc:  # a value that cannot be right: shown on its field now
            self.panel.show_note(str(exc))
            fix = f" ({exc.fix})" if exc.fix else ""
            if self.binder.show_error(exc.field, f"{exc.message}{fix}") is not None:
                self.marked = True
            return
        if self.marked:  # put right: the mark under the field goes
            self.clear_mark()
        if not data.pupil_id or not data.provider_id:
            self.panel.show_note(_("Choose the pupil and the provider to see the checks."))
            return
        self.ctx.query(preview_warnings, data, date.today(), self.placement_id()).success(
            lambda found: self._checked(generation, found)
        ).failure(lambda exc: self._check_failed(generation, exc)).run()

    def _checked(self, generation: int, warnings: list[PlacementWarning]) -> None:
        if generation == self.generation:
            self.panel.show_warnings(warnings)

    def _check_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self.generation:
            self.panel.show_note(describe_error(exc))
