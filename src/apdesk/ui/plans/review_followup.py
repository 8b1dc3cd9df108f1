"""Record a sustained-return check (6 or 12 weeks after a return): is the pupil still
attending, with attendance since the return counted from the register and shown as a guide."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _, format_date
from apdesk.models.errors import ValidationError
from apdesk.models.kinds import Kind
from apdesk.services.operations.reviews import record_follow_up
from apdesk.services.plan_rows import since_return_text
from apdesk.services.plans.followups import check_after_return
from apdesk.ui.core.context import AppContext, Call, describe_error
from apdesk.ui.core.follow import ChangeFollower, Latest
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.forms import (
    FieldErrors,
    date_edit,
    name_buttons,
    optional_date,
    read_only,
    to_date,
)
from apdesk.ui.widgets.guard import GuardedDialog


@dataclass(frozen=True)
class FollowUpTask:
    """Which follow-up to record, as the reviews list or the plan page knows it."""

    follow_up_id: int | None  # None until the follow-up is first recorded
    placement_id: int
    pupil_name: str
    weeks: int
    due_on: date


def follow_up_window(placement_id: int, weeks: int) -> tuple[str, int, int]:
    """One window per follow-up, from whichever page: named by placement and weeks, which a
    follow-up not stored yet has too (two unstored ones share no id to tell them apart)."""
    return ("follow-up", placement_id, weeks)


class FollowUpDialog(GuardedDialog):
    def __init__(self, ctx: AppContext, task: FollowUpTask, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task = task
        title = _("{weeks}-week follow-up for {name}").format(
            weeks=task.weeks, name=task.pupil_name
        )
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(520)
        intro = QLabel(
            _("Due {day}. Did the return to mainstream last?").format(day=format_date(task.due_on)),
            self,
        )
        intro.setWordWrap(True)
        self.done_on = date_edit(_("Date checked"), date.today(), self)
        self.done_on.set_range(latest=date.today())
        self.since = read_only(_("Attendance since the return"), self)
        self.yes = QRadioButton(_("&Yes"), self)
        self.yes.setAccessibleName(_("Still attending: yes"))
        self.no = QRadioButton(_("N&o"), self)
        self.no.setAccessibleName(_("Still attending: no"))
        self.answer = QButtonGroup(self)
        self.answer.addButton(self.yes)
        self.answer.addButton(self.no)
        # Nothing chosen for the coordinator: "Yes" ticked in advance was saved unread even when
        # the register showed no marks since the return.
        answer_row = QWidget(self)
        answer_layout = QHBoxLayout(answer_row)
        answer_layout.setContentsMargins(0, 0, 0, 0)
        answer_layout.addWidget(self.yes)
        answer_layout.addWidget(self.no)
        answer_layout.addStretch(1)
        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName(_("Note"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        self.general = ErrorLabel(self)
        self.errors = FieldErrors(self.general)
        form = QFormLayout()
        self.errors.add_row(form, _("Date checked"), self.done_on, _("&Checked on:"))
        form.addRow(_("Attendance:"), self.since)
        self.errors.add_row(form, _("Still attending"), answer_row, _("Still attending?"))
        form.addRow(_("&Note:"), self.note)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(_("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.since_answer = Latest()  # the date may change faster than the register answers
        self.done_on.changed.connect(self.refresh_since)
        self.follower = ChangeFollower(self, ctx, {Kind.MARK}, lambda _c: self.refresh_since())
        self.refresh_since()
        self.watch_input()

    def refresh_since(self) -> None:
        """Attendance since the return up to the date typed; a date on or before the return
        (or in the future) is said on the field instead."""
        label = self.errors.labels[_("Date checked")]
        returned = self.task.due_on - timedelta(weeks=self.task.weeks)
        try:
            until = optional_date(self.done_on)
            if until is not None:
                check_after_return(returned, until)
        except ValidationError as exc:
            self.since.setText("")
            label.show_message(describe_error(exc))
            return
        label.show_message("")
        if until is None:
            self.since.setText("")
            return
        self.ctx.query(since_return_text, self.task.placement_id, until).success(
            self.since_answer.ask(self.since.setText)
        ).run()

    def save(self) -> None:
        self.submit(self._operation, lambda _id: None, errors=self.errors, button=self.save_button)

    def _still_attending(self) -> bool:
        if not (self.yes.isChecked() or self.no.isChecked()):
            raise ValidationError(_("Still attending"), _("is not answered"), _("choose Yes or No"))
        return self.yes.isChecked()

    def _operation(self) -> Call[int]:
        task = self.task
        return self.ctx.op(
            record_follow_up,
            task.follow_up_id,
            task.placement_id,
            task.weeks,
            done_on=to_date(self.done_on),  # a ValidationError goes beside the date
            still_attending=self._still_attending(),
            note=self.note.toPlainText(),
            today=date.today(),
        )
