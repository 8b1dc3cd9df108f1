"""Hybrid IAP timetables and stepped reintegration: the school day, groups, versions, the
mainstream share, checks and the suggested next step. No Qt: the grid editor builds on these."""

from apdesk.models.timetable_grid import CellKey, Grid, Share, SlotValue, Structure
from apdesk.services.timetables.checks import Check, Draft, check_grid, check_timetable
from apdesk.services.timetables.grid import apply_changes, blank_grid, set_slot
from apdesk.services.timetables.groups import GroupView, group_view
from apdesk.services.timetables.share import compute_share, share_chart, share_history
from apdesk.services.timetables.structure import load_structure
from apdesk.services.timetables.suggest import (
    SlotMove,
    Suggestion,
    accept_suggestion,
    suggest_next_step,
)
from apdesk.services.timetables.versions import (
    copy_forward,
    create_version,
    day_plan,
    list_versions,
    load_grid,
    save_grid,
    version_in_force,
)

__all__ = [
    "CellKey",
    "Check",
    "Draft",
    "Grid",
    "GroupView",
    "Share",
    "SlotMove",
    "SlotValue",
    "Structure",
    "Suggestion",
    "accept_suggestion",
    "apply_changes",
    "blank_grid",
    "check_grid",
    "check_timetable",
    "compute_share",
    "copy_forward",
    "create_version",
    "day_plan",
    "group_view",
    "list_versions",
    "load_grid",
    "load_structure",
    "save_grid",
    "set_slot",
    "share_chart",
    "share_history",
    "suggest_next_step",
    "version_in_force",
]
