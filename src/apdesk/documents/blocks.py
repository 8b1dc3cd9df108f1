"""Building blocks for forms and letters: styles, escaped paragraphs, label/value tables that
wrap and split across pages (so long text is never clipped), headings, boxed notices."""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from .common import ACCENT, CONTENT_WIDTH, INK, LABEL_FILL, MUTED, NOTICE_EDGE, NOTICE_FILL, RULE
from .formatting import not_recorded

LABEL_WIDTH = 62 * mm
CHUNK = 500  # characters per table row: a row cannot split across pages, so long text is cut up


@cache
def styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body",
        fontName="Helvetica",
        fontSize=10,
        leading=13.5,
        textColor=INK,
        alignment=TA_LEFT,
        splitLongWords=True,
    )
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, textColor=MUTED),
        "label": ParagraphStyle(
            "label", parent=base, fontName="Helvetica-Bold", fontSize=9.5, leading=12.5
        ),
        "missing": ParagraphStyle(
            "missing", parent=base, fontName="Helvetica-Oblique", textColor=MUTED
        ),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=17,
            leading=21,
            textColor=ACCENT,
            spaceAfter=2 * mm,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=10.5, leading=14, textColor=MUTED, spaceAfter=4 * mm
        ),
        "section": ParagraphStyle(
            "section",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=11,
            leading=14,
            textColor="#FFFFFF",
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=11.5,
            leading=15,
            textColor=ACCENT,
            spaceBefore=4 * mm,
            spaceAfter=1.5 * mm,
            keepWithNext=True,
        ),
        "letter": ParagraphStyle(
            "letter", parent=base, fontSize=10.5, leading=15, spaceAfter=3 * mm
        ),
        "date": ParagraphStyle("date", parent=base, fontSize=10.5, leading=15, alignment=TA_RIGHT),
        "notice": ParagraphStyle("notice", parent=base, fontSize=10.5, leading=14.5),
    }


def esc(text: str) -> str:
    """User text made safe for Paragraph markup, line breaks kept."""
    return escape(text.strip()).replace("\r\n", "\n").replace("\n", "<br/>")


def para(text: str, style: str = "body", markup: bool = False) -> Paragraph:
    """A paragraph of plain text (escaped), or of trusted markup when `markup` is set."""
    return Paragraph(text if markup else esc(text), styles()[style])


def _chunks(text: str) -> list[tuple[str, bool]]:
    """Cut long text at paragraph, then sentence, then word boundaries into row-sized pieces;
    each piece says whether it carries on the paragraph before it."""
    pieces: list[tuple[str, bool]] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        carries_on = False
        while len(block) > CHUNK:
            cut = max(block.rfind(". ", 0, CHUNK), block.rfind("\n", 0, CHUNK))
            if cut < CHUNK // 3:
                cut = block.rfind(" ", 0, CHUNK)
            if cut < CHUNK // 3:
                cut = CHUNK - 1
            pieces.append((block[: cut + 1], carries_on))
            block = block[cut + 1 :].lstrip()
            carries_on = True
        if block.strip():
            pieces.append((block, carries_on))
    return pieces


def value_flowables(value: str | Flowable | None) -> list[tuple[Flowable, bool]]:
    """The value as row-sized flowables, each flagged when it continues the one before."""
    if isinstance(value, Flowable):
        return [(value, False)]
    if value is None or not str(value).strip() or str(value).strip() == not_recorded():
        return [(para(not_recorded(), "missing"), False)]
    return [(para(piece), carries_on) for piece, carries_on in _chunks(str(value))]


Row = tuple[str, "str | Flowable | None"]


def field_table(rows: list[Row]) -> list[Flowable]:
    """Label/value rows in a ruled box. Long values continue on extra rows (no rule between)
    so the table can split between pages instead of overflowing one."""
    data: list[list[Any]] = []
    starts: list[int] = []
    joined: list[int] = []  # rows that carry on the paragraph above: no gap between them
    for label, value in rows:
        starts.append(len(data))
        for i, (cell, carries_on) in enumerate(value_flowables(value)):
            if carries_on:
                joined.append(len(data))
            data.append([para(label, "label") if i == 0 else "", cell])
    if not data:
        return []
    commands: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
        ("BOX", (0, 0), (-1, -1), 0.7, RULE),
        ("LINEAFTER", (0, 0), (0, -1), 0.5, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    commands += [("LINEABOVE", (0, s), (-1, s), 0.5, RULE) for s in starts[1:]]
    for row in joined:
        commands += [
            ("TOPPADDING", (1, row), (1, row), 0),
            ("BOTTOMPADDING", (1, row - 1), (1, row - 1), 0),
        ]
    widths = [LABEL_WIDTH, CONTENT_WIDTH - LABEL_WIDTH]
    table = Table(data, colWidths=widths, style=TableStyle(commands), splitByRow=True)
    return [table]


def section(title: str, rows: list[Row]) -> list[Flowable]:
    """A shaded heading bar kept on the same page as the section's first row."""
    bar = Table(
        [[para(title, "section")]],
        colWidths=[CONTENT_WIDTH],
        style=TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        ),
    )
    if not rows:
        return [Spacer(1, 4 * mm), bar]
    head = field_table(rows[:1])
    rest = field_table(rows[1:])
    return [Spacer(1, 4 * mm), KeepTogether([bar, *head]), *rest]


def notice_box(text: str, markup: bool = False) -> Flowable:
    """A boxed reminder that must not be missed (e.g. the register code)."""
    return Table(
        [[para(text, "notice", markup=markup)]],
        colWidths=[CONTENT_WIDTH],
        style=TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), NOTICE_FILL),
                ("BOX", (0, 0), (-1, -1), 1.4, NOTICE_EDGE),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        ),
    )


def signature_block(parties: list[str], labels: list[str]) -> Flowable:
    """Columns of ruled lines to sign on paper, one column per party, each line captioned.
    Table columns alternate party, gap, party... so the lines of neighbours do not touch."""
    gap = 8 * mm
    count = len(parties)
    inner = (CONTENT_WIDTH - gap * (count - 1)) / count
    widths = [inner if i % 2 == 0 else gap for i in range(2 * count - 1)]

    def spread(cells: list[Any]) -> list[Any]:
        row: list[Any] = []
        for i, cell in enumerate(cells):
            row += [cell] if i == count - 1 else [cell, ""]
        return row

    data: list[list[Any]] = [spread([para(p, "label") for p in parties])]
    heights: list[float | None] = [None]
    commands: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    for label in labels:
        data.append(spread(["" for _p in parties]))
        heights.append(8 * mm)
        data.append(spread([para(label, "small") for _p in parties]))
        heights.append(None)
        row = len(data) - 1
        commands += [("LINEABOVE", (2 * c, row), (2 * c, row), 0.6, INK) for c in range(count)]
    table = Table(data, colWidths=widths, rowHeights=heights, style=TableStyle(commands))
    return KeepTogether([table])
