"""The page every apdesk document shares: A4, the school's letterhead on each page, and a footer
with the confidentiality marking and "Page N of M" (so a loose page can be put back in order)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from apdesk.i18n import _
from apdesk.models.school import SchoolDetails

from .fonts import font

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
HEADER_HEIGHT = 24 * mm
FOOTER_HEIGHT = 16 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5A6270")
ACCENT = colors.HexColor("#1F3A5F")
RULE = colors.HexColor("#9AA5B4")
LABEL_FILL = colors.HexColor("#EDF1F6")
NOTICE_FILL = colors.HexColor("#FFF6E0")
NOTICE_EDGE = colors.HexColor("#B7791F")


def confidentiality_line() -> str:
    return _("OFFICIAL-SENSITIVE: contains personal information about a child")


@dataclass(frozen=True)
class Letterhead:
    """What the header shows: the school, so every page says whose record it is."""

    name: str
    urn: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""

    @classmethod
    def of(cls, school: SchoolDetails) -> Letterhead:
        return cls(
            school.name or _("School name not recorded"),
            school.urn,
            school.address,
            school.phone,
            school.email,
        )


class _NumberedCanvas(pdfcanvas.Canvas):  # type: ignore[misc]
    """Holds every page until the end, so each footer can say how many pages there are.
    A document holding several copies (one letter per household) numbers each copy alone."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self.copy_starts: list[int] = [1]

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        starts = sorted(set(self.copy_starts))
        ends = [s - 1 for s in starts[1:]] + [len(self._pages)]
        for state in self._pages:
            self.__dict__.update(state)
            page = self._pageNumber
            first, last = next((s, e) for s, e in zip(starts, ends, strict=True) if s <= page <= e)
            self.setFont(font("Helvetica"), 8)
            self.setFillColor(MUTED)
            text = _("Page {page} of {total}").format(page=page - first + 1, total=last - first + 1)
            self.drawRightString(PAGE_WIDTH - MARGIN_X, FOOTER_HEIGHT - 9 * mm, text)
            super().showPage()
        super().save()


class CopyStart(Flowable):  # type: ignore[misc]
    """Put first on a fresh page: page numbering starts again at 1 from here."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        starts = getattr(self.canv, "copy_starts", None)
        if starts is not None:
            starts.append(self.canv.getPageNumber())


def _fit(c: pdfcanvas.Canvas, text: str, font: str, size: float, width: float) -> str:
    """Shorten one header line with an ellipsis rather than run it off the page."""
    if c.stringWidth(text, font, size) <= width:
        return text
    while text and c.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _draw_frame(c: pdfcanvas.Canvas, head: Letterhead, title: str) -> None:
    top = PAGE_HEIGHT - 12 * mm
    right = PAGE_WIDTH - MARGIN_X
    regular, bold = font("Helvetica"), font("Helvetica-Bold")
    c.saveState()
    c.setFillColor(ACCENT)
    c.rect(0, PAGE_HEIGHT - 5 * mm, PAGE_WIDTH, 5 * mm, stroke=0, fill=1)
    c.setFont(bold, 12)
    c.drawString(MARGIN_X, top, _fit(c, head.name, bold, 12, CONTENT_WIDTH * 0.62))
    c.setFont(regular, 8.5)
    c.setFillColor(MUTED)
    if head.urn:
        c.drawRightString(right, top, _("URN {urn}").format(urn=head.urn))
    c.drawRightString(right, top - 4.2 * mm, _fit(c, title, regular, 8.5, CONTENT_WIDTH * 0.36))
    address = ", ".join(p.strip() for p in head.address.splitlines() if p.strip())
    c.drawString(MARGIN_X, top - 4.2 * mm, _fit(c, address, regular, 8.5, CONTENT_WIDTH * 0.62))
    reach = "   ".join(p for p in (head.phone, head.email) if p)
    if reach:
        c.drawString(MARGIN_X, top - 8.2 * mm, _fit(c, reach, regular, 8.5, CONTENT_WIDTH * 0.62))
    c.setStrokeColor(RULE)
    c.setLineWidth(0.6)
    c.line(
        MARGIN_X, PAGE_HEIGHT - HEADER_HEIGHT + 2 * mm, right, PAGE_HEIGHT - HEADER_HEIGHT + 2 * mm
    )
    c.line(MARGIN_X, FOOTER_HEIGHT - 4 * mm, right, FOOTER_HEIGHT - 4 * mm)
    c.setFont(bold, 8)
    c.setFillColor(colors.HexColor("#8A1C1C"))
    c.drawString(MARGIN_X, FOOTER_HEIGHT - 9 * mm, confidentiality_line())
    c.restoreState()


def build_pdf(story: Sequence[Flowable], head: Letterhead, title: str) -> bytes:
    """Lay out `story` on A4 pages with the letterhead and footer; returns the PDF's bytes.

    The PDF's metadata holds only the document type and school, never a child's name."""
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=HEADER_HEIGHT + 4 * mm,
        bottomMargin=FOOTER_HEIGHT + 2 * mm,
        title=title,
        author=head.name,
        subject=title,
        creator="apdesk",
        initialFontName=font("Helvetica"),  # each page's preamble names it
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                id="page", frames=[frame], onPage=lambda c, _doc: _draw_frame(c, head, title)
            ),
        ]
    )
    doc.build(list(story), canvasmaker=_NumberedCanvas)
    return buffer.getvalue()
