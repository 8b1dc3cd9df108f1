"""The Today panel: who should be at a provider today, their marks, and whose return is late.

A pupil who is not where they should be is a safeguarding matter from the first morning, so
the providers that have not sent marks by the school's cut-off are listed with a phone
number and email to chase, and the cut-off is set here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QPoint, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from apdesk.i18n import N_, _, format_date, ngettext
from apdesk.models.enums import Session as AmPm
from apdesk.models.kinds import Kind
from apdesk.services.attendance import TodayBoard, TodayPupil, today_board
from apdesk.services.attendance.today import AFTERNOON_FROM
from apdesk.services.operations.attendance import change_return_cutoff
from apdesk.store.changes import Changes
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.core.follow import ChangeFollower, Loader
from apdesk.ui.register.settle import TYPED, settle_timer
from apdesk.ui.register.today_cells import contact_item, readonly_table, session_text
from apdesk.ui.theme import icons
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.button_row import wrapping
from apdesk.ui.widgets.labelled import captioned
from apdesk.ui.widgets.table_fill import filling, rows_height, whole_names

# Who is expected where, their marks, the providers' contacts, the cut-off, the closures.
SHOWS = frozenset(
    {Kind.MARK, Kind.PLACEMENT, Kind.PUPIL, Kind.PROVIDER, Kind.SETTING, Kind.CLOSURE}
)

STATUS_TEXT = {
    "attending": N_("Attending"),
    "absent": N_("Absent"),
    "awaiting": N_("Awaiting a mark"),
}
STATUS_ICON = {
    "attending": "state.marked",
    "absent": "state.absent",
    "awaiting": "state.unmarked",
}
ROWS_KEPT = 5  # pupils expected today the list always has room for
NAME_CHARS_KEPT = 16  # a pupil's name shown whole before the provider's column shows
LATE_ROWS_KEPT = 4  # two late providers, each with its phone and email
FILTERS = (("", N_("Everyone expected")), ("awaiting", N_("Awaiting a mark")),
           ("absent", N_("Absent")), ("attending", N_("Attending")))  # fmt: skip


class TodayPanel(QWidget):
    pupil_chosen = Signal(int)  # a pupil double-clicked: the page selects them in the grid

    def __init__(
        self, ctx: AppContext, now: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now = now
        self.board: TodayBoard | None = None
        self.status = ""
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)  # a long day name wraps rather than widen the panel
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.filter = QComboBox()
        self.filter.setAccessibleName(_("Show pupils"))
        # On its own line under the day, so its words show whole in every language.
        self.filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for key, text in FILTERS:
            self.filter.addItem(_(text), key)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        # The status is the icon before the name (its word in the tooltip and read with the
        # name): a column of words left the pupil's and provider's names a few letters each.
        self.pupils = readonly_table(
            [_("Pupil"), _("Provider"), _("AM"), _("PM")], _("Pupils expected today")
        )
        self.pupils.itemActivated.connect(self._activated)
        pupil_header = self.pupils.horizontalHeader()
        pupil_header.setStretchLastSection(False)
        # The names share the width (each whole in its tooltip), neither narrower than its
        # heading; the provider's takes what the pupil's leaves.
        pupil_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        pupil_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Why late returns matter, on the heading's tooltip and read with the list: as a
        # paragraph it took four lines of a laptop's panel from the pupils expected today.
        why_late = _(
            "First-day response to absence is a safeguarding matter: phone a provider whose "
            "marks have not arrived by the cut-off, and follow up any absence the same day."
        )
        self.cutoff = QTimeEdit()
        self.cutoff.setDisplayFormat("HH:mm")
        self.cutoff.setAccessibleName(_("Return cut-off time"))
        # As wide as a time and its arrows: the style's hint held room for a longer text, and
        # pushed "Set" onto a line of its own in a narrow panel.
        digits = self.cutoff.fontMetrics().horizontalAdvance("88:88")
        self.cutoff.setMaximumWidth(digits + 3 * self.cutoff.fontMetrics().height())
        cutoff_label = QLabel(_("Marks due by:"))
        cutoff_label.setBuddy(self.cutoff)
        self.save_cutoff = QPushButton(_("Set"))
        self.save_cutoff.setAccessibleName(_("Save the cut-off time"))
        self.save_cutoff.clicked.connect(self._save_cutoff)
        self.cutoff_error = ErrorLabel()
        self.late_heading = QLabel()
        self.late_heading.setFont(font)
        self.late_heading.setWordWrap(True)
        self.late_heading.setToolTip(why_late)
        self.late = readonly_table(
            # The provider's name is a row of its own across all three columns, its phone or
            # email under it: no heading over them, which had no room in a narrow panel.
            ["", _("Missing"), _("Since")],
            _("Providers late with their returns"),
        )
        self.late.setAccessibleDescription(why_late)
        late_header = self.late.horizontalHeader()
        late_header.setStretchLastSection(False)
        late_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.late.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.late.customContextMenuRequested.connect(self._late_menu)
        show = QHBoxLayout()
        show.addLayout(captioned(_("Sho&w:"), self.filter))
        show.addStretch(1)
        # The cut-off's caption, time and button wrap in a narrow panel (Polish at 1280 px)
        # rather than take width from the week beside them.
        cut = QWidget()
        cutoff_label.setMinimumHeight(self.cutoff.sizeHint().height())
        wrapping(cut, [cutoff_label, self.cutoff, self.save_cutoff])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addLayout(show)
        layout.addWidget(self.pupils, 3)
        layout.addWidget(self.late_heading)
        layout.addWidget(cut)
        layout.addWidget(self.cutoff_error)
        layout.addWidget(self.late)
        self.asked_at = now()  # the time of the board to read next
        self.read_at: datetime | None = None  # the time of the board shown
        self.loader: Loader[tuple[datetime, TodayBoard]] = Loader(
            ctx, self._fetch, self._arrived, self
        )
        self.settle = settle_timer(self, self.refresh)  # marks typed in a row: read once
        self.follower = ChangeFollower(self, ctx, SHOWS, self._changed)

    # -- data ------------------------------------------------------------------------
    def refresh(self) -> None:
        self.settle.stop()
        self.asked_at = self.now()
        self.loader.reload()

    def _changed(self, changes: Changes) -> None:
        if changes.kinds() <= TYPED:
            self.settle.start()  # more marks may be coming: read when they pause
        else:
            self.refresh()

    def refresh_if_time_moved(self) -> None:
        """The board depends on the clock: read it again on a new day, once the cut-off has
        passed since it was read (a provider becomes late without any record changing), or
        once the afternoon has begun (its sessions are then awaited)."""
        board, now = self.board, self.now()
        if board is None or self.read_at is None:
            return
        read = self.read_at.time()
        crossed = any(read < moment <= now.time() for moment in (board.cutoff, AFTERNOON_FROM))
        if now.date() != self.read_at.date() or crossed:
            self.refresh()

    def _fetch(self, session: Session) -> tuple[datetime, TodayBoard]:
        now = self.asked_at
        return now, today_board(session, now)

    def _arrived(self, read: tuple[datetime, TodayBoard]) -> None:
        self.read_at, board = read
        self.show_board(board)

    def show_board(self, board: TodayBoard) -> None:
        self.board = board
        self.heading.setText(_("Today, {day}").format(day=format_date(board.day, "EEEE d MMMM")))
        self.cutoff.setTime(QTime(board.cutoff.hour, board.cutoff.minute))
        counts = {s: len(board.with_status(s)) for s in STATUS_TEXT}
        if board.pupils:
            self.summary.setText(
                _("{n} expected at a provider: {attending} attending, {absent} absent; "
                  "{awaiting} with a session still unmarked.").format(
                    n=len(board.pupils), **counts
                )
            )  # fmt: skip
        else:
            self.summary.setText(_("Nobody is expected at a provider today."))
        self._fill_pupils()
        self.late_heading.setText(
            ngettext(
                "Late returns (after {cutoff}): {n} provider",
                "Late returns (after {cutoff}): {n} providers",
                len(board.late_returns),
            ).format(cutoff=board.cutoff.strftime("%H:%M"), n=len(board.late_returns))
            if board.late_returns
            else _("Late returns: none. Every due mark has arrived.")
        )
        self._fill_late(board)

    def _fill_late(self, board: TodayBoard) -> None:
        with filling(self.late):
            self._put_late(board)

    def _put_late(self, board: TodayBoard) -> None:
        """Two rows a provider: its name across the list's width (whole in a narrow panel, where
        beside the figures it ended in "…"); then phone or email, missing sessions and since."""
        self.late.clearSpans()
        self.late.setRowCount(len(board.late_returns) * 2)
        for index, entry in enumerate(board.late_returns):
            row = index * 2
            name = QTableWidgetItem(icons.icon(STATUS_ICON["absent"]), entry.name)
            name.setToolTip(
                ngettext(
                    "{name}: {n} session without a mark since {day}",
                    "{name}: {n} sessions without a mark since {day}",
                    entry.missing_sessions,
                ).format(name=entry.name, n=entry.missing_sessions, day=format_date(entry.oldest))
            )
            self.late.setItem(row, 0, name)
            self.late.setSpan(row, 0, 1, 3)
            self.late.setItem(row + 1, 0, contact_item(entry.phone, entry.email))
            self.late.setItem(row + 1, 1, QTableWidgetItem(str(entry.missing_sessions)))
            self.late.setItem(row + 1, 2, QTableWidgetItem(format_date(entry.oldest, "EEE d MMM")))
        rows = max(self.late.rowCount(), 1)
        chrome = self.late.horizontalHeader().sizeHint().height() + self.late.frameWidth() * 2 + 2
        step = self.late.verticalHeader().defaultSectionSize()
        self.late.setMaximumHeight(chrome + step * min(rows, 8))
        self.late.setMinimumHeight(chrome + step * min(rows, LATE_ROWS_KEPT))

    def late_contact(self, row: int) -> tuple[str, str]:
        """The phone number and email address of the late provider on this row (its name's
        row or its contact's)."""
        item = self.late.item(row - row % 2 + 1, 0)
        found = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return (str(found[0]), str(found[1])) if found else ("", "")

    def _late_menu(self, at: QPoint) -> None:
        """Copy the number to dial or the address to write to, without retyping it."""
        index = self.late.indexAt(at)
        if not index.isValid():
            return
        phone, email = self.late_contact(index.row())
        menu = QMenu(self)
        for label, text in ((_("Copy phone number"), phone), (_("Copy email address"), email)):
            action = menu.addAction(label)
            action.setEnabled(bool(text))
            action.triggered.connect(
                lambda checked=False, t=text: QApplication.clipboard().setText(t)
            )
        menu.exec(self.late.viewport().mapToGlobal(at))

    def set_status(self, status: str) -> None:
        index = self.filter.findData(status)
        self.filter.setCurrentIndex(max(index, 0))

    def shown_pupils(self) -> list[TodayPupil]:
        if self.board is None:
            return []
        return self.board.with_status(self.status) if self.status else list(self.board.pupils)

    def _filter_changed(self) -> None:
        self.status = str(self.filter.currentData() or "")
        self._fill_pupils()

    def _fill_pupils(self) -> None:
        with filling(self.pupils):
            self._put_pupils(self.shown_pupils())
        self._share_names()  # the half-days' columns fit their marks

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The list is as wide as the panel: the names share its new width once it is laid
        out. (Not an event filter on the list: a filter is called while the panel is
        destroyed.)"""
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._share_names)

    def _share_names(self) -> None:
        """Too narrow for both names (a long language in a narrow panel), the provider's
        column gives way: it is in each pupil's tooltip and read with their name. The pupils'
        names show whole: on one line where the room allows, else wrapped."""
        header = self.pupils.horizontalHeader()
        room = self.pupils.viewport().width() - header.sectionSize(2) - header.sectionSize(3)
        provider_least = header.sectionSizeFromContents(1).width()
        longest = max(
            (self.pupils.sizeHintForIndex(self.pupils.model().index(r, 0)).width()
             for r in range(self.pupils.rowCount())),
            default=0,
        )  # fmt: skip
        pupil_least = max(  # a whole name, not its first five letters beside the provider's
            header.sectionSizeFromContents(0).width(),
            self.pupils.fontMetrics().averageCharWidth() * NAME_CHARS_KEPT,
            longest,
        )
        both = room >= pupil_least + provider_least
        self.pupils.setColumnHidden(1, not both)
        width = max(pupil_least, min(room // 2, room - provider_least)) if both else room
        header.resizeSection(0, width)
        whole_names(self.pupils, 0, range(self.pupils.rowCount()))
        self._keep_rows_in_view()

    def _keep_rows_in_view(self) -> None:
        """The list of pupils expected today keeps room for five of them (fewer if fewer are
        expected): the chart below gives way on a short screen, not the day's list."""
        rows = min(max(self.pupils.rowCount(), 1), ROWS_KEPT)
        self.pupils.setMinimumHeight(
            self.pupils.horizontalHeader().sizeHint().height()
            + rows_height(self.pupils, rows)
            + self.pupils.frameWidth() * 2
        )

    def _put_pupils(self, rows: list[TodayPupil]) -> None:
        self.pupils.setRowCount(len(rows))
        for row, pupil in enumerate(rows):
            named = _("{name}: {status}, at {provider}").format(
                name=pupil.name, status=_(STATUS_TEXT[pupil.status]), provider=pupil.provider_name
            )
            texts = [(pupil.name, named), (pupil.provider_name, pupil.provider_name)]
            texts += [session_text(pupil, half) for half in (AmPm.AM, AmPm.PM)]
            for column, (text, said) in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, pupil.pupil_id)
                item.setToolTip(said)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, said)
                self.pupils.setItem(row, column, item)
            name = self.pupils.item(row, 0)
            if name is not None:
                name.setIcon(icons.icon(STATUS_ICON[pupil.status]))

    def _activated(self, item: QTableWidgetItem) -> None:
        pupil_id = item.data(Qt.ItemDataRole.UserRole)
        if pupil_id is not None:
            self.pupil_chosen.emit(int(pupil_id))

    def _save_cutoff(self) -> None:
        value = self.cutoff.time().toString("HH:mm")
        self.cutoff_error.show_message("")
        self.ctx.op(change_return_cutoff, value).failure(
            lambda exc: self.cutoff_error.show_message(describe_error(exc))
        ).run()  # the board follows the change like every other view
