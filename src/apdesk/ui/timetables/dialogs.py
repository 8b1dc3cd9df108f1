"""Small dialogs of the Timetables page: a first timetable for a pupil, and saving the edits as
the next version from a later date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _
from apdesk.services.timetables.editor_data import PupilChoice
from apdesk.ui.timetables.widgets import date_edit, name_controls
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.choice_list import SEARCH_ROLE
from apdesk.ui.widgets.guard import GuardedDialog
from apdesk.ui.widgets.word_search import WordSearch


class FormDialog(GuardedDialog):
    """A form, an inline error and OK/Cancel. OK emits `submitted`; the page does the work and
    calls `finish()` when it succeeded, or shows the error here, so no input is lost."""

    submitted = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.hide()
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self._watching = False

    def showEvent(self, event: QShowEvent) -> None:
        name_controls(self)
        if not self._watching:  # the subclass has added its fields by now
            self._watching = True
            self.watch_input()
        super().showEvent(event)

    def save(self) -> None:
        self.accept()

    def accept(self) -> None:
        self.error.show_message("")
        self.submitted.emit()

    def finish(self) -> None:
        self.mark_saved()
        super().accept()


class NewTimetableDialog(FormDialog):
    """A pupil's first timetable: breaks with friends, every lesson still to fill."""

    def __init__(
        self,
        pupils: Sequence[PupilChoice],
        groups: Sequence[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("New timetable"), parent)
        self.pupil = QComboBox(self)
        self.pupil.setAccessibleName(_("Pupil"))
        for p in pupils:
            if not p.has_timetable:
                self.pupil.addItem(f"{p.name} ({p.upn})", p.id)
                self.pupil.setItemData(self.pupil.count() - 1, p.search, SEARCH_ROLE)
        self.pupil_search = WordSearch(self.pupil)  # either name, the UPN, any order
        self.effective = date_edit(self, date.today(), _("Effective date"))
        self.group = QComboBox(self)
        self.group.setAccessibleName(_("IAP group"))
        self.group.addItem(_("No IAP group"), None)
        for gid, name in groups:
            self.group.addItem(name, gid)
        if groups:
            self.group.setCurrentIndex(1)
        self.form.addRow(_("&Pupil"), self.pupil)
        self.form.addRow(_("&Effective from"), self.effective)
        self.form.addRow(_("IAP &group"), self.group)

    def chosen_pupil(self) -> int | None:
        index = self.pupil.findText(self.pupil.currentText())
        return self.pupil.itemData(index) if index >= 0 else None

    def accept(self) -> None:
        if self.chosen_pupil() is None:
            self.error.show_message(_("Pupil: not found (choose a name from the list)"))
            self.pupil.setFocus()
            return
        super().accept()


class NewVersionDialog(FormDialog):
    """The edits become the next version from a later date; the version edited stays as it was."""

    def __init__(self, after: date, parent: QWidget | None = None) -> None:
        super().__init__(_("Save as the next version"), parent)
        start = max(after + timedelta(days=1), date.today())
        self.effective = date_edit(self, start, _("Effective date"))
        self.review = date_edit(self, start + timedelta(weeks=2), _("Next review"))
        self.intro.setText(
            _(
                "The version you edited stays unchanged in the history; the new one takes "
                "effect from the date below."
            )
        )
        self.intro.show()
        self.form.addRow(_("&Effective from"), self.effective)
        self.form.addRow(_("Next re&view"), self.review)
