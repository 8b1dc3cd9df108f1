"""A pupil's timetable over time: each reintegration step is a new version from an effective
date, and older versions stay as the history. A version is "proposed" until the lead accepts it;
only accepted versions are ever in force."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from apdesk.i18n import _, format_date
from apdesk.models import Pupil, TimetableSlot, TimetableVersion, TimetableVersionState
from apdesk.models.errors import ValidationError
from apdesk.models.timetable_grid import DAYS, CellKey, Grid, SlotValue
from apdesk.models.timetable_plan import VersionStatus
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.timetables.grid import (
    apply_changes,
    grid_from_slots,
    slot_rows,
    validate_value,
)
from apdesk.services.timetables.structure import load_structure


@dataclass(frozen=True)
class VersionSummary:
    """One version as a list row: enough for a history list without loading slots."""

    version_id: int
    pupil_id: int
    effective_date: date
    status: VersionStatus
    group_id: int | None
    notes: str
    next_review: date | None
    part_time_reason: str


def state_of(session: Session, version_id: int) -> TimetableVersionState:
    """The version's status row, made if missing, for a change to it (operations only)."""
    state = session.get(TimetableVersionState, version_id)
    if state is None:
        state = TimetableVersionState(version_id=version_id)
        session.add(state)
        session.flush()
    return state


def read_state(session: Session, version_id: int) -> TimetableVersionState:
    """The version's status row to read (versions made without one count as accepted); a
    missing row is stood in for, not written: reads never change the record."""
    found = session.get(TimetableVersionState, version_id)
    return found if found is not None else TimetableVersionState(version_id=version_id)


def _pupil(session: Session, pupil_id: int) -> Pupil:
    pupil = session.get(Pupil, pupil_id)
    if pupil is None:
        raise ValidationError(
            "Pupil",
            _("no pupil with id {id}").format(id=pupil_id),
            _("choose a pupil on roll"),
        )
    return pupil


def _check_date_free(
    session: Session, pupil_id: int, effective_date: date, ignore: int | None = None
) -> None:
    for summary in list_versions(session, pupil_id):
        if (
            summary.effective_date == effective_date
            and summary.status is VersionStatus.ACCEPTED
            and summary.version_id != ignore
        ):
            raise ValidationError(
                "Effective date",
                _("a timetable already starts on {day}").format(day=format_date(effective_date)),
                _("choose another date, or edit that version"),
            )


def create_version(
    session: Session,
    pupil_id: int,
    effective_date: date,
    grid: Mapping[CellKey, SlotValue],
    *,
    group_id: int | None = None,
    notes: str = "",
    status: VersionStatus = VersionStatus.ACCEPTED,
    next_review: date | None = None,
    part_time_reason: str = "",
) -> TimetableVersion:
    _pupil(session, pupil_id)
    for value in grid.values():
        validate_value(value)
    if status is VersionStatus.ACCEPTED:
        _check_date_free(session, pupil_id, effective_date)
    version = TimetableVersion(
        pupil_id=pupil_id, effective_date=effective_date, group_id=group_id, notes=notes
    )
    session.add(version)
    session.flush()
    vid = version.id or 0
    session.add_all(slot_rows(vid, grid))
    session.add(
        TimetableVersionState(
            version_id=vid,
            status=status,
            next_review=next_review,
            part_time_reason=part_time_reason,
            decided_on=effective_date if status is VersionStatus.ACCEPTED else None,
        )
    )
    session.flush()
    return version


def get_version(session: Session, version_id: int) -> TimetableVersion:
    version = session.get(TimetableVersion, version_id)
    if version is None:
        raise ValidationError(
            "Timetable",
            _("no version {id}").format(id=version_id),
            _("pick one from the list"),
        )
    return version


def load_grid(session: Session, version_id: int) -> Grid:
    slots = session.exec(select(TimetableSlot).where(TimetableSlot.version_id == version_id)).all()
    return grid_from_slots(slots)


def save_grid(session: Session, version_id: int, grid: Mapping[CellKey, SlotValue]) -> None:
    """Replace a version's slots with `grid` (the editor's Save)."""
    get_version(session, version_id)
    for value in grid.values():
        validate_value(value)
    for row in session.exec(select(TimetableSlot).where(TimetableSlot.version_id == version_id)):
        session.delete(row)
    session.flush()
    session.add_all(slot_rows(version_id, grid))
    session.flush()


