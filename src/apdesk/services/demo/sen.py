"""SEN status and the needs that go with it, kept in step for every demo pupil."""

from __future__ import annotations

from apdesk import models
from apdesk.models.enums import NeedCategory, SenStatus

# Needs that go with any SEN status; "send" and "eotas" come with SEN support or a plan.
GENERAL_NEEDS = [n.value for n in NeedCategory if n.value not in ("send", "eotas")]
# CTF SEN type codes that match the demo's SEND descriptions (texts.SEND).
SEN_TYPES = {SenStatus.SEN_SUPPORT: ["SLCN"], SenStatus.EHC_PLAN: ["ASD", "SEMH"]}


def set_sen(pupil: models.Pupil, status: SenStatus) -> None:
    """Give the pupil `status` with needs that agree: a plan or SEN support records SEND needs
    and their types; no SEN records neither."""
    pupil.sen_status = status
    needs = [n for n in pupil.needs if n not in ("send", "eotas")]
    if status is not SenStatus.NONE:
        needs = [*needs[:1], "send"]  # the first need stays the reason for the placement
    pupil.needs = needs
    pupil.sen_types = list(SEN_TYPES.get(status, []))
