"""B-code attendance: expected sessions, marks and amendments, provider returns, statistics.

The public functions are re-exported here so the GUI and the CLI import from one place.
"""

from apdesk.models.figures import Figures
from apdesk.services.attendance.expected import ExpectedSession, expected_sessions
from apdesk.services.attendance.export import attendance_report, mis_csv, mis_rows
from apdesk.services.attendance.marks import (
    MarkResult,
    current_mark,
    current_marks,
    mark_history,
    parse_session,
    record_mark,
    withdraw_mark,
)
from apdesk.services.attendance.part_time import PartTimeEntry, part_time_pupils
from apdesk.services.attendance.register import RegisterCell, RegisterGrid, register_grid
from apdesk.services.attendance.returns_import import (
    ImportResult,
    import_returns,
    import_returns_file,
)
from apdesk.services.attendance.statistics import (
    ap_pupil_figures,
    cohort_figures,
    missing_sessions,
    placement_figures,
    provider_figures,
    pupil_figures,
    weekly_figures,
)
from apdesk.services.attendance.today import (
    LateReturn,
    TodayBoard,
    TodayPupil,
    get_return_cutoff,
    late_returns,
    set_return_cutoff,
    today_board,
)

__all__ = [
    "ExpectedSession",
    "Figures",
    "ImportResult",
    "LateReturn",
    "MarkResult",
    "PartTimeEntry",
    "RegisterCell",
    "RegisterGrid",
    "TodayBoard",
    "TodayPupil",
    "ap_pupil_figures",
    "attendance_report",
    "cohort_figures",
    "current_mark",
    "current_marks",
    "expected_sessions",
    "get_return_cutoff",
    "import_returns",
    "import_returns_file",
    "late_returns",
    "mark_history",
    "mis_csv",
    "mis_rows",
    "missing_sessions",
    "parse_session",
    "part_time_pupils",
    "placement_figures",
    "provider_figures",
    "pupil_figures",
    "record_mark",
    "register_grid",
    "set_return_cutoff",
    "today_board",
    "weekly_figures",
    "withdraw_mark",
]
