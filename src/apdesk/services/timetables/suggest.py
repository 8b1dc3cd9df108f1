"""The suggested next step: give back mainstream lessons where the pupil is experiencing success.

It moves at most the lead's step size of IAP slots back to the lesson each one replaced, best
rated subjects first, spreading across subjects of equal rating, and explains every move. The
lead accepts it (a new version from a date), edits the moves, or rejects it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, select

from apdesk.i18n import _, format_date
from apdesk.models import TimetableSlot, TimetableVersion
from apdesk.models.enums import SlotKind
from apdesk.models.errors import ValidationError
from apdesk.models.timetable_grid import CellKey, SlotValue
from apdesk.models.timetable_plan import VersionStatus
from apdesk.services.timetables.grid import cell_name, sort_key
from apdesk.services.timetables.ratings import (
    RATING_WORDS,
    SUCCESS_FROM,
    get_goal,
    latest_ratings,
)
from apdesk.services.timetables.share import compute_share
from apdesk.services.timetables.structure import load_structure
from apdesk.services.timetables.versions import (
    copy_forward,
    list_versions,
    load_grid,
    version_in_force,
)

DEFAULT_STEP = 2


@dataclass(frozen=True)
class SlotMove:
    slot: CellKey
    to_subject: str
    reason: str
    class_code: str = ""
    teacher: str = ""
    from_activity: str = ""

    @property
    def value(self) -> SlotValue:
        return SlotValue.mainstream(self.to_subject, self.class_code, self.teacher)


@dataclass(frozen=True)
class Suggestion:
    pupil_id: int
    base_version_id: int | None
    moves: list[SlotMove]
    new_share: float
    current_share: float
    notes: list[str] = field(default_factory=list)  # why nothing (more) could move


def suggest_next_step(session: Session, pupil_id: int, step_size: int, today: date) -> Suggestion:
    if step_size < 1:
        raise ValidationError("Step size", str(step_size), _("move at least one lesson a step"))
    base = _latest_accepted(session, pupil_id, today)
    if base is None:
        return Suggestion(
            pupil_id, None, [], 0.0, 0.0, [_("There is no timetable in force to step from.")]
        )
    structure = load_structure(session)
    grid = load_grid(session, base.id or 0)
    current = compute_share(grid, structure).mainstream_share
    ratings = latest_ratings(session, pupil_id, today)
    taken = Counter(
        (r.week, r.day, r.period)
        for r in session.exec(select(TimetableSlot).where(TimetableSlot.version_id == base.id))
    )
    notes: list[str] = []
    candidates = []
    for key, value in sorted(grid.items(), key=lambda kv: sort_key(kv[0])):
        if value.kind is not SlotKind.IAP:
            continue
        where = cell_name(key, structure)
        if not value.subject:
            notes.append(
                _("{where}: the lesson this session replaces is not recorded.").format(where=where)
            )
        elif taken[key] > 1:
            notes.append(_("{where}: two things are already timetabled then.").format(where=where))
        elif not structure.is_lesson(key[2]):
            notes.append(_("{where}: not a lesson period.").format(where=where))
        elif value.subject not in ratings:
            notes.append(
                _("{where}: {subject} has not been rated yet.").format(
                    where=where, subject=value.subject
                )
            )
        elif ratings[value.subject].rating < SUCCESS_FROM:
            pass  # not yet: the pupil is not pressed faster than they can manage
        else:
            candidates.append((key, value))
    moves: list[SlotMove] = []
    per_subject: Counter[str] = Counter()
    while candidates and len(moves) < step_size:
        key, value = min(
            candidates,
            key=lambda kv: (
                -ratings[kv[1].subject].rating,
                per_subject[kv[1].subject],
                kv[1].subject,
                sort_key(kv[0]),
            ),
        )
        candidates.remove((key, value))
        per_subject[value.subject] += 1
        moves.append(
            _move(
                key,
                value,
                ratings[value.subject].rating,
                ratings[value.subject].rated_on,
                cell_name(key, structure),
            )
        )
    if not moves and not notes:
        notes.append(_("No IAP session replaces a subject rated 3 or more yet."))
    new_grid = dict(grid)
    for m in moves:
        new_grid[m.slot] = m.value
    new_share = compute_share(new_grid, structure).mainstream_share
    return Suggestion(pupil_id, base.id, moves, new_share, current, notes)


def suggest_for_goal(session: Session, pupil_id: int, today: date) -> Suggestion:
    """The next step at the lead's chosen step size (two lessons until a goal is set)."""
    goal = get_goal(session, pupil_id)
    return suggest_next_step(session, pupil_id, goal.step_size if goal else DEFAULT_STEP, today)


def _move(key: CellKey, value: SlotValue, rating: int, rated_on: date, where: str) -> SlotMove:
    words = {
        "subject": value.subject,
        "rating": rating,
        "rating_words": _(RATING_WORDS[rating]),
        "day": format_date(rated_on),
        "where": where,
        "activity": value.activity,
    }
    if value.class_code or value.teacher:
        with_whom = value.class_code or value.teacher
        if value.class_code and value.teacher:
            with_whom = _("{class_code} with {teacher}").format(
                class_code=value.class_code, teacher=value.teacher
            )
        reason = _(
            "{subject} rated {rating}/5 ({rating_words}) on {day}: {where} goes back to "
            "{subject} ({with_whom}) instead of {activity}."
        ).format(with_whom=with_whom, **words)
    else:
        reason = _(
            "{subject} rated {rating}/5 ({rating_words}) on {day}: {where} goes back to "
            "{subject} instead of {activity}."
        ).format(**words)
    return SlotMove(key, value.subject, reason, value.class_code, value.teacher, value.activity)


def _latest_accepted(session: Session, pupil_id: int, today: date) -> TimetableVersion | None:
    """Step from the newest accepted version, even one that starts after today."""
    accepted = [v for v in list_versions(session, pupil_id) if v.status is VersionStatus.ACCEPTED]
    if accepted and accepted[-1].effective_date > today:
        return session.get(TimetableVersion, accepted[-1].version_id)
    return version_in_force(session, pupil_id, today)


def accept_suggestion(
    session: Session,
    suggestion: Suggestion,
    effective_date: date,
    moves: Sequence[SlotMove] | None = None,
    *,
    notes: str = "",
    next_review: date | None = None,
    status: VersionStatus = VersionStatus.ACCEPTED,
) -> TimetableVersion:
    """A new version from `effective_date` with the moves (or the lead's edited list) applied.

    Pass status=PROPOSED to keep it as a draft the lead can still edit or reject."""
    chosen = list(suggestion.moves if moves is None else moves)
    if suggestion.base_version_id is None:
        raise ValidationError("Suggestion", _("has no timetable to step from"), _("make one first"))
    if not chosen:
        raise ValidationError("Moves", _("none chosen"), _("keep at least one move, or reject"))
    if len({m.slot for m in chosen}) != len(chosen):
        raise ValidationError("Moves", _("two moves change the same period"), _("keep one of them"))
    summary = notes or _("Reintegration step: {moves}").format(
        moves="; ".join(f"{m.to_subject} ({cell_name(m.slot)})" for m in chosen)
    )
    return copy_forward(
        session,
        suggestion.base_version_id,
        effective_date,
        changes={m.slot: m.value for m in chosen},
        notes=summary,
        status=status,
        next_review=next_review,
    )
