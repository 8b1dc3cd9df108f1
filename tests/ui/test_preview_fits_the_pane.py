"""A print preview opens with its pages fitted to the pane's width: a landscape timetable shows
its right-hand columns with no sideways scroll on a school laptop."""

from __future__ import annotations

import io

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas
from tests.helpers.clipping import sideways_scrolling, usable

from apdesk.ui.widgets.pdf_preview import PdfPreviewDialog


def landscape_pdf() -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=landscape(A4))
    canvas.drawString(40, 40, "Monday Tuesday Wednesday Thursday Friday Lunch Period 5")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_a_landscape_page_fits_the_preview_pane_at_1366(qtbot: QtBot) -> None:
    dialog = PdfPreviewDialog(landscape_pdf(), "Timetable", "timetable.pdf")
    qtbot.addWidget(dialog)
    dialog.resize(dialog.size().boundedTo(usable(1366, 768)))
    dialog.show()
    qtbot.waitExposed(dialog)
    for _ in range(3):
        QApplication.processEvents()
    assert sideways_scrolling(dialog) == []
    label = dialog.page_labels[0]
    assert label.pixmap().width() <= label.parentWidget().width()
