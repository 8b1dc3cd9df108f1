"""The timetable a pupil and their parents take home: one landscape page per week of the cycle.

Each kind of slot has a colour AND a printed tag and pattern, so it still reads on a greyscale
printer or for someone who cannot tell the colours apart."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from apdesk.documents.fonts import document_fonts, font
from apdesk.documents.page_look import (
    ACCENT,
    DANGER,
    INK,
    MUTED,
    RULE,
    Letterhead,
    draw_footer,
    draw_letterhead,
    page_of,
)
from apdesk.i18n import _, format_date
from apdesk.models.enums import SlotKind
from apdesk.models.school import SchoolDetails
from apdesk.models.timetable_grid import (
    DAY_NAMES,
    DAYS,
    Grid,
    PeriodDef,
    Share,
    SlotValue,
    Structure,
)
from apdesk.models.timetable_plan import VersionStatus

PAGE: tuple[float, float] = landscape(A4)
WIDTH, HEIGHT = PAGE
MARGIN: float = 14 * mm
DAY_COL: float = 24 * mm
HEAD_ROW: float = 11 * mm
ROW: float = 21 * mm
STRIP: float = 6 * mm
MM: float = mm


@dataclass(frozen=True)
class TimetablePrintout:
    """One pupil's timetable version as printed: the services gather it."""

    school: SchoolDetails
    pupil_name: str
    nc_year: int
    effective_date: date
    next_review: date | None
    status: VersionStatus
    structure: Structure
    grid: Grid
    share: Share
    group_name: str = ""
    group_room: str = ""
    group_staff: list[str] = field(default_factory=list)
    providers: dict[int, str] = field(default_factory=dict)  # placement id -> provider name


@dataclass(frozen=True)
class Look:
    tag: str
    fill: colors.Color
    pattern: str  # "", "diagonal", "cross", "dots"
    meaning: str


def looks(p: TimetablePrintout) -> dict[SlotKind | None, Look]:
    base = p.group_name or _("the inclusion base")
    where = ", ".join(sorted({n for n in p.providers.values() if n})) or _("the provider")
    return {
        SlotKind.MAINSTREAM: Look(_("LESSON"), colors.HexColor("#BFD7EE"), "",
                                  _("a mainstream lesson with the class")),
        SlotKind.IAP: Look(_("IAP"), colors.HexColor("#E2F1D8"), "diagonal",
                           _("a session in {base}, the school's inclusion base").format(base=base)),
        SlotKind.OFFSITE: Look(_("OFF-SITE"), colors.HexColor("#FBD9B5"), "cross",
                               _("alternative provision away from school, at {where}")
                               .format(where=where)),
        SlotKind.SOCIAL: Look(_("WITH FRIENDS"), colors.HexColor("#F1F1F1"), "dots",
                              _("break, lunch or free time with friends in the main school")),
        None: Look(_("NOT TIMETABLED"), colors.white, "",
                   _("no lesson planned: part of an agreed part-time timetable")),
    }  # fmt: skip


def render_timetable(printout: TimetablePrintout, printed_on: date | None = None) -> bytes:
    with document_fonts(printout):
        return _render(printout, printed_on)


def _render(printout: TimetablePrintout, printed_on: date | None) -> bytes:
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=(WIDTH, HEIGHT), initialFontName=font("Helvetica"))
    c.setTitle(_("Timetable"))
    c.setAuthor(printout.school.name)
    c.setCreator("apdesk")
    weeks = list(printout.structure.weeks)
    kinds = looks(printout)
    for page, week in enumerate(weeks, start=1):
        _header(c, Letterhead.of(printout.school))
        top = _title(c, printout, week if len(weeks) > 1 else None)
        bottom = _grid(c, printout, week, top - 4 * mm, kinds)
        _legend(c, printout, bottom - 6 * mm, kinds, week)
        _footer(c, page, len(weeks), printed_on or date.today())
        c.showPage()
    c.save()
    return buffer.getvalue()


