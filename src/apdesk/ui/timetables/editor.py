"""The grid editor: week tabs, the grid, a legend, and the keyboard commands turned into undoable
changes. The page around it decides what is loaded and how it is saved."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QLabel, QTabBar, QVBoxLayout, QWidget

from apdesk.i18n import _
from apdesk.models.enums import SlotKind
from apdesk.models.errors import ValidationError
from apdesk.models.timetable_grid import CellKey
from apdesk.services.timetables import SlotValue, Structure
from apdesk.services.timetables.grid import cell_name
from apdesk.ui.timetables.commands import Changes, GridDocument
from apdesk.ui.timetables.grid import (
    KEY_ROLE,
    TimetableGridModel,
    TimetableGridView,
    colours,
    key_hint,
    meaning,
    tag,
)
from apdesk.ui.timetables.slot_dialog import SlotDialog
from apdesk.ui.widgets.value_label import ValueLabel

LEGEND_KINDS = (SlotKind.MAINSTREAM, SlotKind.IAP, SlotKind.OFFSITE, SlotKind.SOCIAL, None)


class Legend(QLabel):
    """Each kind's colour swatch beside its tag and what it means; wraps on a narrow window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        entries = []
        for kind in LEGEND_KINDS:
            fill = colours(kind, self.palette())[0].name()
            swatch = f'<span style="color:{fill}; font-size:large">&#9632;</span>'
            words = f"<b>{tag(kind)}</b> {meaning(kind)}".replace(" ", "&nbsp;").replace(
                "-", "&#8209;"
            )
            entries.append(f"{swatch}&nbsp;{words}")  # an entry never breaks across lines
        self.setText(" &nbsp;&nbsp; ".join(entries))
        # Read as the words it shows (the colour swatches say nothing to a screen reader).
        words = "; ".join(f"{tag(k)}: {meaning(k)}" for k in LEGEND_KINDS)
        self.setAccessibleName(_("Legend: {entries}").format(entries=words))


class TimetableEditor(QWidget):
    status = Signal(str)  # a short message for the person (e.g. why a key did nothing)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = GridDocument(self)
        self.structure = Structure()
        self.activities: list[str] = []
        self.placements: list[tuple[int, str]] = []
        self.who = ""  # whose timetable: "Jay Southgate"
        self.last_activity = ""
        self.model = TimetableGridModel(self.document, self.structure, self)
        self.model.palette = self.palette()
        self.weeks = QTabBar(self)
        self.weeks.setAccessibleName(_("Week of the cycle"))
        self.weeks.currentChanged.connect(lambda i: self.model.set_week(i + 1))
        self.view = TimetableGridView(self)
        self.view.setModel(self.model)
        self.view.typed.connect(self.handle_key)
        self.view.copy_requested.connect(self.copy_slot)
        self.legend = Legend(self)
        self.hint = ValueLabel(_("Keys for the timetable grid"), key_hint(), self)  # read whole
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.weeks)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.legend)
        self.setFocusProxy(self.view)

    def set_structure(self, structure: Structure) -> None:
        self.structure = structure
        self.model.set_structure(structure)
        while self.weeks.count():
            self.weeks.removeTab(0)
        if structure.cycle_weeks > 1:
            for week in structure.weeks:
                self.weeks.addTab(_("Week {n}").format(n=week))
        self.weeks.setVisible(structure.cycle_weeks > 1)

    def set_choices(
        self, activities: Sequence[str], placements: Sequence[tuple[int, str]], who: str = ""
    ) -> None:
        """The sessions and placements a slot may name, and whose timetable this is (the name
        a slot's window is titled with)."""
        self.activities = list(activities)
        self.placements = list(placements)
        self.who = who

    # -- selection --------------------------------------------------------------------
    def select_slots(self, keys: Sequence[CellKey]) -> None:
        """Show the slots a check names: switch to their week and select them."""
        if not keys:
            return
        if keys[0][0] != self.model.week and self.weeks.count():
            self.weeks.setCurrentIndex(keys[0][0] - 1)
        selection = QItemSelection()
        for key in keys:
            index = self.model.index_of(key)
            if index.isValid():
                selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.view.selectionModel().select(selection, flags)
        first = self.model.index_of(keys[0])
        if first.isValid():
            self.view.selectionModel().setCurrentIndex(
                first, QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.view.scrollTo(first)

    def selected_keys(self) -> list[CellKey]:
        return self.view.selected_keys()

    # -- commands ------------------------------------------------------------------
    def handle_key(self, command: str) -> None:
        keys = self.selected_keys()
        if not keys:
            return
        if command == "edit":
            self.edit_slot(self.view.currentIndex().data(KEY_ROLE) or keys[0])
            return
        changes: Changes = {}
        needs_detail: list[CellKey] = []
        for key in keys:
            old = self.document.grid.get(key)
            if command == "clear":
                changes[key] = None
                continue
            new = self._typed_value(command, old)
            if new is None:
                needs_detail.append(key)
            else:
                changes[key] = new
        labels = {"M": _("Set lesson"), "I": _("Set IAP"), "O": _("Set off-site"),
                  "S": _("Set with friends"), "clear": _("Clear slot")}  # fmt: skip
        self.apply(changes, labels[command])
        if needs_detail and len(keys) == 1:
            kind = {"M": SlotKind.MAINSTREAM, "O": SlotKind.OFFSITE}.get(command, SlotKind.IAP)
            self.edit_slot(needs_detail[0], kind)
        elif needs_detail:
            self.status.emit(_("Some slots need details first: press Enter on each to add them."))

    def _typed_value(self, command: str, old: SlotValue | None) -> SlotValue | None:
        subject = old.subject if old else ""
        class_code = old.class_code if old else ""
        teacher = old.teacher if old else ""
        if command == "S":
            return SlotValue.social()
        if command == "M":
            return SlotValue.mainstream(subject, class_code, teacher) if subject else None
        if command == "I":
            if old is not None and old.kind is SlotKind.IAP:
                return old
            activity = self.last_activity or (self.activities[0] if self.activities else "")
            return SlotValue.iap(activity, subject, class_code, teacher) if activity else None
        if not self.placements:
            self.status.emit(_("This pupil has no off-site placement to link the slot to."))
            return None
        return SlotValue.offsite(self.placements[0][0], "", subject)

    def edit_slot(self, key: CellKey, kind: SlotKind | None = None) -> SlotDialog:
        old = self.document.grid.get(key)
        kind = kind or (old.kind if old else SlotKind.MAINSTREAM)
        where = cell_name(key, self.structure)
        if self.who:
            where = _("{who}: {slot}").format(who=self.who, slot=where)
        dialog = SlotDialog(key, where, old, kind, self.activities, self.placements, self)
        dialog.accepted.connect(lambda: self.apply({key: dialog.value}, _("Edit slot")))
        dialog.open()
        return dialog

    def copy_slot(self, source: CellKey, target: CellKey) -> None:
        self.apply({target: self.document.grid.get(source)}, _("Copy slot"))

    def apply(self, changes: Changes, text: str) -> None:
        if not changes:
            return
        try:
            self.document.change(changes, text)
        except ValidationError as exc:
            self.status.emit(str(exc))
            return
        for value in changes.values():
            if value is not None and value.kind is SlotKind.IAP and value.activity:
                self.last_activity = value.activity
        self.status.emit("")
