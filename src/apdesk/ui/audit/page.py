"""The audit log viewer: who changed what and when, filtered, with the chain check on top.

The chain check recomputes every row's hash, so it tells the reader whether the log they are
looking at is the one the application wrote. Every change writes audit rows, so the page follows
changes of every kind (on screen at once; otherwise once, when next shown).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QDate, QItemSelection, QLocale, QMargins, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from apdesk.i18n import _, current_locale, format_date, format_date_time, format_number, ngettext
from apdesk.models.kinds import Kind
from apdesk.models.record_words import AUDIT_ACTION_WORDS
from apdesk.services import audit_log
from apdesk.services.audit_log import AuditFilter, AuditRow
from apdesk.services.audit_records import RecordFacts, record_facts
from apdesk.services.audit_steps import describe_entry, fold_steps
from apdesk.store.audit import ChainReport
from apdesk.ui.audit.model import (
    CHANGE,
    HEADERS,
    PUPIL,
    RECORD,
    ROW_ROLE,
    USER,
    AuditModel,
    action_label,
    record_label,
)
from apdesk.ui.core import settings_keys
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.follow import ChangeFollower, Loader
from apdesk.ui.widgets.banner import Banner
from apdesk.ui.widgets.date_text import shown_pattern
from apdesk.ui.widgets.page_header import PAGE_MARGINS, PageHeader
from apdesk.ui.widgets.search_field import SearchField
from apdesk.ui.widgets.wrapping_bar import WrappingBar

SPLITTER_KEY = settings_keys.AUDIT_SPLITTER.name
HEADER_KEY = settings_keys.audit_header(len(HEADERS)).name
LIMIT = 2000
SHOWS = frozenset(Kind)  # every audited change of any kind adds a row here


@dataclass(frozen=True)
class AuditView:
    chain: ChainReport
    rows: list[AuditRow]
    actions: list[str]
    names: dict[str, dict[int, str]]
    facts: RecordFacts
    total: int  # events the filters match, of which the newest LIMIT are shown


def load(session: Session, wanted: AuditFilter) -> AuditView:
    """A read on the worker: the newest events, a step in the register as one row."""
    found = audit_log.search(session, wanted, limit=LIMIT)
    rows = fold_steps(found)
    total = len(rows)
    if len(found) >= LIMIT:  # the older events counted as stored, less the rows folded here
        total = audit_log.count(session, wanted) - (len(found) - len(rows))
    return AuditView(
        audit_log.chain_status(session),
        rows,
        audit_log.actions(session),
        audit_log.pupil_names(session),
        record_facts(session, found),
        total,
    )


def count_text(shown: int, total: int) -> str:
    """How many events are shown and, when only the newest are, how to reach older ones."""
    if total <= shown:
        return ngettext("{n} event shown", "{n} events shown", shown).format(n=format_number(shown))
    return ngettext(
        "Showing the newest {shown} of {total} event — narrow the dates or search to see "
        "older ones",
        "Showing the newest {shown} of {total} events — narrow the dates or search to see "
        "older ones",
        total,
    ).format(shown=format_number(shown), total=format_number(total))


def _date_edit(name: str, parent: QWidget) -> QDateEdit:
    """A date box that reads like every date on screen ("7 December 2026"), with room for the
    longest month of the reader's language."""
    edit = QDateEdit(QDate.currentDate(), parent)
    edit.setLocale(QLocale(current_locale()))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(shown_pattern())
    longest = max(edit.fontMetrics().horizontalAdvance(format_date(date(2026, month, 28)))
                  for month in range(1, 13))  # fmt: skip
    edit.setMinimumWidth(max(edit.sizeHint().width(), longest + 48))
    calendar = edit.calendarWidget()  # whole: the popup was cut to the box's width
    calendar.setMinimumSize(calendar.sizeHint().grownBy(QMargins(8, 4, 8, 4)))
    edit.setAccessibleName(name)
    inner = edit.findChild(QLineEdit)
    if inner is not None:
        inner.setAccessibleName(name)
    edit.setEnabled(False)
    return edit


class AuditPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAccessibleName(_("Audit log"))
        self.header = PageHeader(_("Audit log"), "…", self)
        # The chain check is a banner: a tick when whole, a warning sign and red when broken.
        self.chain_banner = Banner("info", _("Checking the audit chain…"), parent=self)
        self.chain = self.chain_banner.label  # read as "Audit chain check: …"
        self.chain.set_caption(_("Audit chain check"))

        self.pupil = SearchField(_("UPN or name"), self)  # never narrower than its hint
        self.pupil.setAccessibleName(_("Filter by pupil"))
        self.user = SearchField(_("User"), self)
        self.user.setAccessibleName(_("Filter by user"))
        self.action = QComboBox(self)
        self.action.setAccessibleName(_("Filter by action"))
        self.action.addItem(_("All actions"), "")
        self.use_from = QCheckBox(_("Fro&m"), self)
        self.from_date = _date_edit(_("From date"), self)
        self.use_to = QCheckBox(_("&To"), self)
        self.to_date = _date_edit(_("To date"), self)
        self.use_from.toggled.connect(self.from_date.setEnabled)
        self.use_to.toggled.connect(self.to_date.setEnabled)
        self.apply = QPushButton(_("&Show"), self)
        self.apply.setAccessibleName(_("Apply the filters"))
        self.apply.setDefault(True)
        self.apply.clicked.connect(self.refresh)
        for line in (self.pupil, self.user):
            line.returnPressed.connect(self.refresh)

        # Who (pupil and user) first; the action, the dates and Show go to a second row when
        # one row would squeeze the boxes below their hints (a long language, a small screen).
        people = QWidget(self)
        who = QHBoxLayout(people)
        who.setContentsMargins(0, 0, 0, 0)
        # A pupil's name is longer than a user's: the pupil box gets twice the room.
        for label, widget, share in ((_("&Pupil:"), self.pupil, 2), (_("&User:"), self.user, 1)):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            who.addWidget(caption)
            who.addWidget(widget, share)
        filters = WrappingBar(people, self)
        action_label = QLabel(_("&Action:"), self)
        action_label.setBuddy(self.action)
        filters.add(_side_by_side(action_label, self.action))
        for box, day_edit in ((self.use_from, self.from_date), (self.use_to, self.to_date)):
            box.setMinimumWidth(box.sizeHint().width() + 4)  # the squeezed row clipped "To"
            filters.add(_side_by_side(box, day_edit))
        filters.add(_side_by_side(self.apply))

        self.model = AuditModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Audit events"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        metrics = self.fontMetrics()  # room for the longest month name, time and all
        moments = (
            format_date_time(datetime(2026, month, 28, 23, 59, 59)) for month in range(1, 13)
        )
        when = max(150, max(metrics.horizontalAdvance(m) for m in moments) + 24)
        for column, width in enumerate((when, 80, 80, 140, 230)):
            header.resizeSection(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.detail = QPlainTextEdit(self)
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(_("Before and after"))
        self.detail.setPlaceholderText(_("Select an event to see what changed."))
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.count = self.header.context  # "2000 events shown"
        self.count.set_caption(_("Number of events shown"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addWidget(self.header)
        layout.addWidget(self.chain_banner)
        layout.addWidget(filters)
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.pupil, self.user)
        self.setTabOrder(self.user, self.action)
        self.setTabOrder(self.action, self.use_from)
        self.setTabOrder(self.use_from, self.from_date)
        self.setTabOrder(self.from_date, self.use_to)
        self.setTabOrder(self.use_to, self.to_date)
        self.setTabOrder(self.to_date, self.apply)
        self.setTabOrder(self.apply, self.table)
        self._restore_state()
        self.splitter.splitterMoved.connect(self._save_state)
        header.sectionResized.connect(self._save_state)
        self.view: AuditView | None = None
        self.wanted = AuditFilter()  # the filters last applied (Show), kept on a refresh
        self.loader: Loader[AuditView] = Loader(ctx, self._fetch, self._loaded, self)
        self.follower = ChangeFollower(self, ctx, SHOWS, self.loader.reload)
        self.refresh()

    # -- state -------------------------------------------------------------------
    def _restore_state(self) -> None:
        state = self.ctx.settings.value(SPLITTER_KEY)
        if state is not None:
            self.splitter.restoreState(state)
        header = self.ctx.settings.value(HEADER_KEY)
        if header is not None:
            self.table.horizontalHeader().restoreState(header)

    def _save_state(self) -> None:
        self.ctx.settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        self.ctx.settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    # -- loading -----------------------------------------------------------------
    def current_filter(self) -> AuditFilter:
        def day(box: QCheckBox, edit: QDateEdit) -> date | None:
            return edit.date().toPython() if box.isChecked() else None  # type: ignore[return-value]

        return AuditFilter(
            pupil=self.pupil.text(),
            actor=self.user.text(),
            action=str(self.action.currentData() or ""),
            since=day(self.use_from, self.from_date),
            until=day(self.use_to, self.to_date),
        )

    def refresh(self) -> None:
        """Show the events the filters ask for (the Show button)."""
        self.wanted = self.current_filter()
        self.loader.reload()

    def _fetch(self, session: Session) -> AuditView:
        return load(session, self.wanted)

    def _loaded(self, view: AuditView) -> None:
        self.view = view
        kind = "success" if view.chain.ok else "danger"
        self.chain_banner.set_message(kind, audit_log.chain_words(view.chain))
        current = self.action.currentData()
        self.action.blockSignals(True)
        self.action.clear()
        self.action.addItem(_("All actions"), "")
        for name in view.actions:
            self.action.addItem(_(AUDIT_ACTION_WORDS.get(name, name)), name)
        self.action.setCurrentIndex(max(0, self.action.findData(current)))
        self.action.blockSignals(False)
        self.model.set_rows(view.rows, view.names, view.facts)
        self._fit_names()
        self.detail.clear()
        self.count.setText(count_text(len(view.rows), view.total))

    def _fit_names(self) -> None:
        """Widen the User, Record and Pupil columns to their longest entry (within reason), so
        a pupil's names and UPN are read whole; the Change column has the rest of the width."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        most = metrics.averageCharWidth()  # a width in characters, the same at any window size
        for column, letters in ((USER, 24), (RECORD, 36), (PUPIL, 52)):
            rows = range(self.model.rowCount())
            texts = {str(self.model.index(r, column).data() or "") for r in rows}
            needed = max((metrics.horizontalAdvance(t) for t in texts), default=0) + 24
            wanted = max(min(needed, most * letters), header.sectionSizeHint(column))
            if header.sectionSize(column) < wanted:
                header.resizeSection(column, wanted)

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.detail.clear()
            return
        row: AuditRow = self.model.index(rows[0].row(), CHANGE).data(ROW_ROLE)
        when = format_date_time(row.at)
        whom = self.model.index(rows[0].row(), PUPIL).data()
        facts = self.model.facts
        head = f"{record_label(row, facts)}{' — ' + whom if whom else ''}"
        head += f" — {action_label(row, facts)} — {row.actor} — {when}"
        self.detail.setPlainText(head + "\n\n" + describe_entry(row, facts))


def _side_by_side(*widgets: QWidget) -> QHBoxLayout:
    """Widgets that stay together in the filter bar, whichever row they are on."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    return row
