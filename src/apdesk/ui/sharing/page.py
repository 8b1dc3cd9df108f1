"""The Sharing page: the laptops that share the record, its last sync, what waits to be sent,
the conflicts to settle, enrolling another laptop and revoking a lost one."""

from __future__ import annotations

import socket
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from apdesk.i18n import _, ngettext
from apdesk.models.kinds import Kind
from apdesk.share import views
from apdesk.share.views import ConflictRow, DeviceRow
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.core.follow import ChangeFollower, Loader
from apdesk.ui.sharing.controller import ShareController, ShareState
from apdesk.ui.sharing.model import ROW_ROLE, ConflictsModel, DevicesModel, PageData, when_text
from apdesk.ui.widgets.banner import Banner
from apdesk.ui.widgets.basics import ErrorLabel

SHOWS = frozenset(Kind)  # pending changes count every kind of record


def load(session: Session) -> PageData:
    return PageData(views.status(session), views.devices(session), views.conflicts(session))


def _table(model: Any, parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setTabKeyNavigation(False)
    return table


class StartPanel(QWidget):
    """What the page shows before this laptop shares: how to start."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(
            _(
                "Share this record with the school's other laptops through a school hub. "
                "Each laptop keeps its whole encrypted store and works offline; the hub only "
                "relays changes sealed with a key it never sees."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.hub = QLineEdit(self)
        self.hub.setPlaceholderText("https://hub.example.sch.uk")
        self.hub.setAccessibleName(_("School hub address"))
        self.name = QLineEdit(socket.gethostname()[:60], self)
        self.name.setAccessibleName(_("This laptop's name"))
        self.start_button = QPushButton(_("&Start sharing"), self)
        self.start_button.setAccessibleName(_("Start sharing this record through the hub"))
        form = QFormLayout()
        form.addRow(_("School h&ub:"), self.hub)
        form.addRow(_("This laptop's &name:"), self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.setTabOrder(self.hub, self.name)
        self.setTabOrder(self.name, self.start_button)


class SharingPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sharing = ShareController.for_context(ctx)
        self.data: PageData | None = None
        self.setAccessibleName(_("Sharing"))
        title = QLabel(_("Sharing"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.state_label = QLabel(self)
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.state_label.setAccessibleName(_("Sharing state"))
        self.error = ErrorLabel(self)

        self.start_panel = StartPanel(self)
        self.start_panel.start_button.clicked.connect(self.start_sharing)
        self.shared = QWidget(self)
        self.summary = QLabel(self.shared)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(_("This laptop's sharing"))
        self.held = Banner("warning", parent=self.shared)  # which laptop must update
        self.held.hide()
        self.sync_button = QPushButton(_("S&ync now"), self.shared)
        self.sync_button.setAccessibleName(_("Send and fetch changes now"))
        self.sync_button.clicked.connect(self.sharing.request)
        self.enrol_button = QPushButton(_("&Enrol a laptop…"), self.shared)
        self.enrol_button.setAccessibleName(_("Show a one-time code for another laptop"))
        self.enrol_button.clicked.connect(self.enrol)

        self.devices = DevicesModel(self)
        self.devices_table = _table(self.devices, self.shared, _("Laptops that share the record"))
        self.devices_table.selectionModel().selectionChanged.connect(self._enable)
        self.revoke_button = QPushButton(_("Re&voke…"), self.shared)
        self.revoke_button.setAccessibleName(_("Shut the selected laptop out"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.conflicts = ConflictsModel(self)
        self.conflicts_table = _table(self.conflicts, self.shared, _("Conflicts to settle"))
        self.conflicts_table.selectionModel().selectionChanged.connect(self._enable)
        self.conflicts_table.activated.connect(lambda _index: self.resolve_selected())
        self.resolve_button = QPushButton(_("&Resolve…"), self.shared)
        self.resolve_button.setAccessibleName(_("Settle the selected conflict"))
        self.resolve_button.clicked.connect(self.resolve_selected)

        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.enrol_button)
        buttons.addStretch(1)
        devices_box = QGroupBox(_("Laptops"), self.shared)
        devices_layout = QVBoxLayout(devices_box)
        devices_layout.addWidget(self.devices_table)
        devices_layout.addWidget(self.revoke_button, 0, Qt.AlignmentFlag.AlignRight)
        self.conflicts_box = QGroupBox(_("Conflicts"), self.shared)
        conflicts_layout = QVBoxLayout(self.conflicts_box)
        conflicts_layout.addWidget(self.conflicts_table)
        conflicts_layout.addWidget(self.resolve_button, 0, Qt.AlignmentFlag.AlignRight)
        shared_layout = QVBoxLayout(self.shared)
        shared_layout.setContentsMargins(0, 0, 0, 0)
        shared_layout.addWidget(self.summary)
        shared_layout.addWidget(self.held)
        shared_layout.addLayout(buttons)
        shared_layout.addWidget(devices_box, 2)
        shared_layout.addWidget(self.conflicts_box, 3)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.start_panel)
        self.stack.addWidget(self.shared)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.state_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.stack, 1)
        self.setTabOrder(self.sync_button, self.enrol_button)
        self.setTabOrder(self.enrol_button, self.devices_table)
        self.setTabOrder(self.devices_table, self.revoke_button)
        self.setTabOrder(self.revoke_button, self.conflicts_table)
        self.setTabOrder(self.conflicts_table, self.resolve_button)

        self.sharing.state_changed.connect(self.show_state)
        self.show_state(self.sharing.state)
        self.loader: Loader[PageData] = Loader(ctx, load, self.show_data, self)
        self.follower = ChangeFollower(self, ctx, SHOWS, lambda _changes: self.loader.reload())
        self.sharing.finished.connect(lambda _report: self.loader.reload())
        self._enable()
        self.loader.reload()

    # -- showing -------------------------------------------------------------------------------
    def show_state(self, state: ShareState) -> None:
        self.state_label.setText(state.text)
        self.state_label.setToolTip(state.detail)

    def show_data(self, data: PageData) -> None:
        self.data = data
        status = data.status
        self.stack.setCurrentWidget(self.shared if status.sharing else self.start_panel)
        if not status.sharing:
            return
        pending = ngettext(
            "{n} change made here waits to be sent", "{n} changes made here wait to be sent",
            status.pending,
        ).format(n=status.pending)  # fmt: skip
        rows = [
            (_("This laptop"), status.name),
            (_("School hub"), status.hub),
            (_("Last sync"), when_text(status.last_sync)),
            (_("Waiting"), pending if status.pending else _("nothing: every change is sent")),
        ]
        self.summary.setText(
            "<table>"
            + "".join(
                f"<tr><td><b>{_escape(k)}:</b>&nbsp;</td><td>{_escape(v)}</td></tr>"
                for k, v in rows
            )
            + "</table>"
        )
        self.held.setVisible(bool(status.must_update))
        if status.must_update:
            self.held.set_message(
                "warning",
                _("Changes are held until every laptop runs the same apdesk: update {names}.")
                .format(names=", ".join(status.must_update)),
            )  # fmt: skip
        self.devices.set_rows(data.devices)
        self.conflicts.set_rows(data.conflicts)
        self.conflicts_box.setTitle(
            ngettext("{n} conflict", "{n} conflicts", len(data.conflicts)).format(
                n=len(data.conflicts)
            )
            if data.conflicts
            else _("Conflicts: none")
        )
        self._enable()

    def _selected(self, table: QTableView) -> Any:
        rows = table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _enable(self, *_args: Any) -> None:
        device: DeviceRow | None = self._selected(self.devices_table)
        self.revoke_button.setEnabled(device is not None and not device.this and not device.revoked)
        self.resolve_button.setEnabled(self._selected(self.conflicts_table) is not None)

    # -- actions -------------------------------------------------------------------------------
    def start_sharing(self) -> None:
        from apdesk.share.enrol import start

        hub = self.start_panel.hub.text().strip()
        name = self.start_panel.name.text().strip() or socket.gethostname()
        self.start_panel.start_button.setEnabled(False)
        self.error.show_message("")

        def done(started: Any) -> None:
            self.start_panel.start_button.setEnabled(True)
            self.sharing.now_sharing()
            self.loader.reload()
            self._show_code(started.enrolment)

        self.sharing.run_task(lambda store: start(store, hub, name), done, self._failed)

    def enrol(self) -> None:
        from apdesk.share.enrol import issue_code

        self.enrol_button.setEnabled(False)

        def done(enrolment: Any) -> None:
            self.enrol_button.setEnabled(True)
            self._show_code(enrolment)

        self.sharing.run_task(lambda store: issue_code(store), done, self._failed)

    def _show_code(self, enrolment: Any) -> None:
        from apdesk.ui.sharing.enrol_dialog import EnrolDialog

        dialog = EnrolDialog(enrolment.code, enrolment.hub, enrolment.expires_at, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.enrol_dialog = dialog

    def revoke_selected(self) -> None:
        from apdesk.share.enrol import revoke

        device: DeviceRow | None = self._selected(self.devices_table)
        if device is None or device.this or device.revoked:
            return
        answer = QMessageBox.question(
            self,
            _("Revoke a laptop"),
            _(
                "Shut {name} out of the school's sharing? It keeps what it already holds, "
                "but gets no further changes: the sharing key changes for everyone else."
            ).format(name=device.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.sharing.run_task(
            lambda store: revoke(store, device.id), lambda _e: self.loader.reload(), self._failed
        )

    def resolve_selected(self) -> None:
        from apdesk.ui.sharing.conflict_dialog import ConflictDialog

        row: ConflictRow | None = self._selected(self.conflicts_table)
        if row is None:
            return
        dialog = ConflictDialog(self.ctx, row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.conflict_dialog = dialog

    def _failed(self, exc: BaseException) -> None:
        self.start_panel.start_button.setEnabled(True)
        self.enrol_button.setEnabled(True)
        self.error.show_message(describe_error(exc))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
