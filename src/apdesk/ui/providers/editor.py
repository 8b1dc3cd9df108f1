"""Add or edit a provider: every directory field, then its QA audits and quality concerns.

An open editor follows changes made elsewhere: the QA tabs always, the form when it holds no
unsaved edits (typed input is never overwritten)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _
from apdesk.models.enums import (
    CourseType,
    Delivery,
    DistanceBand,
    DpsLot,
    LaApproval,
    RateUnit,
    RegistrationStatus,
    SettingType,
    SheffieldCategory,
)
from apdesk.models.errors import ApdeskError, ValidationError
from apdesk.models.kinds import Kind
from apdesk.services.operations.providers import add_provider, edit_provider
from apdesk.services.providers import Changed, ProviderInput, get_provider
from apdesk.store.changes import ANY, Changes
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.core.follow import ChangeFollower, Latest
from apdesk.ui.providers.editor_qa import AuditsTab, ConcernsTab
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.binding import Binder, enum_combo, text_box
from apdesk.ui.widgets.fields import ChoiceBoxes, DateField, PoundsField
from apdesk.ui.widgets.guard import GuardedDialog
from apdesk.ui.widgets.screen_fit import fit_to_screen


def _choices(members: Any) -> list[tuple[str, str]]:
    return [(m.value, _(m.label)) for m in members]


def _spin(name: str, low: int, high: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setAccessibleName(name)
    return spin


class ProviderEditor(GuardedDialog):
    """`provider_id` None adds a provider; the QA tabs open once it has been saved."""

    def __init__(self, ctx: AppContext, provider_id: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.provider_id = ctx, provider_id
        self.edited = False  # the form holds input not saved yet
        self.answer = Latest()  # reads run side by side: show only the newest
        self.setWindowTitle(_("New provider") if provider_id is None else _("Provider"))
        self.binder = Binder(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._details_tab(), _("&Details"))
        self.audits = AuditsTab(ctx, self)
        self.concerns = ConcernsTab(ctx, self)
        self.tabs.addTab(self.audits, _("&QA audits"))
        self.tabs.addTab(self.concerns, _("Quality &concerns"))
        self.message = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = buttons.addButton(_("&Save"), QDialogButtonBox.ButtonRole.ApplyRole)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_to_screen(self, 880, 720)  # the longest DPS lot, in Polish, on one line
        self._set_qa_enabled()
        self.binder.changed.connect(self._edited)
        self.follower = ChangeFollower(
            self, ctx, {Kind.PROVIDER}, self._provider_changed, skip_own=True
        )
        if provider_id is None:
            self.set_values(ProviderInput())
            self.edited = False
            self.watch_input()
        else:
            self.load()

    # -- form ------------------------------------------------------------------
    def _details_tab(self) -> QWidget:
        b = self.binder
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        inner = QWidget()
        form = QFormLayout(inner)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        b.add(form, "name", _("Name"), QLineEdit())
        b.add(form, "setting_type", _("Type of setting"), enum_combo(SettingType, ""))
        b.add(form, "registration", _("Registration"), enum_combo(RegistrationStatus, ""))
        b.add(form, "ofsted_urn", _("Ofsted URN"), QLineEdit())
        b.add(form, "ukprn", _("UKPRN"), QLineEdit())
        b.add(form, "la_approval", _("LA approval"), enum_combo(LaApproval, ""))
        b.add(form, "regulated", _("Regulated"), QCheckBox(_("Regulated by a public body")))
        b.add(form, "quality_assured", _("Quality assured"), QCheckBox(_("Quality assured")))
        b.add(form, "dps_lots", _("DPS lots"), ChoiceBoxes(_choices(DpsLot), _("DPS lots"), 1))
        b.add(
            form,
            "categories",
            _("Categories offered"),
            ChoiceBoxes(_choices(SheffieldCategory), _("Categories offered")),
        )
        b.add(form, "delivery", _("Delivery"), enum_combo(Delivery, ""))
        b.add(form, "courses", _("Courses"), ChoiceBoxes(_choices(CourseType), _("Courses")))
        b.add(form, "accreditations", _("Accreditations"), QLineEdit())
        ages = QWidget()
        row = QHBoxLayout(ages)
        row.setContentsMargins(0, 0, 0, 0)
        self.age_min, self.age_max = _spin(_("Youngest age"), 2, 25), _spin(_("Oldest age"), 2, 25)
        row.addWidget(self.age_min)
        row.addWidget(QLabel(_("to")))
        row.addWidget(self.age_max)
        row.addStretch(1)
        b.add(form, "age_min", _("Age range"), ages)
        b.widgets["age_min"], b.widgets["age_max"] = self.age_min, self.age_max
        b._watch(self.age_min)
        b._watch(self.age_max)
        b.add(form, "capacity", _("Capacity (places)"), _spin(_("Capacity"), 0, 10_000))
        b.add(form, "rate_pence", _("Rate"), PoundsField(_("Rate")))
        b.add(form, "rate_unit", _("Rate charged"), enum_combo(RateUnit, ""))
        b.add(form, "address", _("Address"), text_box(_("Address"), 2))
        b.add(form, "postcode", _("Postcode"), QLineEdit())
        b.add(form, "phone", _("Phone"), QLineEdit())
        b.add(form, "email", _("Email"), QLineEdit())
        b.add(form, "contact_name", _("Contact"), QLineEdit())
        b.add(form, "safeguarding_lead", _("Safeguarding lead"), QLineEdit())
        b.add(
            form,
            "staff_checks_confirmed",
            _("Staff checks"),
            QCheckBox(_("Written confirmation of staff checks received")),
        )
        b.add(form, "staff_checks_date", _("Staff checks date"), DateField(_("Staff checks date")))
        b.add(form, "insurance_expiry", _("Insurance expires"), DateField(_("Insurance expires")))
        b.add(form, "distance_band", _("Distance"), enum_combo(DistanceBand, ""))
        b.add(form, "notes", _("Notes"), text_box(_("Notes"), 3))
        b.alias(_("Age range"), "age_min")
        b.alias(_("Setting type"), "setting_type")
        b.alias(_("Courses"), "courses")
        b.alias(_("Categories"), "categories")
        scroll.setWidget(inner)
        self.form_scroll = scroll
        return scroll

    def values(self) -> ProviderInput:
        data = ProviderInput()
        for name in ProviderInput.model_fields:
            setattr(data, name, self.binder.get(name))
        return data

    def set_values(self, data: ProviderInput) -> None:
        for name in ProviderInput.model_fields:
            self.binder.set(name, getattr(data, name))

    # -- store -----------------------------------------------------------------
    def load(self) -> None:
        if self.provider_id is not None:
            show = self.answer.ask(self._show)
            self.ctx.query(get_provider, self.provider_id).success(show).failure(self._failed).run()

    def _edited(self) -> None:
        self.edited = True

    def _provider_changed(self, changes: Changes) -> None:
        """Changed elsewhere: show it, unless that would overwrite what is being typed."""
        ids = changes.ids(Kind.PROVIDER)
        if not self.edited and (self.provider_id in ids or ANY in ids):
            self.load()

    def _show(self, data: ProviderInput) -> None:
        self.set_values(data)
        self.edited = False
        self.setWindowTitle(_("Provider: {name}").format(name=data.name))
        self.watch_input()

    def save(self) -> None:
        self.binder.clear_error()
        self.message.show_message("")
        data = self.values()
        if self.provider_id is None:
            call = self.ctx.op(add_provider, data)
        else:
            call = self.ctx.op(edit_provider, self.provider_id, data)
        self.save_button.setEnabled(False)
        call.success(self._saved).failure(self._failed).source(self).run()

    def _saved(self, changed: Changed) -> None:
        self.save_button.setEnabled(True)
        self.edited = False
        if self.provider_id is None:
            self.ctx.windows.rekey(("provider", "new"), ("provider", changed.id))
        self.provider_id = changed.id
        self.setWindowTitle(_("Provider: {name}").format(name=self.binder.get("name")))
        self.message.show_message("")
        self._set_qa_enabled()
        self._save_tabs()

    def _save_tabs(self) -> None:
        """Save adds what is typed on the QA and concerns tabs too, one after another, then
        closes if Save was chosen on the way out; a refusal shows on its tab and stays."""
        if self.audits.pending():
            self.audits.add(self._save_tabs, lambda: self._tab_refused(self.audits))
        elif self.concerns.pending():
            self.concerns.add(self._save_tabs, lambda: self._tab_refused(self.concerns))
        elif self.concerns.outcome_pending():
            self.concerns.record_outcome(self._save_tabs, lambda: self._tab_refused(self.concerns))
        else:
            self.saved_and_close()

    def _tab_refused(self, tab: QWidget) -> None:
        self._close_after_save = False
        self.tabs.setCurrentWidget(tab)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        text = describe_error(exc)
        if isinstance(exc, ValidationError):
            fix = f" ({exc.fix})" if exc.fix else ""
            name = self.binder.show_error(exc.field, f"{exc.message}{fix}")
            if name is not None:
                self.tabs.setCurrentIndex(0)
                self.binder.focus(name, self.form_scroll)
                return
        elif not isinstance(exc, ApdeskError):
            text = describe_error(exc)
        self.message.show_message(text)

    def _set_qa_enabled(self) -> None:
        ready = self.provider_id is not None
        for index in (1, 2):
            self.tabs.setTabEnabled(index, ready)
        if ready and self.provider_id is not None:
            self.audits.load(self.provider_id)
            self.concerns.load(self.provider_id)
