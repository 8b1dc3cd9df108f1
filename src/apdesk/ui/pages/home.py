"""The first page: which school this store belongs to and how much it holds."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from apdesk.i18n import _
from apdesk.services.info import store_info
from apdesk.services.school import SchoolDetails, school_details
from apdesk.store import Store
from apdesk.ui.context import AppContext

# (key in Overview.counts, caption)
FACTS = (
    ("pupils", "Pupils"),
    ("providers", "Providers"),
    ("active_placements", "Active placements"),
    ("placements", "Placements in all"),
)


@dataclass(frozen=True)
class Overview:
    school: SchoolDetails
    counts: dict[str, int]


def load_overview(store: Store) -> Overview:
    """Runs on the worker."""
    counts = dict(store_info(store)["counts"])
    with store.session() as session:
        school = school_details(session)
    return Overview(school, counts)


class HomePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview: Overview | None = None
        self.setAccessibleName(_("Home"))
        self.school = QLabel(_("Loading…"), self)
        font = QFont(self.school.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.school.setFont(font)
        self.school.setWordWrap(True)
        self.school.setAccessibleName(_("School name"))
        self.identifiers = QLabel(self)
        self.identifiers.setAccessibleName(_("School identifiers"))
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for column, (key, caption) in enumerate(FACTS):
            grid.addWidget(self._fact_box(key, _(caption)), 0, column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        layout.addWidget(self.school)
        layout.addWidget(self.identifiers)
        layout.addSpacing(12)
        layout.addLayout(grid)
        layout.addStretch(1)
        ctx.store_changed.connect(self.refresh)
        self.refresh()

    def _fact_box(self, key: str, caption: str) -> QFrame:
        box = QFrame(self)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        value = QLabel("…", box)
        font = QFont(value.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        value.setFont(font)
        value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        value.setAccessibleName(caption)
        label = QLabel(caption, box)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner = QVBoxLayout(box)
        inner.addWidget(value)
        inner.addWidget(label)
        self.values[key] = value
        return box

    def page_shown(self) -> None:
        self.refresh()

    def refresh(self, _changed: object = None) -> None:
        if self.ctx.is_unlocked:
            self.ctx.read(load_overview, self.show_overview)

    def show_overview(self, overview: Overview) -> None:
        self.overview = overview
        school = overview.school
        self.school.setText(school.name or _("School name not set yet"))
        parts = [
            _("URN {urn}").format(urn=school.urn) if school.urn else "",
            _("LA {code}").format(code=school.la_code) if school.la_code else "",
            _("Establishment {estab}").format(estab=school.estab) if school.estab else "",
        ]
        self.identifiers.setText(" · ".join(p for p in parts if p))
        for key, label in self.values.items():
            label.setText(f"{overview.counts.get(key, 0):,}")
