"""A pupil's documents kept inside the encrypted store: list, add, open.

Opening never writes a temporary file: a PDF is shown from memory, anything else is saved only
where the person chooses.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from apdesk.files import write_atomic
from apdesk.i18n import _, format_date, format_number
from apdesk.models.enums import AttachmentKind
from apdesk.models.records import AttachmentInfo
from apdesk.services.attachments import get_attachment_bytes
from apdesk.services.operations.pupils import add_document
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.pupils.lists import fill_list, make_list
from apdesk.ui.widgets.pdf_preview import PdfPreviewDialog


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return _("{n} MB").format(n=format_number(size / 1024 / 1024, 1))
    return _("{n} KB").format(n=max(1, round(size / 1024)))


class AttachmentsBox(QWidget):
    """The list and its buttons; `pupil_id` is set by the detail panel."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pupil_id: int | None = None
        self.items: list[AttachmentInfo] = []
        self.preview: PdfPreviewDialog | None = None
        self.listing = make_list(_("Documents"))
        self.listing.itemActivated.connect(lambda _item: self.open_selected())
        self.add_button = QPushButton(_("A&dd file…"), self)
        self.add_button.setAccessibleName(_("Add a file to the pupil's documents"))
        self.add_button.clicked.connect(self.choose_file)
        self.open_button = QPushButton(_("&Open…"), self)
        self.open_button.setAccessibleName(_("Open the chosen document"))
        self.open_button.clicked.connect(self.open_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.listing)
        layout.addLayout(buttons)
        self.listing.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def show_items(self, pupil_id: int, items: list[AttachmentInfo]) -> None:
        self.pupil_id = pupil_id
        self.items = list(items)
        entries = [
            (
                f"{_(info.label)} — {info.filename}\n"
                + _("{size} · added {date}").format(
                    size=size_text(info.size), date=format_date(info.added_at.date())
                ),
                info.id,
            )
            for info in items
        ]
        fill_list(self.listing, entries, _("No documents yet."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.pupil_id is not None)
        self.open_button.setEnabled(self.selected() is not None)

    def selected(self) -> AttachmentInfo | None:
        item = self.listing.currentItem()
        if item is None or not item.isSelected():
            return None
        wanted = item.data(Qt.ItemDataRole.UserRole)
        return next((info for info in self.items if info.id == wanted), None)

    # -- adding --------------------------------------------------------------------
    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            _("Add a document"),
            str(Path.home()),
            _("Documents (*.pdf *.docx *.doc *.odt *.jpg *.png *.txt);;All files (*)"),
        )
        if not chosen:
            return
        kinds = [_(kind.label) for kind in AttachmentKind]
        label, ok = QInputDialog.getItem(
            self, _("Kind of document"), _("What is this document?"), kinds, 0, False
        )
        if ok:
            self.add_file(Path(chosen), list(AttachmentKind)[kinds.index(label)])

    def add_file(self, path: Path, kind: AttachmentKind) -> None:
        """Copy the file into the store (on the worker); the record follows the change."""
        if self.pupil_id is not None:
            self.ctx.op(add_document, self.pupil_id, kind, path).failure(self._failed).run()

    # -- opening -------------------------------------------------------------------
    def open_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        self.ctx.query(get_attachment_bytes, info.id).success(
            lambda content: self.show_content(info, content)
        ).failure(self._failed).run()

    def show_content(self, info: AttachmentInfo, content: bytes) -> None:
        if info.mime_type == "application/pdf" or info.filename.lower().endswith(".pdf"):
            self.preview = PdfPreviewDialog(content, info.filename, info.filename, self)
            self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.preview.open()
            return
        self.save_copy(info, content)

    def save_copy(self, info: AttachmentInfo, content: bytes) -> Path | None:
        """Not a PDF: apdesk cannot show it, so offer to save a copy where the person picks."""
        start = str(Path.home() / info.filename)
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Save a copy of {name}").format(name=info.filename), start
        )
        if not chosen:
            return None
        target = Path(chosen)
        try:
            write_atomic(target, content)
        except OSError as exc:
            QMessageBox.warning(
                self,
                _("Not saved"),
                _("The file could not be saved: {error}").format(error=exc.strerror),
            )
            return None
        return target

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, _("Documents"), describe_error(exc))
