"""The page every apdesk document shares: A4, the school's letterhead on each page, and a footer
with the confidentiality marking and "Page N of M" (so a loose page can be put back in order).
What the letterhead and footer look like is `page_look`'s, shared with the landscape timetable."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from .fonts import font
from .page_look import (
    ACCENT,
    INK,
    LABEL_FILL,
    MUTED,
    NOTICE_EDGE,
    NOTICE_FILL,
    RULE,
    Letterhead,
    confidentiality_line,
    draw_footer,
    draw_letterhead,
    page_of,
)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
HEADER_HEIGHT = 24 * mm
FOOTER_HEIGHT = 16 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

__all__ = [
    "ACCENT",
    "INK",
    "LABEL_FILL",
    "MUTED",
    "NOTICE_EDGE",
    "NOTICE_FILL",
    "RULE",
    "Letterhead",
    "confidentiality_line",
]


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
            text = page_of(page - first + 1, last - first + 1)
            draw_footer(self, PAGE_WIDTH, MARGIN_X, FOOTER_HEIGHT - 9 * mm, text)
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


def _draw_frame(c: pdfcanvas.Canvas, head: Letterhead, title: str) -> None:
    draw_letterhead(c, head, title, PAGE_WIDTH, PAGE_HEIGHT, MARGIN_X)


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
