"""Find a provider: what the child needs (typed in, or started from a pupil), best matches first,
each with the reasons it ranks where it does, so the choice can be explained to a family.

While open it follows changes: the pupils to start from, and the matches of the last search."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from apdesk.i18n import _, ngettext
from apdesk.models.enums import Delivery, DistanceBand, DpsLot, SheffieldCategory
from apdesk.models.kinds import Kind
from apdesk.services.provider_search import (
    ProviderMatch,
    SearchCriteria,
    criteria_for_pupil,
    find_providers,
)
from apdesk.services.pupils import PupilRow, get_pupil, list_pupils
from apdesk.store.changes import Changes
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.core.follow import ChangeFollower, Latest, Loader
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.binding import enum_combo
from apdesk.ui.widgets.fields import qa_icon, qa_text
from apdesk.ui.widgets.screen_fit import fit_to_screen

PUPILS_SHOWN = frozenset({Kind.PUPIL})
MATCHES_SHOW = frozenset({Kind.PROVIDER, Kind.PROVIDER_AUDIT, Kind.QUALITY_CONCERN, Kind.PLACEMENT})


class FindProviderDialog(QDialog):
    open_requested = Signal(int)  # a provider id: open its record (double-click, Enter, Open)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.matches: list[ProviderMatch] = []
        self.searched: SearchCriteria | None = None  # the last search, re-run on a change
        self.matches_answer, self.criteria_answer = Latest(), Latest()  # newest answers only
        self.setWindowTitle(_("Find a provider"))
        self.setAccessibleName(self.windowTitle())
        self.pupil = QComboBox(self)
        self.pupil.setAccessibleName(_("Start from a pupil"))
        self.pupil.addItem(_("No pupil: enter the needs below"), 0)
        self.pupil.currentIndexChanged.connect(self._pupil_chosen)
        self.age = QSpinBox(self)
        self.age.setRange(0, 25)
        self.age.setSpecialValueText(_("Any age"))
        self.age.setAccessibleName(_("Age"))
        anything = _("Any")
        self.category = enum_combo(SheffieldCategory, _("Category"), anything)
        self.lot = enum_combo(DpsLot, _("DPS lot"), anything)
        self.delivery = enum_combo(Delivery, _("Delivery"), anything)
        self.distance = enum_combo(DistanceBand, _("Furthest distance"), anything)
        self.space = QCheckBox(_("Only providers with a free place"), self)
        self.no_failed = QCheckBox(_("Leave out providers that failed QA"), self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(_("Pupil") + ":", self.pupil)
        form.addRow(_("Age") + ":", self.age)
        form.addRow(_("Category") + ":", self.category)
        form.addRow(_("DPS lot") + ":", self.lot)
        form.addRow(_("Delivery") + ":", self.delivery)
        form.addRow(_("Furthest distance") + ":", self.distance)
        form.addRow(self.space)
        form.addRow(self.no_failed)
        self.search_button = QPushButton(_("&Search"), self)
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        self.results = QTreeWidget(self)
        self.results.setHeaderLabels(
            [_("Provider and why"), _("Score"), _("QA state"), _("Places free")]
        )
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        header = self.results.header()  # short columns fit their words; the provider the rest
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.results.setAccessibleName(_("Matching providers, best first"))
        # A result is a way in, not a dead end: double-click or Enter opens the provider (the
        # reasons under it stay shown) as does Open provider.
        self.results.setExpandsOnDoubleClick(False)
        self.results.itemActivated.connect(lambda _item, _column: self.open_chosen())
        self.results.currentItemChanged.connect(lambda *_a: self._enable_open())
        self.summary = QLabel(self)
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.open_button = buttons.addButton(
            _("&Open provider"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_chosen)
        row = QHBoxLayout()
        row.addLayout(form, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.search_button)
        layout.addWidget(self.error)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 640)
        self.pupils: Loader[list[PupilRow]] = Loader(ctx, list_pupils, self._show_pupils, self)
        self.follow_pupils = ChangeFollower(self, ctx, PUPILS_SHOWN, self.pupils.reload)
        self.follow_matches = ChangeFollower(self, ctx, MATCHES_SHOW, self._matches_changed)
        self.pupils.reload()

    def _show_pupils(self, rows: list[PupilRow]) -> None:
        chosen = self.pupil.currentData()
        self.pupil.blockSignals(True)
        while self.pupil.count() > 1:
            self.pupil.removeItem(1)
        for row in rows:
            self.pupil.addItem(f"{row.name} ({row.year_label})", row.id)
        self.pupil.setCurrentIndex(max(0, self.pupil.findData(chosen)))
        self.pupil.blockSignals(False)

    def _pupil_chosen(self) -> None:
        pupil_id = int(self.pupil.currentData() or 0)
        if pupil_id:
            show = self.criteria_answer.ask(self._set_criteria)
            self.ctx.query(_pupil_criteria, pupil_id).success(show).run()

    def _set_criteria(self, criteria: SearchCriteria) -> None:
        self.age.setValue(criteria.age or 0)

    def criteria(self) -> SearchCriteria:
        return SearchCriteria(
            age=self.age.value() or None,
            category=self.category.currentData() or None,
            dps_lot=self.lot.currentData() or None,
            delivery=self.delivery.currentData() or None,
            max_distance=self.distance.currentData() or None,
            needs_space=self.space.isChecked(),
            exclude_failed_qa=self.no_failed.isChecked(),
        )

    def search(self) -> None:
        self.error.show_message("")
        self.searched = self.criteria()
        self._run_search(self.searched)

    def _run_search(self, criteria: SearchCriteria) -> None:
        show = self.matches_answer.ask(self._show)
        self.ctx.query(find_providers, criteria, date.today()).success(show).failure(
            lambda exc: self.error.show_message(describe_error(exc))
        ).run()

    def _matches_changed(self, _changes: Changes) -> None:
        if self.searched is not None:
            self._run_search(self.searched)

    def _show(self, matches: list[ProviderMatch]) -> None:
        self.matches = matches
        self.results.clear()
        for m in matches:
            item = QTreeWidgetItem([m.name, str(m.score), qa_text(m.qa_state), str(m.places_free)])
            item.setIcon(2, qa_icon(self, m.qa_state))
            item.setData(0, Qt.ItemDataRole.UserRole, m.provider_id)
            self.results.addTopLevelItem(item)
            for reason in m.reasons:
                QTreeWidgetItem(item, [reason]).setFirstColumnSpanned(True)
            item.setExpanded(True)
        self._enable_open()
        self.summary.setText(
            ngettext("{n} provider matches", "{n} providers match", len(matches)).format(
                n=len(matches)
            )
        )

    def chosen_id(self) -> int | None:
        """The provider of the current result, or of the reason chosen under it."""
        item = self.results.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        value = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return int(value) if value is not None else None

    def _enable_open(self) -> None:
        self.open_button.setEnabled(self.chosen_id() is not None)

    def open_chosen(self) -> None:
        provider_id = self.chosen_id()
        if provider_id is not None:
            self.open_requested.emit(provider_id)


def _pupil_criteria(session: Session, pupil_id: int) -> SearchCriteria:
    return criteria_for_pupil(get_pupil(session, pupil_id), date.today())
