"""The kinds of record an operation can change, one per table.

Change sets name what changed by these kinds, and pages declare the kinds they show, so a
typo is a type error rather than a page that silently never refreshes. A test keeps this list
equal to the tables.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    AGENCY = "agencyinvolvement"
    ATTACHMENT = "attachment"
    MARK = "attendancemark"
    MARK_TALLY = "marktally"  # derived from the marks by the store; operations never name it
    MARK_STAMP = "pupilmarkstamp"  # moved on by the store at each write to a pupil's marks
    PLACEMENT_MARK_STAMP = "placementmarkstamp"  # ... to a placement's marks
    DAY_MARK_STAMP = "daymarkstamp"  # ... to a day's marks
    AUDIT = "auditevent"
    CLOSURE = "closure"
    CONTACT = "contact"
    FOLLOW_UP = "followup"
    IAP_ACTIVITY = "iapactivity"
    IAP_GROUP = "iapgroup"
    OUTBOX = "outboxitem"
    PERIOD = "period"
    PLACEMENT = "placement"
    PLAN = "plan"
    PLAN_TARGET = "plantarget"
    PROVIDER = "provider"
    PROVIDER_AUDIT = "provideraudit"
    PUPIL = "pupil"
    QUALITY_CONCERN = "qualityconcern"
    REINTEGRATION_GOAL = "reintegrationgoal"
    REVIEW = "review"
    REVIEW_DETAIL = "reviewdetail"
    SCHOOL = "school"
    SETTING = "setting"
    SUBJECT_ACCESS = "subjectaccessrequest"
    SHARE_CONFLICT = "shareconflict"
    SHARE_LOG = "sharelog"
    SHARE_ROW = "sharerow"
    SHARE_STATE = "sharestate"
    SHARE_TEXT = "sharetext"
    SUBJECT_RATING = "subjectrating"
    SUSPENSION = "suspension"
    TARGET_PROGRESS = "targetprogress"
    TERM = "term"
    TIMETABLE_SLOT = "timetableslot"
    TIMETABLE_VERSION = "timetableversion"
    TIMETABLE_STATE = "timetableversionstate"
    TRANSITION_STEP = "transitionstep"
    VOICE = "voiceentry"
