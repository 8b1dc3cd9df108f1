"""Reintegration plans: targets, transition steps, agencies, voice, reviews, outcomes' follow-ups
and re-referrals. Qt-free: the GUI, the CLI and the PDFs all call these functions."""

from .agencies import AgencyInput, AgencyRow, add_agency, list_agencies, remove_agency
from .attendance import PeriodAttendance, attendance_between
from .due import DueBasis, ReviewDue, reviews_due
from .export import export_plans
from .followups import (
    FollowUpDue,
    ReReferral,
    ensure_follow_ups,
    follow_ups_due,
    is_re_referral,
    re_referrals,
    record_follow_up,
)
from .overview import PlanOverview, TargetView, plan_overview
from .plans import (
    TargetInput,
    add_target,
    ensure_plan,
    get_plan,
    remove_target,
    save_plan_text,
    timetable_link,
    update_target,
)
from .review_views import ProgressView, ReviewView, get_review, list_reviews
from .reviews import ProgressInput, ReviewInput, hold_review, review_period, schedule_review
from .transition import StepInput, add_step, remove_step, update_step
from .voice import VoiceInput, add_voice, list_voice

__all__ = [
    "AgencyInput",
    "AgencyRow",
    "DueBasis",
    "FollowUpDue",
    "PeriodAttendance",
    "PlanOverview",
    "ProgressInput",
    "ProgressView",
    "ReReferral",
    "ReviewDue",
    "ReviewInput",
    "ReviewView",
    "StepInput",
    "TargetInput",
    "TargetView",
    "VoiceInput",
    "add_agency",
    "add_step",
    "add_target",
    "add_voice",
    "attendance_between",
    "ensure_follow_ups",
    "ensure_plan",
    "export_plans",
    "follow_ups_due",
    "get_plan",
    "get_review",
    "hold_review",
    "is_re_referral",
    "list_agencies",
    "list_reviews",
    "list_voice",
    "plan_overview",
    "re_referrals",
    "record_follow_up",
    "remove_agency",
    "remove_step",
    "remove_target",
    "review_period",
    "reviews_due",
    "save_plan_text",
    "schedule_review",
    "timetable_link",
    "update_step",
    "update_target",
]
