"""Preview, save and print a PDF made in memory: never written to a temporary file.

Documents carry children's personal data, so the bytes stay in memory until the person chooses
where to save them. Pages are drawn with PDFium (pypdfium2) for the preview and for printing;
beside them, the document's text (read from the same PDF by PDFium) sits in a read-only text
view, so a screen-reader user can review a form or letter before it goes out. Both are made by
`draw_preview` on a worker thread, so the window only shows what is ready.

PDFium may not be called from two threads at once, even for different documents: every call
here holds `PDFIUM`, and each document is closed under it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ParamSpec

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QResizeEvent, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from apdesk.files import write_atomic
from apdesk.i18n import _
from apdesk.ui.widgets.screen_fit import fit_to_screen

P = ParamSpec("P")
PREVIEW_SCALE = 1.4  # 72 dpi PDF points -> about 100 dpi on screen
PDFIUM = threading.Lock()  # PDFium is not thread-safe: one caller at a time, on any thread
PRINT_DPI = 200


def render_page(document: pdfium.PdfDocument, index: int, scale: float) -> QImage:
    """One page as a QImage in the screen's own format (32-bit RGB), so showing it is a copy,
    not a conversion; it owns its pixels and outlives PDFium's buffer."""
    bitmap = document[index].render(scale=scale, rev_byteorder=True)
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    image = QImage(bytes(bitmap.buffer), width, height, stride, QImage.Format.Format_RGB888)
    return image.convertToFormat(QImage.Format.Format_RGB32)


@dataclass(frozen=True)
class DrawnPages:
    """What the preview shows of a PDF: its pages drawn, and its text for screen readers."""

    images: list[QImage]
    text: str


def draw_preview(pdf: bytes) -> DrawnPages:
    """The pages and the text of `pdf`, read once by PDFium. Call it on a worker thread (a
    QImage and a str may cross threads) and pass it to `PdfPreviewDialog(drawn=...)`: the
    window then waits for neither the drawing nor the text."""
    with PDFIUM:
        document = pdfium.PdfDocument(pdf)
        try:
            images = [render_page(document, i, PREVIEW_SCALE) for i in range(len(document))]
            return DrawnPages(images, document_text(document))
        finally:
            document.close()  # under the lock, not whenever the collector gets to it


def with_preview(make: Callable[P, bytes]) -> Callable[P, tuple[bytes, DrawnPages]]:
    """`make` (a read that returns a PDF), then `draw_preview` of it on the same worker:
    `ctx.query(with_preview(plan_pdf), pid, today).success(lambda both: ...)`."""

    def made_and_drawn(*args: P.args, **kwargs: P.kwargs) -> tuple[bytes, DrawnPages]:
        pdf = make(*args, **kwargs)
        return pdf, draw_preview(pdf)

    return made_and_drawn


def document_text(document: pdfium.PdfDocument) -> str:
    """Every page's text in reading order, each page under a "Page n of N" line."""
    total = len(document)
    parts = []
    for index in range(total):
        textpage = document[index].get_textpage()
        text = textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n").strip()
        parts.append(_("Page {n} of {total}").format(n=index + 1, total=total) + "\n\n" + text)
    return "\n\n".join(parts)


def page_count(pdf: bytes) -> int:
    with PDFIUM:
        document = pdfium.PdfDocument(pdf)
        try:
            return len(document)
        finally:
            document.close()


def save_pdf(parent: QWidget | None, pdf: bytes, suggested_name: str) -> Path | None:
    """Ask where to save; write atomically with owner-only permissions (personal data)."""
    start = str(Path.home() / suggested_name)
    chosen, _filter = QFileDialog.getSaveFileName(parent, _("Save as PDF"), start, _("PDF (*.pdf)"))
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    write_atomic(target, pdf)
    return target


def print_pdf(printer: QPrinter, pdf: bytes) -> int:
    """Draw every page onto `printer`, fitted to the printable area; returns pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    with PDFIUM:
        document = pdfium.PdfDocument(pdf)
        count = len(document)
    try:
        for index in range(count):
            if index:
                printer.newPage()
            with PDFIUM:
                image = render_page(document, index, PRINT_DPI / 72)
            area = QRectF(painter.viewport())
            size = image.size().scaled(area.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(area.topLeft(), size.toSizeF()), image)
    finally:
        painter.end()
        with PDFIUM:
            document.close()
    return count


class FitWidthArea(QScrollArea):
    """Pages scaled to the pane's width (never beyond the size they were drawn at), so a
    landscape page shows whole, its right-hand columns not behind a sideways scroll."""

    def __init__(self, labels: list[QLabel], drawn: list[QPixmap]) -> None:
        super().__init__()
        self.labels = labels
        self.drawn = drawn
        self.fitted_to = -1

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        widget = self.widget()
        layout = None if widget is None else widget.layout()
        margins = 0 if layout is None else layout.contentsMargins()
        side = 0 if isinstance(margins, int) else margins.left() + margins.right()
        width = self.viewport().width() - side - self.verticalScrollBar().sizeHint().width()
        if width <= 0 or width == self.fitted_to:
            return
        self.fitted_to = width
        for label, pixmap in zip(self.labels, self.drawn, strict=True):
            if pixmap.width() <= width:
                label.setPixmap(pixmap)
            else:
                label.setPixmap(
                    pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
                )


class PdfPreviewDialog(QDialog):
    """The document as it will print, with Save as PDF and Print."""

    def __init__(
        self,
        pdf: bytes,
        title: str,
        suggested_name: str,
        parent: QWidget | None = None,
        *,
        drawn: DrawnPages | None = None,
    ) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.suggested_name = suggested_name
        self.saved_to: Path | None = None
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        if drawn is None:  # drawn here, on the GUI thread: only for short documents
            drawn = draw_preview(pdf)

        pages = QWidget()
        pages_layout = QVBoxLayout(pages)
        pages_layout.setSpacing(16)
        self.page_labels: list[QLabel] = []
        total = len(drawn.images)
        for index, image in enumerate(drawn.images):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setAccessibleName(_("Page {n} of {total}").format(n=index + 1, total=total))
            pages_layout.addWidget(label)
            self.page_labels.append(label)
        scroll = FitWidthArea(self.page_labels, [QPixmap.fromImage(i) for i in drawn.images])
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(_("Document preview"))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.text.setTabChangesFocus(True)
        self.text.setPlainText(drawn.text)
        self.text.setAccessibleName(_("Document text"))
        self.text.setAccessibleDescription(_("The text of the document, to read line by line"))
        text_label = QLabel(_("Document &text:"))
        text_label.setBuddy(self.text)
        text_box = QWidget()
        text_layout = QVBoxLayout(text_box)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.addWidget(text_label)
        text_layout.addWidget(self.text, 1)
        split = QSplitter()
        split.addWidget(scroll)
        split.addWidget(text_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(_("&Save as PDF…"))
        self.print_button = QPushButton(_("&Print…"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_document)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)

        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.setTabOrder(scroll, self.text)
        first = self.page_labels[0].pixmap().size() if self.page_labels else None
        width = (first.width() + 60 + 380) if first else 1000
        fit_to_screen(self, width, 900)

    def save(self) -> None:
        try:
            self.saved_to = save_pdf(self, self.pdf, self.suggested_name)
        except OSError as exc:
            QMessageBox.warning(
                self,
                _("Not saved"),
                _("The PDF could not be saved: {error}").format(error=exc.strerror),
            )

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_pdf(printer, self.pdf)
