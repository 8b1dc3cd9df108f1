"""Reviews and follow-ups that are due or overdue, as one list of plain rows.

The state is always written out ("Overdue by 5 days") so neither colour nor an icon is the only
signal. Reading the list writes nothing: the follow-ups of a return are made by the operation
that ends the placement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from apdesk.i18n import _, format_number, ngettext
from apdesk.models import Placement, Provider
from apdesk.services.plans.due import reviews_due
from apdesk.services.plans.followups import follow_ups_due

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
            return ngettext("Overdue by {n} day", "Overdue by {n} days", self.days).format(
                n=format_number(self.days)
            )
        if self.days == 0:
            return _("Due today")
        return ngettext("Due in {n} day", "Due in {n} days", self.days).format(
            n=format_number(self.days)
        )

    @property
    def urgency(self) -> int:
        """Sorts overdue first, most overdue at the top."""
        return -self.days if self.overdue else self.days


def load_due(s: Session, today: date) -> list[DueRow]:
    """Every review and follow-up due within the window or overdue, most urgent first."""
    reviews = reviews_due(s, today, window_days=WINDOW_DAYS)
    follow_ups = follow_ups_due(s, today, window_days=WINDOW_DAYS)
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
