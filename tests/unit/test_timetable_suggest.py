"""The suggested next step: at most the step size, best-rated subjects first, every move
explained, no clashes; accepting it makes a new version with a higher mainstream share."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tests.helpers.timetables import (
    LATER,
    START,
    full_week,
    hybrid_pupil,
    in_force,
    make_pupil,
    with_iap,
)

from apdesk.models import TimetableSlot
from apdesk.models.enums import SlotKind
from apdesk.models.errors import ValidationError
from apdesk.models.timetable_plan import VersionStatus
from apdesk.services.timetables import (
    accept_suggestion,
    create_version,
    load_grid,
    load_structure,
    share_chart,
    share_history,
    suggest_next_step,
)
from apdesk.services.timetables.ratings import Goal, add_rating, set_goal
from apdesk.services.timetables.suggest import suggest_for_goal
from apdesk.services.timetables.versions import list_versions, set_status
from apdesk.store import Store


def test_moves_at_most_the_step_size_best_rated_first(store: Store) -> None:
    with store.session() as s:
        pid = hybrid_pupil(s)
        for step in (1, 3, 5):
            suggestion = suggest_next_step(s, pid, step, LATER)
            assert len(suggestion.moves) == step
        moves = suggest_next_step(s, pid, 5, LATER).moves
    subjects = [m.to_subject for m in moves]
    # History has 2 lessons, Science 4: equal ratings alternate, then Geography (4) follows.
    assert subjects == ["History", "Science", "History", "Science", "Science"]
    assert all(m.reason and "rated 5/5" in m.reason and "instead of" in m.reason for m in moves)
    assert len({m.slot for m in moves}) == len(moves)


def test_low_ratings_and_unrated_subjects_are_never_suggested(store: Store) -> None:
    with store.session() as s:
        pid = hybrid_pupil(s)
        suggestion = suggest_next_step(s, pid, 25, LATER)
    moved = {m.to_subject for m in suggestion.moves}
    assert moved == {"Maths", "Science", "History", "Geography"}
    assert len(suggestion.moves) == 4 + 4 + 2 + 2
    assert suggestion.new_share == pytest.approx(1.0 - 6 / 25)  # 4 English and 2 French stay


def test_the_latest_rating_counts(store: Store) -> None:
    with store.session() as s:
        pid = hybrid_pupil(s)
        add_rating(s, pid, "French", 5, START + timedelta(days=12), "Loved the speaking test")
        first = suggest_next_step(s, pid, 1, LATER).moves[0]
    assert first.to_subject == "French"


def test_no_move_into_a_clash(store: Store) -> None:
    with store.session() as s:
        pid = hybrid_pupil(s)
        version = in_force(s, pid, LATER)
        grid = load_grid(s, version.id or 0)
        history = sorted(k for k, v in grid.items() if v.subject == "History")
        for week, day, period in history:
            s.add(TimetableSlot(version_id=version.id or 0, week=week, day=day, period=period,
                                kind=SlotKind.SOCIAL))  # fmt: skip
        s.flush()
        suggestion = suggest_next_step(s, pid, 3, LATER)
    assert [m.to_subject for m in suggestion.moves] == ["Science"] * 3
    assert any("two things" in note for note in suggestion.notes)


def test_accepting_makes_a_new_version_with_a_higher_share(store: Store) -> None:
    with store.session() as s:
        pid = hybrid_pupil(s)
        set_goal(s, pid, Goal(START + timedelta(weeks=12), 3, 1.0))
        suggestion = suggest_next_step(s, pid, 3, LATER)
        new = accept_suggestion(s, suggestion, LATER, next_review=LATER + timedelta(weeks=2))
        history = share_history(s, pid)
        assert [r.effective_date for r in history] == [START, LATER]
        assert history[1].share.mainstream_share > history[0].share.mainstream_share
        assert history[1].share.mainstream_share == pytest.approx(suggestion.new_share)
        assert in_force(s, pid, LATER).id == new.id
        assert "Reintegration step" in new.notes
        chart = share_chart(s, pid)
        assert chart.points[-1][0] == LATER
        assert chart.points[-1][1] == pytest.approx(suggestion.new_share)
        assert chart.target_line[-1] == (START + timedelta(weeks=12), 1.0)


def test_an_edited_suggestion_keeps_only_the_chosen_moves(store: Store) -> None:
    with store.session() as s:
        pid = hybrid_pupil(s)
        suggestion = suggest_next_step(s, pid, 3, LATER)
        chosen = suggestion.moves[1:2]
        new = accept_suggestion(s, suggestion, LATER, chosen)
        grid = load_grid(s, new.id or 0)
        assert grid[chosen[0].slot].kind is SlotKind.MAINSTREAM
        assert grid[suggestion.moves[0].slot].kind is SlotKind.IAP
        with pytest.raises(ValidationError, match="Moves"):
            accept_suggestion(s, suggestion, LATER + timedelta(weeks=1), [])


def test_a_proposed_step_can_be_rejected_and_stays_in_the_history(store: Store) -> None:
    with store.session() as s:
        pid = hybrid_pupil(s)
        suggestion = suggest_next_step(s, pid, 2, LATER)
        proposed = accept_suggestion(s, suggestion, LATER, status=VersionStatus.PROPOSED)
        assert in_force(s, pid, LATER).effective_date == START
        set_status(s, proposed.id or 0, VersionStatus.REJECTED)
        statuses = [v.status for v in list_versions(s, pid)]
        assert statuses == [VersionStatus.ACCEPTED, VersionStatus.REJECTED]
        assert len(share_history(s, pid)) == 1


def test_nothing_to_suggest_says_why(store: Store) -> None:
    with store.session() as s:
        pupil = make_pupil(s, 5)
        assert suggest_next_step(s, pupil.id or 0, 2, LATER).notes
        grid = with_iap(full_week(load_structure(s)), {"French"})
        create_version(s, pupil.id or 0, START, grid)
        suggestion = suggest_next_step(s, pupil.id or 0, 2, LATER)
        assert suggestion.moves == []
        assert any("not been rated" in n for n in suggestion.notes)
        with pytest.raises(ValidationError, match="Step size"):
            suggest_next_step(s, pupil.id or 0, 0, LATER)


def test_the_goal_sets_the_step_size(store: Store) -> None:
    with store.session() as s:
        pid = hybrid_pupil(s)
        assert len(suggest_for_goal(s, pid, LATER).moves) == 2
        set_goal(s, pid, Goal(START + timedelta(weeks=12), 4, 0.8))
        assert len(suggest_for_goal(s, pid, LATER).moves) == 4
        with pytest.raises(ValidationError, match="Step size"):
            set_goal(s, pid, Goal(None, 0, 1.0))
