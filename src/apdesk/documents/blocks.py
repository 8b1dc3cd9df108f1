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
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from .common import ACCENT, CONTENT_WIDTH, INK, LABEL_FILL, MUTED, NOTICE_EDGE, NOTICE_FILL, RULE
from .fonts import font, unicode_fonts
from .formatting import not_recorded
from .page_look import TYPE

LABEL_WIDTH = 62 * mm
VALUE_WIDTH = CONTENT_WIDTH - LABEL_WIDTH
PADDING = 5  # left and right, inside each label and value cell
CHUNK = 500  # characters per table row: a row cannot split across pages, so long text is cut up


def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles, in the fonts of the document being built."""
    return _styles(unicode_fonts())


@cache
def _styles(unicode: bool) -> dict[str, ParagraphStyle]:
    bold, oblique = font("Helvetica-Bold", unicode), font("Helvetica-Oblique", unicode)
    base = ParagraphStyle(
        "body",
        fontName=font("Helvetica", unicode),
        fontSize=TYPE["body"],
        leading=13.5,
        textColor=INK,
        alignment=TA_LEFT,
        splitLongWords=True,
    )
    return {
        "body": base,
        "small": ParagraphStyle(
            "small", parent=base, fontSize=TYPE["caption"], leading=11, textColor=MUTED
        ),
        "label": ParagraphStyle("label", parent=base, fontName=bold, fontSize=9.5, leading=12.5),
        "missing": ParagraphStyle("missing", parent=base, fontName=oblique, textColor=MUTED),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=bold,
            fontSize=TYPE["title"],
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
            fontName=bold,
            fontSize=11,
            leading=14,
            textColor="#FFFFFF",
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=base,
            fontName=bold,
            fontSize=TYPE["section"],
            leading=15,
            textColor=ACCENT,
            spaceBefore=4 * mm,
            spaceAfter=1.5 * mm,
            keepWithNext=True,
        ),
        "letter": ParagraphStyle(
            "letter", parent=base, fontSize=TYPE["letter"], leading=15, spaceAfter=3 * mm
        ),
        "date": ParagraphStyle("date", parent=base, fontSize=10.5, leading=15, alignment=TA_RIGHT),
        "notice": ParagraphStyle("notice", parent=base, fontSize=10.5, leading=14.5),
    }


class DocTable(Table):  # type: ignore[misc]
    """A Table in the document's fonts: reportlab sets Helvetica on every cell, even one holding
    a paragraph, so a Unicode document's plain-string cells would otherwise print in it.
    A row is never cut across two pages (`splitInRow=0`): a table breaks between rows only,
    and long text is cut into rows of its own beforehand (`value_cells`)."""

    def __init__(self, data: Any, *args: Any, style: Any = None, **kwargs: Any) -> None:
        kwargs["splitInRow"] = 0
        super().__init__(data, *args, **kwargs)
        if unicode_fonts() and kwargs.get("cellStyles") is None:  # a split part keeps its own
            self.setStyle([("FONT", (0, 0), (-1, -1), font("Helvetica"))])
        if style is not None:
            self.setStyle(style)


def esc(text: str) -> str:
    """User text made safe for Paragraph markup, line breaks kept."""
    return escape(text.strip()).replace("\r\n", "\n").replace("\n", "<br/>")


class _Paragraph(Paragraph):  # type: ignore[misc]
    """A Paragraph that breaks its lines once per width: a table wraps every cell to size its
    rows and again to draw them, and the same text at the same width breaks the same way."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._wrapped and self._wrapped[0] == available_width and "blPara" in self.__dict__:
            return self._wrapped[1]
        size: tuple[float, float] = super().wrap(available_width, available_height)
        self._wrapped = (available_width, size)
        return size


def para(text: str, style: str = "body", markup: bool = False) -> Paragraph:
    """A paragraph of plain text (escaped), or of trusted markup when `markup` is set."""
    return _Paragraph(text if markup else esc(text), styles()[style])


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


def plain_line(text: str, style: str, width: float) -> str | None:
    """`text` itself when a table can draw it as a string exactly where a paragraph in `style`
    would put its one line: printable text with single spaces only (nothing a paragraph would
    tidy or treat specially) that fits `width`, the cell inside its padding, with room to spare.
    The table then needs `cell_font` for it. Otherwise None: the cell needs a Paragraph."""
    if not text.isprintable() or text != text.strip() or "  " in text:
        return None
    st = styles()[style]
    return text if stringWidth(text, st.fontName, st.fontSize) <= width - 0.5 else None


def cell_font(style: str, first: tuple[int, int], last: tuple[int, int]) -> list[Any]:
    """Table commands giving string cells the font, leading and colour of paragraph `style`."""
    st = styles()[style]
    return [
        ("FONT", first, last, st.fontName, st.fontSize, st.leading),
        ("TEXTCOLOR", first, last, st.textColor),
    ]


