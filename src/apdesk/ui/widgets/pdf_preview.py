"""Preview, save and print a PDF made in memory: never written to a temporary file.

Documents carry children's personal data, so the bytes stay in memory until the person chooses
where to save them. Pages are drawn with PDFium (pypdfium2) for the preview and for printing.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from apdesk.files import write_atomic
from apdesk.i18n import _

PREVIEW_SCALE = 1.4  # 72 dpi PDF points -> about 100 dpi on screen
PRINT_DPI = 200


def render_page(document: pdfium.PdfDocument, index: int, scale: float) -> QImage:
    """One page as a QImage (RGB), copied so it outlives PDFium's buffer."""
    bitmap = document[index].render(scale=scale, rev_byteorder=True)
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    image = QImage(bytes(bitmap.buffer), width, height, stride, QImage.Format.Format_RGB888)
    return image.copy()


def preview_images(pdf: bytes) -> list[QImage]:
    """Every page drawn for the preview. QImages may be made on a worker thread: pass them to
    `PdfPreviewDialog(images=...)` and the window does not wait for PDFium."""
    document = pdfium.PdfDocument(pdf)
    return [render_page(document, index, PREVIEW_SCALE) for index in range(len(document))]


def page_count(pdf: bytes) -> int:
    return len(pdfium.PdfDocument(pdf))


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
    document = pdfium.PdfDocument(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for index in range(len(document)):
            if index:
                printer.newPage()
            image = render_page(document, index, PRINT_DPI / 72)
            area = QRectF(painter.viewport())
            size = image.size().scaled(area.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(area.topLeft(), size.toSizeF()), image)
    finally:
        painter.end()
    return len(document)


class PdfPreviewDialog(QDialog):
    """The document as it will print, with Save as PDF and Print."""

    def __init__(
        self,
        pdf: bytes,
        title: str,
        suggested_name: str,
        parent: QWidget | None = None,
        *,
        images: list[QImage] | None = None,
    ) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.suggested_name = suggested_name
        self.saved_to: Path | None = None
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        drawn = images if images is not None else preview_images(pdf)

        pages = QWidget()
        pages_layout = QVBoxLayout(pages)
        pages_layout.setSpacing(16)
        self.page_labels: list[QLabel] = []
        for index, image in enumerate(drawn):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setAccessibleName(_("Page {n} of {total}").format(n=index + 1, total=len(drawn)))
            pages_layout.addWidget(label)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(_("Document preview"))

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
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        first = self.page_labels[0].pixmap().size() if self.page_labels else None
        width = (first.width() + 60) if first else 700
        self.resize(min(width, 1000), 900)

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
