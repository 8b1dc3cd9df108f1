"""The filters above the placements table: search, status, provider and "with warnings only".

Status and provider are asked of the store; the search and the warnings box narrow the rows
already read. What a change means (read again, or narrow) is the page's business: here the
filters are made, captioned, offered the providers of the rows read, and reset.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from apdesk.i18n import _
from apdesk.models.enums import PlacementStatus
from apdesk.services.placement_actions import ProviderChoice
from apdesk.ui.widgets.labelled import captioned
from apdesk.ui.widgets.search_field import SearchField
from apdesk.ui.widgets.wrapping_bar import WrappingBar


class PlacementFilters:
    """The four filters, made in the page's order; `row()` lays them out with their captions."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent
        self.status = QComboBox(parent)
        self.status.setAccessibleName(_("Status filter"))
        self.status.addItem(_("Every status"), "")
        for s in PlacementStatus:
            self.status.addItem(_(s.label), s.value)
        self.provider = QComboBox(parent)
        self.provider.setAccessibleName(_("Provider filter"))
        self.provider.addItem(_("Every provider"), 0)
        self.provider.setMinimumContentsLength(16)
        self.warnings_only = QCheckBox(_("With &warnings only"), parent)
        self.search = SearchField(_("Pupil (either name), UPN or provider (Ctrl+F)"), parent)
        self.search.setAccessibleName(_("Search placements"))

    def row(self) -> WrappingBar:
        """Search, status, provider, then the warnings box, each reached by its Alt+letter: one
        row where they fit, the filters on a second row where they do not."""
        lead = QWidget(self.parent)
        search_row = captioned(_("Se&arch:"), self.search, self.parent)
        search_row.setStretch(1, 1)
        lead.setLayout(search_row)
        filters = WrappingBar(lead, self.parent)
        filters.add(captioned(_("&Status:"), self.status, self.parent))
        provider_row = captioned(_("Provi&der:"), self.provider, self.parent)
        provider_row.setStretch(1, 1)
        filters.add(provider_row)
        warnings = QHBoxLayout()
        warnings.addWidget(self.warnings_only)
        filters.add(warnings)
        return filters

    def offer_providers(self, providers: Iterable[ProviderChoice]) -> None:
        """The providers of the placements read, keeping the one chosen; no signal says so."""
        chosen = self.provider.currentData()
        self.provider.blockSignals(True)
        self.provider.clear()
        self.provider.addItem(_("Every provider"), 0)
        for p in providers:
            self.provider.addItem(p.name, p.id)
        self.provider.setCurrentIndex(max(self.provider.findData(chosen), 0))
        self.provider.blockSignals(False)

    def reset(self, status: str) -> bool:
        """Every provider, `status` (or every status), warnings or not, quietly; True when the
        status or provider asked of the store changed."""
        before = (self.status.currentData(), self.provider.currentData())
        for combo, value in ((self.status, status), (self.provider, 0)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)
        self.warnings_only.blockSignals(True)
        self.warnings_only.setChecked(False)
        self.warnings_only.blockSignals(False)
        return (self.status.currentData(), self.provider.currentData()) != before
