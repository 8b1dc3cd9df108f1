"""Why each placement rule exists, in words a coordinator can quote to a parent or provider."""

from __future__ import annotations

from collections.abc import Callable

from apdesk.i18n import N_  # reasons are translated when the warning is made

# warn(code, field, message, reason): how a rule reports what it found.
Warn = Callable[[str, str, str, str], None]

# Every code check_placement can give, in the order a form is filled in.
WARNING_CODES = (
    "full_time_hours", "part_time_timetable", "hours_missing", "unregistered_full_time",
    "sessions_pattern", "registration_code", "notice_missing", "notice_late", "notice_address",
    "notice_reporting_to", "notice_days", "notice_reasons", "notice_session_times",
    "notice_la_copy", "direction_days_count", "direction_reason", "direction_review",
    "health_needs", "risk_assessment", "ehcp_attached", "caseworker_told",
    "virtual_school", "learning_outcomes", "success_measures", "exit_strategy",
    "child_voice", "family_voice", "english_maths", "dates_order", "past_end", "review_after_end",
    "review_date", "review_overdue", "planned_length", "agreement", "la_notified", "transport",
    "provider_qa",
)  # fmt: skip


R_FULL_TIME = N_(
    "Full-time AP means 18 to 25 hours a week unless the child's needs make part time more "
    "appropriate (DfE guidance; Leicestershire AP strategy)."
)
R_PART_TIME = N_(
    "A part-time timetable is only for exceptional circumstances: agreed with a parent, time "
    "limited, with a written plan and regular reviews. Sessions the pupil misses are coded C2 "
    "(Working together to improve school attendance, 2024)."
)
R_CODES = N_(
    "Registration regulations 2024: B for off-site education the school arranges, K for education "
    "arranged by the local authority, D only when the pupil is dual registered there."
)
R_NOTICE = N_(
    "An off-site direction needs written notice to the parents no later than 2 school days "
    "before it starts, counted back from the start over days the school is open; a notice "
    "given when the school is shut counts from the next school day (Education (Educational "
    "Provision for Improving Behaviour) Regulations 2010, reg. 3, as amended 2012)."
)
R_NOTICE_LA = N_(
    "For a pupil with an EHC plan the notice of an off-site direction goes to the local "
    "authority too, by the same time limit (Education (Educational Provision for Improving "
    "Behaviour) Regulations 2010, reg. 3, as amended 2012)."
)
R_NOTICE_CONTENTS = N_(
    "The notice must give the address of the provision, who the pupil reports to, the number of "
    "days, the reasons and objectives, and the session times as clock times: the first "
    "session's start, the last one's finish and the break between morning and afternoon "
    "(Education (Educational Provision for Improving Behaviour) Regulations 2010, reg. 3)."
)
R_DIRECTION_PURPOSE = N_(
    "An off-site direction is made to improve the pupil's behaviour (Education Act 2002, "
    "s. 29A; Education (Educational Provision for Improving Behaviour) Regulations 2010). A "
    "pupil placed for other needs, such as SEND or medical needs, is usually placed without one."
)
R_DIRECTION_REVIEW = N_(
    "A parent may ask in writing for the direction to be reviewed; a review must be held if none "
    "took place in the previous 10 weeks."
)
R_EHCP = N_(
    "The EHC plan goes with the referral (Appendix A), and the LA SEND caseworker must be told "
    "before the placement starts, not on its first day (DfE AP guidance)."
)
R_HEALTH = N_(
    "The referral goes to the provider as the record of the child's needs (Appendix A): a "
    "placement for medical needs says what they are, or the provider cannot plan for them."
)
R_RISK_ASSESSMENT = N_(
    "Appendix A asks for the details of any risk assessment: the provider keeps the child safe "
    "from it, so the form sends the copy it speaks of."
)
R_VIRTUAL_SCHOOL = N_(
    "The Virtual School Head promotes the education of looked-after children and must know "
    "where each one is educated."
)
R_OUTCOMES = N_(
    "AP is an intervention, not a destination: the DfE expects clear objectives linked to "
    "outcomes, how success is measured, and the plan for return (Appendix A)."
)
R_VOICE = N_(
    "Appendix A asks for the child's and the family's voice, and the LA counts placements where "
    "it was sought; the date shows when."
)
R_ENGLISH_MATHS = N_("DfE guidance: AP should include English and maths in the offer.")
R_REVIEW = N_(
    "Arranging alternative provision (DfE, February 2025): placements are reviewed regularly, "
    "at least half-termly, for suitability and for the return to school; the interval is the "
    "school's setting (6 weeks unless changed)."
)
R_LENGTH = N_(
    "Arranging alternative provision (DfE, February 2025): AP is time limited, with the return "
    "planned from the start; the longest planned placement is the school's setting."
)
R_AGREEMENT = N_(
    "Arranging alternative provision (DfE, February 2025): the commissioning school agrees the "
    "placement with the provider in writing (objectives, attendance reporting, safeguarding, "
    "costs)."
)
R_LA_NOTIFIED = N_(
    "Arranging alternative provision (DfE, February 2025): schools tell the LA of the AP they "
    "commission; apdesk sends the placement-start pack when the placement starts, or record "
    "the day the LA's own form or an email told it."
)
R_SESSIONS = N_(
    "A session (a morning or an afternoon) is about 2.5 hours; hours that do not match the "
    "sessions make the register, the timetable and the invoice disagree."
)
R_OVERRUN = N_(
    "Alternative provision is agreed for a set time and reviewed: past its end date the pupil is "
    "on no agreed plan. Extend it with a new end date, or end it and plan the return (DfE "
    "Arranging alternative provision, February 2025)."
)
R_DATES = N_("A placement ends after it starts.")
R_TRANSPORT = N_(
    "Out-of-area placements need transport arranged, and its cost agreed, before the start."
)
R_QA = N_(
    "The commissioning school stays responsible for the safety and quality of the AP it uses; "
    "a provider whose QA is not current is used only with a recorded reason."
)
R_UNREGISTERED = N_(
    "A setting must register as an independent school if it educates full time a pupil with an "
    "EHC plan or a looked-after pupil: an unregistered provider takes part-time placements only."
)
