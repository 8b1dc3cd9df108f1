"""Retention in the Security dialog: each record type's period (editable), what is past it,
and a purge that asks first and cannot be undone.

The tab follows changes to every kind of record it lists, so a record added, ended or purged
elsewhere while the dialog is open shows here. A period saves when its box is left (Enter or
Tab); one typed and not yet saved is the dialog's unsaved input (`unsaved()`), so closing asks
first and Save on the way out saves it (`save_unsaved()`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from apdesk.i18n import _, format_date, ngettext
from apdesk.models.kinds import Kind
from apdesk.services import retention
from apdesk.services.operations.security import purge_records, set_retention_period
from apdesk.services.record_counts import counts_text
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.core.follow import ChangeFollower, Loader
from apdesk.ui.widgets.guard import InputGuard

# The periods are settings; the queue lists pupils, placements, marks, documents and packs.
SHOWS = frozenset(
    {Kind.SETTING, Kind.PUPIL, Kind.PLACEMENT, Kind.MARK, Kind.ATTACHMENT, Kind.OUTBOX}
)


SOURCE_COLUMN = 3


@dataclass(frozen=True)
class RetentionView:
    rules: list[retention.Rule]
    due: list[retention.DueItem]


def load(session: Session) -> RetentionView:
    """A read on the worker."""
    return RetentionView(
        retention.rules(session), retention.review_queue(session, retention.today_utc())
    )


def _table(headers: list[str], name: str, parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class RetentionTab(QWidget):
    edited = Signal()  # a period was typed or saved: whether something is unsaved may change

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: RetentionView | None = None
        self.boxes: dict[str, QSpinBox] = {}  # each rule's years, by the rule's key
        self.purged = ""  # what the last purge deleted, said beside the queue's state
        self.rules = _table(
            [_("Records"), _("Keep for"), _("Counted from"), _("Source")],
            _("Retention periods"),
            self,
        )
        self.queue = _table(
            [_("Records"), _("Record"), _("Past its period since")], _("Records to review"), self
        )
        self.note = QLabel(_(retention.AUDIT_NOTE), self)
        self.note.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(_("Retention status"))
        self.purge_button = QPushButton(_("&Purge…"), self)
        self.purge_button.setAccessibleName(_("Delete the records listed for good"))
        self.purge_button.clicked.connect(self.ask_to_purge)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.purge_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rules)
        layout.addWidget(self.note)
        layout.addWidget(QLabel(_("Past their retention period:"), self))
        layout.addWidget(self.queue, 1)
        layout.addLayout(row)
        self.loader: Loader[RetentionView] = Loader(ctx, load, self._loaded, self)
        self.follower = ChangeFollower(self, ctx, SHOWS, self.refresh)
        self.refresh()

    def refresh(self, _changes: object = None) -> None:
        self.loader.reload()

    def unsaved(self) -> dict[str, int]:
        """The periods typed and not yet saved: rule key -> years."""
        saved = {rule.key: rule.years for rule in self.view.rules} if self.view else {}
        return {
            key: box.value()
            for key, box in self.boxes.items()
            if key in saved and box.value() != saved[key]
        }

    def forget_unsaved(self) -> None:
        """Put the saved periods back in their boxes (what was typed is let go)."""
        saved = {rule.key: rule.years for rule in self.view.rules} if self.view else {}
        for key, box in self.boxes.items():
            if key in saved:
                box.setValue(saved[key])

    def save_unsaved(
        self, done: Callable[[], None], failed: Callable[[BaseException], None]
    ) -> None:
        """Save every period typed and not yet saved, one after another; then `done()`."""
        pending = list(self.unsaved().items())
        if not pending:
            done()
            return
        key, years = pending[0]
        self.ctx.op(set_retention_period, key, years).success(
            lambda _value: self._saved_one(key, years, done, failed)
        ).failure(failed).run()

    def _saved_one(
        self,
        key: str,
        years: int,
        done: Callable[[], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        self._note_saved(key, years)
        self.save_unsaved(done, failed)

    def _note_saved(self, key: str, years: int) -> None:
        """What the store holds now, before the follower's read brings the whole table back."""
        if self.view is not None:
            rules = [
                replace(rule, years=years) if rule.key == key else rule for rule in self.view.rules
            ]
            self.view = RetentionView(rules, self.view.due)
        self.edited.emit()

    def _loaded(self, view: RetentionView) -> None:
        typed = self.unsaved()  # kept through a refresh made by a change elsewhere
        self.view = view
        self.boxes = {}
        self.rules.setRowCount(len(view.rules))
        for row, rule in enumerate(view.rules):
            self.rules.setItem(row, 0, QTableWidgetItem(_(rule.title)))
            years = QSpinBox(self.rules)
            years.setRange(1, 100)
            years.setValue(rule.years)
            years_suffix(years, rule.years)
            years.valueChanged.connect(lambda value, box=years: years_suffix(box, value))
            years.setAccessibleName(_("Years to keep: {title}").format(title=_(rule.title)))
            years.setEnabled(rule.purgeable)
            if rule.key in typed:
                years.setValue(typed[rule.key])
            years.valueChanged.connect(lambda _years: self.edited.emit())
            years.editingFinished.connect(
                lambda key=rule.key, box=years: self._period_changed(key, box.value())
            )
            self.boxes[rule.key] = years
            self.rules.setCellWidget(row, 1, years)
            self.rules.setItem(row, 2, QTableWidgetItem(_(rule.counted_from)))
            source = QTableWidgetItem(rule.source_text())
            source.setToolTip(source.text())
            self.rules.setItem(row, SOURCE_COLUMN, source)
        self.rules.setWordWrap(False)
        # The source, the longest words, takes what width is left and elides, whole in its
        # tooltip: no sideways scroll bar to hide the last period under it.
        columns = self.rules.horizontalHeader()
        columns.setSectionResizeMode(SOURCE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.rules.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.rules.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        height = QSpinBox().sizeHint().height() + 6
        for row in range(self.rules.rowCount()):
            self.rules.setRowHeight(row, height)
        rows = height * self.rules.rowCount()
        header = self.rules.horizontalHeader().sizeHint().height()
        self.rules.setFixedHeight(rows + header + 2 * self.rules.frameWidth() + 2)
        titles = {rule.key: _(rule.title) for rule in view.rules}
        self.queue.setRowCount(len(view.due))
        for row, item in enumerate(view.due):
            for column, value in enumerate(
                (titles.get(item.rule, item.rule), item.label, format_date(item.due_since))
            ):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, row)
                self.queue.setItem(row, column, cell)
        self.purge_button.setEnabled(bool(view.due))
        if not view.due:
            state = _("Nothing is past its retention period.")
        else:
            state = _("{n} records are past their period.").format(n=len(view.due))
        self.status.setText(f"{self.purged} {state}".strip())
        self.edited.emit()

    def _period_changed(self, key: str, years: int) -> None:
        window = self.window()
        if isinstance(window, InputGuard) and window.asking:
            return  # the focus went to the keep-or-discard question: its answer decides
        current = {r.key: r.years for r in self.view.rules} if self.view else {}
        if current.get(key) == years:
            return
        self.ctx.op(set_retention_period, key, years).success(
            lambda _value: self._note_saved(key, years)
        ).failure(self._failed).run()

    def ask_to_purge(self) -> None:
        if self.view is None or not self.view.due:
            return
        answer = QMessageBox.question(
            self,
            _("Purge records"),
            _(
                "Delete {n} records, and everything attached to them, for good? This cannot "
                "be undone (backups made before now still hold them)."
            ).format(n=len(self.view.due)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.purge(self.view.due)

    def purge(self, items: list[retention.DueItem]) -> None:
        """One operation deletes them; then VACUUM (on the same worker) frees their pages."""
        purgeable = [i for i in items if i.rule in retention.ROOTS]
        self.ctx.op(purge_records, purgeable).success(self._purged).failure(self._failed).run()

    def _purged(self, counts: dict[str, int]) -> None:
        """The queue follows the change; VACUUM (store upkeep, no records) goes after it."""
        self.purged = _("Purged: {what}.").format(what=counts_text(counts))
        store = self.ctx.store
        self.ctx.tasks.submit(lambda: retention.vacuum(store), None, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(describe_error(exc))


def years_suffix(box: QSpinBox, value: int) -> None:
    """ "1 year", "2 years" (and Polish's three forms) after the number in a years box."""
    box.setSuffix(ngettext(" year", " years", value))
