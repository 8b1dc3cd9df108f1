"""What the Timetables page's buttons do: save, save as the next version, a first timetable,
accept or reject a proposed version, the suggested next step, and printing. Each write is one
operation on the worker, and a failure is shown where the person can act on it.

The actions know the page only as the `ActionsHost` they need, so the two files do not import
each other."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Protocol

import shiboken6
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QMessageBox, QPushButton, QWidget
from sqlmodel import Session

from apdesk.documents.timetable_pdf import render_timetable
from apdesk.i18n import _
from apdesk.models.timetable_plan import VersionStatus
from apdesk.services.operations.timetables import (
    decide_version,
    save_next_version,
    save_timetable,
    start_timetable,
)
from apdesk.services.timetables.editor_data import (
    Catalogue,
    PupilChoice,
    PupilTimetables,
    VersionDoc,
    VersionRow,
    load_pupils,
)
from apdesk.services.timetables.printout import printout_for
from apdesk.ui.core.context import AppContext, Call, describe_error
from apdesk.ui.timetables.dialogs import FormDialog, NewTimetableDialog, NewVersionDialog
from apdesk.ui.timetables.editor import TimetableEditor
from apdesk.ui.timetables.suggest import SuggestDialog
from apdesk.ui.timetables.widgets import picked
from apdesk.ui.widgets.pdf_preview import DrawnPages, PdfPreviewDialog, draw_preview


class ActionsHost(Protocol):
    """The page as its actions see it: what it shows, its controls, and how to show a pupil."""

    ctx: AppContext
    editor: TimetableEditor
    catalogue: Catalogue | None
    pupils: list[PupilChoice]
    pupil: PupilTimetables | None
    doc: VersionDoc | None
    pupil_combo: QComboBox
    versions: QListWidget

    @property
    def status_label(self) -> QLabel: ...

    undo_button: QPushButton
    redo_button: QPushButton
    save_button: QPushButton
    save_new_button: QPushButton
    new_button: QPushButton
    print_button: QPushButton
    accept_button: QPushButton
    reject_button: QPushButton
    suggest_button: QPushButton

    def selected_row(self) -> VersionRow | None: ...
    def show_pupil(self, pupil_id: int, version_id: int | None = None) -> None: ...
    def show_pupils(self, pupils: list[PupilChoice]) -> None: ...


class TimetableActions:
    """The page's actions, kept apart from its layout so each file stays about one thing."""

    def __init__(self, page: ActionsHost, widget: QWidget) -> None:
        self.page = page
        self.widget = widget  # the page as a widget: the parent of its actions and dialogs
        self.open_dialog: QWidget | None = None  # the dialog last opened (tests look at it)
        self._build_actions()

    def _build_actions(self) -> None:
        stack = self.page.editor.document.stack
        self.undo_action = stack.createUndoAction(self.widget, _("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self.widget, _("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.save_action = QAction(_("&Save"), self.widget)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(lambda: self.save())
        self.print_action = QAction(_("&Print…"), self.widget)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_timetable)
        for action in (
            self.undo_action,
            self.redo_action,
            self.save_action,
            self.print_action,
        ):
            self.widget.addAction(action)
        self.page.undo_button.clicked.connect(self.undo_action.trigger)
        self.page.redo_button.clicked.connect(self.redo_action.trigger)
        self.page.undo_button.setToolTip(_("Undo (Ctrl+Z)"))
        self.page.redo_button.setToolTip(_("Redo (Ctrl+Shift+Z or Ctrl+Y)"))
        self.page.save_button.clicked.connect(lambda: self.save())
        self.page.save_new_button.clicked.connect(self.save_as_next)
        self.page.new_button.clicked.connect(self.new_timetable)
        self.page.print_button.clicked.connect(self.print_timetable)
        self.page.accept_button.clicked.connect(lambda: self.decide(VersionStatus.ACCEPTED))
        self.page.reject_button.clicked.connect(lambda: self.decide(VersionStatus.REJECTED))
        self.page.suggest_button.clicked.connect(self.suggest)
        stack.cleanChanged.connect(lambda _clean: self.update_buttons())
        stack.indexChanged.connect(lambda _i: self.update_buttons())

    def update_buttons(self) -> None:
        if not shiboken6.isValid(self.page.versions):
            return  # the page is being torn down and its undo stack cleared
        stack = self.page.editor.document.stack
        row = self.page.selected_row()
        has_doc = self.page.doc is not None
        self.page.undo_button.setEnabled(stack.canUndo())
        self.page.redo_button.setEnabled(stack.canRedo())
        self.page.save_button.setEnabled(has_doc and self.page.editor.document.dirty)
        self.page.save_new_button.setEnabled(has_doc)
        self.page.print_button.setEnabled(has_doc)
        self.page.suggest_button.setEnabled(
            self.page.pupil is not None and bool(self.page.pupil.versions)
        )
        proposed = row is not None and row.status is VersionStatus.PROPOSED
        self.page.accept_button.setEnabled(proposed)
        self.page.reject_button.setEnabled(proposed)

    def _failed(self, exc: BaseException) -> None:
        self.page.status_label.setText(describe_error(exc))

    # -- saving --------------------------------------------------------------------
    def save(self, then: Callable[[], None] | None = None) -> None:
        """Save the edits to this version; `then()` runs once they are stored."""
        doc = self.page.doc
        if doc is None or not self.page.editor.document.dirty:
            return
        grid = dict(self.page.editor.document.grid)

        def done(vid: int) -> None:
            self.page.editor.document.mark_saved()
            self.page.status_label.setText(_("Saved."))
            self.page.show_pupil(doc.draft.pupil_id, vid)
            if then is not None:
                then()

        self._own(self.page.ctx.op(save_timetable, doc.version_id, grid).success(done))

    def save_as_next(self) -> None:
        doc = self.page.doc
        if doc is None:
            return
        dialog = NewVersionDialog(doc.draft.effective_date, self.widget)
        changes, vid = self.page.editor.document.unsaved_changes(), doc.version_id

        def submit() -> None:
            effective, review = picked(dialog.effective), picked(dialog.review)
            self.page.ctx.op(save_next_version, vid, effective, changes, review).success(
                lambda new: self._created(dialog, new)
            ).failure(lambda exc: dialog.error.show_message(describe_error(exc))).source(
                self.widget
            ).run()

        dialog.submitted.connect(submit)
        dialog.open()
        self.open_dialog = dialog

    def _created(self, dialog: FormDialog | None, version_id: int) -> None:
        if dialog is not None:
            dialog.finish()
        self.page.editor.document.mark_saved()
        if self.page.pupil is not None:
            self.page.show_pupil(self.page.pupil.pupil_id, version_id)

    def new_timetable(self) -> None:
        groups = self.page.catalogue.groups if self.page.catalogue else []
        dialog = NewTimetableDialog(self.page.pupils, groups, self.widget)

        def submit() -> None:
            pid = dialog.chosen_pupil() or 0
            effective = picked(dialog.effective)
            group = dialog.group.currentData()

            def done(vid: int) -> None:
                dialog.finish()
                self.page.pupil = None
                self.page.doc = None
                self.page.ctx.query(load_pupils).success(
                    lambda pupils: self._select_new(pupils, pid, vid)
                ).failure(self._failed).run()

            self.page.ctx.op(start_timetable, pid, effective, group).success(done).failure(
                lambda exc: dialog.error.show_message(describe_error(exc))
            ).source(self.widget).run()

        dialog.submitted.connect(submit)
        dialog.open()
        self.open_dialog = dialog

    def _select_new(self, pupils: list[PupilChoice], pid: int, vid: int) -> None:
        self.page.show_pupils(pupils)
        index = self.page.pupil_combo.findData(pid)
        self.page.pupil_combo.setCurrentIndex(index)
        self.page.show_pupil(pid, vid)

    # -- decisions -----------------------------------------------------------------
    def decide(self, status: VersionStatus) -> None:
        row = self.page.selected_row()
        if row is None or self.page.pupil is None:
            return
        vid, pid = row.version_id, self.page.pupil.pupil_id
        call = self.page.ctx.op(decide_version, vid, status, date.today())
        self._own(call.success(lambda _v: self.page.show_pupil(pid, vid)))

    def _own(self, call: Call[int]) -> None:
        """A write of the page's own: it shows the result itself (the page skips the change)."""
        call.failure(self._failed).source(self.widget).run()

    def suggest(self) -> SuggestDialog | None:
        if self.page.pupil is None or not self.page.pupil.versions:
            return None
        latest = max(r.effective_date for r in self.page.pupil.versions)
        pupil = self.page.pupil
        dialog = SuggestDialog(
            self.page.ctx, pupil.pupil_id, pupil.step_size, latest, parent=self.widget
        )
        dialog.created.connect(lambda vid: self._created(None, vid))
        dialog.open()
        self.open_dialog = dialog
        return dialog

    def print_timetable(self) -> None:
        doc = self.page.doc
        if doc is None:
            return
        if self.page.editor.document.dirty:
            QMessageBox.information(self.widget, _("Print timetable"),
                                    _("Save the changes first: the printout shows the saved "
                                      "version."))  # fmt: skip
            return
        pid, vid = doc.draft.pupil_id, doc.version_id
        self.page.status_label.setText(_("Preparing the PDF…"))

        def work(session: Session) -> tuple[bytes, str, DrawnPages]:
            printout = printout_for(session, pid, date.today(), vid)
            name = printout.pupil_name.replace(" ", "-").lower()
            pdf = render_timetable(printout)
            return pdf, f"timetable-{name}.pdf", draw_preview(pdf)

        def done(result: tuple[bytes, str, DrawnPages]) -> None:
            self.page.status_label.setText("")
            pdf, filename, drawn = result
            preview = PdfPreviewDialog(pdf, _("Timetable"), filename, self.widget, drawn=drawn)
            window = self.widget.window()  # as wide as the window allows: the page is landscape
            preview.resize(min(1220, window.width()), min(820, window.height()))
            preview.open()
            self.open_dialog = preview

        self.page.ctx.query(work).success(done).failure(self._failed).run()
