"""The reintegration plan as a PDF for parents and the provider: what the pupil is working
towards and how it is measured, progress so far, the exit strategy, the steps back to
mainstream (who does what), the agencies involved, and when the plan is next reviewed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from apdesk.i18n import _, format_date
from apdesk.models.enums import VoiceOf
from apdesk.models.school import SchoolDetails

from .blocks import DocTable, Row, esc, notice_box, para, section, signature_block, styles
from .common import CONTENT_WIDTH, LABEL_FILL, RULE, Letterhead, build_pdf
from .fonts import document_fonts, font, unicode_fonts
from .formatting import date_or_missing, hours, join_nonempty, not_recorded, sessions_pattern
from .plan_views import PlanView


def cell_styles() -> dict[str, ParagraphStyle]:
    """The grid's styles, in the fonts of the document being built."""
    return _cell_styles(unicode_fonts())


@cache
def _cell_styles(unicode: bool) -> dict[str, ParagraphStyle]:
    body = styles()["body"]
    return {
        "cell": ParagraphStyle("plan-cell", parent=body, fontSize=9, leading=11.5),
        "head": ParagraphStyle(
            "plan-head",
            parent=body,
            fontName=font("Helvetica-Bold", unicode),
            fontSize=9,
            leading=11.5,
        ),
        "muted": ParagraphStyle(
            "plan-muted",
            parent=body,
            fontName=font("Helvetica-Oblique", unicode),
            fontSize=9,
            leading=11.5,
            textColor="#5A6270",
        ),
    }


def cell(text: str | None, missing: str = "") -> Paragraph:
    value = (text or "").strip()
    if not value:
        return Paragraph(esc(missing or not_recorded()), cell_styles()["muted"])
    return Paragraph(esc(value), cell_styles()["cell"])


ROW_LIMIT = 500.0  # points: a table row cannot split across pages, so taller rows are cut up
PADDING = 8.0


def _pieces(cell_: Any, width: float) -> list[Any]:
    """A cell cut into parts no taller than ROW_LIMIT (just the cell when it already fits)."""
    if not isinstance(cell_, Paragraph):
        return [cell_]
    parts: list[Any] = []
    rest = cell_
    while rest.wrap(width, 1e6)[1] > ROW_LIMIT:
        split = rest.split(width, ROW_LIMIT)
        if len(split) < 2:
            break
        parts.append(split[0])
        rest = split[1]
    return [*parts, rest]


def _fit_rows(rows: list[list[Any]], widths: Sequence[float]) -> list[list[Any]]:
    """Very long cells continue on extra rows, so nothing is clipped or fails to lay out."""
    fitted: list[list[Any]] = []
    for row in rows:
        columns = [_pieces(c, w - PADDING) for c, w in zip(row, widths, strict=True)]
        depth = max(len(c) for c in columns)
        fitted += [[c[k] if k < len(c) else "" for c in columns] for k in range(depth)]
    return fitted


def grid(headers: Sequence[str], rows: list[list[Any]], widths: Sequence[float]) -> Table:
    """A ruled table with a shaded header row repeated on each page it runs onto."""
    scale = CONTENT_WIDTH / sum(widths)
    col_widths = [w * scale for w in widths]
    head = [Paragraph(esc(h), cell_styles()["head"]) for h in headers]
    data = [head, *_fit_rows(rows, col_widths)]
    return DocTable(
        data,
        colWidths=col_widths,
        repeatRows=1,
        splitByRow=True,
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        ),
    )


def heading(title: str) -> list[Flowable]:
    return [Spacer(1, 2 * mm), para(title, "heading")]


def _first_name(view: PlanView) -> str:
    return view.pupil.preferred_name or view.pupil.forename


def _about(view: PlanView) -> list[Row]:
    p, pl = view.pupil, view.placement
    start = pl.started_on or pl.start_date
    end = pl.ended_on or pl.end_date
    rows: list[Row] = [
        (
            _("Pupil"),
            f"{p.forename} {p.surname}"
            + (_(" (known as {name})").format(name=p.preferred_name) if p.preferred_name else ""),
        ),
        (_("Date of birth"), date_or_missing(p.dob)),
        (_("Year group"), _("Year {year}").format(year=p.nc_year)),
        (_("Provision"), view.provider_name),
        (
            _("Dates"),
            join_nonempty(
                [
                    _("from {date}").format(date=format_date(start)) if start else "",
                    _("to {date}").format(date=format_date(end)) if end else "",
                ],
                " ",
            ),
        ),
        (
            _("Hours and days"),
            join_nonempty(
                [
                    _("{hours} hours a week").format(hours=hours(pl.hours_per_week))
                    if pl.hours_per_week
                    else "",
                    sessions_pattern(pl.sessions),
                ],
                "; ",
            ),
        ),
    ]
    if view.timetable is not None:
        rows.append(
            (
                _("Hybrid timetable"),
                _(
                    "A hybrid timetable (mainstream lessons and internal AP) is in place "
                    "from {date}."
                ).format(date=format_date(view.timetable.effective_date)),
            )
        )
    if pl.outcome is not None:
        rows.append(
            (
                _("Outcome"),
                _("{outcome}, on {date}").format(
                    outcome=pl.outcome.label, date=format_date(pl.ended_on)
                ),
            )
        )
    return rows


