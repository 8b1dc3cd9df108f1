"""Everything a referral form or parents' letter prints, as one record.

`apdesk.services.placement_record` gathers it in one read of the store; rendering then works
from this record alone, so it needs no session and no Qt, and a test can build one directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from apdesk.models import Contact, Placement, Provider, Pupil
from apdesk.models.enums import AttachmentKind, SenStatus
from apdesk.models.records import AttachmentInfo
from apdesk.models.school import SchoolDetails

from .formatting import session_times, sessions_pattern


@dataclass
class PlacementRecord:
    school: SchoolDetails
    pupil: Pupil
    provider: Provider
    placement: Placement
    contacts: list[Contact] = field(default_factory=list)
    attachments: list[AttachmentInfo] = field(default_factory=list)
    other_placements: list[str] = field(default_factory=list)
    # The next review due (reviews held and booked counted) for a running placement, else None:
    # the review date set at referral is history once a review has been held or booked.
    review_due: date | None = None
    made_on: date = field(default_factory=date.today)

    @property
    def sessions_pattern(self) -> str:
        return sessions_pattern(self.placement.sessions)

    @property
    def session_times(self) -> str:
        """The clock times, then any note on them (e.g. 'mornings only in week 1')."""
        pl = self.placement
        times = session_times(pl.session_start, pl.session_end, pl.break_start, pl.break_end)
        return "\n".join(part for part in (times, pl.session_times.strip()) if part)

    @property
    def has_ehc_plan(self) -> bool:
        return self.pupil.sen_status == SenStatus.EHC_PLAN

    @property
    def ehc_plan_stored(self) -> bool:
        return any(a.kind == AttachmentKind.EHC_PLAN for a in self.attachments)

    @property
    def risk_assessment_stored(self) -> bool:
        return any(a.kind == AttachmentKind.RISK_ASSESSMENT for a in self.attachments)

    @property
    def parents(self) -> list[Contact]:
        """Who the letter goes to: people with parental responsibility (else every contact)."""
        with_pr = [c for c in self.contacts if c.parental_responsibility]
        return with_pr or list(self.contacts)

    @property
    def pupil_name(self) -> str:
        return f"{self.pupil.forename} {self.pupil.surname}"
