"""The demo's documents: a risk assessment for every placement that records one, and the
EHC plan of every placed pupil whose placement marks it as sent, so each referral form
attaches what it speaks of (a form that says "risk assessment dated..." beside "None
attached" reads as a slip to a provider)."""

from __future__ import annotations

import io
from datetime import date

from sqlmodel import Session, col, select

from apdesk import models
from apdesk.models.enums import AttachmentKind
from apdesk.services.attachments import add_attachment


def _pdf(title: str, lines: list[str]) -> bytes:
    """A one-page PDF with a title and a few lines (the same bytes for the same text)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    page = Canvas(out, pagesize=A4, invariant=True)
    page.setTitle(title)
    page.setFont("Helvetica-Bold", 16)
    page.drawString(60, 780, title)
    page.setFont("Helvetica", 11)
    for n, line in enumerate(lines):
        page.drawString(60, 750 - 18 * n, line)
    page.save()
    return out.getvalue()


def _slug(pupil: models.Pupil) -> str:
    return f"{pupil.surname}-{pupil.forename}".lower().replace(" ", "-").replace("'", "")


def _risk_assessment(pupil: models.Pupil, placement: models.Placement, day: date) -> bytes:
    safety = placement.safety_info or pupil.safety_info or "No known risks"
    return _pdf(
        "Risk assessment",
        [
            f"Pupil: {pupil.forename} {pupil.surname}",
            f"Assessed on {day:%d %B %Y} by Ms R. Ellery, SENCO and AP coordinator",
            f"Known risks: {safety}",
            "Controls: key adult named at the provision; arrival and departure times agreed;",
            "the provider phones the school by 10:00 when the pupil has not arrived.",
            "Review: at each placement review, or at once after any incident.",
        ],
    )


def attach_documents(session: Session, after: int = 0) -> int:
    """Store the documents the demo placements speak of (those with an id above `after`:
    the ones just made); returns how many were stored."""
    query = select(models.Placement, models.Pupil).where(
        col(models.Placement.pupil_id) == col(models.Pupil.id), col(models.Placement.id) > after
    )
    made = 0
    planned: set[int] = set()
    for placement, pupil in session.exec(query.order_by(col(models.Placement.id))).all():
        day = placement.risk_assessment_date
        if day is not None:
            content = _risk_assessment(pupil, placement, day)
            name = f"risk-assessment-{_slug(pupil)}-{day:%Y-%m-%d}.pdf"
            add_attachment(
                session, pupil.id or 0, placement.id, AttachmentKind.RISK_ASSESSMENT, content, name
            )
            made += 1
        if placement.ehcp_attached and pupil.id not in planned:
            planned.add(pupil.id or 0)
            content = _pdf(
                "Education, Health and Care Plan",
                [f"Child: {pupil.forename} {pupil.surname}", "Issued by Northbridge Council"],
            )
            name = f"ehc-plan-{_slug(pupil)}.pdf"
            add_attachment(session, pupil.id or 0, None, AttachmentKind.EHC_PLAN, content, name)
            made += 1
    return made
