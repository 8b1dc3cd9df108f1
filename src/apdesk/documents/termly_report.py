"""The termly report for governors and the LA: the success measures, the charts and the
placements of the term. The anonymised version names pupils by initials and year group only,
so it can go to a governors' meeting pack."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, Protocol

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from apdesk.documents.blocks import DocTable, esc, para
from apdesk.documents.charts import chart_drawing
from apdesk.documents.common import CONTENT_WIDTH, LABEL_FILL, RULE, Letterhead, build_pdf
from apdesk.documents.fonts import document_fonts
from apdesk.i18n import _, format_date
from apdesk.models.charts import Chart
from apdesk.models.school import SchoolDetails


@dataclass(frozen=True)
class MeasureLine:
    """One success measure as the report prints it (the services write its figures)."""

    label: str
    definition: str
    figure: str  # "97%", "27", or "–"
    detail: str  # "36 of 37 placements"
    target: str  # "target 95%", or "" with no target
    off_target: Literal["below", "above", ""] = ""  # missed a target to reach, or to stay under


class RosterLine(Protocol):
    """One placement of the period (`apdesk.services.measures.roster.RosterRow` fits)."""

    @property
    def pupil_name(self) -> str: ...
    @property
    def initials(self) -> str: ...
    @property
    def nc_year(self) -> int: ...
    @property
    def provider(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def start(self) -> date | None: ...
    @property
    def end(self) -> date | None: ...
    @property
    def hours(self) -> float: ...
    @property
    def full_time(self) -> bool: ...
    @property
    def outcome(self) -> str: ...


@dataclass(frozen=True)
class InAp:
    """Pupils in AP on the report's day, and their placements counted four ways."""

    pupils: int
    placements: int
    breakdown: dict[str, dict[str, int]]


@dataclass(frozen=True)
class TermlyReport:
    school: SchoolDetails
    start: date
    end: date
    today: date
    measures: list[MeasureLine]
    in_ap: InAp
    charts: list[Chart]
    roster: Sequence[RosterLine]

    @property
    def as_of(self) -> date:
        """The day the figures stand at: today, or the period's end when it is over."""
        return min(self.today, self.end)


PAGE_TALL = 1000 * mm  # room enough to measure a table whole
HEADING_ROOM = 12 * mm  # a section heading and the space above it
HALF_PAGE = 130 * mm

GRID = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL),
    ("BOX", (0, 0), (-1, -1), 0.7, RULE),
    ("INNERGRID", (0, 0), (-1, -1), 0.3, RULE),
    ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
]


def _table(rows: list[list[Any]], widths: list[float]) -> Table:
    return DocTable(rows, colWidths=widths, style=TableStyle(GRID), repeatRows=1, splitByRow=True)


def _measures_table(measures: list[MeasureLine]) -> Table:
    rows: list[list[Any]] = [
        [
            para(_("Measure"), "label"),
            para(_("Figure"), "label"),
            para(_("What it counts"), "label"),
        ]
    ]
    flags = {"below": _(" (below target)"), "above": _(" (above target)"), "": ""}
    for m in measures:
        figure = f"<b>{m.figure}</b><br/>{m.detail}"
        if m.target:
            figure += f"<br/>{m.target}{flags[m.off_target]}"
        rows.append(
            [para(m.label, "label"), para(figure, markup=True), para(m.definition, "small")]
        )
    return _table(rows, [48 * mm, 38 * mm, CONTENT_WIDTH - 86 * mm])


