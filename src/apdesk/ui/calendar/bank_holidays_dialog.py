"""Bank holidays as suggestions: the school ticks those it closes for, nothing is added unasked."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _, format_date
from apdesk.services.operations.calendar import CalendarChange, import_calendar
from apdesk.services.school_calendar import CalendarEntry
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.forms import name_buttons


class BankHolidaysDialog(QDialog):
    added = Signal(object)  # the CalendarChange

    def __init__(
        self, ctx: AppContext, suggestions: list[CalendarEntry], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.suggestions = suggestions
        self.setWindowTitle(_("Bank holidays"))
        self.setAccessibleName(_("Bank holidays"))
        self.resize(460, 360)
        intro = QLabel(
            _(
                "England and Wales bank holidays on school days this year that are not in the "
                "calendar. Tick those the school closes for."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Bank holidays to add"))
        for entry in suggestions:
            item = QListWidgetItem(f"{format_date(entry.first, 'EEEE d MMMM y')}: {entry.label}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        if not suggestions:
            self.list.addItem(_("Every bank holiday on a school day is in the calendar."))
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(self)
        self.add_button = buttons.addButton(
            _("&Add ticked"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.setEnabled(bool(suggestions))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.add)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.list.setCurrentRow(0)
        self.list.setFocus()

    def chosen(self) -> list[CalendarEntry]:
        return [
            entry
            for row, entry in enumerate(self.suggestions)
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def add(self) -> None:
        chosen = self.chosen()
        if not chosen:
            self.reject()
            return
        self.ctx.op(import_calendar, chosen, date.today()).success(self._added).failure(
            lambda exc: self.error.show_message(describe_error(exc))
        ).source(self).run()

    def _added(self, change: CalendarChange) -> None:
        self.added.emit(change)
        self.accept()
