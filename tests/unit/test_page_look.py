"""Every printed page wears the screens' look: the same accent and inks as the design tokens,
the school's name and logo at the top, the marking and page numbers at the foot."""

from __future__ import annotations

import io
import struct
import zlib

from pypdf import PdfReader
from reportlab.platypus import Paragraph
from tests.helpers.documents import pdf_text

from apdesk.documents import page_look
from apdesk.documents.blocks import styles
from apdesk.documents.common import build_pdf
from apdesk.ui.theme.tokens import colours


def png(width: int = 8, height: int = 4) -> bytes:
    """A small solid blue PNG, written by hand so the test needs no imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x1f\x5f\xbf" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def hex_of(colour: object) -> str:
    return "#" + colour.hexval()[2:].upper()  # type: ignore[attr-defined]


def test_paper_colours_are_the_design_tokens() -> None:
    light = {name: value.upper() for name, value in colours("light").items()}
    assert hex_of(page_look.ACCENT) == light["accent.bg"]
    assert hex_of(page_look.INK) == light["paper.ink"]
    assert hex_of(page_look.MUTED) == light["fg.muted"]
    assert hex_of(page_look.DANGER) == light["danger.fg"]
    assert hex_of(page_look.RULE) == light["border.strong"]


def test_every_page_names_the_school_and_is_numbered() -> None:
    body = styles()["body"]
    story = [Paragraph(f"Paragraph {n} of the record.", body) for n in range(120)]
    head = page_look.Letterhead("Riverside Academy", urn="123456")
    data = build_pdf(story, head, "Review record")
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert "Riverside Academy" in text and "URN 123456" in text
        assert f"Page {number} of {len(pages)}" in text
        assert "OFFICIAL-SENSITIVE" in text


def test_a_logo_is_printed_beside_the_name_and_a_broken_one_is_left_out() -> None:
    story = [Paragraph("One line.", styles()["body"])]
    with_logo = build_pdf(story, page_look.Letterhead("Riverside Academy", logo=png()), "Plan")
    assert len(PdfReader(io.BytesIO(with_logo)).pages[0].images) == 1
    broken = build_pdf(story, page_look.Letterhead("Riverside Academy", logo=b"not a png"), "Plan")
    assert len(PdfReader(io.BytesIO(broken)).pages[0].images) == 0
    assert "Riverside Academy" in pdf_text(broken)
