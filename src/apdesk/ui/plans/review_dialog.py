"""Record a review meeting: who came, the child's and family's voice, the provider's report,
attendance for the period (from the register, read only), progress against every target, the
decisions and the next date. A refused save keeps everything typed; marks entered meanwhile
update the period's attendance."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _
from apdesk.models.errors import ValidationError
from apdesk.models.kinds import Kind
from apdesk.models.plan_progress import ProgressRating
from apdesk.services import plans
from apdesk.services.operations.reviews import hold_review
from apdesk.services.plan_rows import ReviewSetup, period_text
from apdesk.services.plans.reviews import check_held_in_placement
from apdesk.ui.core.context import AppContext, Call, describe_error
from apdesk.ui.core.follow import ChangeFollower, Latest
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.forms import (
    FieldErrors,
    date_edit,
    name_buttons,
    optional_date,
    optional_date_edit,
    read_only,
    to_date,
)
from apdesk.ui.widgets.guard import GuardedDialog
from apdesk.ui.widgets.screen_fit import fit_to_screen


def text_box(name: str, parent: QWidget, height: int = 64) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box


class ProgressRow:
    """One target: its wording, a rating and a note."""

    def __init__(self, target_id: int, what: str, parent: QWidget) -> None:
        self.target_id = target_id
        self.label = QLabel(what, parent)
        self.label.setWordWrap(True)
        self.rating = QComboBox(parent)
        self.rating.setAccessibleName(_("Progress rating for {what}").format(what=what))
        self.rating.addItem(_("Not rated"), "")
        for rating in ProgressRating:
            self.rating.addItem(_(rating.label), rating.value)
        self.note = QLineEdit(parent)
        self.note.setAccessibleName(_("Progress note for {what}").format(what=what))
        self.note.setPlaceholderText(_("Evidence, e.g. up to 78% this half term"))

    def value(self) -> plans.ProgressInput | None:
        rating = str(self.rating.currentData() or "")
        if not rating:
            return None
        return plans.ProgressInput(self.target_id, rating, self.note.text())

    def set_rating(self, rating: ProgressRating) -> None:
        self.rating.setCurrentIndex(self.rating.findData(rating.value))


class ReviewDialog(GuardedDialog):
    def __init__(self, ctx: AppContext, setup: ReviewSetup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setup = setup
        self.saved_id: int | None = None
        title = _("Review for {name}").format(name=setup.pupil_name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.general = ErrorLabel(self)
        self.errors = FieldErrors(self.general)

        left = QFormLayout()
        self.held_on = date_edit(_("Date held"), date.today(), self)
        self.held_on.set_range(latest=date.today())
        self.errors.add_row(left, _("Date held"), self.held_on, _("&Held on:"))
        self.attendance = read_only(_("Attendance for the period"), self)
        left.addRow(_("Attendance:"), self.attendance)
        self.attendees = QLineEdit(self)
        self.attendees.setAccessibleName(_("Who attended"))
        self.attendees.setPlaceholderText(_("Names or roles, separated by commas"))
        self.errors.add_row(left, _("Who attended"), self.attendees, _("&Who attended:"))
        self.child_voice = text_box(_("Child's voice"), self)
        left.addRow(_("&Child's voice:"), self.child_voice)
        self.family_voice = text_box(_("Family's voice"), self)
        left.addRow(_("&Family's voice:"), self.family_voice)
        self.provider_report = text_box(_("Provider's report"), self)
        left.addRow(_("&Provider's report:"), self.provider_report)

        right = QVBoxLayout()
        right.addWidget(self._progress_box())
        form = QFormLayout()
        self.decisions = text_box(_("Decisions"), self, 72)
        form.addRow(_("&Decisions:"), self.decisions)
        self.next_review = optional_date_edit(_("Next review"), None, self)
        self.errors.add_row(form, _("Next review"), self.next_review, _("&Next review:"))
        self.ending = QCheckBox(_("The placement is &ending: no next review"), self)
        self.ending.setAccessibleName(_("The placement is ending"))
        self.ending.toggled.connect(lambda on: self.next_review.setEnabled(not on))
        form.addRow(self.ending)  # the whole row: its words do not wrap
        right.addLayout(form)
        right.addStretch(1)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            _("&Save review"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.period_answer = Latest()  # the date may change faster than the register answers
        self.held_on.changed.connect(self.refresh_period)
        self.follower = ChangeFollower(
            self, ctx, {Kind.MARK, Kind.CLOSURE}, lambda _changes: self.refresh_period()
        )
        self.refresh_period()
        fit_to_screen(self, 1040, 620)
        self.watch_input()

    def _progress_box(self) -> QGroupBox:
        box = QGroupBox(_("Progress against each target"), self)
        grid = QGridLayout(box)
        self.progress: list[ProgressRow] = []
        if not self.setup.targets:
            grid.addWidget(QLabel(_("The plan has no targets yet."), box), 0, 0)
        for row, (target_id, what) in enumerate(self.setup.targets):
            item = ProgressRow(target_id, what, box)
            grid.addWidget(item.label, 2 * row, 0, 1, 2)
            grid.addWidget(item.rating, 2 * row + 1, 0)
            grid.addWidget(item.note, 2 * row + 1, 1)
            self.progress.append(item)
        grid.setColumnStretch(1, 1)
        self.progress_error = ErrorLabel(box)
        grid.addWidget(self.progress_error, 2 * len(self.setup.targets) + 1, 0, 1, 2)
        self.errors.labels[_("Progress")] = self.progress_error
        return box

    def refresh_period(self) -> None:
        """The attendance for the period up to the date typed; a date the review cannot have
        met on (before the placement starts, in the future) is said on the field instead."""
        label = self.errors.labels[_("Date held")]
        try:
            held = optional_date(self.held_on)
            if held is not None:
                check_held_in_placement(self.setup.start, held)
        except ValidationError as exc:
            self.attendance.setText("")
            label.show_message(describe_error(exc))
            return
        label.show_message("")
        if held is None:
            self.attendance.setText("")
            return
        self.ctx.query(period_text, self.setup.placement_id, held).success(
            self.period_answer.ask(self.attendance.setText)
        ).run()

    def value(self) -> plans.ReviewInput:
        next_day = None if self.ending.isChecked() else optional_date(self.next_review)
        return plans.ReviewInput(
            held_on=to_date(self.held_on),
            attendees=[a.strip() for a in self.attendees.text().split(",")],
            child_voice=self.child_voice.toPlainText(),
            family_voice=self.family_voice.toPlainText(),
            provider_report=self.provider_report.toPlainText(),
            progress=[p for p in (row.value() for row in self.progress) if p is not None],
            decisions=self.decisions.toPlainText(),
            next_review=next_day,
            placement_ending=self.ending.isChecked(),
        )

    def save(self) -> None:
        self.submit(self._operation, self._saved, errors=self.errors, button=self.save_button)

    def _operation(self) -> Call[int]:
        data, setup = self.value(), self.setup  # a date box not holding a date: refused here
        return self.ctx.op(hold_review, setup.placement_id, data, setup.review_id, date.today())

    def _saved(self, review_id: int) -> None:
        self.saved_id = review_id