def copy_forward(
    session: Session,
    version_id: int,
    effective_date: date,
    *,
    changes: Mapping[CellKey, SlotValue | None] | None = None,
    notes: str = "",
    status: VersionStatus = VersionStatus.ACCEPTED,
    next_review: date | None = None,
) -> TimetableVersion:
    """The next version: the same slots (with `changes` applied) from a later date."""
    base = get_version(session, version_id)
    if effective_date <= base.effective_date:
        raise ValidationError(
            "Effective date",
            _("is not after the version it copies ({day})").format(
                day=format_date(base.effective_date)
            ),
            _("choose a later date"),
        )
    grid = apply_changes(load_grid(session, version_id), changes or {})
    base_state = state_of(session, version_id)
    return create_version(
        session,
        base.pupil_id,
        effective_date,
        grid,
        group_id=base.group_id,
        notes=notes,
        status=status,
        next_review=next_review,
        part_time_reason=base_state.part_time_reason,
    )


def list_versions(session: Session, pupil_id: int) -> list[VersionSummary]:
    """Every version of a pupil's timetable, oldest first (the history)."""
    rows = session.exec(
        select(TimetableVersion)
        .where(TimetableVersion.pupil_id == pupil_id)
        .order_by(col(TimetableVersion.effective_date), col(TimetableVersion.id))
    ).all()
    out = []
    for v in rows:
        state = session.get(TimetableVersionState, v.id)
        out.append(
            VersionSummary(
                v.id or 0,
                v.pupil_id,
                v.effective_date,
                state.status if state else VersionStatus.ACCEPTED,
                v.group_id,
                v.notes,
                state.next_review if state else None,
                state.part_time_reason if state else "",
            )
        )
    return out


def version_in_force(session: Session, pupil_id: int, on_date: date) -> TimetableVersion | None:
    """The accepted version with the latest effective date on or before `on_date`."""
    best = None
    for summary in list_versions(session, pupil_id):
        if summary.status is VersionStatus.ACCEPTED and summary.effective_date <= on_date:
            best = summary
    return session.get(TimetableVersion, best.version_id) if best else None


def set_status(
    session: Session, version_id: int, status: VersionStatus, on: date | None = None
) -> TimetableVersionState:
    """Accept or reject a proposed version (a rejected one stays in the history)."""
    version = get_version(session, version_id)
    if status is VersionStatus.ACCEPTED:
        _check_date_free(session, version.pupil_id, version.effective_date, ignore=version_id)
    state = state_of(session, version_id)
    state.status = status
    state.decided_on = on or version.effective_date
    session.add(state)
    session.flush()
    return state


def update_details(
    session: Session,
    version_id: int,
    *,
    effective_date: date | None = None,
    group_id: int | None = None,
    notes: str | None = None,
    next_review: date | None = None,
    part_time_reason: str | None = None,
) -> TimetableVersion:
    version = get_version(session, version_id)
    state = state_of(session, version_id)
    if effective_date is not None and effective_date != version.effective_date:
        if state.status is VersionStatus.ACCEPTED:
            _check_date_free(session, version.pupil_id, effective_date, ignore=version_id)
        version.effective_date = effective_date
    if group_id is not None:
        version.group_id = group_id
    if notes is not None:
        version.notes = notes
    if next_review is not None:
        state.next_review = next_review
    if part_time_reason is not None:
        state.part_time_reason = part_time_reason.strip()
    session.add(version)
    session.add(state)
    session.flush()
    return version


def day_plan(session: Session, pupil_id: int, on_date: date) -> list[tuple[int, SlotValue]]:
    """Where the pupil should be on `on_date`, period by period; empty on a closure or weekend.

    Uses the version in force, the week of the cycle and the closures attendance also uses."""
    version = version_in_force(session, pupil_id, on_date)
    if version is None or not SchoolCalendar.load(session).is_school_day(on_date):
        return []
    structure = load_structure(session)
    week, day = structure.week_of(on_date), DAYS[on_date.weekday()]
    grid = load_grid(session, version.id or 0)
    return [(p.number, grid[(week, day, p.number)]) for p in structure.periods
            if (week, day, p.number) in grid]  # fmt: skip
