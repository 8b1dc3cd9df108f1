"""The days a placement runs, as SQL, for queries that pick placements by date.

It runs from its actual start (started_on, else the planned start_date) until it is ended. An
active placement past its planned end_date is still running: the pupil is still expected at
the provider until someone extends or ends it. An ended placement ran until ended_on, else its
planned end, else its first day. `measures.common.finished` is the same rule for loaded rows.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func
from sqlmodel import col

from apdesk.models import Placement
from apdesk.models.enums import PlacementStatus


def began_column() -> Any:
    """The first day it runs: started_on, else the planned start."""
    return func.coalesce(col(Placement.started_on), col(Placement.start_date))


def finished_column() -> Any:
    """The last day it runs, NULL while it is still running (whatever its planned end)."""
    ended = func.coalesce(col(Placement.ended_on), col(Placement.end_date), began_column())
    return case(
        (col(Placement.status) == PlacementStatus.ENDED.value, ended),
        else_=col(Placement.ended_on),
    )
