"""What the Timetables page loads on the worker, as plain rows: the GUI never holds a session."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from apdesk.models.timetable_plan import VersionStatus
from apdesk.services.pupils import list_pupils, pupil_detail
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
from apdesk.services.timetables.groups import ensure_activities, list_activities, list_groups
from apdesk.services.timetables.ratings import get_goal
from apdesk.services.timetables.share import ShareChart, share_chart
from apdesk.services.timetables.suggest import DEFAULT_STEP
from apdesk.store import Store


@dataclass(frozen=True)
class PupilChoice:
    id: int
    name: str
    upn: str
    has_timetable: bool


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


def load_pupils(store: Store) -> list[PupilChoice]:
    """Pupils with a timetable first (the ones the lead works with), then everyone else."""
    with store.session() as s:
        timetabled = {row["upn"] for row in export_rows(s)}
        rows = list_pupils(s)
    choices = [PupilChoice(r.id, r.name, r.upn, r.upn in timetabled) for r in rows]
    return sorted(choices, key=lambda c: not c.has_timetable)


def load_catalogue(store: Store) -> Catalogue:
    with store.session() as s:
        structure = load_structure(s)
        groups = [(g.id or 0, g.name) for g in list_groups(s)]
        activities = [a.name for a in list_activities(s)]
    if not activities:
        with store.session() as s:
            activities = [a.name for a in ensure_activities(s)]
    return Catalogue(structure, groups, activities)


def load_pupil(store: Store, pupil_id: int) -> PupilTimetables:
    with store.session() as s:
        structure = load_structure(s)
        rows = []
        for v in list_versions(s, pupil_id):
            share = compute_share(load_grid(s, v.version_id), structure)
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
        goal = get_goal(s, pupil_id)
        detail = pupil_detail(s, pupil_id)
        placements = [(p.id, f"{p.provider} ({p.status_label})") for p in detail.placements]
        return PupilTimetables(
            pupil_id,
            rows,
            share_chart(s, pupil_id),
            goal.step_size if goal else DEFAULT_STEP,
            placements,
        )


def load_version(store: Store, pupil_id: int, row: VersionRow) -> VersionDoc:
    with store.session() as s:
        grid = load_grid(s, row.version_id)
    draft = Draft(pupil_id, row.effective_date, row.group_id, row.part_time_reason)
    return VersionDoc(row.version_id, grid, draft)
