"""The real editors, each opened on a store the demo filled: for the tests that drive them all."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlmodel import select

from apdesk.models import Placement, Provider, Pupil
from apdesk.models.enums import PlacementStatus, SlotKind
from apdesk.services.plan_rows import review_setup
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.outbox.connection_dialog import SettingsDialog
from apdesk.ui.placements.editor import PlacementEditor
from apdesk.ui.placements.end_dialog import EndPlacementDialog
from apdesk.ui.plans.entries import StepEditor
from apdesk.ui.plans.review_dialog import ReviewDialog
from apdesk.ui.plans.review_followup import FollowUpDialog, FollowUpTask
from apdesk.ui.plans.target_editor import TargetEditor
from apdesk.ui.providers.editor import ProviderEditor
from apdesk.ui.pupils.contact_editor import ContactEditor
from apdesk.ui.pupils.editor import PupilEditor
from apdesk.ui.timetables.dialogs import NewVersionDialog
from apdesk.ui.timetables.slot_dialog import SlotDialog
from apdesk.ui.widgets.guard import GuardedDialog


def running(store: Store) -> Placement:
    with store.session() as session:
        rows = session.exec(select(Placement).where(Placement.status == PlacementStatus.ACTIVE))
        return next(iter(rows))


def any_pupil(store: Store) -> int:
    with store.session() as session:
        return int(next(iter(session.exec(select(Pupil.id)))) or 0)


def any_provider(store: Store) -> int:
    with store.session() as session:
        return int(next(iter(session.exec(select(Provider.id)))) or 0)


Opener = Callable[[AppContext, Store], GuardedDialog]


def _review(ctx: AppContext, store: Store) -> GuardedDialog:
    placement = running(store)
    with store.session() as session:
        setup = review_setup(session, int(placement.id or 0))
    return ReviewDialog(ctx, setup)


EDITORS: dict[str, Opener] = {
    "new placement": lambda ctx, store: PlacementEditor(ctx, None),
    "placement": lambda ctx, store: PlacementEditor(ctx, running(store).id),
    "new pupil": lambda ctx, store: PupilEditor(ctx),
    "contact": lambda ctx, store: ContactEditor(ctx, any_pupil(store)),
    "provider": lambda ctx, store: ProviderEditor(ctx, any_provider(store)),
    "plan target": lambda ctx, store: TargetEditor(ctx, int(running(store).id or 0)),
    "transition step": lambda ctx, store: StepEditor(ctx, int(running(store).id or 0), None),
    "review": _review,
    "follow-up": lambda ctx, store: FollowUpDialog(
        ctx, FollowUpTask(1, int(running(store).id or 0), "Jay Southgate", 6, date.today())
    ),
    "timetable slot": lambda ctx, store: SlotDialog(
        (1, "Mon", 1), "Monday period 1", None, SlotKind.MAINSTREAM, [], []
    ),
    "timetable version": lambda ctx, store: NewVersionDialog(date.today()),
    "settings": lambda ctx, store: SettingsDialog(ctx),
    "end placement": lambda ctx, store: EndPlacementDialog(
        ctx, int(running(store).id or 0), "Jay Southgate"
    ),
}
