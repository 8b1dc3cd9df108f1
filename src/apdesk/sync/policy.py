"""Which pack a placement change calls for: a pure rule the placements service relies on."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import Enum
from typing import Any

from apdesk.models.enums import PackKind, PlacementStatus

LIVE = frozenset({PlacementStatus.REFERRED.value, PlacementStatus.ACTIVE.value})
CHANGE_FIELDS = ("provider_id", "hours_per_week", "sessions", "start_date", "end_date")


def _norm(value: Any) -> Any:
    """Compare dates, enums and lists the same whether they come as objects or as JSON."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return sorted(str(_norm(v)) for v in value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return value


def placement_pack_kind_for_change(
    before: Mapping[str, Any] | None, after: Mapping[str, Any], *, start_sent: bool = False
) -> PackKind | None:
    """start: becomes referred/active (once); end: becomes ended after being live;
    change: provider, hours, sessions or dates change on a live placement."""
    old_status = _norm(before.get("status")) if before else None
    new_status = _norm(after.get("status"))
    if new_status in LIVE and not start_sent:
        return PackKind.PLACEMENT_START
    if new_status == PlacementStatus.ENDED.value:
        ended_now = old_status != PlacementStatus.ENDED.value
        return PackKind.PLACEMENT_END if ended_now and (old_status in LIVE or start_sent) else None
    if new_status in LIVE and before is not None:
        changed = any(_norm(before.get(f)) != _norm(after.get(f)) for f in CHANGE_FIELDS)
        return PackKind.PLACEMENT_CHANGE if changed else None
    return None
