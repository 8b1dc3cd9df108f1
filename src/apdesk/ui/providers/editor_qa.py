"""A provider's QA record in its editor: audits with their state, and the quality-concerns log.

Both tabs follow changes to what they show, so an audit or concern recorded anywhere appears."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from apdesk.i18n import _, format_date
from apdesk.models.enums import AuditKind, AuditOutcome
from apdesk.models.kinds import Kind
from apdesk.services.operations.providers import (
    add_qa_audit,
    add_quality_concern,
    record_concern_outcome,
)
from apdesk.services.qa import (
    AuditInput,
    ConcernInput,
    ConcernRow,
    list_audits,
    list_concerns,
    provider_qa,
)
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.core.follow import ChangeFollower, Loader
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.binding import enum_combo, text_box
from apdesk.ui.widgets.fields import DateField, qa_icon, qa_text
from apdesk.ui.widgets.guard import snapshot

Then = Callable[[], None] | None  # what to do once an add has committed (the editor's Save)


@dataclass(frozen=True)
class AuditLine:
    kind: str
    audit_date: date
    outcome: str
    next_due: date | None
    notes: str


@dataclass(frozen=True)
class QaView:
    state: str
    reasons: list[str]
    audits: list[AuditLine]


def load_qa(session: Session, provider_id: int) -> QaView:
    status = provider_qa(session, provider_id, date.today())
    audits = [
        AuditLine(a.kind.label, a.audit_date, a.outcome.label, a.next_due, a.notes)
        for a in list_audits(session, provider_id)
    ]
    return QaView(status.state, status.reasons, audits)


def _nothing(_session: Session) -> None:
    return None


def _day(value: date | None) -> str:
    return format_date(value) if value is not None else ""


SHORT_COLUMN = 220  # pixels at most for a concern's date, who was told and outcome


def _tree(headers: list[str], name: str) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setAccessibleName(name)
    tree.setWordWrap(True)  # long words wrap onto more lines rather than end in "..."
    tree.setUniformRowHeights(False)
    # A row's height follows its column's width: measured again when a column is resized.
    tree.header().sectionResized.connect(lambda *_args: tree.scheduleDelayedItemsLayout())
    return tree


class AuditsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.provider_id = ctx, 0
        self.loader: Loader[QaView | None] = Loader(ctx, _nothing, self._show, self)
        self.follower = ChangeFollower(
            self, ctx, {Kind.PROVIDER, Kind.PROVIDER_AUDIT}, self.loader.reload
        )
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.state.setAccessibleName(_("QA state"))
        self.state_icon = QLabel(self)
        self.list = _tree(
            [_("Audit"), _("Date"), _("Outcome"), _("Next due"), _("Notes")], _("QA audits")
        )
        box = QGroupBox(_("Add an audit"), self)
        self.box = box
        form = QFormLayout(box)
        self.kind = enum_combo(AuditKind, _("Audit kind"))
        self.audit_date = DateField(_("Audit date"))
        self.outcome = enum_combo(AuditOutcome, _("Audit outcome"))
        self.next_due = DateField(_("Next due"))
        self.notes = text_box(_("Audit notes"), 2)
        self.add_button = QPushButton(_("&Add audit"))
        self.add_button.clicked.connect(lambda: self.add())
        self.error = ErrorLabel(self)
        for label, widget in (
            (_("Audit"), self.kind),
            (_("Date"), self.audit_date),
            (_("Outcome"), self.outcome),
            (_("Next due (blank: a year on)"), self.next_due),
            (_("Notes"), self.notes),
        ):
            form.addRow(label + ":", widget)
        form.addRow(self.error)
        form.addRow(self.add_button)
        top = QHBoxLayout()
        top.addWidget(self.state_icon)
        top.addWidget(self.state, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(box)
        self.clean = snapshot(box)

    def pending(self) -> bool:
        """An audit typed into the form and not added yet."""
        return snapshot(self.box) != self.clean

    def load(self, provider_id: int) -> None:
        self.provider_id = provider_id
        self.loader.fetch = partial(load_qa, provider_id=provider_id)
        self.loader.reload()

    def _show(self, view: QaView | None) -> None:
        if view is None:
            return
        size = self.style().pixelMetric(self.style().PixelMetric.PM_SmallIconSize)
        self.state_icon.setPixmap(qa_icon(self, view.state).pixmap(size, size))
        reasons = "; ".join(view.reasons) or _("All audits current")
        self.state.setText(f"<b>{qa_text(view.state)}</b>: {reasons}")
        self.list.clear()
        for a in view.audits:
            item = QTreeWidgetItem(
                [_(a.kind), _day(a.audit_date), _(a.outcome), _day(a.next_due), a.notes]
            )
            self.list.addTopLevelItem(item)
        for column in range(4):
            self.list.resizeColumnToContents(column)

    def add(self, then: Then = None, failed: Then = None) -> None:
        self.error.show_message("")
        data = AuditInput(
            kind=self.kind.currentData(),
            audit_date=self.audit_date.value(),
            outcome=self.outcome.currentData(),
            next_due=self.next_due.value(),
            notes=self.notes.toPlainText(),
        )
        self.ctx.op(add_qa_audit, self.provider_id, data, date.today()).success(
            lambda _id: self._added(then)
        ).failure(lambda exc: self._failed(exc, failed)).run()

    def _added(self, then: Then = None) -> None:
        """The list follows the change; the form is cleared for the next audit."""
        self.audit_date.set_value(None)
        self.next_due.set_value(None)
        self.notes.clear()
        self.clean = snapshot(self.box)
        if then is not None:
            then()

    def _failed(self, exc: BaseException, failed: Then = None) -> None:
        self.error.show_message(describe_error(exc))
        if failed is not None:
            failed()


class ConcernsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.provider_id = ctx, 0
        self.rows: list[ConcernRow] = []
        self.loader: Loader[list[ConcernRow] | None] = Loader(ctx, _nothing, self._show, self)
        self.follower = ChangeFollower(self, ctx, {Kind.QUALITY_CONCERN}, self.loader.reload)
        self.list = _tree(
            [_("Date"), _("Concern"), _("Who was told"), _("Outcome")], _("Quality concerns")
        )
        self.list.itemSelectionChanged.connect(self._selected)
        outcome_row = QHBoxLayout()
        self.outcome_edit = QLineEdit(self)
        self.outcome_edit.setAccessibleName(_("Outcome of the chosen concern"))
        self.outcome_edit.setPlaceholderText(_("Outcome of the concern chosen above"))
        self.outcome_button = QPushButton(_("&Record outcome"))
        self.outcome_button.clicked.connect(lambda: self.record_outcome())
        outcome_row.addWidget(self.outcome_edit, 1)
        outcome_row.addWidget(self.outcome_button)
        box = QGroupBox(_("Add a concern"), self)
        self.box = box
        form = QFormLayout(box)
        self.raised_on = DateField(_("Date raised"))
        self.concern = text_box(_("Concern"), 2)
        self.told = QLineEdit(self)
        self.told.setAccessibleName(_("Who was told"))
        self.add_button = QPushButton(_("Add &concern"))
        self.add_button.clicked.connect(lambda: self.add())
        self.error = ErrorLabel(self)
        form.addRow(_("Date") + ":", self.raised_on)
        form.addRow(_("Concern") + ":", self.concern)
        form.addRow(_("Who was told") + ":", self.told)
        form.addRow(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(outcome_row)
        layout.addWidget(self.error)
        layout.addWidget(box)
        self._selected()
        self.clean = snapshot(box)

    def pending(self) -> bool:
        """A concern typed into the form and not added yet."""
        return snapshot(self.box) != self.clean

    def outcome_pending(self) -> bool:
        """An outcome typed for the chosen concern and not recorded yet."""
        return bool(self.outcome_edit.text().strip() and self.list.selectedItems())

    def load(self, provider_id: int) -> None:
        self.provider_id = provider_id
        self.loader.fetch = partial(list_concerns, provider_id=provider_id)
        self.loader.reload()

    def _show(self, rows: list[ConcernRow] | None) -> None:
        if rows is None:
            return
        self.rows = rows
        self.list.clear()
        for row in rows:
            outcome = row.outcome or _("Open: no outcome yet")
            item = QTreeWidgetItem([_day(row.raised_on), row.concern, row.told, outcome])
            item.setData(0, Qt.ItemDataRole.UserRole, row.id)
            self.list.addTopLevelItem(item)
        header = self.list.header()
        header.setStretchLastSection(False)
        for column in (0, 2, 3):  # the date, who was told and the outcome fit their words
            self.list.resizeColumnToContents(column)
            self.list.setColumnWidth(column, min(self.list.columnWidth(column), SHORT_COLUMN))
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the concern: the rest
        self._selected()

    def _selected(self) -> None:
        self.outcome_button.setEnabled(bool(self.list.selectedItems()))

    def add(self, then: Then = None, failed: Then = None) -> None:
        self.error.show_message("")
        data = ConcernInput(self.raised_on.value(), self.concern.toPlainText(), self.told.text())
        self.ctx.op(add_quality_concern, self.provider_id, data, date.today()).success(
            lambda _id: self._added(then)
        ).failure(lambda exc: self._failed(exc, failed)).run()

    def _added(self, then: Then = None) -> None:
        """The log follows the change; the form is cleared for the next concern."""
        self.raised_on.set_value(None)
        self.concern.clear()
        self.told.clear()
        self.clean = snapshot(self.box)
        if then is not None:
            then()

    def record_outcome(self, then: Then = None, failed: Then = None) -> None:
        items = self.list.selectedItems()
        if not items:
            return
        concern_id = int(items[0].data(0, Qt.ItemDataRole.UserRole))

        def recorded() -> None:
            self.outcome_edit.clear()
            if then is not None:
                then()

        self.ctx.op(record_concern_outcome, concern_id, self.outcome_edit.text()).success(
            lambda _id: recorded()
        ).failure(lambda exc: self._failed(exc, failed)).run()

    def _failed(self, exc: BaseException, failed: Then = None) -> None:
        self.error.show_message(describe_error(exc))
        if failed is not None:
            failed()
