"""The school's logo as a form field: a preview, Choose… and Remove, checked when chosen.

The image's bytes are the value; the unsaved-changes guard compares their fingerprint
(`input_value()`) and follows `changed`, as for any field of apdesk's own."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from apdesk.i18n import _
from apdesk.models.errors import ValidationError
from apdesk.models.school import MAX_LOGO_BYTES, check_logo, logo_kind

PREVIEW_HEIGHT = 40


class LogoField(QWidget):
    """`logo()` is the chosen image's bytes (b"" for none); `problem` says why a file was
    refused, in one line naming the field and the fix."""

    changed = Signal()
    problem = Signal(str)

    def __init__(self, logo: bytes = b"", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._logo = b""
        self.preview = QLabel(self)
        self.preview.setFixedSize(PREVIEW_HEIGHT * 2, PREVIEW_HEIGHT)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setAccessibleName(_("Logo preview"))
        self.about = QLabel(self)
        self.about.setAccessibleName(_("Logo"))
        self.about.setWordWrap(True)
        self.choose_button = QPushButton(_("Choose a &file…"), self)
        self.choose_button.setAccessibleName(_("Choose the school's logo (PNG or JPEG)"))
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(_("Remo&ve logo"), self)
        self.remove_button.setAccessibleName(_("Remove the school's logo"))
        self.remove_button.clicked.connect(lambda: self.set_logo(b""))
        self.setFocusProxy(self.choose_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addWidget(self.about, 1)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.remove_button)
        self.set_logo(logo)

    def logo(self) -> bytes:
        return self._logo

    def input_value(self) -> str:
        """What the unsaved-changes guard compares: a fingerprint, not a copy of the image."""
        return hashlib.sha256(self._logo).hexdigest() if self._logo else ""

    def set_logo(self, data: bytes) -> None:
        self._logo = bytes(data)
        pixmap = QPixmap()
        if self._logo and pixmap.loadFromData(self._logo):
            self.preview.setPixmap(
                pixmap.scaled(
                    self.preview.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.about.setText(
                _("{kind}, {size} kB, {width} x {height} pixels").format(
                    kind=logo_kind(self._logo),
                    size=max(1, len(self._logo) // 1024),
                    width=pixmap.width(),
                    height=pixmap.height(),
                )
            )
        else:
            self.preview.clear()
            self.about.setText(_("No logo: documents print the school's name alone."))
        self.remove_button.setEnabled(bool(self._logo))
        self.changed.emit()

    def load_file(self, path: Path) -> bool:
        """Take the logo from `path` if it is a PNG or JPEG under the size limit."""
        try:
            if path.stat().st_size > MAX_LOGO_BYTES:
                raise ValidationError(
                    "logo",
                    _("the file is {size} kB").format(size=path.stat().st_size // 1024),
                    _("choose a PNG or JPEG under {limit} kB").format(limit=MAX_LOGO_BYTES // 1024),
                )
            data = path.read_bytes()
            check_logo(data)
        except ValidationError as exc:
            self.problem.emit(_("Logo: {message} ({fix})").format(message=exc.message, fix=exc.fix))
            return False
        except OSError as exc:
            self.problem.emit(
                _("Logo: {file} cannot be read ({reason}): choose another file").format(
                    file=path.name, reason=exc.strerror or exc
                )
            )
            return False
        self.problem.emit("")
        self.set_logo(data)
        return True

    def choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Choose the school's logo"), "", _("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.load_file(Path(path))
