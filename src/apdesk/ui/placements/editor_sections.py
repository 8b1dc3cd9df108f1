"""The placement editor's form, in the order of the Appendix A placement sheet, then the DfE
additions and the off-site direction. Each section is a group box; the binder knows every field.

Building all twelve sections took most of the editor's opening time, so only the first are
built before it shows; the rest are built one at a time (`build_next`), each short enough not to
hold up a frame. A section's rows are made apart and then placed in its box, so they join the
Tab order as one block, which is moved to follow the section before (Qt would put them last).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _
from apdesk.models.enums import (
    Commissioner,
    FundingStream,
    NeedCategory,
    RegistrationCode,
    SheffieldCategory,
    Weekday,
)
from apdesk.models.enums import Session as SessionPart
from apdesk.ui.widgets.binding import Binder, enum_combo, text_box
from apdesk.ui.widgets.fields import ChoiceBoxes, DateField, PoundsField, TimeField
from apdesk.ui.widgets.value_label import ValueLabel


class SessionsGrid(ChoiceBoxes):
    """Which morning and afternoon sessions the pupil spends at the provider (Mon-Fri)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([], _("Sessions at the provider"), parent=parent)
        grid = self.layout()
        assert grid is not None
        for column, part in enumerate(SessionPart, start=1):
            grid.addWidget(QLabel(_(part.label)), 0, column)  # type: ignore[call-arg]
        for row, day in enumerate(Weekday, start=1):
            grid.addWidget(QLabel(_(day.label)), row, 0)  # type: ignore[call-arg]
            for column, part in enumerate(SessionPart, start=1):
                box = QCheckBox(self)
                name = _("{day} {part}").format(day=_(day.label), part=_(part.label).lower())
                box.setAccessibleName(name)
                box.setToolTip(name)
                box.toggled.connect(lambda _on: self.changed.emit())
                grid.addWidget(box, row, column)  # type: ignore[call-arg]
                self.boxes[f"{day.value}_{part.value}"] = box
        self.setFocusProxy(self.boxes["MON_AM"])


