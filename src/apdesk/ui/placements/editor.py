"""Plan or edit a placement: the form on the left, the live checks on the right, Save below.

Saving is the `save_placement` operation, so the LA's notification pack is queued in the same
transaction. Warnings are shown as the person types (checked on the worker, debounced), never
used to refuse a save; a value that cannot be right is shown under its field and nothing is lost.
A change made elsewhere while the form is open (a provider's QA, the placement ended) refreshes
the choices, the status and the checks, never what the person typed.

The window shows before its form is complete: the first sections are built at once, the others
one per turn of the event loop (so no frame is held up), and the record's values reach each
section as it is built. The person sees the top of the form at once and the rest is there before
they can scroll to it; reading or saving the values first completes the form.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _, format_date
from apdesk.models.enums import PlacementStatus
from apdesk.models.errors import ValidationError
from apdesk.models.kinds import Kind
from apdesk.services.ap_guide import LaNotice
from apdesk.services.operations.placements import save_placement
from apdesk.services.placement_actions import EditorData, ProviderChoice, editor_data
from apdesk.services.placement_rules import PlacementWarning
from apdesk.services.placements import PlacementInput, PlacementResult, preview_warnings
from apdesk.services.pupils.picks import PupilPicks
from apdesk.store.changes import Changes
from apdesk.ui.core import settings_keys
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.core.follow import ChangeFollower, Latest
from apdesk.ui.placements.editor_sections import Sections
from apdesk.ui.placements.editor_warnings import WarningsPanel
from apdesk.ui.sharing.banner import ConflictBanner
from apdesk.ui.widgets.ask_text import ask_text
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.binding import Binder
from apdesk.ui.widgets.choice_list import ListChoice, fill_columns, fill_combo
from apdesk.ui.widgets.fields import qa_icon, qa_text
from apdesk.ui.widgets.guard import GuardedDialog
from apdesk.ui.widgets.screen_fit import fit_to_screen
from apdesk.ui.widgets.word_search import WordSearch

DEBOUNCE_MS = 400
EAGER_SECTIONS = 2  # built before the window shows: what fills it at first
SPLITTER_KEY = settings_keys.PLACEMENT_EDITOR_SPLITTER.name
# The choices and the checks: the pupils and providers offered, the providers' QA, and what
# the warnings are checked against.
SHOWS = frozenset(
    {
        Kind.PLACEMENT,
        Kind.PUPIL,
        Kind.PROVIDER,
        Kind.PROVIDER_AUDIT,
        Kind.QUALITY_CONCERN,
        Kind.AGENCY,
        Kind.CLOSURE,
        Kind.SCHOOL,
        Kind.SETTING,
        Kind.OUTBOX,  # the LA's start notification, queued then delivered
    }
)


def la_notice_text(la: LaNotice | None, status: PlacementStatus | None = None) -> str:
    """The LA's notification of the start, as the placement shows it. A placement that started
    with no notification from apdesk (begun before the school used it) says so, rather than
    promising one that will never come."""
    if la is None:
        return _("No start notification yet: apdesk sends one when the placement starts.")
    if la.status == "delivered" and la.delivered is not None:
        return _("Start notification delivered to the LA on {day}.").format(
            day=format_date(la.delivered.date())
        )
    if la.created is not None:
        return _("Start notification queued on {day}; it goes when the LA can be reached.").format(
            day=format_date(la.created.date())
        )
    if status in (PlacementStatus.ACTIVE, PlacementStatus.ENDED):
        return _(
            "No start notification was sent from apdesk; if the LA was told another way, "
            "record the day below."
        )
    return _("No start notification yet: apdesk sends one when the placement starts.")


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
        self._loading, self._generation = True, 0
        self._wanted_field: str | None = None  # focus asked for before the record was in
        self._live_error = False
        self._record: PlacementInput | None = None  # the values loaded, for sections built later
        self._shown_fields: set[str] = set()  # the fields that show the loaded values already
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
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.check_now)
        self.binder.changed.connect(self._edited)
        # A lock hides the form with what was typed (in memory only) and unlock brings it back:
        # the main window's shelf does that, so the editor does not close itself here.
        self.sections.provider.currentIndexChanged.connect(self._provider_chosen)
        self.setTabOrder(self.index, self.form_scroll)
        fit_to_screen(self, 1240, 760)
        self._pupil_id = pupil_id
        self.choices_answer = Latest()  # several changes elsewhere: only the newest choices
        self.follower = ChangeFollower(self, ctx, SHOWS, self._changed_elsewhere, skip_own=True)
        ctx.query(editor_data, placement_id, date.today()).success(self._loaded).failure(
            self._load_failed
        ).run()
        self.builder = QTimer(self)  # one section per turn of the event loop, until complete
        self.builder.setSingleShot(True)
        self.builder.setInterval(0)
        self.builder.timeout.connect(self._build_more)
        self.builder.start()
        self.finished.connect(self._closed)

    def _closed(self, _result: int) -> None:
        """Answers still on their way (checks, choices) find nobody to show them to."""
        self._generation += 1
        self._gone = True
        self.builder.stop()

    # -- building the rest of the form -------------------------------------------
    def _build_more(self) -> None:
        """One more section, then the next turn of the event loop for the one after."""
        if self.sections.complete:
            return
        self._show_record(self.sections.build_next())
        if self.sections.complete:
            self._ready()
        else:
            self.builder.start()

    def complete_form(self) -> None:
        """Build what is left of the form now (before its values are read or a field is
        looked for)."""
        if not self.sections.complete:
            self._show_record(self.sections.build_next(len(self.sections.pending)))
            self._ready()

    def _show_record(self, names: list[str]) -> None:
        """Put the loaded values into the fields just built."""
        if self._record is None:
            return
        for name in names:
            if name in PlacementInput.model_fields and name not in self._shown_fields:
                if name == "attendance_at_referral":
                    continue  # its box holds the loaded value already (see set_values)
                self.binder.set(name, getattr(self._record, name))
                self._shown_fields.add(name)

    # -- loading ---------------------------------------------------------------
    def _loaded(self, data: EditorData) -> None:
        if self._gone:
            return
        self._loading = True
        if not self.isVisible():  # nobody is looking yet: nothing to gain by waiting
            self.complete_form()
        self._fill_choices(data)
        values = data.placement or PlacementInput(pupil_id=self._pupil_id or 0)
        self._record = values
        self.set_values(values)
        self._shown_fields = set(self.binder.widgets)
        self.status = data.status
        self._show_status()
        self.sections.la_notice.setText(la_notice_text(data.la, data.status))
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
        if self._record is None or not self.sections.complete or not self._loading:
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
        """The pupils and providers offered, keeping whichever are chosen now. A trust's
        thousands of pupils go to the combo as one list, worded only when it is opened."""
        self.picks = data.pupils
        names, upns, search = data.pupils.names, data.pupils.upns, data.pupils.search
        fill_columns(
            self.sections.pupil,
            ListChoice(_("Choose the pupil…"), 0),
            data.pupils.ids,
            lambda n: f"{names[n]} ({upns[n]})",
            search.__getitem__,
        )
        self.pupil_search.follow_model()
        self.providers = {choice.id: choice for choice in data.providers}
        providers = [ListChoice(_("Choose the provider…"), 0)]
        providers += [
            ListChoice(
                f"{choice.name} — {qa_text(choice.qa_state)}",
                choice.id,
                qa_icon(self, choice.qa_state),
            )
            for choice in data.providers
        ]
        fill_combo(self.sections.provider, providers)

    def _changed_elsewhere(self, _changes: Changes) -> None:
        """Someone else changed what the form offers or checks against: read the choices and
        the status again and re-run the checks; the values typed stay as they are."""
        if self._loading or not self.ctx.is_unlocked:
            return
        self.ctx.query(editor_data, self.placement_id, date.today()).success(
            self.choices_answer.ask(self._reloaded)
        ).failure(self._load_failed).run()

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
        text, ok = ask_text(
            self,
            _("Reason for using this provider"),
            _("{name}: {summary}.\n\nWhy is this provider still the right choice?").format(
                name=choice.name, summary=choice.qa_summary
            ),
            _("Reason for using this provider"),
        )
        if ok and text.strip():
            self.binder.set("qa_override_reason", text.strip())
        else:
            self.binder.focus("qa_override_reason", self.form_scroll)

    def _show_qa_note(self) -> None:
        choice = self.providers.get(int(self.sections.provider.currentData() or 0))
        note = self.sections.qa_note
        if choice is None:
            note.setText("")
        elif choice.needs_reason:
            note.setText(
                _("{state}: {summary}. Record the reason for using this provider.").format(
                    state=qa_text(choice.qa_state), summary=choice.qa_summary
                )
            )
        else:
            note.setText(f"{qa_text(choice.qa_state)}: {choice.qa_summary}")

    # -- live checks -------------------------------------------------------------
    def _edited(self) -> None:
        if not self._loading:
            self.timer.start()

    def check_now(self) -> None:
        """Ask the worker for the warnings the current values would give."""
        self.timer.stop()
        if not self.ctx.is_unlocked:
            return
        self._generation += 1
        generation = self._generation
        try:
            data = self.values()
            data.check()
        except ValidationError as exc:  # a value that cannot be right: shown on its field now
            self.panel.show_note(str(exc))
            fix = f" ({exc.fix})" if exc.fix else ""
            if self.binder.show_error(exc.field, f"{exc.message}{fix}") is not None:
                self._live_error = True
            return
        if self._live_error:  # put right: the mark under the field goes
            self._live_error = False
            self.binder.clear_error()
        if not data.pupil_id or not data.provider_id:
            self.panel.show_note(_("Choose the pupil and the provider to see the checks."))
            return
        self.ctx.query(preview_warnings, data, date.today(), self.placement_id).success(
            lambda found: self._checked(generation, found)
        ).failure(lambda exc: self._check_failed(generation, exc)).run()

    def _checked(self, generation: int, warnings: list[PlacementWarning]) -> None:
        if generation == self._generation:
            self.panel.show_warnings(warnings)

    def _check_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.panel.show_note(describe_error(exc))

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
        self._live_error = False
        self.binder.clear_error()
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
                self._live_error = True  # the live checks take the mark away once put right
            if name is not None:
                self.focus_field(name)
                self.message.show_message(_("Not saved: see the field marked below."))
                return
        self.message.show_message(_("Not saved. {error}").format(error=describe_error(exc)))
