"""The one-time enrolment code, large enough to read across a desk, with a QR code of it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _
from apdesk.ui.sharing.model import when_text

QR_PIXELS = 220
QUIET = 4  # modules of white border the QR standard asks for


def qr_pixmap(text: str, size: int = QR_PIXELS) -> QPixmap:
    """A crisp QR code of `text` drawn module by module (black on white, whatever the theme)."""
    import segno

    code = segno.make(text, error="m")
    rows = [list(row) for row in code.matrix]
    modules = len(rows) + 2 * QUIET
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    step = size / modules
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                painter.drawRect(QRectF((x + QUIET) * step, (y + QUIET) * step, step, step))
    painter.end()
    return pixmap


def join_link(hub: str, code: str) -> str:
    return f"apdesk://share/join?hub={hub}&code={code}"


class EnrolDialog(QDialog):
    def __init__(self, code: str, hub: str, expires_at: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.setWindowTitle(_("Enrol a laptop"))
        self.setAccessibleName(_("Enrol a laptop"))
        intro = QLabel(
            _(
                "On the laptop to enrol, install apdesk and run:\n"
                "apdesk share join --store FOLDER --hub {hub} --code CODE\n"
                "with this code. It works once, until {expires}."
            ).format(hub=hub, expires=when_text(expires_at)),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label = QLabel(code, self)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 2.6)
        font.setWeight(QFont.Weight.Bold)
        self.code_label.setFont(font)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAccessibleName(_("Enrolment code"))
        self.code_label.setAccessibleDescription(" ".join(code.replace("-", " ")))
        self.qr = QLabel(self)
        self.qr.setPixmap(qr_pixmap(join_link(hub, code)))
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setAccessibleName(_("QR code of the enrolment code"))
        self.copy_button = QPushButton(_("&Copy code"), self)
        self.copy_button.setAccessibleName(_("Copy the enrolment code"))
        self.copy_button.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.code_label)
        layout.addWidget(self.qr)
        layout.addLayout(row)
        self.copy_button.setFocus()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code)
        self.copy_button.setText(_("Copied"))
