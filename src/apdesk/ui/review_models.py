"""Reviews and follow-ups that are due or overdue, as one list of plain rows and its columns.

The state is always written out ("Overdue by 5 days") beside its icon, so neither colour nor
an icon is the only signal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle, QWidget
from sqlmodel import Session

from apdesk.i18n import N_, _
from apdesk.models import Placement, Provider
from apdesk.services import plans
from apdesk.store import Store
from apdesk.ui.plan_models import Column, day, day_sort

WINDOW_DAYS = 14


@dataclass(frozen=True)
class DueRow:
    kind: str  # "review" or "follow_up"
    placement_id: int
    pupil_name: str
    upn: str
    provider_name: str
    what: str
    due_on: date
    overdue: bool
    days: int  # days until due, or days past it when overdue
    basis: str = ""
    review_id: int | None = None
    follow_up_id: int | None = None
    weeks: int = 0

    @property
    def state(self) -> str:
        if self.overdue:
            return _("Overdue by {n} days").format(n=self.days)
        return _("Due today") if self.days == 0 else _("Due in {n} days").format(n=self.days)

    @property
    def urgency(self) -> int:
        """Sorts overdue first, most overdue at the top."""
        return -self.days if self.overdue else self.days


def load_due(store: Store, today: date) -> list[DueRow]:
    """Runs on the worker. Reading follow-ups stores any a return does not have yet."""
    with store.session() as s:
        reviews = plans.reviews_due(s, today, window_days=WINDOW_DAYS)
        follow_ups = plans.follow_ups_due(s, today, window_days=WINDOW_DAYS)
        providers = _provider_names(s, [f.placement_id for f in follow_ups])
    rows = [
        DueRow(
            "review",
            r.placement_id,
            r.pupil_name,
            r.upn,
            r.provider_name,
            _("Review"),
            r.due_on,
            r.overdue,
            r.days,
            _(r.basis.label),
            review_id=r.review_id,
        )
        for r in reviews
    ]
    for f in follow_ups:
        days = abs((today - f.due_on).days)
        rows.append(
            DueRow(
                "follow_up",
                f.placement_id,
                f.pupil_name,
                f.upn,
                providers.get(f.placement_id, ""),
                _("{n}-week follow-up").format(n=f.weeks),
                f.due_on,
                f.overdue,
                days,
                _("Did the return to mainstream last?"),
                follow_up_id=f.follow_up_id,
                weeks=f.weeks,
            )
        )
    return sorted(rows, key=lambda r: (r.urgency, r.pupil_name))


def _provider_names(session: Session, placement_ids: list[int]) -> dict[int, str]:
    names = {}
    for placement_id in placement_ids:
        placement = session.get(Placement, placement_id)
        provider = session.get(Provider, placement.provider_id) if placement else None
        names[placement_id] = provider.name if provider else ""
    return names


def due_columns(widget: QWidget) -> list[Column[DueRow]]:
    style = widget.style()
    overdue: QIcon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    due: QIcon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
    return [
        Column(
            N_("State"),
            lambda r: r.state,
            lambda r: r.urgency,
            icon=lambda r: overdue if r.overdue else due,
            tooltip=lambda r: r.basis,
        ),
        Column(N_("Due"), lambda r: day(r.due_on), lambda r: day_sort(r.due_on)),
        Column(N_("What"), lambda r: r.what),
        Column(N_("Pupil"), lambda r: r.pupil_name, tooltip=lambda r: f"{r.pupil_name} ({r.upn})"),
        Column(N_("Provider"), lambda r: r.provider_name),
    ]
