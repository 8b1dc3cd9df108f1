"""Import term dates from a file: choose it, see what it holds and what importing would change,
then import all of it or nothing. Events that are not terms or closures are listed, not lost."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from apdesk.i18n import _, format_date
from apdesk.services.operations.calendar import CalendarChange, import_calendar
from apdesk.services.school_calendar import CalendarEntry, ParsedCalendar, read_calendar_file
from apdesk.services.school_calendar.records import ImportPlan, plan_import
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.forms import name_buttons


def _span(entry: CalendarEntry) -> str:
    if entry.first == entry.last:
        return format_date(entry.first)
    return _("{first} to {last}").format(
        first=format_date(entry.first), last=format_date(entry.last)
    )


def read_and_plan(session: Session, path: Path, today: date) -> tuple[ParsedCalendar, ImportPlan]:
    """The file read and checked against the calendar (a read: nothing is written)."""
    parsed = read_calendar_file(path)
    return parsed, plan_import(session, parsed.entries, today)


class ImportCalendarDialog(QDialog):
    imported = Signal(object)  # the CalendarChange

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.parsed: ParsedCalendar | None = None
        self.setWindowTitle(_("Import term dates"))
        self.setAccessibleName(_("Import term dates"))
        self.resize(640, 520)
        intro = QLabel(
            _(
                "Choose the term dates your LA or trust publishes as an iCalendar (.ics) file, or "
                "a CSV with kind, first day, last day and label on each line."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.path = QLineEdit(self)
        self.path.setAccessibleName(_("File"))
        self.path.setPlaceholderText(_("term-dates.ics"))
        self.path.returnPressed.connect(self.check)
        self.browse = QPushButton(_("&Choose file…"), self)
        self.browse.setAccessibleName(_("Choose the file of term dates"))
        self.browse.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(_("What the file holds"))
        self.preview.setPlaceholderText(
            _("What the file holds is shown here before anything is imported.")
        )
        self.effect = QLabel(self)
        self.effect.setWordWrap(True)
        self.effect.setAccessibleName(_("What importing would change"))
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(_("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.run_import)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.effect)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def choose(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Term dates"), "", _("Calendars (*.ics *.csv);;All files (*)")
        )
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        self.path.setText(str(path))
        self.check()

    def check(self) -> None:
        self.error.show_message("")
        self.import_button.setEnabled(False)
        self.parsed = None
        path = Path(self.path.text().strip()).expanduser()
        self.ctx.query(read_and_plan, path, date.today()).success(self._planned).failure(
            self._failed
        ).run()

    def _planned(self, answer: tuple[ParsedCalendar, ImportPlan]) -> None:
        parsed, plan = answer
        self.parsed = parsed
        lines = [_("To add:")] if plan.new else []
        lines += [f"  + {e.kind_label()}: {e.label} — {_span(e)}" for e in plan.new]
        if plan.already:
            lines.append(_("Already in the calendar:"))
            lines += [f"  = {e.kind_label()}: {e.label} — {_span(e)}" for e in plan.already]
        if parsed.left_out:
            lines.append(_("Left out:"))
            lines += [f"  – {item.what}: {item.why}" for item in parsed.left_out]
        self.preview.setPlainText("\n".join(lines))
        if plan.new:
            self.effect.setText(
                _("Importing adds {n} entries. {effect}").format(
                    n=len(plan.new), effect=plan.impact.summary()
                )
            )
        else:
            self.effect.setText(_("Everything in the file is in the calendar already."))
        self.import_button.setEnabled(bool(plan.new))
        self.import_button.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.preview.clear()
        self.effect.clear()
        self.error.show_message(describe_error(exc))

    def run_import(self) -> None:
        if self.parsed is None:
            return
        self.import_button.setEnabled(False)
        self.ctx.op(import_calendar, self.parsed.entries, date.today()).success(
            self._imported
        ).failure(self._failed).source(self).run()

    def _imported(self, change: CalendarChange) -> None:
        self.imported.emit(change)
        self.accept()
