"""The PDF preview shows every page, saves privately and prints every page."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from apdesk.ui.widgets import pdf_preview
from apdesk.ui.widgets.pdf_preview import PdfPreviewDialog, print_pdf


def two_page_pdf(tmp_path: Path) -> bytes:
    path = tmp_path / "doc.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for page in (1, 2):
        c.drawString(72, 760, f"Synthetic page {page}")
        c.showPage()
    c.save()
    return path.read_bytes()


def test_preview_shows_each_page(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = PdfPreviewDialog(two_page_pdf(tmp_path), "Referral form", "referral.pdf")
    qtbot.addWidget(dialog)
    assert len(dialog.page_labels) == 2
    pixmap = dialog.page_labels[0].pixmap()
    assert pixmap.width() > 700 and pixmap.height() > pixmap.width()  # A4 portrait
    assert dialog.page_labels[1].accessibleName() == "Page 2 of 2"


def test_the_document_text_is_there_to_read_beside_the_pages(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = PdfPreviewDialog(two_page_pdf(tmp_path), "Referral form", "referral.pdf")
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert text.index("Page 1 of 2") < text.index("Synthetic page 1") < text.index("Page 2 of 2")
    assert "Synthetic page 2" in text
    assert dialog.text.isReadOnly() and dialog.text.tabChangesFocus()
    assert dialog.text.accessibleName() == "Document text"
    room = dialog.screen().availableGeometry()
    assert dialog.height() <= room.height() and dialog.width() <= room.width()


def test_save_writes_an_owner_only_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = two_page_pdf(tmp_path)
    chosen = tmp_path / "out" / "letter"
    chosen.parent.mkdir()
    monkeypatch.setattr(
        pdf_preview.QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), "PDF (*.pdf)")
    )
    dialog = PdfPreviewDialog(pdf, "Letter", "letter.pdf")
    qtbot.addWidget(dialog)
    dialog.save_button.click()
    saved = chosen.with_suffix(".pdf")
    assert dialog.saved_to == saved
    assert saved.read_bytes() == pdf
    assert saved.stat().st_mode & 0o777 == 0o600
    assert not list(saved.parent.glob(".*partial"))


def test_printing_draws_every_page(qtbot: QtBot, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(printer, two_page_pdf(tmp_path)) == 2
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 2
