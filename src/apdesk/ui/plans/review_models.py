"""Reviews and follow-ups that are due or overdue, as one list of plain rows and its columns.

The state is always written out ("Overdue by 5 days") beside its icon, so neither colour nor
an icon is the only signal."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from apdesk.i18n import N_
from apdesk.services.plans.due_list import DueRow
from apdesk.ui.theme import icons
from apdesk.ui.widgets.columns_model import Column, day, day_sort


def due_columns(widget: QWidget) -> list[Column[DueRow]]:
    overdue: QIcon = icons.icon("state.overdue")
    due: QIcon = icons.icon("state.due")
    return [
        Column(
            N_("State"),
            lambda r: r.state,
            lambda r: r.urgency,
            icon=lambda r: overdue if r.overdue else due,
            tooltip=lambda r: r.basis,
        ),
        Column(N_("Due"), lambda r: day(r.due_on), lambda r: day_sort(r.due_on)),
        Column(N_("What"), lambda r: r.what),
        Column(N_("Pupil"), lambda r: r.pupil_name, tooltip=lambda r: f"{r.pupil_name} ({r.upn})"),
        Column(N_("Provider"), lambda r: r.provider_name),
    ]
