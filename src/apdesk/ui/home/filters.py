"""What each list keeps when the home page opens it narrowed, and what its banner says.

The home page's filters (see services.measures.today and the measure drill-down) name the
records behind one piece of work; each function here keeps exactly those rows of a page's
plain rows and words the banner, so the pages only show the result.
"""

from __future__ import annotations

from collections.abc import Mapping

from apdesk.i18n import ngettext
from apdesk.models.enums import LaApproval, OutboxStatus
from apdesk.services.placement_lifecycle import PlacementRow
from apdesk.services.plans.due_list import DueRow
from apdesk.services.providers import ProviderRow
from apdesk.services.pupils import PupilRow
from apdesk.services.qa import FAILED, MISSING, NEEDS_REASON
from apdesk.sync.outbox import OutboxRow
from apdesk.ui.widgets.filter_banner import ids_in

Filters = Mapping[str, object]


def narrow_placements(rows: list[PlacementRow], filters: Filters) -> tuple[list[PlacementRow], str]:
    """`placement_ids`; a `status` is asked of the store by the page's own status filter."""
    ids = ids_in(filters, "placement_ids")
    if ids is not None:
        rows = [r for r in rows if r.id in ids]
    status = filters.get("status")
    if status:
        rows = [r for r in rows if r.status == status]
    text = ngettext(
        "Showing {n} placement from the home page",
        "Showing {n} placements from the home page",
        len(rows),
    )
    return rows, text.format(n=len(rows))


def narrow_reviews(rows: list[DueRow], filters: Filters) -> tuple[list[DueRow], str]:
    """`placement_ids`, and `state` "overdue" or "due" (reviews only, as on the home page) or
    "follow_ups" (the overdue follow-ups after a return)."""
    ids = ids_in(filters, "placement_ids")
    if ids is not None:
        rows = [r for r in rows if r.placement_id in ids]
    state = filters.get("state")
    if state in ("overdue", "due"):
        rows = [r for r in rows if r.kind == "review" and r.overdue == (state == "overdue")]
    elif state == "follow_ups":  # the overdue follow-ups Home counts, not those due soon
        rows = [r for r in rows if r.kind == "follow_up" and r.overdue]
    n = len(rows)
    if state == "follow_ups":
        text = ngettext(
            "Showing {n} overdue follow-up from the home page",
            "Showing {n} overdue follow-ups from the home page",
            n,
        )
    elif state == "overdue":
        text = ngettext(
            "Showing {n} overdue review from the home page",
            "Showing {n} overdue reviews from the home page",
            n,
        )
    elif state == "due":
        text = ngettext(
            "Showing {n} review due soon from the home page",
            "Showing {n} reviews due soon from the home page",
            n,
        )
    else:
        text = ngettext(
            "Showing {n} review or follow-up from the home page",
            "Showing {n} reviews and follow-ups from the home page",
            n,
        )
    return rows, text.format(n=n)


def narrow_providers(rows: list[ProviderRow], filters: Filters) -> tuple[list[ProviderRow], str]:
    """`provider_ids`, and `qa` "overdue": QA overdue, missing or failed, or "failed": QA
    failed or missing, or approval suspended."""
    ids = ids_in(filters, "provider_ids")
    if ids is not None:
        rows = [r for r in rows if r.id in ids]
    if filters.get("qa") == "failed":
        suspended = LaApproval.SUSPENDED.label  # the row carries the approval's label
        rows = [r for r in rows if r.qa_state in (FAILED, MISSING) or r.approval == suspended]
        text = ngettext(
            "Showing {n} provider with failed or missing QA or approval suspended, from the "
            "home page",
            "Showing {n} providers with failed or missing QA or approval suspended, from the "
            "home page",
            len(rows),
        )
    elif filters.get("qa") == "overdue":
        rows = [r for r in rows if r.qa_state in NEEDS_REASON]
        text = ngettext(
            "Showing {n} provider whose QA is overdue, missing or failed, from the home page",
            "Showing {n} providers whose QA is overdue, missing or failed, from the home page",
            len(rows),
        )
    else:
        text = ngettext(
            "Showing {n} provider from the home page",
            "Showing {n} providers from the home page",
            len(rows),
        )
    return rows, text.format(n=len(rows))


def narrow_packs(rows: list[OutboxRow], filters: Filters) -> tuple[list[OutboxRow], str]:
    """`pack_ids`, and `status` "waiting" (every pack not yet delivered) or a pack status."""
    ids = filters.get("pack_ids")
    if isinstance(ids, list | tuple | set | frozenset):
        wanted = {str(i) for i in ids}
        rows = [r for r in rows if r.pack_id in wanted]
    status = filters.get("status")
    if status == "waiting":
        rows = [r for r in rows if r.status != OutboxStatus.DELIVERED.value]
        text = ngettext(
            "Showing {n} pack waiting to send from the home page",
            "Showing {n} packs waiting to send from the home page",
            len(rows),
        )
    else:
        if status:
            rows = [r for r in rows if r.status == status]
        text = ngettext(
            "Showing {n} pack from the home page",
            "Showing {n} packs from the home page",
            len(rows),
        )
    return rows, text.format(n=len(rows))


def narrow_pupils(rows: list[PupilRow], filters: Filters) -> tuple[list[PupilRow], str]:
    """`pupil_ids`."""
    ids = ids_in(filters, "pupil_ids")
    if ids is not None:
        rows = [r for r in rows if r.id in ids]
    text = ngettext(
        "Showing {n} pupil from the home page",
        "Showing {n} pupils from the home page",
        len(rows),
    )
    return rows, text.format(n=len(rows))
