"""The search box and the four filters above the pupil register.

Each filter is captioned, so it is read by what it filters and reached by its Alt+letter. The
bar only says what was chosen, through `on_change(**filter)`: narrowing the list is the proxy's
work (`PupilFilterProxy.set_filter`) and the count the page's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox

from apdesk.i18n import _
from apdesk.models.enums import SenStatus
from apdesk.services.pupils import year_label
from apdesk.ui.widgets.labelled import captioned
from apdesk.ui.widgets.search_field import SearchField
from apdesk.ui.widgets.wrapping_bar import WrappingBar


def _combo(name: str, choices: list[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(name)
    for text, value in choices:
        combo.addItem(text, value)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


class PupilFilterBar:
    """The search box, then year, SEN status, in AP now and looked after: one row where they
    fit, the filters on a second row where they do not."""

    def __init__(self, on_change: Callable[..., None]) -> None:
        self.search = SearchField(_("Search by name or UPN (Ctrl+F)"))
        self.search.setAccessibleName(_("Search pupils"))
        self.search.textChanged.connect(lambda text: on_change(search=text))
        self.bar = WrappingBar(self.search)  # the filters go below it when they do not fit

        years = [(_("All years"), None)] + [(year_label(y), y) for y in range(15)]
        self.year = _combo(_("Year group"), years)
        sen = [(_("Any SEN status"), None)] + [(_(s.label), s) for s in SenStatus]
        self.sen = _combo(_("SEN status"), sen)
        in_ap = [(_("In AP or not"), None), (_("In AP now"), True), (_("Not in AP"), False)]
        self.in_ap = _combo(_("In alternative provision now"), in_ap)
        la = [
            (_("Looked after or not"), None),
            (_("Looked after"), True),
            (_("Not looked after"), False),
        ]
        self.looked_after = _combo(_("Looked after"), la)
        self.year.currentIndexChanged.connect(lambda: on_change(year=self.year.currentData()))
        self.sen.currentIndexChanged.connect(lambda: on_change(sen_status=self.sen.currentData()))
        self.in_ap.currentIndexChanged.connect(
            lambda: on_change(in_ap_now=self.in_ap.currentData())
        )
        self.looked_after.currentIndexChanged.connect(
            lambda: on_change(looked_after=self.looked_after.currentData())
        )
        for text, combo in (
            (_("&Year:"), self.year),
            (_("&SEN:"), self.sen),
            (_("In A&P:"), self.in_ap),
            (_("Looked &after:"), self.looked_after),
        ):
            self.bar.add(captioned(text, combo))

    def combos(self) -> tuple[QComboBox, ...]:
        return (self.year, self.sen, self.in_ap, self.looked_after)

    def reset(self) -> None:
        """No search, every filter at its first choice: every pupil shows."""
        self.search.clear()
        for combo in self.combos():
            combo.setCurrentIndex(0)
