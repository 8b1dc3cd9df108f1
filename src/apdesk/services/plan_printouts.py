"""The plan and review PDFs, read from the store and rendered: what the CLI and the GUI call."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from apdesk.documents.plan_pdf import render_plan
from apdesk.documents.review_pdf import render_review
from apdesk.i18n import _
from apdesk.models import Review
from apdesk.models.errors import ValidationError
from apdesk.services.plans.overview import plan_overview
from apdesk.services.school import school_details


def plan_pdf(session: Session, placement_id: int, today: date | None = None) -> bytes:
    """The reintegration plan of one placement, as printed on `today`."""
    view = plan_overview(session, placement_id)
    return render_plan(view, school_details(session), today or date.today())


def review_pdf(session: Session, review_id: int) -> bytes:
    """The record of a held review."""
    row = session.get(Review, review_id)
    if row is None or row.held_on is None:
        raise ValidationError(
            _("Review"),
            _("no held review with id {id}").format(id=review_id),
            _("record the review first"),
        )
    view = plan_overview(session, row.placement_id)
    review = next(r for r in view.reviews if r.id == review_id)
    return render_review(view, review, school_details(session))


def latest_review_pdf(session: Session, placement_id: int) -> tuple[bytes, date]:
    """The most recent held review of a placement, with the day it was held."""
    view = plan_overview(session, placement_id)
    held = view.held_reviews
    if not held:
        raise ValidationError(
            _("Review"), _("this placement has no held review yet"), _("hold a review first")
        )
    review = held[-1]
    return render_review(view, review, school_details(session)), review.held_on or date.min
