"""The versions of a pupil's timetable, listed beside the week's grid.

Each version is one line (its day, status and mainstream share), the one in force is shown
first, and Accept and Reject under the list act on the proposed one. The list is filled and
pointed quietly: only a person's choice of a line loads that version into the grid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _, format_date
from apdesk.models.timetable_plan import VersionStatus
from apdesk.services.timetables.editor_data import VersionRow


def version_text(row: VersionRow) -> str:
    return _("{day} · {status} · {share:.0%} mainstream ({n} of {total} lessons)").format(
        day=format_date(row.effective_date),
        status=_(row.status.label),
        share=row.share,
        n=row.mainstream_lessons,
        total=row.lesson_slots,
    )


def version_to_show(rows: list[VersionRow], today: date) -> VersionRow | None:
    accepted = [r for r in rows if r.status is VersionStatus.ACCEPTED]
    in_force = [r for r in accepted if r.effective_date <= today]
    chosen = in_force or accepted or rows
    return chosen[-1] if chosen else None


@dataclass(frozen=True)
class VersionsBox:
    box: QWidget
    versions: QListWidget
    accept_button: QPushButton
    reject_button: QPushButton


def versions_box(parent: QWidget) -> VersionsBox:
    """The heading, the list, then Accept and Reject; made in the order Tab follows."""
    versions = QListWidget(parent)
    versions.setAccessibleName(_("Versions of this timetable"))
    versions.setWordWrap(True)  # "23 November 2026 · Accepted · 32% mainstream …"
    accept_button = QPushButton(_("A&ccept proposed"), parent)
    reject_button = QPushButton(_("Re&ject proposed"), parent)
    box = QWidget(parent)
    vbox = QVBoxLayout(box)
    vbox.setContentsMargins(0, 0, 0, 0)
    vbox.addWidget(QLabel(_("<b>Versions</b> (each step is a new version)"), parent))
    vbox.addWidget(versions, 1)
    row = QHBoxLayout()
    row.addWidget(accept_button)
    row.addWidget(reject_button)
    row.addStretch(1)
    vbox.addLayout(row)
    return VersionsBox(box, versions, accept_button, reject_button)


def row_of(item: QListWidgetItem | None) -> VersionRow | None:
    """The version a line of the list stands for."""
    row: VersionRow | None = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
    return row


def list_versions(
    view: QListWidget, rows: list[VersionRow], current: int | None, today: date
) -> None:
    """A line per version, quietly; then the line of `current` (or, with none, of the version
    in force) is chosen, as a person's choice would be."""
    view.blockSignals(True)
    view.clear()
    chosen_item = None
    default = version_to_show(rows, today)
    for row in rows:
        item = QListWidgetItem(version_text(row))
        item.setData(Qt.ItemDataRole.UserRole, row)
        item.setToolTip(row.notes)
        view.addItem(item)
        if row.version_id == current or (current is None and row is default):
            chosen_item = item
    view.blockSignals(False)
    if chosen_item is not None:
        view.setCurrentItem(chosen_item)


def point_at_version(view: QListWidget, version_id: int) -> None:
    """Choose the line of `version_id` again, quietly: the grid shows it already."""
    for index in range(view.count()):
        item = view.item(index)
        shown = row_of(item)
        if shown is not None and shown.version_id == version_id:
            view.blockSignals(True)
            view.setCurrentItem(item)
            view.blockSignals(False)
