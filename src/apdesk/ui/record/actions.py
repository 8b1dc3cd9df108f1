"""The pupil record's section for leaving, suspensions and subject access: what is recorded,
and the buttons that open each editor (one window per record)."""

from __future__ import annotations

from functools import partial
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _, format_date, ngettext
from apdesk.models.kinds import Kind
from apdesk.services.operations.leavers import reinstate_pupil
from apdesk.services.records.pupil_record import RecordExtras, record_extras
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.core.follow import ChangeFollower, Loader
from apdesk.ui.widgets.button_row import ButtonRow
from apdesk.ui.widgets.section_box import SectionBox

SHOWS = frozenset({Kind.PUPIL, Kind.PLACEMENT, Kind.SUSPENSION, Kind.SUBJECT_ACCESS})

D = TypeVar("D", bound=QWidget)


def _none(_session: object) -> None:
    return None


class RecordActions(SectionBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(_("Leaving, suspensions and subject access"), parent)
        self.ctx = ctx
        self.pupil_id: int | None = None
        self.record: RecordExtras | None = None
        self.dialog: QWidget | None = None
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(_("On roll"))
        self.leave_button = QPushButton(_("Mark as &left…"), self)
        self.leave_button.setAccessibleName(_("Mark this pupil as left"))
        self.leave_button.clicked.connect(self.open_leaver)
        self.suspend_button = QPushButton(_("Record s&uspension…"), self)
        self.suspend_button.setAccessibleName(_("Record a suspension"))
        self.suspend_button.clicked.connect(lambda: self.open_suspension(None))
        self.sar_button = QPushButton(_("Su&bject access…"), self)
        self.sar_button.setAccessibleName(_("Subject access request and export"))
        self.sar_button.clicked.connect(self.open_subject_access)
        # The record panel is narrow beside the list: the buttons wrap rather than widen it.
        buttons = ButtonRow([self.leave_button, self.suspend_button, self.sar_button])
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Suspensions and requests"))
        self.list.itemActivated.connect(self._activated)
        self.list.setMaximumHeight(110)
        self.message = QLabel(self)  # what the last action did (kept through reloads)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_("What was just recorded"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        layout.addWidget(self.list)
        layout.addWidget(self.message)
        self.loader: Loader[RecordExtras | None] = Loader(ctx, _none, self.show_record, self)
        self.follower = ChangeFollower(self, ctx, SHOWS, lambda _c: self.reload())

    def load(self, pupil_id: int | None) -> None:
        if pupil_id != self.pupil_id:
            self.message.setText("")
        self.pupil_id = pupil_id
        if pupil_id is None:
            self.show_record(None)
            return
        self.loader.fetch = partial(record_extras, pupil_id=pupil_id)
        self.loader.reload()

    def reload(self) -> None:
        if self.pupil_id is not None:
            self.loader.reload()

    def show_record(self, record: RecordExtras | None) -> None:
        if record is not None and record.pupil_id != self.pupil_id:
            return
        self.record = record
        for button in (self.leave_button, self.suspend_button, self.sar_button):
            button.setEnabled(record is not None)
        self.list.clear()
        if record is None:
            self.status.setText("")
            return
        if record.on_roll:
            self.status.setText(_("On roll."))
            self.leave_button.setText(_("Mark as &left…"))
        else:
            self.status.setText(
                _("Left on {day}: {destination}.").format(
                    day=format_date(record.left_on) if record.left_on else "?",
                    destination=record.destination or _("destination not recorded"),
                )
            )
            self.leave_button.setText(_("&Reinstate"))
        for s in record.suspensions:
            arranged = (
                _("education arranged from {day}").format(day=format_date(s.ap_from))
                if s.ap_from
                else _("no education arranged")
            )
            text = ngettext(
                "Suspension {start} to {end}: {n} session, {arranged}",
                "Suspension {start} to {end}: {n} sessions, {arranged}",
                s.sessions,
            ).format(
                start=format_date(s.start), end=format_date(s.end), n=s.sessions, arranged=arranged
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, ("suspension", s.id))
            self.list.addItem(item)
        for r in record.requests:
            state = (
                _("answered {day}").format(day=format_date(r.completed_on))
                if r.completed_on
                else _("answer by {day}").format(day=format_date(r.respond_by))
            )
            item = QListWidgetItem(
                _("Subject access request received {day}: {state}").format(
                    day=format_date(r.requested_on), state=state
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, ("request", r.id))
            self.list.addItem(item)
        self.list.setVisible(self.list.count() > 0)

    def _activated(self, item: QListWidgetItem) -> None:
        kind, record_id = item.data(Qt.ItemDataRole.UserRole)
        if kind == "suspension" and self.record is not None:
            found = next((s for s in self.record.suspensions if s.id == record_id), None)
            self.open_suspension(found)
        elif kind == "request":
            self.open_subject_access()

    # -- editors -----------------------------------------------------------------------
    def open_leaver(self) -> QWidget | None:
        record = self.record
        if record is None:
            return None
        if not record.on_roll:
            self.ctx.op(reinstate_pupil, record.pupil_id).failure(
                lambda exc: self.message.setText(describe_error(exc))
            ).run()
            return None
        from apdesk.ui.record.leaver_dialog import LeaverDialog

        self.dialog = self.ctx.windows.show(
            ("leaver", record.pupil_id), lambda: self._owned(LeaverDialog(self.ctx, record, self))
        )
        return self.dialog

    def open_suspension(self, existing: object) -> QWidget | None:
        record = self.record
        if record is None:
            return None
        from apdesk.services.records.suspensions import SuspensionView
        from apdesk.ui.record.suspension_dialog import SuspensionDialog

        found = existing if isinstance(existing, SuspensionView) else None
        key = ("suspension", found.id if found else f"new-{record.pupil_id}")

        def make() -> SuspensionDialog:
            dialog = SuspensionDialog(self.ctx, record.pupil_id, record.name, found, self)
            dialog.saved.connect(
                lambda saved: self.message.setText(" ".join([saved.summary(), *saved.warnings]))
            )
            return self._owned(dialog)

        self.dialog = self.ctx.windows.show(key, make)
        return self.dialog

    def open_subject_access(self) -> QWidget | None:
        record = self.record
        if record is None:
            return None
        from apdesk.ui.record.sar_dialog import SubjectAccessDialog

        self.dialog = self.ctx.windows.show(
            ("subject-access", record.pupil_id),
            lambda: self._owned(SubjectAccessDialog(self.ctx, record, self)),
        )
        return self.dialog

    @staticmethod
    def _owned(dialog: D) -> D:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return dialog