def _breakdown(breakdown: dict[str, dict[str, int]]) -> Table:
    """The four counts side by side, one name a row: a long list (a large school's providers)
    runs on over pages, its headings repeated, where one cell holding it all could not."""
    titles = {
        "provider": _("By provider"),
        "category": _("By category"),
        "hours": _("Full or part time"),
        "commissioner": _("Commissioned by"),
    }
    columns = [
        [f"{esc(name)}: <b>{n}</b>" for name, n in breakdown.get(key, {}).items()]
        or [esc(_("none"))]
        for key in titles
    ]
    rows: list[list[Any]] = [[para(title, "label") for title in titles.values()]]
    rows += [
        [para(c[k], "small", markup=True) if k < len(c) else "" for c in columns]
        for k in range(max(map(len, columns)))
    ]
    style = [
        *GRID[:3],
        ("LINEAFTER", (0, 0), (-2, -1), 0.3, RULE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.3, RULE),
        *GRID[4:],
        ("TOPPADDING", (0, 2), (-1, -1), 0),  # the names read as one list, not boxed rows
        ("BOTTOMPADDING", (0, 1), (-1, -2), 0),
    ]
    widths = [CONTENT_WIDTH * share for share in (0.32, 0.28, 0.18, 0.22)]  # room for names
    return DocTable(rows, colWidths=widths, style=TableStyle(style), repeatRows=1, splitByRow=True)


def _roster(rows: Sequence[RosterLine], anonymised: bool) -> Table:
    head = [
        _("Pupil"),
        _("Year"),
        _("Provider"),
        _("Category"),
        _("Start"),
        _("End"),
        _("Hours"),
        _("Outcome"),
    ]
    data: list[list[Any]] = [[para(h, "label") for h in head]]
    for r in rows:
        data.append(
            [
                para(r.initials if anonymised else r.pupil_name, "small"),
                para(str(r.nc_year), "small"),
                para(r.provider, "small"),
                para(r.category, "small"),
                para(format_date(r.start) if r.start else "", "small"),
                para(format_date(r.end) if r.end else _("ongoing"), "small"),
                para(f"{r.hours:g}" + (_(" FT") if r.full_time else _(" PT")), "small"),
                para(r.outcome, "small"),
            ]
        )
    widths = [24, 11, 32, 30, 20, 20, 15, 22]
    scale = CONTENT_WIDTH / (sum(widths) * mm)
    return _table(data, [w * mm * scale for w in widths])


def _headed(text: str, body: Flowable, whole_up_to: float = 40 * mm) -> list[Flowable]:
    """A heading never left alone at the foot of a page: it starts on this page only when the
    body fits under it, or the first `whole_up_to` of a longer body does (a long table then
    runs on over pages, its headings repeated)."""
    _width, needed = body.wrap(CONTENT_WIDTH, PAGE_TALL)
    return [CondPageBreak(HEADING_ROOM + min(needed, whole_up_to)), para(text, "heading"), body]


def render_termly_report(report: TermlyReport, *, anonymised: bool = False) -> bytes:
    """The report for governors and the LA; `anonymised` prints initials and year group only."""
    with document_fonts(report):  # the fonts its names need
        title = _("Alternative provision: termly report")
        story: list[Flowable] = [
            para(title, "title"),
            para(
                _("{start} to {end} · prepared {today}{anon}").format(
                    start=format_date(report.start),
                    end=format_date(report.end),
                    today=format_date(report.today),
                    anon=_(" · anonymised: initials and year group only") if anonymised else "",
                ),
                "subtitle",
            ),
            para(_("Success measures"), "heading"),
            _measures_table(report.measures),
        ]
        heading = _("Pupils in AP on {day}: {n} pupils in {p} placements").format(
            day=format_date(report.as_of), n=report.in_ap.pupils, p=report.in_ap.placements
        )
        # A school's counts (a dozen providers) go to the next page whole rather than leave one
        # name behind here; only a list longer than half a page starts here and runs on.
        story += _headed(heading, _breakdown(report.in_ap.breakdown), HALF_PAGE)
        half = (CONTENT_WIDTH - 6 * mm) / 2
        drawings = [chart_drawing(c, half, 62 * mm) for c in report.charts]
        pairs = [
            drawings[i : i + 2] + [""] * (2 - len(drawings[i : i + 2])) for i in range(0, 4, 2)
        ]
        roster = report.roster
        story += [
            KeepTogether(
                [para(_("Trends"), "heading"), DocTable(pairs, colWidths=[half + 3 * mm] * 2)]
            ),
            Spacer(1, 2 * mm),
            *_headed(
                _("Placements in the period ({n})").format(n=len(roster)),
                _roster(roster, anonymised) if roster else para(_("No placements."), "small"),
            ),
        ]
        return build_pdf(story, Letterhead.of(report.school), title)