def text_cell(
    text: str, style: str, width: float, at: tuple[int, int], commands: list[Any]
) -> str | Paragraph:
    """The table cell `at` for wording the form prints (a label, "Not recorded"): a string, its
    font added to `commands`, when `plain_line` allows; else a Paragraph."""
    line = plain_line(text, style, width)
    if line is None:
        return para(text, style)
    commands += cell_font(style, at, at)
    return line


def _is_missing(value: str | Flowable | None) -> bool:
    """An empty value prints as "Not recorded", so the gap is seen."""
    if isinstance(value, Flowable):
        return False
    return value is None or not str(value).strip() or str(value).strip() == not_recorded()


def value_cells(value: str | Flowable | None) -> list[tuple[str | Flowable, bool]]:
    """A given value as row-sized cells, each flagged when it continues the one before. A piece
    on one line stays a string for the table to draw in the body font (see `plain_line`)."""
    if isinstance(value, Flowable):
        return [(value, False)]
    width = VALUE_WIDTH - 2 * PADDING
    return [
        (plain_line(piece, "body", width) or para(piece), carries_on)
        for piece, carries_on in _chunks(str(value))
    ]


Row = tuple[str, "str | Flowable | None"]


def field_table(rows: list[Row]) -> list[Flowable]:
    """Label/value rows in a ruled box. Long values continue on extra rows (no rule between)
    so the table can split between pages instead of overflowing one."""
    data: list[list[Any]] = []
    starts: list[int] = []
    joined: list[int] = []  # rows that carry on the paragraph above: no gap between them
    commands: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
        ("BOX", (0, 0), (-1, -1), 0.7, RULE),
        ("LINEAFTER", (0, 0), (0, -1), 0.5, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        *cell_font("body", (1, 0), (1, -1)),
    ]
    for label, value in rows:
        row = len(data)
        starts.append(row)
        label_cell = text_cell(label, "label", LABEL_WIDTH - 2 * PADDING, (0, row), commands)
        if _is_missing(value):
            width = VALUE_WIDTH - 2 * PADDING
            data.append(
                [label_cell, text_cell(not_recorded(), "missing", width, (1, row), commands)]
            )
            continue
        for i, (cell, carries_on) in enumerate(value_cells(value)):
            if carries_on:
                joined.append(len(data))
            data.append([label_cell if i == 0 else "", cell])
    if not data:
        return []
    commands += [("LINEABOVE", (0, s), (-1, s), 0.5, RULE) for s in starts[1:]]
    for row in joined:
        commands += [
            ("TOPPADDING", (1, row), (1, row), 0),
            ("BOTTOMPADDING", (1, row - 1), (1, row - 1), 0),
        ]
    widths = [LABEL_WIDTH, VALUE_WIDTH]
    table = DocTable(data, colWidths=widths, style=TableStyle(commands), splitByRow=True)
    return [table]


def section(title: str, rows: list[Row]) -> list[Flowable]:
    """A shaded heading bar kept on the same page as the section's first row."""
    commands: list[Any] = [
        ("BACKGROUND", (0, 0), (-1, -1), ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    inside = CONTENT_WIDTH - 12  # 6 points of padding either side (the right one by default)
    heading = text_cell(title, "section", inside, (0, 0), commands)
    bar = DocTable([[heading]], colWidths=[CONTENT_WIDTH], style=TableStyle(commands))
    if not rows:
        return [Spacer(1, 4 * mm), bar]
    head = field_table(rows[:1])
    rest = field_table(rows[1:])
    return [Spacer(1, 4 * mm), KeepTogether([bar, *head]), *rest]


def notice_box(text: str, markup: bool = False) -> Flowable:
    """A boxed reminder that must not be missed (e.g. the register code)."""
    return DocTable(
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


class _Whole(DocTable):
    """A table that is never split: it moves to the next page whole. Unlike a KeepTogether, it
    reports its true height, so a KeepTogether around it (a heading kept with it) still fits
    where there is room rather than always starting a new page."""

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []


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

    commands: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    data: list[list[Any]] = [
        spread([text_cell(p, "label", inner, (2 * c, 0), commands) for c, p in enumerate(parties)])
    ]
    heights: list[float | None] = [None]
    for label in labels:
        data.append(spread(["" for _p in parties]))
        heights.append(8 * mm)
        row = len(data)
        data.append(
            spread([text_cell(label, "small", inner, (2 * c, row), commands) for c in range(count)])
        )
        heights.append(None)
        commands += [("LINEABOVE", (2 * c, row), (2 * c, row), 0.6, INK) for c in range(count)]
    return _Whole(data, colWidths=widths, rowHeights=heights, style=TableStyle(commands))
