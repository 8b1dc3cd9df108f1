"""A timetable as a plain grid of values: pure functions, so an editor gets undo for free by
keeping the grids it had. An IAP slot keeps the mainstream lesson it replaces (subject, class,
teacher), which is what a reintegration step gives back."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from apdesk.i18n import _
from apdesk.models import TimetableSlot
from apdesk.models.enums import SlotKind
from apdesk.models.errors import ValidationError
from apdesk.models.timetable_grid import DAY_NAMES, DAYS, CellKey, Grid, SlotValue, Structure


def validate_value(value: SlotValue, where: str = "") -> None:
    """Refuse a slot missing what its kind needs, naming the slot (`where`) in the reader's
    language so the field reads whole in Polish too."""
    where = where or _("Slot")
    if value.kind is SlotKind.MAINSTREAM and not value.subject.strip():
        raise ValidationError(
            _("{where} subject").format(where=where), _("is empty"), _("name the mainstream lesson")
        )
    if value.kind is SlotKind.IAP and not value.activity.strip():
        raise ValidationError(
            _("{where} activity").format(where=where), _("is empty"), _("choose the IAP session")
        )
    if value.kind is SlotKind.OFFSITE and value.placement_id is None:
        raise ValidationError(
            _("{where} placement").format(where=where),
            _("is missing"),
            _("link the off-site placement"),
        )


def cell_name(key: CellKey, structure: Structure | None = None) -> str:
    """A slot as the timetable grid's headings name it, in the person's language: "Tuesday
    Period 2" (with its week in a two-week timetable), so a check, a suggestion and the slot's
    own window speak of it alike."""
    week, day, number = key
    found = structure.period(number) if structure is not None else None
    label = found.label if found is not None else _("Period {n}").format(n=number)
    words = f"{_(DAY_NAMES.get(day, day))} {label}"
    weeks = structure.cycle_weeks if structure is not None else week
    if weeks == 1:
        return words
    return _("Week {n}, {slot}").format(n=week, slot=words)


def set_slot(grid: Mapping[CellKey, SlotValue], key: CellKey, value: SlotValue | None) -> Grid:
    """A new grid with `key` set (or emptied when `value` is None); `grid` is unchanged."""
    new = dict(grid)
    if value is None:
        new.pop(key, None)
    else:
        validate_value(value, cell_name(key))
        new[key] = value
    return new


def copy_slot(grid: Mapping[CellKey, SlotValue], source: CellKey, target: CellKey) -> Grid:
    return set_slot(grid, target, grid.get(source))


def apply_changes(
    grid: Mapping[CellKey, SlotValue], changes: Mapping[CellKey, SlotValue | None]
) -> Grid:
    new = dict(grid)
    for key, value in changes.items():
        new = set_slot(new, key, value)
    return new


def blank_grid(structure: Structure) -> Grid:
    """Breaks and lunch with mainstream peers; every lesson still to be filled."""
    return {key: SlotValue.social() for key in structure.cells() if not structure.is_lesson(key[2])}


def with_social_breaks(grid: Mapping[CellKey, SlotValue], structure: Structure) -> Grid:
    """Fill any empty break or lunch with social time, leaving what the lead chose alone."""
    return {**blank_grid(structure), **grid}


def mainstream_week(structure: Structure, lessons: Mapping[tuple[str, int], SlotValue]) -> Grid:
    """A full mainstream grid from one week's lessons (repeated over a two-week cycle)."""
    grid = blank_grid(structure)
    for week in structure.weeks:
        for (day, period), value in lessons.items():
            grid[(week, day, period)] = value
    return grid


def grid_from_slots(slots: Iterable[TimetableSlot]) -> Grid:
    grid: Grid = {}
    for s in sorted(slots, key=lambda s: s.id or 0):
        grid.setdefault(
            (s.week, s.day, s.period),
            SlotValue(s.kind, s.subject, s.class_code, s.teacher, s.activity, s.placement_id),
        )
    return grid


def slot_rows(version_id: int, grid: Mapping[CellKey, SlotValue]) -> list[TimetableSlot]:
    return [
        TimetableSlot(
            version_id=version_id,
            week=w,
            day=d,
            period=p,
            kind=v.kind,
            subject=v.subject,
            class_code=v.class_code,
            teacher=v.teacher,
            activity=v.activity,
            placement_id=v.placement_id,
        )
        for (w, d, p), v in sorted(grid.items(), key=lambda kv: sort_key(kv[0]))
    ]


def sort_key(key: CellKey) -> tuple[int, int, int]:
    week, day, period = key
    return (week, DAYS.index(day) if day in DAYS else 9, period)
