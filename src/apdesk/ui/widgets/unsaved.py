"""Typed input that lives on a page rather than in a dialog (a plan's exit strategy, a
timetable's edits) is never dropped unasked either.

A page that can hold such input implements `HoldsInput`. Switching it to another record goes
through `ask_then()`: Save / Discard / Cancel (Cancel the default); Save goes on only once the
save has committed, Cancel leaves the page, the record and the input as they were. Quitting asks
the same of every page at once (see the main window)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QMessageBox, QWidget

from apdesk.ui.widgets.guard import ask_unsaved


@runtime_checkable
class HoldsInput(Protocol):
    def unsaved_input(self) -> str:
        """What holds input not yet saved, in words ("Exit strategy for Jay Southgate"), or ""."""
        ...

    def save_input(self, then: Callable[[], None]) -> None:
        """Save that input; call `then()` once it has committed (never after a refusal, which
        the page shows beside its field, keeping the input)."""
        ...

    def discard_input(self) -> None:
        """Let the input go: the page shows what is saved."""
        ...


def ask_then(page: HoldsInput, parent: QWidget, go: Callable[[], object]) -> bool:
    """Run `go` (which drops the page's input) only after asking about unsaved input: Save
    runs it once saved, Discard at once, Cancel never. True when `go` ran or will run."""
    what = page.unsaved_input()
    if not what:
        go()
        return True
    answer = ask_unsaved(parent, what)
    if answer == QMessageBox.StandardButton.Save:

        def then() -> None:
            go()

        page.save_input(then)
        return True
    if answer == QMessageBox.StandardButton.Discard:
        page.discard_input()
        go()
        return True
    return False
