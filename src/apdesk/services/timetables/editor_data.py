"""What the timetable editor reads, as plain rows: the pupils to choose from, the school's day
and menus, one pupil's versions with their shares, one version's grid. Reads only: the GUI
runs them in a session that refuses writes and never holds a session itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from apdesk.models.timetable_plan import VersionStatus
from apdesk.services.pupils import pupil_detail
from apdesk.services.pupils.picks import pupil_picks
from apdesk.services.timetables import (
    Draft,
    Grid,
    Structure,
    compute_share,
    list_versions,
    load_grid,
    load_structure,
)
from apdesk.services.timetables.export import export_rows
from apdesk.services.timetables.groups import DEFAULT_ACTIVITIES, list_activities, list_groups
from apdesk.services.timetables.ratings import get_goal
from apdesk.services.timetables.share import ShareChart, share_chart
from apdesk.services.timetables.suggest import DEFAULT_STEP


@dataclass(frozen=True)
class PupilChoice:
    id: int
    name: str  # "Known-as Surname", as every screen names the pupil
    upn: str
    has_timetable: bool
    search: str = ""  # both names and the UPN: what a picker finds the pupil by


@dataclass(frozen=True)
class VersionRow:
    version_id: int
    effective_date: date
    status: VersionStatus
    share: float
    mainstream_lessons: int
    lesson_slots: int
    group_id: int | None
    notes: str
    next_review: date | None
    part_time_reason: str


@dataclass(frozen=True)
class PupilTimetables:
    """Everything the page shows about one pupil apart from the grid being edited."""

    pupil_id: int
    versions: list[VersionRow]
    chart: ShareChart
    step_size: int
    placements: list[tuple[int, str]] = field(default_factory=list)  # (id, label)


@dataclass(frozen=True)
class Catalogue:
    """The school's day, its IAP groups and the named sessions: the same for every pupil."""

    structure: Structure
    groups: list[tuple[int, str]]
    activities: list[str]


@dataclass(frozen=True)
class VersionDoc:
    version_id: int
    grid: Grid
    draft: Draft


def load_pupils(session: Session) -> list[PupilChoice]:
    """Pupils with a timetable first (the ones the lead works with), then everyone else."""
    timetabled = {row["upn"] for row in export_rows(session)}
    picks = pupil_picks(session)
    choices = [
        PupilChoice(pid, name, upn, upn in timetabled, search)
        for pid, name, upn, search in zip(
            picks.ids, picks.names, picks.upns, picks.search, strict=True
        )
    ]
    return sorted(choices, key=lambda c: not c.has_timetable)


def load_catalogue(session: Session) -> Catalogue:
    """The school's day, its groups and its named sessions (the usual ones until it has its
    own: a menu to choose from, offered without writing anything)."""
    structure = load_structure(session)
    groups = [(g.id or 0, g.name) for g in list_groups(session)]
    activities = [a.name for a in list_activities(session)]
    if not activities:
        activities = sorted(name for name, _kind in DEFAULT_ACTIVITIES)
    return Catalogue(structure, groups, activities)


def load_pupil(session: Session, pupil_id: int) -> PupilTimetables:
    structure = load_structure(session)
    rows = []
    for v in list_versions(session, pupil_id):
        share = compute_share(load_grid(session, v.version_id), structure)
        rows.append(
            VersionRow(
                v.version_id,
                v.effective_date,
                v.status,
                share.mainstream_share,
                share.mainstream_lessons,
                share.lesson_slots,
                v.group_id,
                v.notes,
                v.next_review,
                v.part_time_reason,
            )
        )
    goal = get_goal(session, pupil_id)
    detail = pupil_detail(session, pupil_id)
    placements = [(p.id, f"{p.provider} ({p.status_label})") for p in detail.placements]
    return PupilTimetables(
        pupil_id,
        rows,
        share_chart(session, pupil_id),
        goal.step_size if goal else DEFAULT_STEP,
        placements,
    )


def load_version(session: Session, pupil_id: int, row: VersionRow) -> VersionDoc:
    grid = load_grid(session, row.version_id)
    draft = Draft(pupil_id, row.effective_date, row.group_id, row.part_time_reason)
    return VersionDoc(row.version_id, grid, draft)
