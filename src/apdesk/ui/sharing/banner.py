"""A banner on a record that is in conflict between laptops, with a way to settle it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlmodel import Session

from apdesk.i18n import _, ngettext
from apdesk.models.kinds import Kind
from apdesk.share.views import ConflictRow, conflicts_for
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.follow import ChangeFollower
from apdesk.ui.sharing.model import conflict_what
from apdesk.ui.widgets.banner import Banner

SHOWS = frozenset({Kind.SHARE_CONFLICT, Kind.SHARE_TEXT})


class ConflictBanner(Banner):
    """Hidden unless the record shown (`set_record`) has open conflicts."""

    def __init__(self, ctx: AppContext, table: str, parent: QWidget | None = None) -> None:
        super().__init__("warning", action=_("Resol&ve…"), parent=parent)
        self.ctx = ctx
        self.table = table
        self.record_id: int | None = None
        self.rows: list[ConflictRow] = []
        self.button.setAccessibleName(_("Settle this record's conflict"))
        self.action_clicked.connect(self.resolve)
        self.follower = ChangeFollower(self, ctx, SHOWS, lambda _changes: self.reload())
        self.hide()

    def set_record(self, record_id: int | None) -> None:
        self.record_id = record_id
        self.reload()

    def reload(self) -> None:
        if self.record_id is None or not self.ctx.is_unlocked:
            self.show_rows([])
            return
        table, record = self.table, self.record_id

        def fetch(session: Session) -> list[ConflictRow]:
            return conflicts_for(session, table, record)

        self.ctx.query(fetch).success(self.show_rows).failure(lambda _exc: None).run()

    def show_rows(self, rows: list[ConflictRow]) -> None:
        self.rows = rows
        if rows:
            what = "; ".join(dict.fromkeys(conflict_what(row) for row in rows))
            text = ngettext(
                "{what}. Both versions are kept until you choose.",
                "{n} conflicts between laptops: {what}. Every version is kept until you choose.",
                len(rows),
            ).format(n=len(rows), what=what)
            self.set_message("warning", text)
        self.setVisible(bool(rows))

    def resolve(self) -> None:
        from apdesk.ui.sharing.conflict_dialog import ConflictDialog

        if self.rows:
            dialog = ConflictDialog(self.ctx, self.rows[0], self.window())
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            self.dialog = dialog
