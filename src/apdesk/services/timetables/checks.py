"""Checks shown beside the grid, each with the reason it matters, so the lead can fix a timetable
before it reaches the pupil: group size and staffing, clashes, off-site sessions that disagree
with the placement, and hours below full-time without a recorded part-time arrangement."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, select

from apdesk.i18n import _, ngettext
from apdesk.models import IapGroup, Placement, TimetableSlot
from apdesk.models.enums import SlotKind
from apdesk.models.timetable_grid import DAYS, CellKey, Grid, Structure
from apdesk.services.timetables.grid import cell_name, sort_key
from apdesk.services.timetables.groups import TOO_MANY, pupils_in_base, staff_of
from apdesk.services.timetables.share import compute_share
from apdesk.services.timetables.structure import load_structure
from apdesk.services.timetables.versions import get_version, load_grid, read_state

FULL_TIME_HOURS = (18.0, 25.0)


@dataclass(frozen=True)
class Check:
    code: str
    message: str
    reason: str
    slots: tuple[CellKey, ...] = field(default=())


@dataclass(frozen=True)
class Draft:
    """A timetable being edited: what the checks need besides the grid."""

    pupil_id: int
    effective_date: date
    group_id: int | None = None
    part_time_reason: str = ""


def check_timetable(session: Session, version_id: int) -> list[Check]:
    """Checks on a saved version (including slots stored twice for one period)."""
    version = get_version(session, version_id)
    structure = load_structure(session)
    state = read_state(session, version_id)
    draft = Draft(version.pupil_id, version.effective_date, version.group_id,
                  state.part_time_reason)  # fmt: skip
    found = _duplicates(session, version_id, structure)
    return found + check_grid(session, draft, load_grid(session, version_id), structure)


def check_grid(
    session: Session, draft: Draft, grid: Grid, structure: Structure | None = None
) -> list[Check]:
    """Checks on a grid not yet saved, so an editor can show them as the lead works."""
    structure = structure or load_structure(session)
    found: list[Check] = []
    found += _group(session, draft, grid, structure)
    found += _offsite(session, grid, structure)
    found += _hours(draft, grid, structure)
    return found


def _duplicates(session: Session, version_id: int, structure: Structure) -> list[Check]:
    rows = session.exec(select(TimetableSlot).where(TimetableSlot.version_id == version_id)).all()
    counts = Counter((r.week, r.day, r.period) for r in rows)
    return [
        Check(
            "two-places",
            _("Two things are timetabled at {cell}").format(cell=cell_name(key, structure)),
            _("A pupil can only be in one place at a time; staff need to know where they are."),
            (key,),
        )
        for key, n in sorted(counts.items(), key=lambda kv: sort_key(kv[0]))
        if n > 1
    ]


def _group(session: Session, version: Draft, grid: Grid, structure: Structure) -> list[Check]:
    iap = sorted((k for k, v in grid.items() if v.kind is SlotKind.IAP), key=sort_key)
    if not iap:
        return []
    group = session.get(IapGroup, version.group_id) if version.group_id else None
    if group is None:
        return [
            Check(
                "no-group",
                _("IAP sessions are timetabled but no IAP group is chosen"),
                _("Every IAP session needs a base and named staff responsible for the pupil."),
                tuple(iap),
            )
        ]
    found = []
    staff = staff_of(group)
    if len(staff) < 2:
        found.append(
            Check(
                "staffing",
                ngettext(
                    "{group} has {n} named member of staff",
                    "{group} has {n} named members of staff",
                    len(staff),
                ).format(group=group.name, n=len(staff)),
                _(
                    "Good practice is two adults with the group: a qualified teacher and a "
                    "support worker."
                ),
                tuple(iap),
            )
        )
    others = pupils_in_base(session, group.id or 0, version.effective_date)
    full: list[CellKey] = []
    crowded: list[CellKey] = []
    for key in iap:
        n = 1 + sum(1 for pid, _a in others.get(key, []) if pid != version.pupil_id)
        if n >= TOO_MANY:
            crowded.append(key)
        elif n > group.capacity:
            full.append(key)
    if full:
        found.append(
            Check(
                "over-capacity",
                _("{group} is over its capacity of {capacity} in {n} period(s)").format(
                    group=group.name, capacity=group.capacity, n=len(full)
                ),
                _("A full base cannot give each pupil the attention the placement promises."),
                tuple(full),
            )
        )
    if crowded:
        found.append(
            Check(
                "group-too-large",
                _("{most} or more pupils are in {group} in {n} period(s)").format(
                    most=TOO_MANY, group=group.name, n=len(crowded)
                ),
                _("IAP works best with fewer than ten pupils at a time."),
                tuple(crowded),
            )
        )
    return found


def _offsite(session: Session, grid: Grid, structure: Structure) -> list[Check]:
    found = []
    by_placement: dict[int | None, list[CellKey]] = {}
    for key, value in grid.items():
        if value.kind is SlotKind.OFFSITE:
            by_placement.setdefault(value.placement_id, []).append(key)
    for pid, keys in sorted(by_placement.items(), key=lambda kv: kv[0] or 0):
        keys.sort(key=sort_key)
        placement = session.get(Placement, pid) if pid else None
        if placement is None:
            found.append(
                Check(
                    "offsite-no-placement",
                    _("Off-site sessions are not linked to a placement"),
                    _(
                        "The school stays responsible for the pupil: each "
                        "off-site session must belong to a recorded placement."
                    ),
                    tuple(keys),
                )
            )
            continue
        pattern = set(placement.sessions)
        outside = [k for k in keys if f"{k[1]}_{structure.half_day(k[2])}" not in pattern]
        if outside:
            found.append(
                Check(
                    "offsite-pattern",
                    _(
                        "{n} off-site period(s) fall outside the placement's sessions ({sessions})"
                    ).format(
                        n=len(outside),
                        sessions=", ".join(sorted(pattern, key=_session_order))
                        or _("none recorded"),
                    ),
                    _(
                        "The provider expects the pupil only at the booked sessions; anything "
                        "else leaves the pupil unsupervised or marked absent."
                    ),
                    tuple(outside),
                )
            )
        booked = {f"{k[1]}_{structure.half_day(k[2])}" for k in keys}
        missing = sorted(pattern - booked, key=_session_order)
        if missing:
            found.append(
                Check(
                    "offsite-pattern-missing",
                    _(
                        "The placement books {sessions} but the timetable has no off-site "
                        "session then"
                    ).format(sessions=", ".join(missing)),
                    _("The provider will expect the pupil and may report an absence."),
                    (),
                )
            )
    return found


def _session_order(code: str) -> tuple[int, str]:
    day, _sep, half = code.partition("_")
    return (DAYS.index(day) if day in DAYS else 9, half)


def _hours(draft: Draft, grid: Grid, structure: Structure) -> list[Check]:
    share = compute_share(grid, structure)
    low, high = FULL_TIME_HOURS
    if share.weekly_education_hours >= low or draft.part_time_reason.strip():
        return []
    return [
        Check(
            "part-time",
            _(
                "{hours:g} hours a week in education, below the full-time {low:g}-{high:g} hours"
            ).format(hours=share.weekly_education_hours, low=low, high=high),
            _(
                "A reduced timetable must be a recorded, time-limited arrangement agreed with "
                "the parents: record why, or fill the empty lessons."
            ),
            (),
        )
    ]
