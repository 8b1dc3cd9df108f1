"""The record of one review, for the file, the family and the provider: who came, what the
child and family said, the provider's report, attendance for the period from the register,
progress against each target, what was decided and when the next review is."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from apdesk.i18n import _, format_date
from apdesk.models.school import SchoolDetails

from .blocks import Row, para, section
from .common import Letterhead, build_pdf
from .fonts import document_fonts
from .formatting import not_recorded
from .plan_pdf import cell, grid, heading
from .plan_views import PlanView, ReviewLine


def _attendance(review: ReviewLine) -> str:
    figures = review.attendance
    if figures is None:
        return not_recorded()
    period = _("{start} to {end}").format(
        start=format_date(figures.start), end=format_date(figures.end)
    )
    if not figures.possible:
        return _("No marks in the register for {period}.").format(period=period)
    return _("{share} of possible sessions attended, {period}.").format(
        share=figures.percent_text, period=period
    )


def _meeting(review: ReviewLine) -> list[Row]:
    rows: list[Row] = [(_("Date held"), format_date(review.held_on))]
    if review.scheduled_for != review.held_on:
        rows.append((_("Date planned"), format_date(review.scheduled_for)))
    rows.append((_("Who attended"), "\n".join(review.attendees) or None))
    rows.append((_("Attendance for the period"), _attendance(review)))
    return rows


def _progress(view: PlanView, review: ReviewLine) -> list[Flowable]:
    story = heading(_("Progress against each target"))
    if not review.progress:
        return [*story, para(_("No targets were rated at this review."), "missing")]
    targets = {t.target.id: t.target for t in view.targets}
    rows = []
    for item in review.progress:
        target = targets.get(item.target_id)
        wanted = target.target if target else ""
        rows.append(
            [
                cell(item.target),
                cell(wanted),
                cell(item.rating.label),
                cell(item.note, _("No note")),
            ]
        )
    return [
        *story,
        grid([_("Target"), _("Aiming for"), _("Rating"), _("Notes")], rows, [50, 34, 22, 68]),
    ]


def review_story(view: PlanView, review: ReviewLine) -> list[Flowable]:
    pupil = f"{view.pupil.forename} {view.pupil.surname}"
    if review.next_review:
        next_text = format_date(review.next_review)
    elif review.placement_ending:
        next_text = _("None: the placement is ending")
    else:
        next_text = None
    story: list[Flowable] = [
        para(_("Review record"), "title"),
        para(
            _("{pupil} at {provider}. Review held on {date}.").format(
                pupil=pupil,
                provider=view.provider_name or _("the provision"),
                date=format_date(review.held_on),
            ),
            "subtitle",
        ),
    ]
    story += section(_("The meeting"), _meeting(review))
    story += section(
        _("What was said"),
        [
            (_("Child's view"), review.child_voice or None),
            (_("Family's view"), review.family_voice or None),
            (_("Provider's report"), review.provider_report or None),
        ],
    )
    story += _progress(view, review)
    story += section(
        _("Decisions"),
        [
            (_("What was agreed"), review.decisions or None),
            (_("Next review"), next_text),
        ],
    )
    story.append(Spacer(1, 4 * mm))
    return story


def render_review(view: PlanView, review: ReviewLine, school: SchoolDetails) -> bytes:
    with document_fonts(view, review, school):
        return build_pdf(review_story(view, review), Letterhead.of(school), _("Review record"))
