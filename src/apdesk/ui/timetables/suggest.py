"""The suggested next step: the moves and their reasons, each one kept or dropped by the lead,
then accepted as the next version from a date (or kept as proposed), or rejected. If the
pupil's timetable or ratings change while it is open, the step is suggested again."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _, ngettext
from apdesk.models.errors import ValidationError
from apdesk.models.kinds import Kind
from apdesk.models.timetable_plan import VersionStatus
from apdesk.services.operations.timetables import take_suggested_step
from apdesk.services.timetables import SlotMove, Suggestion, suggest_next_step
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.core.follow import ChangeFollower, Latest
from apdesk.ui.timetables.widgets import buddy, date_edit, name_controls, picked
from apdesk.ui.widgets.basics import ErrorLabel

MOVE_ROLE = Qt.ItemDataRole.UserRole + 1
# What a suggestion is made from: the versions in force, the ratings and the goal.
SHOWS = frozenset(
    {
        Kind.TIMETABLE_VERSION,
        Kind.TIMETABLE_SLOT,
        Kind.TIMETABLE_STATE,
        Kind.SUBJECT_RATING,
        Kind.REINTEGRATION_GOAL,
        Kind.PERIOD,
    }
)


def next_monday(after: date) -> date:
    return after + timedelta(days=7 - after.weekday())


class SuggestDialog(QDialog):
    created = Signal(int)  # the new version's id

    def __init__(
        self,
        ctx: AppContext,
        pupil_id: int,
        step_size: int,
        latest: date | None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.pupil_id = ctx, pupil_id
        self.today = today or date.today()
        self.suggestion: Suggestion | None = None
        self.setWindowTitle(_("Suggest the next step"))
        self.step = QSpinBox(self)
        self.step.setRange(1, 10)
        self.step.setValue(step_size)
        self.step.setSuffix(_(" lessons at most"))
        self.step.setAccessibleName(_("Step size"))
        self.again = QPushButton(_("&Suggest again"), self)
        self.again.setAccessibleName(_("Suggest again with this step size"))
        self.again.clicked.connect(self.suggest)
        self.moves = QListWidget(self)
        self.moves.setWordWrap(True)
        self.moves.setAccessibleName(_("Suggested moves: tick the ones to keep"))
        self.moves.itemChanged.connect(self._update_share)
        self.share = QLabel(self)
        self.share.setAccessibleName(_("Mainstream share"))
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setAccessibleName(_("Notes on the suggestion"))
        start = next_monday(max(self.today, latest or self.today))
        self.effective = self._date(start, _("Effective date"))
        self.review = self._date(start + timedelta(weeks=2), _("Next review"))
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(self)
        self.accept_button = buttons.addButton(_("&Accept"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setAccessibleName(_("Accept: make the next version from this date"))
        self.propose_button = buttons.addButton(
            _("Keep as &proposed"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.reject_button = buttons.addButton(_("&Reject"), QDialogButtonBox.ButtonRole.RejectRole)
        self.accept_button.clicked.connect(lambda: self.make_version(VersionStatus.ACCEPTED))
        self.propose_button.clicked.connect(lambda: self.make_version(VersionStatus.PROPOSED))
        self.reject_button.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(buddy(_("Step si&ze:"), self.step))
        top.addWidget(self.step)
        top.addWidget(self.again)
        top.addStretch(1)
        form = QFormLayout()
        form.addRow(_("&Effective from"), self.effective)
        form.addRow(_("Next re&view"), self.review)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(_("Moves back to mainstream lessons (untick to drop one):"), self))
        layout.addWidget(self.moves, 1)
        layout.addWidget(self.share)
        layout.addWidget(self.notes)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        name_controls(self)
        self.resize(640, 460)
        self.answer = Latest()  # the step size last asked for is the one shown
        self.follower = ChangeFollower(self, ctx, SHOWS, self.suggest, skip_own=True)
        self.suggest()

    def _date(self, value: date, name: str) -> QDateEdit:
        return date_edit(self, value, name)

    def suggest(self, *_changes: object) -> None:
        show = self.answer.ask(self.show_suggestion)
        self.ctx.query(suggest_next_step, self.pupil_id, self.step.value(), self.today).success(
            show
        ).failure(self._failed).run()

    def show_suggestion(self, suggestion: Suggestion) -> None:
        self.suggestion = suggestion
        self.moves.blockSignals(True)
        self.moves.clear()
        for move in suggestion.moves:
            item = QListWidgetItem(move.reason)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(MOVE_ROLE, move)
            self.moves.addItem(item)
        self.moves.blockSignals(False)
        self.notes.setText("\n".join(suggestion.notes))
        self.notes.setVisible(bool(suggestion.notes))
        self._update_share()

    def kept_moves(self) -> list[SlotMove]:
        items = [self.moves.item(i) for i in range(self.moves.count())]
        return [i.data(MOVE_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked]

    def _update_share(self, _item: object = None) -> None:
        s = self.suggestion
        kept = self.kept_moves()
        if s is None:
            return
        each = (s.new_share - s.current_share) / len(s.moves) if s.moves else 0.0
        after = s.current_share + each * len(kept)
        self.share.setText(
            ngettext(
                "Mainstream share: {now:.0%} now → {after:.0%} with {n} move kept",
                "Mainstream share: {now:.0%} now → {after:.0%} with {n} moves kept",
                len(kept),
            ).format(now=s.current_share, after=after, n=len(kept))
        )
        self.accept_button.setEnabled(bool(kept))
        self.propose_button.setEnabled(bool(kept))

    def make_version(self, status: VersionStatus) -> None:
        suggestion, moves = self.suggestion, self.kept_moves()
        if suggestion is None:
            return
        effective, review = picked(self.effective), picked(self.review)
        self.error.show_message("")
        self.ctx.op(take_suggested_step, suggestion, effective, moves, review, status).success(
            self._created
        ).failure(self._failed).source(self).run()

    def _created(self, version_id: int) -> None:
        self.created.emit(version_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError) and exc.field == "Effective date":
            self.effective.setFocus()
        self.error.show_message(describe_error(exc))
