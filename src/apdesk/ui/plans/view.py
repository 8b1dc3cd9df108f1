"""One placement's plan: targets with their latest progress, exit strategy and transition,
agencies, voice, reviews and follow-ups, with the actions a key worker takes on it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _, format_date
from apdesk.services.plan_rows import PlanData
from apdesk.ui.plans.tables import (
    FOLLOW_UP_COLUMNS,
    REVIEW_COLUMNS,
    STEP_COLUMNS,
    TARGET_COLUMNS,
    VOICE_COLUMNS,
    RowsTable,
    agency_columns,
)
from apdesk.ui.widgets.basics import BusyBar, ErrorLabel


def button(text: str, name: str, parent: QWidget, shortcut: str = "") -> QPushButton:
    widget = QPushButton(text, parent)
    widget.setAccessibleName(name)
    if shortcut:
        widget.setShortcut(QKeySequence(shortcut))
        widget.setToolTip(f"{name} ({QKeySequence(shortcut).toString()})")
    return widget


def tab(*widgets: QWidget | QHBoxLayout) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    for item in widgets:
        if isinstance(item, QHBoxLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    return page


def row(*buttons: QPushButton) -> QHBoxLayout:
    layout = QHBoxLayout()
    for item in buttons:
        layout.addWidget(item)
    layout.addStretch(1)
    return layout


class PlanView(QWidget):
    """Shows a PlanData; the page connects the action signals to its dialogs."""

    print_requested = Signal()
    review_requested = Signal()
    end_requested = Signal()
    add_target_requested = Signal()
    edit_target_requested = Signal()
    remove_target_requested = Signal()
    save_text_requested = Signal()
    follow_up_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: PlanData | None = None
        self.saved_texts = ("", "")  # the exit strategy and transition plan as stored
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setAccessibleName(_("Placement"))
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setAccessibleName(_("Placement facts"))
        self.banner = ErrorLabel(self)
        self.busy = BusyBar(self)
        self.print_button = button(_("&Print plan…"), _("Print plan"), self, "Ctrl+P")
        self.review_button = button(_("Hold &review…"), _("Hold review"), self, "Ctrl+R")
        self.end_button = button(_("E&nd placement…"), _("End placement"), self)
        self.print_button.clicked.connect(self.print_requested)
        self.review_button.clicked.connect(self.review_requested)
        self.end_button.clicked.connect(self.end_requested)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(_("Plan sections"))
        self._build_tabs()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.banner)
        layout.addLayout(row(self.print_button, self.review_button, self.end_button))
        layout.addWidget(self.busy)
        layout.addWidget(self.tabs, 1)

    def _build_tabs(self) -> None:
        self.targets = RowsTable(_("SMART targets"), TARGET_COLUMNS, self, fit=[4])
        self.targets.activated.connect(self.edit_target_requested)  # double-click and Enter
        self.add_target = button(_("&Add target…"), _("Add target"), self, "Ctrl+N")
        self.edit_target = button(_("&Edit target…"), _("Edit target"), self)
        self.remove_target = button(_("Remo&ve target"), _("Remove target"), self)
        self.add_target.clicked.connect(self.add_target_requested)
        self.edit_target.clicked.connect(self.edit_target_requested)
        self.remove_target.clicked.connect(self.remove_target_requested)
        self.tabs.addTab(
            tab(self.targets, row(self.add_target, self.edit_target, self.remove_target)),
            _("&Targets"),
        )

        self.exit_strategy = QPlainTextEdit(self)
        self.exit_strategy.setAccessibleName(_("Exit strategy"))
        self.exit_strategy.setTabChangesFocus(True)
        self.transition_plan = QPlainTextEdit(self)
        self.transition_plan.setAccessibleName(_("Transition plan"))
        self.transition_plan.setTabChangesFocus(True)
        self.save_text = button(_("&Save exit and transition"), _("Save exit and transition"), self)
        self.save_text.clicked.connect(self.save_text_requested)
        self.text_error = ErrorLabel(self)
        self.steps = RowsTable(_("Transition steps"), STEP_COLUMNS, self, fit=[2, 3])
        texts = QHBoxLayout()
        for caption, box in (
            (_("Exit strategy"), self.exit_strategy),
            (_("Transition support plan"), self.transition_plan),
        ):
            column = QVBoxLayout()
            label = QLabel(caption, self)
            label.setBuddy(box)
            column.addWidget(label)
            column.addWidget(box)
            texts.addLayout(column)
        self.add_step = button(_("Add &step…"), _("Add transition step"), self)
        self.edit_step = button(_("Edit ste&p…"), _("Edit transition step"), self)
        self.remove_step = button(_("Remove step"), _("Remove transition step"), self)
        self.steps.activated.connect(self.edit_step.click)
        text_page = tab(
            row(self.save_text),
            self.text_error,
            self.steps,
            row(self.add_step, self.edit_step, self.remove_step),
        )
        text_layout = text_page.layout()
        assert isinstance(text_layout, QVBoxLayout)
        text_layout.insertLayout(0, texts, 2)
        text_layout.insertWidget(3, QLabel(_("Steps back to mainstream or on to post-16"), self))
        text_layout.setStretch(4, 3)
        self.tabs.addTab(text_page, _("E&xit and transition"))

        self.agencies = RowsTable(_("Agencies"), agency_columns(self), self)
        self.consent_warning = ErrorLabel(self)
        self.add_agency = button(_("Add a&gency…"), _("Add agency"), self)
        self.remove_agency = button(_("Remove agency"), _("Remove agency"), self)
        self.tabs.addTab(
            tab(self.consent_warning, self.agencies, row(self.add_agency, self.remove_agency)),
            _("A&gencies"),
        )
        self.voice = RowsTable(_("Child and family voice"), VOICE_COLUMNS, self, fit=[0, 1])
        self.add_voice = button(_("Add &voice…"), _("Add child or family voice"), self)
        self.tabs.addTab(tab(self.voice, row(self.add_voice)), _("&Voice"))
        self.reviews = RowsTable(_("Reviews"), REVIEW_COLUMNS, self, fit=[0, 3])
        self.print_review = button(_("Print review &record…"), _("Print review record"), self)
        self.reviews.activated.connect(self.print_review.click)
        self.tabs.addTab(tab(self.reviews, row(self.print_review)), _("Re&views"))
        self.follow_ups = RowsTable(_("Follow-ups"), FOLLOW_UP_COLUMNS, self, fit=[0, 1])
        self.record_follow_up = button(_("Record &follow-up…"), _("Record follow-up"), self)
        self.record_follow_up.clicked.connect(self.follow_up_requested)
        # Why the button is greyed: said beside it, not left for the coordinator to guess.
        self.follow_up_hint = QLabel(self)
        self.follow_up_hint.setWordWrap(True)
        self.tabs.addTab(
            tab(self.follow_ups, self.follow_up_hint, row(self.record_follow_up)), _("&Follow-ups")
        )

    def show_plan(self, data: PlanData) -> None:
        previous, self.data = self.data, data
        self.title.setText(f"{data.pupil_name} — {data.provider_name}")
        self.facts.setText(" · ".join(p for p in self._facts(data) if p))
        if data.returned_before_on is not None:
            self.banner.show_message(
                _(
                    "Re-referral: {name} returned to mainstream on {day} and has been referred "
                    "to AP again. Check what did not hold last time."
                ).format(name=data.pupil_name, day=format_date(data.returned_before_on))
            )
        else:
            self.banner.show_message("")
        self.targets.set_rows(data.targets)
        same = previous is not None and previous.placement_id == data.placement_id
        if not (same and self.has_unsaved_text()):  # never typed over by a refresh
            self.exit_strategy.setPlainText(data.exit_strategy)
            self.transition_plan.setPlainText(data.transition_plan)
        self.saved_texts = (data.exit_strategy, data.transition_plan)
        self.steps.set_rows(data.steps)
        self.agencies.set_rows(data.agencies)
        missing = sum(1 for a in data.agencies if a.warning)
        self.consent_warning.show_message(
            _(
                "No consent to share recorded for {n} of {total} agencies: ask the family first."
            ).format(n=missing, total=len(data.agencies))
            if missing
            else ""
        )
        self.voice.set_rows(data.voice)
        self.reviews.set_rows(data.reviews)
        self.follow_ups.set_rows(data.follow_ups)
        self.review_button.setEnabled(data.running)
        self.end_button.setEnabled(data.status.value == "active")
        self._show_follow_up_state(data)

    def _show_follow_up_state(self, data: PlanData) -> None:
        """A follow-up not done can be recorded, stored yet or not (a return from before they
        were stored): the Reviews page records the same one. The hint says only what is true."""
        pending = any(f.done_on is None for f in data.follow_ups)
        self.record_follow_up.setEnabled(pending)
        if pending:
            hint = ""
        elif data.follow_ups:
            hint = _("Nothing to record: every follow-up after the return is done.")
        else:
            hint = _(
                "Nothing to record: follow-ups at 6 and 12 weeks are set when the placement ends "
                "with a return to mainstream school."
            )
        self.follow_up_hint.setText(hint)

    # -- the typed text of the exit and transition tab ------------------------------------
    def texts(self) -> tuple[str, str]:
        return (self.exit_strategy.toPlainText(), self.transition_plan.toPlainText())

    def has_unsaved_text(self) -> bool:
        return self.data is not None and self.texts() != self.saved_texts

    def text_saved(self, texts: tuple[str, str]) -> None:
        self.saved_texts = texts

    def discard_text(self) -> None:
        self.exit_strategy.setPlainText(self.saved_texts[0])
        self.transition_plan.setPlainText(self.saved_texts[1])

    def _facts(self, data: PlanData) -> list[str]:
        dates = ""
        if data.start:
            dates = _("{start} to {end}").format(
                start=format_date(data.start), end=format_date(data.end) or "…"
            )
        facts = [_(data.status.label), data.upn, dates]
        if data.outcome:
            facts.append(_("Outcome: {outcome}").format(outcome=_(data.outcome)))
        due = data.review_due
        if data.running and due and due < date.today():
            facts.append(_("Review overdue: it was due {day}").format(day=format_date(due)))
        elif data.running and due:
            facts.append(_("Next review: {day}").format(day=format_date(due)))
        facts.append(data.timetable)
        return facts
