"""A list that gives way to its empty state when there is nothing in it at all.

An empty table header says nothing to a school on its first day; the `EmptyState` says why
the page is empty and offers the next step. The switch watches the model the page fills (the
source, not a filter proxy): a search that matches nothing keeps the table, so the person
still sees the search and the filters that caused it. Until the model is first filled (the
read runs on the worker) the table shows, so a full school never flashes "nothing yet".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QWidget

from apdesk.ui.widgets.empty_state import EmptyState
from apdesk.ui.widgets.quiet_stack import QuietStack


class EmptySwitch(QuietStack):
    def __init__(
        self,
        content: QWidget,
        empty: EmptyState,
        model: QAbstractItemModel,
        parent: QWidget | None = None,
        *,
        nothing: Callable[[], bool] | None = None,
    ) -> None:
        """`nothing` says whether there is nothing at all (default: the model has no rows);
        a page whose model is already narrowed by a filter from elsewhere passes its own."""
        super().__init__(parent)
        self.setObjectName("EmptySwitch")
        self.content = content
        self.empty = empty
        self.model = model
        self.nothing = nothing or (lambda: model.rowCount() == 0)
        self.filled = model.rowCount() > 0
        self.addWidget(content)
        self.addWidget(empty)
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.layoutChanged,
        ):
            signal.connect(self._model_changed)
        self.update_shown()

    @property
    def showing_empty(self) -> bool:
        return self.currentWidget() is self.empty

    def _model_changed(self) -> None:
        self.filled = True
        self.update_shown()

    def update_shown(self) -> None:
        nothing = self.filled and self.nothing()
        self.setCurrentWidget(self.empty if nothing else self.content)
