"""Retention in the Security dialog: each record type's period (editable), what is past it,
and a purge that asks first and cannot be undone."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
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

from apdesk.i18n import _, format_date
from apdesk.services import retention
from apdesk.store import Store
from apdesk.ui.core.context import AppContext, describe_error


@dataclass(frozen=True)
class RetentionView:
    rules: list[retention.Rule]
    due: list[retention.DueItem]


def load(store: Store) -> RetentionView:
    """Runs on the worker."""
    with store.session() as session:
        return RetentionView(
            retention.rules(session), retention.review_queue(session, retention.today_utc())
        )


def save_period(store: Store, key: str, years: int) -> None:
    with store.session() as session:
        retention.set_period(session, key, years)


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
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: RetentionView | None = None
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
        self.refresh()

    def refresh(self) -> None:
        self.ctx.read(load, self._loaded)

    def _loaded(self, view: RetentionView) -> None:
        self.view = view
        self.rules.setRowCount(len(view.rules))
        for row, rule in enumerate(view.rules):
            self.rules.setItem(row, 0, QTableWidgetItem(_(rule.title)))
            years = QSpinBox(self.rules)
            years.setRange(1, 100)
            years.setValue(rule.years)
            years.setSuffix(_(" years"))
            years.setAccessibleName(_("Years to keep: {title}").format(title=_(rule.title)))
            years.setEnabled(rule.purgeable)
            years.editingFinished.connect(
                lambda key=rule.key, box=years: self._period_changed(key, box.value())
            )
            self.rules.setCellWidget(row, 1, years)
            self.rules.setItem(row, 2, QTableWidgetItem(_(rule.counted_from)))
            source = QTableWidgetItem(rule.source)
            source.setToolTip(rule.source)
            self.rules.setItem(row, 3, source)
        self.rules.setWordWrap(False)
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
            self.status.setText(_("Nothing is past its retention period."))
        else:
            self.status.setText(_("{n} records are past their period.").format(n=len(view.due)))

    def _period_changed(self, key: str, years: int) -> None:
        current = {r.key: r.years for r in self.view.rules} if self.view else {}
        if current.get(key) == years:
            return
        self.ctx.write(lambda store: save_period(store, key, years), lambda _v: self.refresh())

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
        def done(counts: dict[str, int]) -> None:
            text = ", ".join(f"{n} {table}" for table, n in sorted(counts.items()))
            self.refresh()
            self.status.setText(_("Purged: {what}.").format(what=text))

        def failed(exc: BaseException) -> None:
            self.status.setText(describe_error(exc))

        purgeable = [i for i in items if i.rule in retention.ROOTS]
        self.ctx.write(lambda store: retention.purge(store, purgeable), done, failed)
