"""Find a provider: what the child needs (typed in, or started from a pupil), best matches first,
each with the reasons it ranks where it does, so the choice can be explained to a family."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _, ngettext
from apdesk.models.enums import Delivery, DistanceBand, DpsLot, SheffieldCategory
from apdesk.services.provider_search import (
    ProviderMatch,
    SearchCriteria,
    criteria_for_pupil,
    find_providers,
)
from apdesk.services.pupils import PupilRow, get_pupil, list_pupils
from apdesk.store import Store
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.binding import enum_combo
from apdesk.ui.widgets.fields import qa_icon, qa_text
from apdesk.ui.widgets.screen_fit import fit_to_screen


class FindProviderDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.matches: list[ProviderMatch] = []
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
        self.results.setAccessibleName(_("Matching providers, best first"))
        self.summary = QLabel(self)
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
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
        ctx.read(self._pupils, self._show_pupils)

    @staticmethod
    def _pupils(store: Store) -> list[PupilRow]:
        with store.session() as session:
            return list_pupils(session)

    def _show_pupils(self, rows: list[PupilRow]) -> None:
        for row in rows:
            self.pupil.addItem(f"{row.name} ({row.year_label})", row.id)

    def _pupil_chosen(self) -> None:
        pupil_id = int(self.pupil.currentData() or 0)
        if not pupil_id:
            return

        def fetch(store: Store) -> SearchCriteria:
            with store.session() as session:
                return criteria_for_pupil(get_pupil(session, pupil_id), date.today())

        self.ctx.read(fetch, self._set_criteria)

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
        criteria = self.criteria()

        def fetch(store: Store) -> list[ProviderMatch]:
            with store.session() as session:
                return find_providers(session, criteria, date.today())

        self.ctx.read(fetch, self._show, lambda e: self.error.show_message(describe_error(e)))

    def _show(self, matches: list[ProviderMatch]) -> None:
        self.matches = matches
        self.results.clear()
        for m in matches:
            item = QTreeWidgetItem([m.name, str(m.score), qa_text(m.qa_state), str(m.places_free)])
            item.setIcon(2, qa_icon(self, m.qa_state))
            self.results.addTopLevelItem(item)
            for reason in m.reasons:
                QTreeWidgetItem(item, [reason]).setFirstColumnSpanned(True)
            item.setExpanded(True)
        for column in range(1, 4):
            self.results.resizeColumnToContents(column)
        spare = self.results.viewport().width() - sum(
            self.results.columnWidth(c) for c in range(1, 4)
        )
        self.results.setColumnWidth(0, max(spare, 300))
        self.summary.setText(
            ngettext("{n} provider matches", "{n} providers match", len(matches)).format(
                n=len(matches)
            )
        )
