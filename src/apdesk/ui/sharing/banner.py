"""A banner on a record that is in conflict between laptops, with a way to settle it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QWidget
from sqlmodel import Session

from apdesk.i18n import _, ngettext
from apdesk.models.kinds import Kind
from apdesk.share.views import ConflictRow, conflicts_for
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.follow import ChangeFollower
from apdesk.ui.sharing.model import conflict_what

SHOWS = frozenset({Kind.SHARE_CONFLICT, Kind.SHARE_TEXT})


class ConflictBanner(QFrame):
    """Hidden unless the record shown (`set_record`) has open conflicts."""

    def __init__(self, ctx: AppContext, table: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = table
        self.record_id: int | None = None
        self.rows: list[ConflictRow] = []
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(_("Conflict between laptops"))
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton(_("Resol&ve…"), self)
        self.button.setAccessibleName(_("Settle this record's conflict"))
        self.button.clicked.connect(self.resolve)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
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
                "A conflict between laptops: {what}. Nothing is lost until you choose.",
                "{n} conflicts between laptops: {what}. Nothing is lost until you choose.",
                len(rows),
            ).format(n=len(rows), what=what)
            self.text.setText(text)
            self.setAccessibleDescription(text)
        self.setVisible(bool(rows))

    def resolve(self) -> None:
        from apdesk.ui.sharing.conflict_dialog import ConflictDialog

        if self.rows:
            dialog = ConflictDialog(self.ctx, self.rows[0], self.window())
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            self.dialog = dialog