def _header(c: Canvas, head: Letterhead) -> None:
    draw_letterhead(c, head, _("Timetable"), WIDTH, HEIGHT, MARGIN)


def _title(c: Canvas, p: TimetablePrintout, week: int | None) -> float:
    y: float = HEIGHT - 29.5 * mm
    c.setFillColor(INK)
    c.setFont(font("Helvetica-Bold"), 17)
    title = _("{name}'s timetable").format(name=p.pupil_name)
    if week is not None:
        title += "  " + _("(week {week})").format(week=week)
    c.drawString(MARGIN, y, title)
    c.setFont(font("Helvetica"), 10.5)
    bits = [
        _("Year {year}").format(year=p.nc_year),
        _("From {date}").format(date=format_date(p.effective_date, "EEEE d MMMM y")),
        _("Next review: {date}").format(date=format_date(p.next_review))
        if p.next_review
        else _("Next review: to be arranged"),
    ]
    c.drawString(MARGIN, y - 6 * mm, "   |   ".join(bits))
    if p.status.value != "accepted":
        c.setFillColor(DANGER)
        c.setFont(font("Helvetica-Bold"), 11)
        c.drawRightString(WIDTH - MARGIN, y, _("DRAFT: proposed, not yet agreed"))
    return y - 9.0 * MM


def _columns(p: TimetablePrintout) -> list[tuple[PeriodDef, float, float]]:
    """Each period's x and width: lessons share the space; breaks and lunch are narrower."""
    periods = p.structure.periods
    weights = [1.0 if q.is_lesson else 0.5 for q in periods]
    span = WIDTH - 2 * MARGIN - DAY_COL
    x = MARGIN + DAY_COL
    out = []
    for q, w in zip(periods, weights, strict=True):
        width = span * w / sum(weights)
        out.append((q, x, width))
        x += width
    return out


def _grid(
    c: Canvas, p: TimetablePrintout, week: int, top: float, kinds: dict[SlotKind | None, Look]
) -> float:
    cols = _columns(p)
    c.setFillColor(ACCENT)
    c.rect(MARGIN, top - HEAD_ROW, WIDTH - 2 * MARGIN, HEAD_ROW, stroke=0, fill=1)
    c.setFillColor(colors.white)
    for q, x, w in cols:
        c.setFont(font("Helvetica-Bold"), 8.5 if q.is_lesson else 7.5)
        c.drawCentredString(
            x + w / 2, top - 4.6 * mm, _fit(c, q.label, font("Helvetica-Bold"), 8.5, w)
        )
        c.setFont(font("Helvetica"), 7.5)
        c.drawCentredString(x + w / 2, top - 8.6 * mm, q.times)
    y: float = top - HEAD_ROW
    for day in DAYS:
        c.setFillColor(INK)
        c.setFont(font("Helvetica-Bold"), 9.5)
        c.drawString(MARGIN + 1.5 * mm, y - ROW / 2 - 1.5 * mm, _(DAY_NAMES[day]))
        for q, x, w in cols:
            value = p.grid.get((week, day, q.number))
            _cell(c, p, value, q, x, y - ROW, w, ROW, kinds)
        c.setStrokeColor(RULE)
        c.line(MARGIN, y - ROW, WIDTH - MARGIN, y - ROW)
        y -= ROW
    return y


def _pattern(c: Canvas, kind: str, x: float, y: float, w: float, h: float) -> None:
    """Light hatching inside a box, clipped to it: the greyscale cue beside the tag."""
    if not kind:
        return
    c.saveState()
    path = c.beginPath()
    path.rect(x, y, w, h)
    c.clipPath(path, stroke=0, fill=0)
    c.setStrokeColor(colors.Color(0, 0, 0, alpha=0.16))
    c.setFillColor(colors.Color(0, 0, 0, alpha=0.18))
    c.setLineWidth(0.6)
    step = 3.2 * mm
    if kind == "dots":
        for i in range(int(w / step) + 1):
            for j in range(int(h / step) + 1):
                c.circle(x + i * step + step / 2, y + j * step + step / 2, 0.35, stroke=0, fill=1)
    else:
        offset = -h
        while offset < w:
            c.line(x + offset, y, x + offset + h, y + h)
            if kind == "cross":
                c.line(x + offset, y + h, x + offset + h, y)
            offset += step
    c.restoreState()