def _line(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    return edit


def _parts(block: QWidget) -> list[QWidget]:
    """What `block` holds, in the Tab order (they follow it there, one after another)."""
    parts, widget = [], block.nextInFocusChain()
    while widget is not None and widget is not block and block.isAncestorOf(widget):
        parts.append(widget)
        widget = widget.nextInFocusChain()
    return parts


def _follow(before: QWidget, block: QWidget) -> None:
    """Tab goes from the end of `before` (all it holds) to `block` (all it holds). Qt moves a
    widget's contents with it only for a widget that takes focus through a part of itself, and
    only up to the last part that takes focus: the two are lent a focus policy and their first
    part as focus proxy, and their last parts a focus policy, for the move."""
    parts = [_parts(before), _parts(block)]
    if not parts[0] or not parts[1]:
        return
    lent = [(w, w.focusPolicy()) for w in (before, block, parts[0][-1], parts[1][-1])]
    for widget, _policy in lent:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    before.setFocusProxy(parts[0][0])
    block.setFocusProxy(parts[1][0])
    QWidget.setTabOrder(before, block)
    for widget in (before, block):
        widget.setFocusProxy(None)  # type: ignore[arg-type]
    for widget, policy in lent:
        widget.setFocusPolicy(policy)


def _group(title: str, parent: QWidget) -> QGroupBox:
    """A section's box; its rows are made apart (`_rows`) and placed in it when built."""
    box = QGroupBox(title, parent)
    QVBoxLayout(box)
    return box


def _rows() -> tuple[QWidget, QFormLayout]:
    rows = QWidget()
    form = QFormLayout(rows)
    form.setContentsMargins(0, 0, 0, 0)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    return rows, form


class Sections:
    """Makes the group boxes and builds the first `eager` of them (all when None); `pupil`,
    `provider`, `qa_note`, `la_notice`, `next_review` and `attendance` are kept for the editor's
    logic."""

    def __init__(self, binder: Binder, parent: QWidget, eager: int | None = None) -> None:
        self.binder, self.parent = binder, parent
        self.boxes: list[tuple[str, QGroupBox]] = []
        self.pending: list[tuple[QGroupBox, Callable[[QFormLayout], None]]] = []
        self.last_rows: QWidget | None = None  # the rows of the last section built
        self.pupil = QComboBox()
        self.provider = QComboBox()
        # The pupils are sized by a length, not by measuring 10,000 names; the providers are
        # few and sized to the longest each time the list is filled.
        self.pupil.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.pupil.setMinimumContentsLength(36)
        self.provider.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.qa_note = QLabel()
        self.la_notice = ValueLabel(_("LA notification"))  # read with what it says
        self.next_review = QLabel()  # which date is the next review once reviews are held
        self.attendance = QDoubleSpinBox()  # set up now: the record may reach it before its row
        self.attendance.setRange(-1, 100)
        self.attendance.setDecimals(1)
        self.attendance.setSuffix("%")
        self.attendance.setSpecialValueText(_("Not recorded"))
        self.attendance.setAccessibleName(_("Attendance at referral"))
        builders: list[tuple[str, Callable[[QFormLayout], None]]] = [
            (_("Pupil and provider"), self._who),
            (_("Category and reasons"), self._why),
            (_("Commissioning"), self._commissioning),
            (_("Key contact"), self._contact),
            (_("Attendance and needs"), self._needs),
            (_("Hours and sessions"), self._hours),
            (_("Dates and review"), self._dates),
            (_("Outcomes and exit"), self._outcomes),
            (_("Child and family voice"), self._voice),
            (_("Offer and travel"), self._offer),
            (_("EHC plan"), self._ehcp),
            (_("Off-site direction"), self._direction),
        ]
        for title, build in builders:
            box = _group(title, parent)
            self.boxes.append((title, box))
            self.pending.append((box, build))
        self.build_next(len(builders) if eager is None else eager)

    @property
    def complete(self) -> bool:
        return not self.pending

    def show_next_review(self, text: str) -> None:
        """The line under the review date saying which date is the next review: shown only once
        reviews have been held or scheduled (before, the review date is the next review)."""
        self.next_review.setText(text)
        if self.next_review.parentWidget() is not None:  # its section is built
            self.next_review.setVisible(bool(text))

    def build_next(self, count: int = 1) -> list[str]:
        """Build the next `count` sections; the names of the fields they added."""
        before = set(self.binder.widgets)
        for _n in range(min(count, len(self.pending))):
            box, build = self.pending.pop(0)
            rows, form = _rows()  # made apart, so that its Tab order is one block
            build(form)
            layout = box.layout()
            assert layout is not None
            layout.addWidget(rows)
            if self.last_rows is not None:  # after the section before, not after the buttons
                _follow(self.last_rows, rows)
            self.last_rows = rows
        return [name for name in self.binder.widgets if name not in before]

    def _who(self, form: QFormLayout) -> None:
        b = self.binder
        self.pupil.setAccessibleName(_("Pupil"))
        self.provider.setAccessibleName(_("Provider"))
        b.add(form, "pupil_id", _("Pupil"), self.pupil)
        b.add(form, "provider_id", _("Provider"), self.provider)
        self.qa_note.setWordWrap(True)
        self.qa_note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.qa_note.setAccessibleName(_("Provider QA"))
        form.addRow("", self.qa_note)
        reason = b.add(form, "qa_override_reason", _("Reason for using this provider"), _line(""))
        reason.setToolTip(_("Needed when the provider's QA is overdue, missing or failed"))
        b.add(form, "family_preference", _("Family's preferred provider"), _line(""))

    def _why(self, form: QFormLayout) -> None:
        b = self.binder
        b.add(
            form,
            "category",
            _("Category"),
            enum_combo(SheffieldCategory, _("Category"), _("Choose a category…")),
        )
        reasons = [(n.value, _(n.label)) for n in NeedCategory]
        b.add(form, "reasons", _("Reasons"), ChoiceBoxes(reasons, _("Reasons for the placement")))

    def _commissioning(self, form: QFormLayout) -> None:
        b = self.binder
        b.add(form, "commissioner", _("Commissioner"), enum_combo(Commissioner, ""))
        b.add(form, "funding_stream", _("Funding stream"), enum_combo(FundingStream, ""))
        b.add(form, "registration_code", _("Registration code"), enum_combo(RegistrationCode, ""))
        self.la_notice.setWordWrap(True)
        self.la_notice.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        form.addRow(_("LA notification:"), self.la_notice)
        b.add(
            form,
            "la_told_on",
            _("Date the LA was told outside apdesk (form or email)"),
            DateField(_("Date the LA was told outside apdesk (form or email)")),
        )

    def _contact(self, form: QFormLayout) -> None:
        b = self.binder
        b.add(form, "key_contact_name", _("Key contact name"), _line(""))
        b.add(form, "key_contact_role", _("Key contact role"), _line(""))
        b.add(form, "key_contact_details", _("Key contact details"), _line(""))

    def _needs(self, form: QFormLayout) -> None:
        b = self.binder
        b.add(form, "attendance_at_referral", _("Attendance at referral"), self.attendance)
        b.add(form, "interventions_tried", _("Interventions tried"), text_box(""))
        b.add(form, "send_needs", _("SEND needs"), text_box(""))
        b.add(form, "health_needs", _("Health needs"), text_box(""))
        b.add(form, "family_support", _("Family and support"), text_box(""))
        b.add(form, "safety_info", _("Safety and risk"), text_box(""))
        b.add(
            form,
            "risk_assessment_date",
            _("Risk assessment date"),
            DateField(_("Risk assessment date")),
        )

    def _hours(self, form: QFormLayout) -> None:
        b = self.binder
        hours = QDoubleSpinBox()
        hours.setRange(0, 40)
        hours.setSingleStep(0.5)
        hours.setDecimals(1)
        b.add(form, "hours_per_week", _("Hours per week"), hours)
        b.add(form, "sessions", _("Sessions"), SessionsGrid())
        b.add(
            form, "session_start", _("First session starts"), TimeField(_("First session starts"))
        )
        b.add(form, "break_start", _("Break starts"), TimeField(_("Break starts")))
        b.add(form, "break_end", _("Break ends"), TimeField(_("Break ends")))
        b.add(
            form, "session_end", _("Last session finishes"), TimeField(_("Last session finishes"))
        )
        b.add(form, "session_times", _("Note on the times"), _line(""))
        b.alias("Session times", "session_start")
        b.add(form, "other_ap", _("Other AP in place"), text_box("", 2))
        b.alias("Sessions", "sessions")

    def _dates(self, form: QFormLayout) -> None:
        b = self.binder
        b.add(form, "start_date", _("Start date"), DateField(_("Start date")))
        b.add(form, "end_date", _("End date"), DateField(_("End date")))
        review = b.add(form, "review_date", _("Review date"), DateField(_("Review date")))
        review.setToolTip(
            _("The first review, agreed at referral; later ones are set at each review")
        )
        self.next_review.setWordWrap(True)
        self.next_review.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.next_review.setVisible(bool(self.next_review.text()))
        form.addRow("", self.next_review)

    def _outcomes(self, form: QFormLayout) -> None:
        b = self.binder
        b.add(form, "learning_outcomes", _("Learning outcomes"), text_box(""))
        b.add(form, "success_measures", _("How success will be measured"), text_box(""))
        b.add(form, "exit_strategy", _("Exit strategy"), text_box(""))

    def _voice(self, form: QFormLayout) -> None:
        b = self.binder
        b.add(form, "child_voice", _("Child's voice"), text_box(""))
        b.add(
            form,
            "child_voice_date",
            _("Child's voice sought on"),
            DateField(_("Child's voice sought on")),
        )
        b.add(form, "family_voice", _("Family's voice"), text_box(""))
        b.add(
            form,
            "family_voice_date",
            _("Family's voice sought on"),
            DateField(_("Family's voice sought on")),
        )

    def _offer(self, form: QFormLayout) -> None:
        b = self.binder
        b.add(form, "english_maths", _("English and maths"), QCheckBox(_("In the offer")))
        b.add(
            form,
            "agreement_date",
            _("Written agreement with the provider"),
            DateField(_("Written agreement with the provider")),
        )
        b.add(form, "transport", _("Transport arrangements"), _line(""))
        cost = PoundsField(_("Transport cost"))
        cost.setSuffix(_(" a day"))  # the record holds a day's cost: the field says so
        b.add(form, "transport_cost_pence", _("Transport cost"), cost)
        b.add(form, "out_of_area", _("Out of area"), QCheckBox(_("The provider is out of area")))

    def _ehcp(self, form: QFormLayout) -> None:
        b = self.binder
        b.add(form, "ehcp_attached", _("EHC plan"), QCheckBox(_("EHC plan attached")))
        b.add(
            form,
            "la_notice_date",
            _("Copy of the direction notice sent to the LA on"),
            DateField(_("Copy of the direction notice sent to the LA on")),
        )
        b.add(
            form,
            "caseworker_told_on",
            _("LA SEND caseworker told on"),
            DateField(_("LA SEND caseworker told on")),
        )

    def _direction(self, form: QFormLayout) -> None:
        b = self.binder
        b.add(
            form,
            "off_site_direction",
            _("Off-site direction"),
            QCheckBox(_("The pupil is directed off site")),
        )
        b.add(form, "parent_notice_date", _("Notice to parents"), DateField(_("Notice to parents")))
        b.add(form, "reporting_to", _("Reporting to"), _line(""))
        days = QSpinBox()
        days.setRange(0, 400)
        b.add(form, "direction_days", _("Number of days"), days)
        b.add(
            form,
            "last_direction_review",
            _("Last review of the direction"),
            DateField(_("Last review of the direction")),
        )
        b.add(
            form,
            "review_requested_on",
            _("Parent asked for a review on"),
            DateField(_("Parent asked for a review on")),
        )
