"""One pupil at a glance beside the register: who they are, needs, contacts, placements, voice
and documents. It follows changes to any of them, wherever they were made."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _, format_date, format_number
from apdesk.models.enums import Gender, NeedCategory, SenStatus
from apdesk.store.changes import Changes
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.follow import ChangeFollower, Loader
from apdesk.ui.pupils.attachments import AttachmentsBox
from apdesk.ui.pupils.contact_editor import ContactEditor
from apdesk.ui.pupils.data import DETAIL_SHOWS, PupilView, load_pupil
from apdesk.ui.pupils.jumps import PupilJumps, jumps_menu
from apdesk.ui.pupils.lists import fill_list, make_list
from apdesk.ui.record.actions import RecordActions
from apdesk.ui.sharing.banner import ConflictBanner
from apdesk.ui.widgets.button_row import ButtonRow
from apdesk.ui.widgets.section_box import SectionBox


def section(title: str, body: QWidget | QLabel) -> QGroupBox:
    box = SectionBox(title)  # a long title elides rather than widen the narrow record
    layout = QVBoxLayout(box)
    layout.addWidget(body)
    return box


def text_label(name: str) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    return label


class PupilDetailPanel(QScrollArea):
    """Shows `view`; asks the page to open the editor through `edit_requested`, and to go to
    what the record links to through `jumps`."""

    edit_requested = Signal(int)
    shown = Signal()  # a record (or none) is shown: its width may have changed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: PupilView | None = None
        self.pupil_id: int | None = None  # the pupil asked for (shown once their record comes)
        self.loader: Loader[PupilView | None] = Loader(ctx, self._no_pupil, self._arrived, self)
        self.follower = ChangeFollower(self, ctx, DETAIL_SHOWS, self._changed)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(_("Pupil details"))
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(12, 8, 12, 12)

        self.title = QLabel(_("Choose a pupil in the list to see their record."))
        self.title.setWordWrap(True)  # read as the name (or the hint) it shows
        self.edit_button = QPushButton(_("&Edit…"))
        self.edit_button.setAccessibleName(_("Edit this pupil"))
        self.edit_button.setToolTip(_("Edit this pupil (Ctrl+E)"))
        self.edit_button.setShortcut("Ctrl+E")
        self.edit_button.clicked.connect(self._edit)
        self.jumps = PupilJumps(self)
        self.place_button = QPushButton(_("Place &this pupil…"))
        self.place_button.setAccessibleName(_("Place this pupil: a new placement for them"))
        self.place_button.setToolTip(_("A new placement with this pupil chosen"))
        self.place_button.clicked.connect(self.place)
        self.more_menu = jumps_menu(self)
        self.more_menu.aboutToShow.connect(self._fill_more)
        self.more_button = QPushButton(_("&More"))
        self.more_button.setAccessibleName(
            _("More: this pupil's placements, plan, attendance row or timetable")
        )
        self.more_button.setToolTip(_("Their placements, plan, attendance row and timetable"))
        self.more_button.setMenu(self.more_menu)
        # The name on a line of its own, the actions under it: the panel may be narrow.
        top = QVBoxLayout()
        top.addWidget(self.title)
        self.action_row = ButtonRow([self.edit_button, self.place_button, self.more_button])
        top.addWidget(self.action_row)
        self.facts = text_label(_("Pupil facts"))
        self.conflict_banner = ConflictBanner(ctx, "pupil", inner)
        layout.addLayout(top)
        layout.addWidget(self.conflict_banner)
        layout.addWidget(self.facts)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        self.needs = text_label(_("Needs"))
        self.health = text_label(_("Health needs"))
        self.family = text_label(_("Family support"))
        self.safety = text_label(_("Safety information"))
        for title, label in (
            (_("Needs"), self.needs),
            (_("Health needs"), self.health),
            (_("Family support"), self.family),
            (_("Safety information"), self.safety),
        ):
            body.addWidget(section(title, label))
        body.addWidget(self._contacts_section())
        self.placements = make_list(_("Placements"))
        self.placements.setToolTip(_("Enter or a double-click opens the placement"))
        self.placements.itemActivated.connect(self._placement_activated)
        body.addWidget(section(_("Placements"), self.placements))
        self.voice = text_label(_("Child and family voice"))
        body.addWidget(section(_("Child and family voice"), self.voice))
        self.attachments = AttachmentsBox(ctx)
        body.addWidget(section(_("Documents"), self.attachments))
        self.record_actions = RecordActions(ctx)  # leaving, suspensions, subject access
        body.addWidget(self.record_actions)
        body.addStretch(1)
        layout.addWidget(self.body)
        self.setWidget(inner)
        self.show_view(None)

    def _contacts_section(self) -> QGroupBox:
        self.contacts = make_list(_("Contacts"))
        self.contacts.itemActivated.connect(lambda _item: self.edit_contact())
        self.add_contact_button = QPushButton(_("Add &contact…"))
        self.add_contact_button.setAccessibleName(_("Add a contact"))
        self.add_contact_button.clicked.connect(self.add_contact)
        self.edit_contact_button = QPushButton(_("Edit c&ontact…"))
        self.edit_contact_button.setAccessibleName(_("Edit the chosen contact"))
        self.edit_contact_button.clicked.connect(self.edit_contact)
        buttons = ButtonRow([self.add_contact_button, self.edit_contact_button])  # wraps
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.contacts)
        layout.addWidget(buttons)
        return section(_("Contacts"), holder)

    # -- loading -------------------------------------------------------------------
    def load(self, pupil_id: int | None) -> None:
        self.pupil_id = pupil_id
        self.record_actions.load(pupil_id)
        self.conflict_banner.set_record(pupil_id)
        if pupil_id is None:
            self.show_view(None)
            return
        self.loader.fetch = partial(load_pupil, pupil_id=pupil_id)
        self.loader.reload()

    def reload(self) -> None:
        if self.pupil_id is not None:
            self.loader.reload()

    def _changed(self, _changes: Changes) -> None:
        self.reload()

    @staticmethod
    def _no_pupil(_session: object) -> None:
        return None

    def _arrived(self, view: PupilView | None) -> None:
        if view is not None and view.id != self.pupil_id:
            return  # another pupil was chosen meanwhile: their record follows
        self.show_view(view)  # None: removed meanwhile (the list refreshes on its own)

    def show_view(self, view: PupilView | None) -> None:
        another = view is not None and (self.view is None or self.view.id != view.id)
        self.view = view
        if another:  # a new pupil's record opens at their name, never part way down at the
            self.verticalScrollBar().setValue(0)  # contacts of the pupil read before
        self.body.setVisible(view is not None)
        for button in (self.edit_button, self.place_button, self.more_button):
            button.setEnabled(view is not None)
        font = QFont(self.font())
        if view is None:
            self.title.setFont(font)
            self.title.setText(_("Choose a pupil in the list to see their record."))
            self.facts.setText("")
            self.shown.emit()
            return
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setText(view.name)
        self.facts.setText(self._facts(view))
        data = view.data
        labels = {need.value: _(need.label) for need in NeedCategory}
        self.needs.setText("\n".join(f"• {labels.get(n, n)}" for n in data.needs) or _("None"))
        for label, text in (
            (self.health, data.health_needs),
            (self.family, data.family_support),
            (self.safety, data.safety_info),
        ):
            label.setText(text or _("Nothing recorded."))
        self._fill_contacts(view)
        self._fill_placements(view)
        self.voice.setText(self._voice_text(view))
        self.attachments.show_items(view.id, view.attachments)
        self.shown.emit()

    @staticmethod
    def _facts(view: PupilView) -> str:
        data = view.data
        parts = [
            _("UPN {upn}").format(upn=data.upn),
            view.year_label,
            _("born {date}").format(date=format_date(data.dob)),
            _(Gender(data.gender).label),
            _(SenStatus(data.sen_status).label),
            _("Looked after") if data.looked_after else _("Not looked after"),
        ]
        if data.preferred_name:
            parts.insert(0, _("Legal name {name}").format(name=f"{data.forename} {data.surname}"))
        return " · ".join(parts)

    def _fill_contacts(self, view: PupilView) -> None:
        entries = []
        for contact in view.contacts:
            c = contact.data
            first = f"{c.name} ({c.relationship})" if c.relationship else c.name
            if c.parental_responsibility:
                first += " · " + _("parental responsibility")
            second = " · ".join(part for part in (c.phone, c.email) if part)
            lines = [first, second, c.address.replace("\n", ", ")]
            entries.append(("\n".join(line for line in lines if line), contact.id))
        fill_list(self.contacts, entries, _("No contacts yet."))

    def _fill_placements(self, view: PupilView) -> None:
        entries = []
        for p in view.placements:
            dates = _("from {start}").format(start=format_date(p.start_date))
            if p.end_date:
                dates = _("{start} to {end}").format(
                    start=format_date(p.start_date), end=format_date(p.end_date)
                )
            if p.start_date is None:
                dates = _("no dates yet")
            second = [
                dates,
                _("{hours} hours a week").format(hours=format_number(p.hours_per_week)),
            ]
            if p.outcome_label:
                second.append(_("outcome: {outcome}").format(outcome=_(p.outcome_label)))
            text = f"{p.provider} — {_(p.status_label)}\n" + " · ".join(second)
            entries.append((text, p.id))
        fill_list(self.placements, entries, _("No placements."))

    @staticmethod
    def _voice_text(view: PupilView) -> str:
        if not view.voice:
            return _("Nothing recorded yet.")
        lines = []
        several = len(view.placements) > 1  # else the one placement goes without saying
        for entry in view.voice:
            how = f" ({entry.how_gathered})" if entry.how_gathered else ""
            where = f" · {', '.join(entry.providers)}" if several and entry.providers else ""
            head = f"{format_date(entry.said_on)} · {_(entry.voice_of)}{how}{where}"
            lines.append(f"{head}: {entry.text}")
        return "\n\n".join(lines)

    # -- actions -------------------------------------------------------------------
    def chosen_placement(self) -> int | None:
        item = self.placements.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, int) else None

    def _placement_activated(self, item: QListWidgetItem) -> None:
        value = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(value, int):
            self.jumps.open_placement(value)

    def _fill_more(self) -> None:
        self.jumps.fill(self.more_menu, self.view, self.chosen_placement)

    def place(self) -> None:
        if self.view is not None:
            self.jumps.place(self.view)

    def _edit(self) -> None:
        if self.view is not None:
            self.edit_requested.emit(self.view.id)

    def add_contact(self) -> ContactEditor | None:
        if self.view is None:
            return None
        dialog = ContactEditor(self.ctx, self.view.id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit_contact(self) -> ContactEditor | None:
        item = self.contacts.currentItem()
        if self.view is None or item is None:
            return None
        wanted = item.data(Qt.ItemDataRole.UserRole)
        found = next((c for c in self.view.contacts if c.id == wanted), None)
        if found is None:
            return None
        dialog = ContactEditor(self.ctx, self.view.id, found.data, found.id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