def _cell(
    c: Canvas,
    p: TimetablePrintout,
    value: SlotValue | None,
    period: PeriodDef,
    x: float,
    y: float,
    w: float,
    h: float,
    kinds: dict[SlotKind | None, Look],
) -> None:
    pad = 1.2 * mm
    look = kinds[value.kind if value else None]
    c.setFillColor(look.fill)
    c.setStrokeColor(colors.white)
    c.setLineWidth(1.5)
    c.rect(x + 0.6, y + 0.6, w - 1.2, h - 1.2, stroke=1, fill=1)
    if period.is_lesson:  # a hatched strip at the right keeps the words clear of the pattern
        _pattern(c, look.pattern, x + w - 0.6 - STRIP, y + 0.6, STRIP, h - 1.2)
    else:
        _pattern(c, look.pattern, x + 0.6, y + 0.6, w - 1.2, h - 1.2)
    if value is None and not period.is_lesson:
        return
    if value is None:  # an empty lesson: a dashed outline reads on any printer
        c.saveState()
        c.setStrokeColor(MUTED)
        c.setLineWidth(0.6)
        c.setDash(2, 2)
        c.rect(x + 2, y + 2, w - 4, h - 4, stroke=1, fill=0)
        c.restoreState()
    inner = w - 2 * pad - (STRIP if period.is_lesson and look.pattern else 0)
    if period.is_lesson:  # breaks keep their pattern and name: too narrow for a tag
        tag = look.tag
        tag_w = min(c.stringWidth(tag, font("Helvetica-Bold"), 6.5) + 2 * mm + 1, inner)
        c.setFillColor(colors.white)
        c.rect(x + pad, y + h - pad - 3.6 * mm, tag_w, 3.6 * mm, stroke=0, fill=1)
        c.setFillColor(INK)
        c.setFont(font("Helvetica-Bold"), 6.5)
        c.drawString(x + pad + 1 * mm, y + h - pad - 2.6 * mm,
                     _fit(c, tag, font("Helvetica-Bold"), 6.5, tag_w - 2 * mm))  # fmt: skip
    c.setFillColor(INK)
    title, detail = _words(p, value, period)
    ty = y + h - pad - 7.8 * mm
    size = 9.5 if period.is_lesson else 7.5
    for line in simpleSplit(title, font("Helvetica-Bold"), size, inner)[:2]:
        c.setFont(font("Helvetica-Bold"), size)
        c.drawString(x + pad, ty, _fit(c, line, font("Helvetica-Bold"), size, inner))
        ty -= size + 1.5
    c.setFillColor(MUTED)
    c.setFont(font("Helvetica"), 7.5)
    for line in simpleSplit(detail, font("Helvetica"), 7.5, inner)[:2]:
        c.drawString(x + pad, ty, _fit(c, line, font("Helvetica"), 7.5, inner))
        ty -= 9


def _words(p: TimetablePrintout, value: SlotValue | None, period: PeriodDef) -> tuple[str, str]:
    if value is None:
        return (_("No lesson"), "")
    if value.kind is SlotKind.MAINSTREAM:
        return (value.subject, value.detail)
    if value.kind is SlotKind.IAP:
        return (value.activity, p.group_name)
    if value.kind is SlotKind.OFFSITE:
        return (value.activity or _("Off-site"), p.providers.get(value.placement_id or 0, ""))
    title = value.activity or (period.label if not period.is_lesson else _("Free time"))
    return (title, _("with friends"))


