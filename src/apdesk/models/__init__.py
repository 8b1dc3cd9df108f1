"""The domain model: SQLModel tables, enums and value rules. No Qt, no I/O."""

from apdesk.models.attendance import AttendanceMark
from apdesk.models.errors import ApdeskError, ValidationError
from apdesk.models.exclusions import SubjectAccessRequest as SubjectAccessRequest
from apdesk.models.exclusions import Suspension as Suspension
from apdesk.models.placement import Placement
from apdesk.models.plan import AgencyInvolvement, Plan, PlanTarget, Review, VoiceEntry
from apdesk.models.plan_progress import FollowUp, ReviewDetail, TargetProgress, TransitionStep
from apdesk.models.provider import Provider, ProviderAudit, QualityConcern
from apdesk.models.pupil import Contact, Pupil
from apdesk.models.records import Attachment, AuditEvent, OutboxItem
from apdesk.models.school import Closure, School, Setting, Term
from apdesk.models.sharing import ShareConflict, ShareLog, ShareRow, ShareState, ShareText
from apdesk.models.summaries import DAY_MARK_STAMP as DAY_MARK_STAMP
from apdesk.models.summaries import MARK_TALLY as MARK_TALLY
from apdesk.models.summaries import PLACEMENT_MARK_STAMP as PLACEMENT_MARK_STAMP
from apdesk.models.summaries import PUPIL_MARK_STAMP as PUPIL_MARK_STAMP
from apdesk.models.timetable import IapGroup, TimetableSlot, TimetableVersion
from apdesk.models.timetable_plan import (
    IapActivity,
    Period,
    ReintegrationGoal,
    SubjectRating,
    TimetableVersionState,
)

__all__ = [
    "AgencyInvolvement",
    "ApdeskError",
    "Attachment",
    "AttendanceMark",
    "AuditEvent",
    "Closure",
    "Contact",
    "FollowUp",
    "IapActivity",
    "IapGroup",
    "OutboxItem",
    "Period",
    "Placement",
    "Plan",
    "PlanTarget",
    "Provider",
    "ProviderAudit",
    "Pupil",
    "QualityConcern",
    "ReintegrationGoal",
    "Review",
    "ReviewDetail",
    "School",
    "Setting",
    "ShareConflict",
    "ShareLog",
    "ShareRow",
    "ShareState",
    "ShareText",
    "SubjectRating",
    "TargetProgress",
    "Term",
    "TimetableSlot",
    "TimetableVersion",
    "TimetableVersionState",
    "TransitionStep",
    "ValidationError",
    "VoiceEntry",
]
