"""What the Timetables page's buttons do: save, save as the next version, a first timetable,
accept or reject a proposed version, the suggested next step, and printing. Each runs on the
worker through ctx.write, and a failure is shown where the person can act on it."""

from __future__ import annotations

from datetime import date
from typing import Protocol

import shiboken6
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QMessageBox, QPushButton, QWidget

from apdesk.documents.timetable_pdf import render_timetable
from apdesk.i18n import _
from apdesk.models.timetable_plan import VersionStatus
from apdesk.services.timetables import blank_grid, copy_forward, create_version, save_grid
from apdesk.services.timetables.printout import printout_for
from apdesk.services.timetables.structure import load_structure
from apdesk.services.timetables.versions import set_status
from apdesk.store import Store
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.timetables.data import (
    Catalogue,
    PupilChoice,
    PupilTimetables,
    VersionDoc,
    VersionRow,
    load_pupils,
)
from apdesk.ui.timetables.dialogs import FormDialog, NewTimetableDialog, NewVersionDialog
from apdesk.ui.timetables.editor import TimetableEditor
from apdesk.ui.timetables.suggest import SuggestDialog
from apdesk.ui.timetables.widgets import picked
from apdesk.ui.widgets.pdf_preview import PdfPreviewDialog


class TimetablesHost(Protocol):
    """What the actions read and drive on the Timetables page, which fits (the actions never
    import the page, so the two files do not import each other)."""

    catalogue: Catalogue | None
    pupils: list[PupilChoice]
    pupil: PupilTimetables | None
    doc: VersionDoc | None
    ctx: AppContext
    editor: TimetableEditor
    pupil_combo: QComboBox
    versions: QListWidget
    status_label: QLabel
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

    def __init__(self, page: TimetablesHost) -> None:
        assert isinstance(page, QWidget), "the host page is a widget: the actions' parent"
        self.page = page
        self.widget: QWidget = page  # parent of the actions and of the dialogs they open
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
        self.save_action.triggered.connect(self.save)
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
        self.page.save_button.clicked.connect(self.save)
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
    def save(self) -> None:
        doc = self.page.doc
        if doc is None or not self.page.editor.document.dirty:
            return
        grid, vid = dict(self.page.editor.document.grid), doc.version_id

        def work(store: Store) -> int:
            with store.session() as s:
                save_grid(s, vid, grid)
            return vid

        def done(_vid: int) -> None:
            self.page.editor.document.mark_saved()
            self.page.status_label.setText(_("Saved."))
            self.page.show_pupil(doc.draft.pupil_id, vid)

        self.page.ctx.write(work, done, self._failed)

    def save_as_next(self) -> None:
        doc = self.page.doc
        if doc is None:
            return
        dialog = NewVersionDialog(doc.draft.effective_date, self.widget)
        changes, vid = self.page.editor.document.unsaved_changes(), doc.version_id

        def submit() -> None:
            effective = picked(dialog.effective)
            review = picked(dialog.review)

            def work(store: Store) -> int:
                with store.session() as s:
                    version = copy_forward(s, vid, effective, changes=changes, next_review=review)
                    return version.id or 0

            self.page.ctx.write(work, lambda new: self._created(dialog, new),
                           lambda exc: dialog.error.show_message(describe_error(exc)))  # fmt: skip

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
            pid = dialog.chosen_pupil()
            effective = picked(dialog.effective)
            group = dialog.group.currentData()

            def work(store: Store) -> tuple[int, int]:
                with store.session() as s:
                    grid = blank_grid(load_structure(s))
                    version = create_version(s, pid or 0, effective, grid, group_id=group)
                    return pid or 0, version.id or 0

            def done(made: tuple[int, int]) -> None:
                dialog.finish()
                self.page.pupil = None
                self.page.doc = None
                self.page.ctx.read(load_pupils, lambda pupils: self._select_new(pupils, *made))

            self.page.ctx.write(
                work, done, lambda exc: dialog.error.show_message(describe_error(exc))
            )

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

        def work(store: Store) -> int:
            with store.session() as s:
                set_status(s, vid, status, date.today())
            return vid

        self.page.ctx.write(work, lambda _v: self.page.show_pupil(pid, vid), self._failed)

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

        def work(store: Store) -> tuple[bytes, str]:
            with store.session() as s:
                printout = printout_for(s, pid, date.today(), vid)
            name = printout.pupil_name.replace(" ", "-").lower()
            return render_timetable(printout), f"timetable-{name}.pdf"

        def done(result: tuple[bytes, str]) -> None:
            self.page.status_label.setText("")
            pdf, filename = result
            preview = PdfPreviewDialog(pdf, _("Timetable"), filename, self.widget)
            window = (
                self.widget.window()
            )  # as wide as the main window allows: the page is landscape
            preview.resize(min(1220, window.width()), min(820, window.height()))
            preview.open()
            self.open_dialog = preview

        self.page.ctx.read(work, done, self._failed)
