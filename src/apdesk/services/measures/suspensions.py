"""Recording suspensions, and the LA's suspension measure for pupils in AP."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from apdesk.i18n import _
from apdesk.models import Pupil, Suspension
from apdesk.models.errors import ValidationError
from apdesk.services.measures.common import Period
from apdesk.services.measures.model import COUNT, Measure

MAX_DAYS = 45  # the legal limit of suspension days in a school year


@dataclass(frozen=True)
class SuspensionRow:
    id: int
    pupil_id: int
    pupil_name: str
    start_date: date
    days: float
    reason: str


def record_suspension(
    session: Session, pupil_id: int, start: date | None, days: float, reason: str, today: date
) -> SuspensionRow:
    pupil = session.get(Pupil, pupil_id)
    if pupil is None:
        raise ValidationError(_("Pupil"), _("is not in the store"), _("choose a pupil"))
    if start is None:
        raise ValidationError(_("Start"), _("is missing"), _("enter the first day"))
    if start > today:
        raise ValidationError(
            _("Start"), _("is in the future"), _("record a suspension once it is given")
        )
    if days <= 0 or days > MAX_DAYS or (days * 2) != int(days * 2):
        raise ValidationError(
            _("Days"),
            _("must be half days between 0.5 and {n}").format(n=MAX_DAYS),
            _("enter the number of school days, e.g. 2 or 0.5"),
        )
    row = Suspension(pupil_id=pupil_id, start_date=start, days=days, reason=reason.strip())
    session.add(row)
    session.flush()
    return SuspensionRow(row.id or 0, pupil_id, pupil.display_name, start, days, row.reason)


def record_suspension_by_upn(
    session: Session, upn: str, start: date | None, days: float, reason: str, today: date
) -> SuspensionRow:
    pupil = session.exec(select(Pupil).where(Pupil.upn == upn.strip().upper())).first()
    if pupil is None:
        raise ValidationError(
            _("UPN"), _("no pupil with UPN {upn}").format(upn=upn), _("check the UPN")
        )
    return record_suspension(session, pupil.id or 0, start, days, reason, today)


def suspensions_between(session: Session, period: Period) -> list[Suspension]:
    query = select(Suspension).where(
        col(Suspension.start_date) >= period.start, col(Suspension.start_date) <= period.end
    )
    return list(session.exec(query.order_by(col(Suspension.start_date))).all())


def suspension_measure(session: Session, period: Period, scope: dict[int, Any]) -> Measure:
    """Suspensions starting in the period for pupils with a placement in the period."""
    in_ap = {p.pupil_id for p in scope.values()}
    found = [s for s in suspensions_between(session, period) if s.pupil_id in in_ap]
    pupils = {s.pupil_id for s in found}
    return Measure(
        "suspensions",
        _("Suspensions"),
        _(
            "Suspensions recorded in apdesk that started in the period, for pupils with a "
            "placement in the period (one count per suspension)."
        ),
        COUNT,
        len(found),
        None,
        len(found),
        tuple(sorted(pupils)),
        tuple(sorted(pid for pid, p in scope.items() if p.pupil_id in pupils)),
    )
