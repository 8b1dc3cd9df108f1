"""Plan or edit a placement: the form on the left, the live checks on the right, Save below.

Saving is the `save_placement` operation, so the LA's notification pack is queued in the same
transaction. Warnings are shown as the person types (checked on the worker, debounced), never
used to refuse a save; a value that cannot be right is shown under its field and nothing is lost.
A change made elsewhere while the form is open (a provider's QA, the placement ended) refreshes
the choices, the status and the checks, never what the person typed.

The window shows before its form is complete (see `editor_build`); the live checks are in
`editor_checks`, and the words of the choices and notices in `editor_choices`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _
from apdesk.models.enums import PlacementStatus
from apdesk.models.errors import ValidationError
from apdesk.models.kinds import Kind
from apdesk.services.operations.placements import save_placement
from apdesk.services.placement_actions import EditorData, ProviderChoice, editor_data
from apdesk.services.placements import PlacementInput, PlacementResult
from apdesk.services.pupils.picks import PupilPicks
from apdesk.store.changes import Changes
from apdesk.ui.core import settings_keys
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.core.follow import ChangeFollower, Latest
from apdesk.ui.core.kept_picks import kept_picks
from apdesk.ui.placements.editor_build import LateSections
from apdesk.ui.placements.editor_checks import LiveChecks
from apdesk.ui.placements.editor_choices import ask_qa_reason, fill_choices, la_notice_text, qa_note
from apdesk.ui.placements.editor_sections import Sections
from apdesk.ui.placements.editor_warnings import WarningsPanel
from apdesk.ui.sharing.banner import ConflictBanner
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.binding import Binder
from apdesk.ui.widgets.guard import GuardedDialog
from apdesk.ui.widgets.screen_fit import fit_to_screen
from apdesk.ui.widgets.word_search import WordSearch

EAGER_SECTIONS = 1  # built before the window shows: the pupil and provider, at the top
SPLITTER_KEY = settings_keys.PLACEMENT_EDITOR_SPLITTER.name
# The choices and the checks: the pupils and providers offered, the providers' QA, and what
# the warnings are checked against (the reviews among them).
SHOWS = frozenset(
    {
        Kind.PLACEMENT,
        Kind.PUPIL,
        Kind.PROVIDER,
        Kind.PROVIDER_AUDIT,
        Kind.QUALITY_CONCERN,
        Kind.AGENCY,
        Kind.REVIEW,  # a review held or scheduled: the next review's line and its checks
        Kind.CLOSURE,
        Kind.SCHOOL,
        Kind.SETTING,
        Kind.OUTBOX,  # the LA's start notification, queued then delivered
    }
)


class PlacementEditor(GuardedDialog):
    saved = Signal(object)  # the PlacementResult

    def __init__(
        self,
        ctx: AppContext,
        placement_id: int | None = None,
        *,
        pupil_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.placement_id, self.status = ctx, placement_id, PlacementStatus.DRAFT
        self.providers: dict[int, ProviderChoice] = {}
        self.picks = PupilPicks()  # the pupils offered, each with the name every screen uses
        self._loading = True
        self._wanted_field: str | None = None  # focus asked for before the record was in
        self._gone = False  # closed: late answers are dropped
        self.setWindowTitle(_("New placement") if placement_id is None else _("Placement"))
        self.binder = Binder(self)
        body = QWidget()
        self.sections = Sections(self.binder, body, EAGER_SECTIONS)
        self.pupil_search = WordSearch(self.sections.pupil)  # either name, the UPN, any order
        column = QVBoxLayout(body)
        for _title, box in self.sections.boxes:
            column.addWidget(box)
        column.addStretch(1)
        self.form_scroll = QScrollArea(self)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setWidget(body)
        self.form_scroll.setAccessibleName(_("Placement form"))
        self.index = QListWidget(self)
        self.index.setAccessibleName(_("Sections"))
        self.index.addItems([title for title, _box in self.sections.boxes])
        self.index.currentRowChanged.connect(self.go_to_section)
        # As wide as its longest section's name in this language ("Główna osoba kontaktowa").
        named = self.index.sizeHintForColumn(0) + 2 * self.index.frameWidth() + 8
        self.index.setMinimumWidth(named)
        self.index.setMaximumWidth(max(180, named))
        self.index.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.panel = WarningsPanel(self)
        self.panel.field_chosen.connect(self.focus_field)
        self.splitter = QSplitter(self)
        for widget in (self.index, self.form_scroll, self.panel):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([named, 790, 300])  # the form's two columns of reasons, in Polish
        saved = ctx.settings.value(SPLITTER_KEY)
        if saved is not None:
            self.splitter.restoreState(saved)
        self.splitter.splitterMoved.connect(self._remember_splitter)
        self.status_label = QLabel(self)
        self.message = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = buttons.addButton(_("&Save"), QDialogButtonBox.ButtonRole.ApplyRole)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.conflict_banner = ConflictBanner(ctx, "placement", self)
        self.conflict_banner.set_record(placement_id)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.conflict_banner)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.live_checks = LiveChecks(
            ctx, self.binder, self.panel, self.values, lambda: self.placement_id, self
        )
        self.late = LateSections(self.sections, self.binder, self, self._ready)
        self.binder.changed.connect(self._edited)
        # A lock hides the form with what was typed (in memory only) and unlock brings it back:
        # the main window's shelf does that, so the editor does not close itself here.
        self.sections.provider.currentIndexChanged.connect(self._provider_chosen)
        self.setTabOrder(self.index, self.form_scroll)
        fit_to_screen(self, 1240, 760)
        self._pupil_id = pupil_id
        self.choices_answer = Latest()  # several changes elsewhere: only the newest choices
        self.follower = ChangeFollower(self, ctx, SHOWS, self._changed_elsewhere, skip_own=True)
        self.kept = kept_picks(ctx)
        self._read(self._arrived)
        self.late.start()  # once the record is asked for: a quick answer may complete the form
        self.finished.connect(self._closed)

    def showEvent(self, event: QShowEvent) -> None:
        """Lay the form out before its first drawing, or it is drawn twice in the same turn."""
        super().showEvent(event)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def _closed(self, _result: int) -> None:
        """Answers still on their way (checks, choices) find nobody to show them to."""
        self.live_checks.drop_answers()
        self._gone = True
        self.late.stop()

    def complete_form(self) -> None:
        """The whole form and its record, now: before a value is read or a field looked for."""
        self.late.complete()

    # -- loading ---------------------------------------------------------------
    def _arrived(self, data: EditorData) -> None:
        """Filled in on the turn after the first drawing; at once while nobody can see it."""
        self.late.arrived(partial(self._loaded, data), now=not self.isVisible())

    def _loaded(self, data: EditorData) -> None:
        if self._gone:
            return
        self._loading = True
        if not self.isVisible():  # nobody is looking yet: nothing to gain by waiting
            self.complete_form()
        self._fill_choices(data)
        values = data.placement or PlacementInput(pupil_id=self._pupil_id or 0)
        self.set_values(values)
        self.late.loaded(values)
        self.status = data.status
        self._show_status()
        self.sections.la_notice.setText(la_notice_text(data.la, data.status))
        self.sections.show_next_review(data.next_review)
        self._name_window()
        self._focus_first_empty()
        self._ready()

    def _focus_first_empty(self) -> None:
        """A new placement starts on the first of pupil and provider still to choose (the pupil
        is chosen already when it was opened from their record), unless the person has moved on."""
        if self.placement_id is not None:
            return
        where = self.focusWidget()
        if where is not None and where not in (self.sections.pupil, self.index):
            return
        first_empty = self.sections.provider if self.sections.pupil.currentData() else None
        (first_empty or self.sections.pupil).setFocus()

    def _ready(self) -> None:
        """Once the record is loaded and every section built: watch for input, check."""
        if self.late.record is None or not self.sections.complete or not self._loading:
            return
        self._loading = False
        self.watch_input()
        self.check_now()
        if self._wanted_field is not None:
            wanted, self._wanted_field = self._wanted_field, None
            QTimer.singleShot(0, self, lambda: self.focus_field(wanted))

    def _name_window(self) -> None:
        """The title names the record: "Placement: Jay Southgate at Riverside PRU"."""
        if self.placement_id is None:
            self.setWindowTitle(_("New placement"))
            return
        pupil = self.picks.name_of(int(self.sections.pupil.currentData() or 0))
        provider = self.providers.get(int(self.sections.provider.currentData() or 0))
        if pupil and provider is not None:
            self.setWindowTitle(
                _("Placement: {pupil} at {provider}").format(pupil=pupil, provider=provider.name)
            )
        else:
            self.setWindowTitle(_("Placement"))

    def _fill_choices(self, data: EditorData) -> None:
        """The pupils and providers offered, keeping whichever are chosen now."""
        self.picks = data.pupils
        self.providers = {choice.id: choice for choice in data.providers}
        fill_choices(self.sections, self.pupil_search, data, self)

    def _changed_elsewhere(self, _changes: Changes) -> None:
        """Someone else changed what the form offers or checks against: read the choices and
        the status again and re-run the checks; the values typed stay as they are."""
        if self._loading or not self.ctx.is_unlocked:
            return
        self._read(self.choices_answer.ask(self._reloaded))

    def _read(self, then: Callable[[EditorData], None]) -> None:
        """The choices and the record, with the pupils kept from an earlier editor if any."""
        read_at, kept = self.kept.generation, self.kept.picks

        def answer(data: EditorData) -> None:
            self.kept.keep(data.pupils, read_at)
            then(data)

        self.ctx.query(editor_data, self.placement_id, date.today(), kept).success(answer).failure(
            self._load_failed
        ).run()

    def _reloaded(self, data: EditorData) -> None:
        if self._gone:
            return
        untouched = not self.has_unsaved_input()
        self._fill_choices(data)
        if untouched:  # new choices may move the chosen rows: that is not the person's input
            self.mark_saved()
        self._show_qa_note()
        if data.placement is not None:
            self.status = data.status
            self._show_status()
            self.sections.la_notice.setText(la_notice_text(data.la, data.status))
            self.sections.show_next_review(data.next_review)
        self.check_now()

    def _load_failed(self, exc: BaseException) -> None:
        self.message.show_message(describe_error(exc))
        self.save_button.setEnabled(False)

    def _show_status(self) -> None:
        text = _("Status: {status}").format(status=_(self.status.label))
        if self.status == PlacementStatus.ENDED:
            text += " — " + _("an ended placement is kept as it was and cannot be edited")
            self.save_button.setEnabled(False)
        self.status_label.setText(text)

    # -- values ----------------------------------------------------------------
    def values(self) -> PlacementInput:
        self.complete_form()
        data = PlacementInput()
        for name in PlacementInput.model_fields:
            if name in self.binder.widgets:
                setattr(data, name, self.binder.get(name))
        attendance = self.sections.attendance.value()
        data.attendance_at_referral = None if attendance < 0 else round(attendance / 100, 4)
        data.pupil_id = int(data.pupil_id or 0)
        data.provider_id = int(data.provider_id or 0)
        return data

    def set_values(self, data: PlacementInput) -> None:
        for name in PlacementInput.model_fields:
            if name in self.binder.widgets:
                self.binder.set(name, getattr(data, name))
        level = data.attendance_at_referral
        self.sections.attendance.setValue(-1 if level is None else level * 100)
        self._show_qa_note()

    # -- provider QA -------------------------------------------------------------
    def _provider_chosen(self) -> None:
        self._show_qa_note()
        choice = self.providers.get(int(self.sections.provider.currentData() or 0))
        if self._loading or choice is None or not choice.needs_reason:
            return
        if not str(self.binder.get("qa_override_reason")).strip():
            self.ask_qa_reason(choice)

    def ask_qa_reason(self, choice: ProviderChoice) -> None:
        """QA not current: choosing it stays possible, with the reason recorded."""
        reason = ask_qa_reason(self, choice)
        if reason:
            self.binder.set("qa_override_reason", reason)
        else:
            self.binder.focus("qa_override_reason", self.form_scroll)

    def _show_qa_note(self) -> None:
        choice = self.providers.get(int(self.sections.provider.currentData() or 0))
        self.sections.qa_note.setText(qa_note(choice))

    # -- live checks -------------------------------------------------------------
    def _edited(self) -> None:
        if not self._loading:
            self.live_checks.soon()

    def check_now(self) -> None:
        """Ask the worker for the warnings the current values would give."""
        self.live_checks.now()

    # -- navigation ----------------------------------------------------------------
    def go_to_section(self, row: int) -> None:
        if 0 <= row < len(self.sections.boxes):
            self.complete_form()
            body = self.form_scroll.widget()
            if body is not None and body.layout() is not None:
                body.layout().activate()  # type: ignore[union-attr]
            box = self.sections.boxes[row][1]
            self.form_scroll.verticalScrollBar().setValue(box.y())

    def focus_field(self, name: str) -> None:
        """Focus the field and scroll it into view; asked for before the record arrives (Extend…
        from Home), it is done again once the values are in and the form has its full height."""
        self.complete_form()
        body = self.form_scroll.widget()
        if body is not None and body.layout() is not None:
            body.layout().activate()  # type: ignore[union-attr]
        self.binder.focus(name, self.form_scroll)
        if self._loading:
            self._wanted_field = name

    def _remember_splitter(self) -> None:
        self.ctx.settings.setValue(SPLITTER_KEY, self.splitter.saveState())

    # -- saving --------------------------------------------------------------------
    def save(self) -> None:
        if self.status == PlacementStatus.ENDED:
            return
        self.live_checks.clear_mark()
        self.message.show_message("")
        self.save_button.setEnabled(False)
        self.ctx.op(save_placement, self.placement_id, self.values(), date.today()).success(
            self._saved
        ).failure(self._save_failed).source(self).run()

    def _saved(self, result: PlacementResult) -> None:
        self.save_button.setEnabled(True)
        if self.placement_id is None:
            self.ctx.windows.rekey(("placement", "new"), ("placement", result.id))
        self.placement_id, self.status = result.id, result.status
        self._name_window()
        self._show_status()
        self.status_label.setText(self.status_label.text() + " — " + _("saved"))
        self.panel.show_warnings(result.warnings)
        self.saved.emit(result)
        self.saved_and_close()

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            fix = f" ({exc.fix})" if exc.fix else ""
            name = self.binder.show_error(exc.field, f"{exc.message}{fix}")
            try:
                self.values().check()
            except ValidationError:
                self.live_checks.marked = True  # they take the mark away once put right
            if name is not None:
                self.focus_field(name)
                self.message.show_message(_("Not saved: see the field marked below."))
                return
        self.message.show_message(_("Not saved. {error}").format(error=describe_error(exc)))