def _targets(view: PlanView) -> list[Flowable]:
    name = _first_name(view)
    story = heading(_("What {name} is working towards").format(name=name))
    if not view.targets:
        return [*story, para(_("No targets have been set yet."), "missing")]
    rows = []
    for item in view.targets:
        t, latest = item.target, item.latest
        progress = (
            _("{rating} ({date})").format(
                rating=latest.rating.label, date=format_date(latest.rated_on, "d MMM y")
            )
            if latest
            else ""
        )
        if latest and latest.note:
            progress += f"\n{latest.note}"
        rows.append(
            [
                cell(t.what),
                cell(t.measure),
                cell(t.baseline),
                cell(t.target),
                cell(format_date(t.by_date, "d MMM y")),
                cell(progress, _("Not yet reviewed")),
            ]
        )
    table = grid(
        [
            _("What"),
            _("How it is measured"),
            _("Starting point"),
            _("Target"),
            _("By when"),
            _("Progress so far"),
        ],
        rows,
        [44, 32, 24, 26, 19, 29],
    )
    return [*story, table]


def _steps(view: PlanView) -> list[Flowable]:
    story = heading(_("Steps back to school: who does what"))
    if view.plan and view.plan.transition_plan:
        story += [para(view.plan.transition_plan), Spacer(1, 2 * mm)]
    if not view.steps:
        if not (view.plan and view.plan.transition_plan):
            story.append(para(_("The transition steps have not been written yet."), "missing"))
        return story
    rows = [
        [
            cell(str(i)),
            cell(s.step),
            cell(s.owner),
            cell(format_date(s.by_date, "d MMM y"), _("No date")),
            cell(_("Done") if s.done else _("To do")),
        ]
        for i, s in enumerate(view.steps, start=1)
    ]
    return [
        *story,
        grid(["#", _("Step"), _("Who"), _("By when"), _("Status")], rows, [7, 82, 40, 24, 17]),
    ]


def _agencies(view: PlanView) -> list[Flowable]:
    if not view.agencies:
        return []
    rows = [
        [
            cell(a.name),
            cell(a.contact),
            cell(a.role),
            cell(format_date(a.consent_date), _("Not recorded: ask before sharing")),
        ]
        for a in view.agencies
    ]
    return [
        *heading(_("Other people helping")),
        grid(
            [_("Agency"), _("Named contact"), _("Their part in the plan"), _("Consent to share")],
            rows,
            [40, 36, 60, 38],
        ),
    ]


def _voice(view: PlanView) -> list[Flowable]:
    """The latest thing the child and the family each said: their views shape the plan."""
    name = _first_name(view)
    rows: list[Row] = []
    for who, label in (
        (VoiceOf.CHILD, _("{name}'s view").format(name=name)),
        (VoiceOf.FAMILY, _("The family's view")),
    ):
        said = [v for v in view.voice if v.voice_of is who]
        if said:
            last = said[-1]
            rows.append(
                (
                    label,
                    f"{last.text}\n"
                    + _("Said on {date} ({how})").format(
                        date=format_date(last.said_on), how=last.how_gathered
                    ),
                )
            )
    if not rows:
        return []
    return section(_("What {name} and the family have told us").format(name=name), rows)


def _reviews(view: PlanView) -> list[Row]:
    held = view.held_reviews
    rows: list[Row] = [
        (_("Reviews held"), ", ".join(format_date(r.held_on) for r in held) or _("None yet"))
    ]
    if view.next_review:
        rows.append((_("Next review"), format_date(view.next_review)))
    elif view.review_due:
        rows.append(
            (
                _("Next review"),
                _("Due by {date}: the school will confirm the date").format(
                    date=format_date(view.review_due)
                ),
            )
        )
    for f in view.follow_ups:
        state = (
            _("done on {date}").format(date=format_date(f.done_on))
            if f.done_on
            else _("due {date}").format(date=format_date(f.due_on))
        )
        rows.append((_("{weeks}-week check after the return").format(weeks=f.weeks), state))
    return rows


def plan_story(view: PlanView, today: date) -> list[Flowable]:
    name = _first_name(view)
    story: list[Flowable] = [
        para(_("Reintegration plan"), "title"),
        para(
            _("{pupil} at {provider}. Prepared on {date}.").format(
                pupil=f"{view.pupil.forename} {view.pupil.surname}",
                provider=view.provider_name or _("the provision"),
                date=format_date(today),
            ),
            "subtitle",
        ),
        para(
            _(
                "This plan sets out what {name} is working towards, how progress is measured, "
                "and how {name} will move back into mainstream school (or on to college or "
                "training). It is reviewed regularly with {name}, the family and the provider, "
                "and changed when things change."
            ).format(name=name)
        ),
    ]
    if view.returned_before_on:
        story += [
            Spacer(1, 3 * mm),
            notice_box(
                _(
                    "{name} returned to mainstream school on {date} and has been referred again. "
                    "This plan builds on what was learned last time."
                ).format(name=name, date=format_date(view.returned_before_on))
            ),
        ]
    story += section(_("About the placement"), _about(view))
    story += _targets(view)
    story += section(
        _("Exit strategy"), [(_("How the placement will end"), view.exit_strategy or None)]
    )
    story += _steps(view)
    story += _agencies(view)
    story += section(_("Reviews"), _reviews(view))
    story += _voice(view)
    story += [
        Spacer(1, 4 * mm),
        para(_("Agreed by"), "heading"),
        signature_block(
            [_("Parent or carer"), _("School"), _("Provider")], [_("Signature"), _("Date")]
        ),
    ]
    return story


def render_plan(view: PlanView, school: SchoolDetails, today: date) -> bytes:
    with document_fonts(view, school):
        return build_pdf(plan_story(view, today), Letterhead.of(school), _("Reintegration plan"))
