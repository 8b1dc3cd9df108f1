"""Printing from the placements page: render on the worker, then preview (save or print there).

The PDF stays in memory: it carries a child's personal data, so it is never a temporary file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget
from sqlmodel import Session

from apdesk.documents.letter import render_parent_letter
from apdesk.documents.placement_data import PlacementRecord
from apdesk.documents.referral import render_referral
from apdesk.i18n import _
from apdesk.services.placement_lifecycle import PlacementRow
from apdesk.services.placement_record import load_placement_record
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.widgets.basics import BusyBar, ErrorLabel
from apdesk.ui.widgets.pdf_preview import DrawnPages, PdfPreviewDialog, draw_preview


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    title: str
    filename: str
    drawn: DrawnPages  # the pages drawn and the text read for the preview, on the worker


def render_placement(
    session: Session, placement_id: int, draw: Callable[[PlacementRecord], bytes], kind: str
) -> Rendered:
    """A read: the placement's record drawn as `kind`, with a title and a file name."""
    record = load_placement_record(session, placement_id)
    pdf = draw(record)
    name = f"{record.pupil.surname}-{record.pupil.forename}".replace(" ", "-")
    title = _("{document}: {pupil}").format(document=kind, pupil=record.pupil_name)
    filename = f"{kind.lower().replace(' ', '-')}-{name}.pdf"
    return Rendered(pdf, title, filename, draw_preview(pdf))


class PrintMixin:
    """Needs `ctx`, `busy`, `message` and `selected_row()` on the page."""

    ctx: AppContext
    busy: BusyBar
    message: ErrorLabel
    preview: PdfPreviewDialog | None = None

    def selected_row(self) -> PlacementRow | None:
        raise NotImplementedError

    def print_referral(self) -> None:
        self._print(render_referral, _("Referral form"))

    def print_letter(self) -> None:
        self._print(lambda record: render_parent_letter(record), _("Letter to parents"))

    def _print(self, draw: Callable[[PlacementRecord], bytes], kind: str) -> None:
        row = self.selected_row()
        if row is None:
            return
        self.message.show_message("")
        self.busy.show()
        self.ctx.query(render_placement, row.id, draw, kind).success(self._preview).failure(
            self._not_drawn
        ).run()

    def _preview(self, rendered: Rendered) -> None:
        self.busy.hide()
        parent = self if isinstance(self, QWidget) else None
        self.preview = PdfPreviewDialog(
            rendered.pdf, rendered.title, rendered.filename, parent, drawn=rendered.drawn
        )
        self.preview.open()

    def _not_drawn(self, exc: BaseException) -> None:
        self.busy.hide()
        self.message.show_message(describe_error(exc))
