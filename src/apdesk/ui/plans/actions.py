"""What the Plans page does to a plan: the dialogs it opens, removals after a question, and
the PDFs it renders on the worker. Kept apart from the page's layout and loading."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from apdesk.i18n import _
from apdesk.models.errors import ValidationError
from apdesk.services.operations import plans as plan_ops
from apdesk.services.operations.placements import PlacementEnded
from apdesk.services.plan_printouts import plan_pdf, review_pdf
from apdesk.services.plan_rows import (
    FollowUpRow,
    ReviewRow,
    ReviewSetup,
    StepRow,
    TargetRow,
    review_setup,
)
from apdesk.services.plans.agencies import AgencyRow
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.placements.end_dialog import EndPlacementDialog
from apdesk.ui.plans.entries import AgencyEditor, StepEditor, VoiceEditor
from apdesk.ui.plans.review_dialog import ReviewDialog
from apdesk.ui.plans.review_followup import FollowUpDialog, FollowUpTask, follow_up_window
from apdesk.ui.plans.target_editor import TargetEditor
from apdesk.ui.plans.view import PlanView
from apdesk.ui.widgets.pdf_preview import DrawnPages, PdfPreviewDialog, with_preview


class PlanActions(QWidget):
    """The Plans page's actions; the page sets `ctx`, `view` and `placement_id`."""

    ctx: AppContext
    view: PlanView
    placement_id: int | None
    dialog: QWidget | None

    def _open(self, key: Hashable, make: Callable[[], QWidget]) -> None:
        """One window per record: `key` names it, and an open one is brought forward."""
        self.dialog = self.ctx.windows.show(key, make, delete_on_close=True)

    def _preview(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # type: ignore[attr-defined]

    def edit_target(self, existing: TargetRow | None) -> None:
        data = self.view.data
        if data is None:
            return
        key = ("target", existing.id if existing else ("new", data.placement_id))
        self._open(
            key,
            lambda: TargetEditor(
                self.ctx, data.placement_id, existing, data.end, self, who=data.pupil_name
            ),
        )

    def _edit_current_target(self) -> None:
        row = self.view.targets.current_row()
        if isinstance(row, TargetRow):
            self.edit_target(row)

    def remove_target(self) -> None:
        row = self.view.targets.current_row()
        if not isinstance(row, TargetRow):
            return
        if self._confirm(
            _("Remove target"), _("Remove the target “{what}”?").format(what=row.what)
        ):
            self.ctx.op(plan_ops.remove_target, row.id).failure(self._warn).run()

    def _entry(self, what: Hashable, make: Callable[[int], QWidget]) -> None:
        pid = self.placement_id
        if pid is not None:
            self._open((what, pid), lambda: make(pid))

    def add_step(self) -> None:
        self._entry("new step", lambda pid: StepEditor(self.ctx, pid, None, self))

    def add_agency(self) -> None:
        self._entry("new agency", lambda pid: AgencyEditor(self.ctx, pid, self))

    def add_voice(self) -> None:
        self._entry("new voice", lambda pid: VoiceEditor(self.ctx, pid, self))

    def _edit_current_step(self) -> None:
        step = self.view.steps.current_row()
        if isinstance(step, StepRow):
            self._entry(("step", step.id), lambda pid: StepEditor(self.ctx, pid, step, self))

    def _confirm(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self, title, question)
        return answer == QMessageBox.StandardButton.Yes

    def remove_step(self) -> None:
        step = self.view.steps.current_row()
        if not isinstance(step, StepRow):
            return
        if self._confirm(_("Remove step"), _("Remove the step “{step}”?").format(step=step.step)):
            self.ctx.op(plan_ops.remove_step, step.id).failure(self._warn).run()

    def remove_agency(self) -> None:
        agency = self.view.agencies.current_row()
        if not isinstance(agency, AgencyRow):
            return
        question = _("Remove {agency} ({contact}) from the plan?").format(
            agency=agency.name, contact=agency.contact
        )
        if self._confirm(_("Remove agency"), question):
            self.ctx.op(plan_ops.remove_agency, agency.id).failure(self._warn).run()

    def print_review(self) -> None:
        data = self.view.data
        if data is None:
            return
        chosen = self.view.reviews.current_row()
        held = [r for r in data.reviews if r.held_on is not None]
        review = chosen if isinstance(chosen, ReviewRow) and chosen.held_on else None
        review = review or (held[-1] if held else None)
        if review is None:
            self._warn(ValidationError(_("Review"), _("no review has been held yet")))
            return

        def done(made: tuple[bytes, DrawnPages]) -> None:
            pdf, drawn = made
            name = f"review-{data.upn or data.placement_id}-{review.date.isoformat()}.pdf"
            title = _("Review record for {name}").format(name=data.pupil_name)
            self._preview(PdfPreviewDialog(pdf, title, name, self, drawn=drawn))

        self.ctx.query(with_preview(review_pdf), review.id).success(done).failure(self._warn).run()

    def save_text(self, then: Callable[[], None] | None = None) -> None:
        """Save the exit strategy and transition plan; `then()` runs once they are stored."""
        if self.placement_id is None:
            return
        texts = self.view.texts()
        self.view.text_error.show_message("")

        def saved(_none: None) -> None:
            self.view.text_saved(texts)
            if then is not None:
                then()

        self.ctx.op(plan_ops.save_plan_text, self.placement_id, *texts).success(saved).failure(
            lambda exc: self.view.text_error.show_message(describe_error(exc))
        ).run()

    def print_plan(self) -> None:
        data = self.view.data
        if data is None:
            return
        pid = data.placement_id

        def done(made: tuple[bytes, DrawnPages]) -> None:
            pdf, drawn = made
            self.view.busy.hide()
            name = f"plan-{data.upn or pid}.pdf"
            title = _("Plan for {name}").format(name=data.pupil_name)
            self._preview(PdfPreviewDialog(pdf, title, name, self, drawn=drawn))

        def failed(exc: BaseException) -> None:
            self.view.busy.hide()
            self._warn(exc)

        self.view.busy.show()
        self.ctx.query(with_preview(plan_pdf), pid, date.today()).success(done).failure(
            failed
        ).run()

    def hold_review(self) -> None:
        if self.placement_id is None:
            return

        key = ("review", self.placement_id)
        if self.ctx.windows.get(key) is not None:  # one review form per placement
            self._open(key, lambda: QWidget())
            return

        def opened(setup: ReviewSetup) -> None:
            self._open(key, lambda: ReviewDialog(self.ctx, setup, self))

        self.ctx.query(review_setup, self.placement_id).success(opened).failure(self._warn).run()

    def end_placement(self) -> None:
        data = self.view.data
        if data is None:
            return

        def make() -> QWidget:
            dialog = EndPlacementDialog(self.ctx, data.placement_id, data.pupil_name, self)
            dialog.ended.connect(self._after_end)
            return dialog

        self._open(("end placement", data.placement_id), make)

    def _after_end(self, ended: PlacementEnded) -> None:
        """After a return, show the follow-ups now in the diary."""
        tab = self.view.follow_ups.parentWidget()
        if ended.follow_ups and tab is not None:
            self.view.tabs.setCurrentWidget(tab)

    def record_follow_up(self) -> None:
        data = self.view.data
        if data is None:
            return
        # Not stored yet (a return from before follow-ups were stored) is still recordable: the
        # operation stores it by placement and weeks, as from the Reviews page.
        open_rows = [f for f in data.follow_ups if f.done_on is None]
        chosen = self.view.follow_ups.current_row()
        row = chosen if isinstance(chosen, FollowUpRow) and chosen in open_rows else None
        row = row or (open_rows[0] if open_rows else None)
        if row is None:
            return
        task = FollowUpTask(row.id, data.placement_id, data.pupil_name, row.weeks, row.due_on)
        key = follow_up_window(data.placement_id, row.weeks)
        self._open(key, lambda: FollowUpDialog(self.ctx, task, self))

    def _warn(self, exc: BaseException) -> None:
        QMessageBox.warning(self, _("Plans"), describe_error(exc))
