"""The look every printed page shares: colours, the type scale, the letterhead and the footer.

One module for every PDF apdesk prints (letters, referral forms, plans, reviews, reports, the
timetable in landscape): the school's name (and its logo where one is set) at the top of
every page, the confidentiality marking and "Page N of M" at the foot, in the same sizes and
the same accent as the screens. Colours are the screen's design tokens for paper (accent,
ink, muted text, danger) written out here, because documents print plain data and import
nothing from the GUI; a test holds the two to the same values.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen.canvas import Canvas

from apdesk.i18n import _
from apdesk.models.school import SchoolDetails

from .fonts import font

# Colours: the design tokens for paper (docs/design.md).
INK = colors.HexColor("#1B1F24")  # paper.ink: body text
MUTED = colors.HexColor("#525C68")  # fg.muted: captions, the letterhead's second lines
ACCENT = colors.HexColor("#1F5FBF")  # accent.bg: the band across the top, titles, headings
DANGER = colors.HexColor("#B42318")  # danger.fg: the confidentiality marking, DRAFT
RULE = colors.HexColor("#AEB6C0")  # border.strong: rules under the header and above the footer
LABEL_FILL = colors.HexColor("#EEF0F3")  # bg.header: label cells in forms and tables
NOTICE_FILL = colors.HexColor("#FFF3D6")  # warning.bg: boxed notices
NOTICE_EDGE = colors.HexColor("#8A5300")  # warning.fg: their edge

# The type scale in points, the screens' steps for paper (body 10 pt).
TYPE = {
    "caption": 8.5,  # small print, the footer's page numbers, the letterhead's lines
    "body": 10.0,
    "letter": 10.5,  # running text of letters to families
    "section": 11.5,  # headings inside a document
    "school": 12.0,  # the school's name in the letterhead
    "title": 17.0,  # the document's title
}

BAND = 4 * mm  # the accent band across the top of every page
LOGO_HEIGHT = 14 * mm


def confidentiality_line() -> str:
    return _("OFFICIAL-SENSITIVE: contains personal information about a child")


@dataclass(frozen=True)
class Letterhead:
    """What the header shows: the school, so every page says whose record it is.
    `logo` is an image file's bytes (PNG or JPEG), printed at the left when set."""

    name: str
    urn: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    logo: bytes = b""

    @classmethod
    def of(cls, school: SchoolDetails, logo: bytes | None = None) -> Letterhead:
        """The school's letterhead; its own logo unless `logo` gives another (b"" for none)."""
        return cls(
            school.name or _("School name not recorded"),
            school.urn,
            school.address,
            school.phone,
            school.email,
            school.logo if logo is None else logo,
        )


def fit(c: Canvas, text: str, face: str, size: float, width: float) -> str:
    """Shorten one line with an ellipsis rather than run it off the page."""
    if c.stringWidth(text, face, size) <= width:
        return text
    while text and c.stringWidth(text + "…", face, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def two_lines(c: Canvas, text: str, face: str, size: float, width: float) -> list[str]:
    """A running title too long for one line (most often a translated one) on two of about
    the same length, split between words; only what still does not fit is shortened."""
    if c.stringWidth(text, face, size) <= width:
        return [text]
    words = text.split()
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    widest = [max(c.stringWidth(part, face, size) for part in pair) for pair in splits]
    if splits and min(widest) <= width:
        return list(splits[widest.index(min(widest))])
    lines = simpleSplit(text, face, size, width) or [text]
    kept = [lines[0], " ".join(lines[1:])]
    return [fit(c, line, face, size, width) for line in kept if line]


def _logo(head: Letterhead) -> ImageReader | None:
    if not head.logo:
        return None
    try:
        return ImageReader(io.BytesIO(head.logo))
    except Exception:  # an unreadable image leaves the letterhead as text, never no document
        return None


def draw_letterhead(
    c: Canvas, head: Letterhead, title: str, width: float, height: float, margin: float
) -> float:
    """The band, the logo, the school's name and details, the document's title on the right,
    and a rule under them; returns the rule's height on the page."""
    regular, bold = font("Helvetica"), font("Helvetica-Bold")
    small = TYPE["caption"]
    top = height - 11 * mm
    right = width - margin
    room = width - 2 * margin
    c.saveState()
    c.setFillColor(ACCENT)
    c.rect(0, height - BAND, width, BAND, stroke=0, fill=1)
    left = margin
    image = _logo(head)
    if image is not None:
        w, h = image.getSize()
        shown = LOGO_HEIGHT * w / h if h else LOGO_HEIGHT
        shown = min(shown, room * 0.25)
        c.drawImage(
            image,
            margin,
            top - LOGO_HEIGHT + 3.5 * mm,
            shown,
            LOGO_HEIGHT,
            preserveAspectRatio=True,
            mask="auto",
        )
        left += shown + 3 * mm
    text_room = right - left - room * 0.36
    c.setFillColor(INK)
    c.setFont(bold, TYPE["school"])
    c.drawString(left, top, fit(c, head.name, bold, TYPE["school"], text_room))
    c.setFont(regular, small)
    c.setFillColor(MUTED)
    if head.urn:
        c.drawRightString(right, top, _("URN {urn}").format(urn=head.urn))
    titled = two_lines(c, title, regular, small, room * 0.36) if title else []
    for number, line in enumerate(titled):  # under the URN, level with the address and phone
        c.drawRightString(right, top - (4.2 + 4 * number) * mm, line)
    address = ", ".join(p.strip() for p in head.address.splitlines() if p.strip())
    c.drawString(left, top - 4.2 * mm, fit(c, address, regular, small, text_room))
    reach = "   ".join(p for p in (head.phone, head.email) if p)
    if reach:
        c.drawString(left, top - 8.2 * mm, fit(c, reach, regular, small, text_room))
    rule = top - 10.5 * mm
    c.setStrokeColor(RULE)
    c.setLineWidth(0.6)
    c.line(margin, rule, right, rule)
    c.restoreState()
    return float(rule)


def draw_footer(c: Canvas, width: float, margin: float, baseline: float, right_text: str) -> None:
    """The rule, the confidentiality marking on the left, and `right_text` ("Page 2 of 3")."""
    c.saveState()
    right = width - margin
    c.setStrokeColor(RULE)
    c.setLineWidth(0.6)
    c.line(margin, baseline + 4.5 * mm, right, baseline + 4.5 * mm)
    c.setFont(font("Helvetica-Bold"), TYPE["caption"] - 0.5)
    c.setFillColor(DANGER)
    c.drawString(margin, baseline, confidentiality_line())
    c.setFont(font("Helvetica"), TYPE["caption"] - 0.5)
    c.setFillColor(MUTED)
    c.drawRightString(right, baseline, right_text)
    c.restoreState()


def page_of(page: int, total: int) -> str:
    return _("Page {page} of {total}").format(page=page, total=total)