def _legend(
    c: Canvas, p: TimetablePrintout, top: float, kinds: dict[SlotKind | None, Look], week: int
) -> None:
    present = {v.kind for (wk, _d, _n), v in p.grid.items() if wk == week}
    empty = any((week, d, q.number) not in p.grid for d in DAYS for q in p.structure.lessons)
    shown: list[SlotKind | None] = [k for k in SlotKind if k in present or k is SlotKind.SOCIAL]
    if empty:
        shown.append(None)
    c.setFillColor(INK)
    c.setFont(font("Helvetica-Bold"), 9.5)
    c.drawString(MARGIN, top, _("What the boxes mean"))
    y = top - 6 * mm
    col_w = (WIDTH - 2 * MARGIN) / 2
    for i, kind in enumerate(shown):
        look = kinds[kind]
        x = MARGIN + (i % 2) * col_w
        row_y = y - (i // 2) * 6.5 * mm
        c.setFillColor(look.fill)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        if kind is None:
            c.setDash(2, 2)
        c.rect(x, row_y - 1.2 * mm, 9 * mm, 4.6 * mm, stroke=1, fill=1)
        c.setDash()
        _pattern(c, look.pattern, x, row_y - 1.2 * mm, 9 * mm, 4.6 * mm)
        c.setFillColor(INK)
        c.setFont(font("Helvetica-Bold"), 8.5)
        c.drawString(x + 11 * mm, row_y, look.tag)
        c.setFont(font("Helvetica"), 8.5)
        text_x = x + 11 * mm + c.stringWidth(look.tag + "  ", font("Helvetica-Bold"), 8.5)
        room = x + col_w - 4 * mm - text_x
        c.drawString(text_x, row_y, _fit(c, look.meaning, font("Helvetica"), 8.5, room))
    y -= ((len(shown) + 1) // 2) * 6.5 * mm + 2 * mm
    c.setFont(font("Helvetica"), 9)
    for line in _summary(p):
        c.drawString(MARGIN, y, line)
        y -= 4.6 * mm


def _summary(p: TimetablePrintout) -> list[str]:
    s = p.share
    weeks = p.structure.cycle_weeks
    parts = [_("{n} lessons in mainstream classes").format(n=s.mainstream_lessons // weeks)]
    if s.iap_sessions:
        base = p.group_name or _("the inclusion base")
        parts.append(_("{n} in {base}").format(n=s.iap_sessions // weeks, base=base))
    if s.offsite_sessions:
        parts.append(_("{n} off-site").format(n=s.offsite_sessions // weeks))
    joined = ", ".join(parts[:-1]) + _(" and ") + parts[-1] if len(parts) > 1 else parts[0]
    lines = [
        _("Each week: {parts} ({hours:g} hours of learning).").format(
            parts=joined, hours=s.weekly_education_hours
        )
    ]
    if p.group_name:
        where = f" ({p.group_room})" if p.group_room else ""
        staff = _(" and ").join(p.group_staff) or _("staff to be confirmed")
        lines.append(_("{base}{where} is run by {staff}.").format(
            base=p.group_name, where=where, staff=staff))  # fmt: skip
    contact = p.school.key_contact_name
    if contact:
        phone = f" {_('on')} {p.school.key_contact_phone}" if p.school.key_contact_phone else ""
        lines.append(_("Questions about this timetable? Contact {who}{phone}.").format(
            who=contact, phone=phone))  # fmt: skip
    return lines


def _footer(c: Canvas, page: int, pages: int, printed_on: date) -> None:
    printed = _("Printed {date}").format(date=format_date(printed_on))
    draw_footer(c, WIDTH, MARGIN, 7 * mm, f"{printed}   {page_of(page, pages)}")


def _fit(c: Canvas, text: str, font: str, size: float, width: float) -> str:
    if c.stringWidth(text, font, size) <= width:
        return text
    while text and c.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
