"""Every fixed list from the domain, as string enums whose values are stable in files and packs."""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    """A string enum whose members carry a human label (the text after the value)."""

    label: str

    def __new__(cls, value: str, label: str = "") -> Labelled:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label or value.replace("_", " ").capitalize()
        return obj


class Gender(Labelled):
    FEMALE = "F", "Female"
    MALE = "M", "Male"
    OTHER = "X", "Other / not stated"


class SenStatus(Labelled):
    NONE = "N", "No SEN"
    SEN_SUPPORT = "K", "SEN support"
    EHC_PLAN = "E", "EHC plan"


class NeedCategory(Labelled):
    """Reasons AP may be needed (seed 001)."""

    EXCLUSION = "exclusion", "Exclusion or risk of exclusion or suspension"
    SEMH = "semh", "Social, emotional and mental health"
    SEND = "send", "Special educational needs and disabilities"
    EBSA = "ebsa", "Emotionally based school avoidance"
    MEDICAL = "medical", "Medical needs"
    BULLYING = "bullying", "Bullying"
    YOUNG_CARER = "young_carer", "Young carer"
    YOUTH_JUSTICE = "youth_justice", "Youth justice involvement"
    NO_PLACE = "no_place", "Temporary lack of a school place"
    EOTAS = "eotas", "Education otherwise than at school"


class SenType(Labelled):
    """The DfE's types of SEN need, as the school census and CTF files code them."""

    SPLD = "SPLD", "Specific learning difficulty"
    MLD = "MLD", "Moderate learning difficulty"
    SLD = "SLD", "Severe learning difficulty"
    PMLD = "PMLD", "Profound and multiple learning difficulty"
    SEMH = "SEMH", "Social, emotional and mental health"
    SLCN = "SLCN", "Speech, language and communication needs"
    HI = "HI", "Hearing impairment"
    VI = "VI", "Vision impairment"
    MSI = "MSI", "Multi-sensory impairment"
    PD = "PD", "Physical disability"
    ASD = "ASD", "Autistic spectrum disorder"
    OTH = "OTH", "Other difficulty or disability"
    NSA = "NSA", "SEN support but no specialist assessment of type of need"


class SettingType(Labelled):
    PRU = "pru", "Pupil referral unit"
    AP_ACADEMY = "ap_academy", "AP academy"
    AP_FREE_SCHOOL = "ap_free_school", "AP free school"
    INDEPENDENT_SCHOOL = "independent_school", "Registered independent school"
    HOSPITAL_SCHOOL = "hospital_school", "Hospital school"
    FE_COLLEGE = "fe_college", "FE college"
    UNREGISTERED = "unregistered", "Unregistered provider"
    WORK_BASED = "work_based", "Work-based placement (an employer)"
    AIP_BASE = "aip_base", "AIP inclusion base"
    INTERNAL = "internal", "In-school (internal) AP"


class RegistrationStatus(Labelled):
    REGISTERED = "registered", "Registered"
    UNREGISTERED = "unregistered", "Unregistered"


class LaApproval(Labelled):
    APPROVED = "approved", "Approved on the LA directory"
    PENDING = "pending", "Approval pending"
    NOT_LISTED = "not_listed", "Not on the LA directory"
    SUSPENDED = "suspended", "Approval suspended"


class DpsLot(Labelled):
    """The county dynamic purchasing system lots (seed 002)."""

    TUTORING_QUALIFIED = "1", "Lot 1: tutoring by qualified teachers"
    TUTORING_EXPERIENCED = "2", "Lot 2: tutoring by experienced non-teachers"
    SPECIALIST_TEACHERS = "3", "Lot 3: specialist teachers"
    HCPC_THERAPY = "4", "Lot 4: HCPC-registered therapy"
    OTHER_SERVICES = "5", "Lot 5: other services supporting education"


class SheffieldCategory(Labelled):
    """The Sheffield model categories (seed 001)."""

    MEDICAL = "medical", "Medical"
    EXCLUSION = "exclusion", "Exclusion"
    VOCATIONAL = "vocational", "Vocational"
    INTERVENTION = "intervention", "Intervention and assessment"
    KS1_3_FULL_TIME = "ks1_3", "Key stage 1-3 full time"
    KS4_FULL_TIME = "ks4", "Key stage 4 full time"
    STEP_OUT = "step_out", "Step out"
    ENGAGEMENT = "engagement", "Engagement"


class Delivery(Labelled):
    FACE_TO_FACE = "face_to_face", "Face to face"
    ONLINE = "online", "Online"
    BOTH = "both", "Face to face and online"


class CourseType(Labelled):
    GCSE = "gcse", "GCSE"
    FUNCTIONAL_SKILLS = "functional_skills", "Functional skills"
    VOCATIONAL = "vocational", "Vocational"
    THERAPEUTIC = "therapeutic", "Therapeutic"


class RateUnit(Labelled):
    DAILY = "daily", "per day"
    HOURLY = "hourly", "per hour"


class DistanceBand(Labelled):
    NEAR = "near", "Under 5 miles"
    MEDIUM = "medium", "5 to 15 miles"
    FAR = "far", "Over 15 miles"
    OUT_OF_AREA = "out_of_area", "Out of area"


class AuditKind(Labelled):
    SAFEGUARDING = "safeguarding", "Safeguarding audit"
    HEALTH_SAFETY = "health_safety", "Health and safety audit"
    QUALITY_OF_EDUCATION = "quality_of_education", "Quality of education audit"


class AuditOutcome(Labelled):
    PASSED = "passed", "Passed"
    PASSED_WITH_ACTIONS = "actions", "Passed with actions"
    FAILED = "failed", "Failed"


class PlacementStatus(Labelled):
    DRAFT = "draft", "Draft"
    REFERRED = "referred", "Referred"
    ACTIVE = "active", "Active"
    ENDED = "ended", "Ended"


class PlacementOutcome(Labelled):
    RETURNED = "returned", "Returned full time to the home school"
    OTHER_MAINSTREAM = "other_mainstream", "Moved to another mainstream school"
    SPECIALIST = "specialist", "Moved to specialist provision"
    POST_16 = "post_16", "Moved on to post-16"
    PERMANENT_EXCLUSION = "permanent_exclusion", "Permanent exclusion"
    RE_REFERRAL = "re_referral", "Re-referral to AP"
    OTHER = "other", "Other"


class Commissioner(Labelled):
    SCHOOL = "school", "School"
    LA = "la", "Local authority"


class FundingStream(Labelled):
    SCHOOL_BUDGET = "school_budget", "School budget"
    NOTIONAL_SEND = "notional_send", "Notional SEND budget"
    EHCP_TOP_UP = "ehcp_top_up", "EHCP top-up"
    HIGH_NEEDS = "high_needs", "High Needs Block"
    HOSPITAL = "hospital", "Hospital education funding"
    RECOUPMENT = "recoupment", "Recoupment"


class RegistrationCode(Labelled):
    """The register code a school uses for sessions at the provision. The words say what
    the code means for a placement (B: the school arranged it), more narrowly than the
    regulations' meaning in the code table (B: any other approved educational activity)."""

    B = "B", "B: approved educational activity arranged by the school"
    K = "K", "K: education arranged by the local authority"
    D = "D", "D: dual registration at the other setting"


class Session(Labelled):
    AM = "AM", "Morning"
    PM = "PM", "Afternoon"


class Weekday(Labelled):
    MON = "MON", "Monday"
    TUE = "TUE", "Tuesday"
    WED = "WED", "Wednesday"
    THU = "THU", "Thursday"
    FRI = "FRI", "Friday"


class MarkSource(Labelled):
    SCHOOL = "school", "Recorded at school"
    PROVIDER = "provider", "Provider return"
    IMPORT = "import", "Imported history"


class VoiceOf(Labelled):
    CHILD = "child", "Child"
    FAMILY = "family", "Family"


class Agency(Labelled):
    SPECIALIST_TEACHING = "specialist_teaching", "Specialist Teaching Service"
    INCLUSION = "inclusion", "Inclusion Service"
    SOCIAL_CARE = "social_care", "Social care"
    CAMHS = "camhs", "CAMHS"
    YOT = "yot", "Youth offending team"
    VIRTUAL_SCHOOL = "virtual_school", "Virtual School"
    SENA = "sena", "SEN assessment service"
    HEALTH = "health", "Health services"
    AIP_OUTREACH = "aip_outreach", "AIP outreach"
    EDUCATIONAL_PSYCHOLOGY = "ed_psych", "Educational psychology"
    OTHER = "other", "Other"


class AttachmentKind(Labelled):
    EHC_PLAN = "ehc_plan", "EHC plan"
    RISK_ASSESSMENT = "risk_assessment", "Risk assessment"
    MEDICAL_LETTER = "medical_letter", "Consultant or GP letter"
    OTHER = "other", "Other document"


class SlotKind(Labelled):
    MAINSTREAM = "mainstream", "Mainstream lesson"
    IAP = "iap", "IAP session"
    OFFSITE = "offsite", "Off-site AP"
    SOCIAL = "social", "Free or social time with peers"


class PackKind(Labelled):
    PLACEMENT_START = "placement-start", "Placement start"
    PLACEMENT_CHANGE = "placement-change", "Placement change"
    PLACEMENT_END = "placement-end", "Placement end"
    ATTENDANCE_SUMMARY = "attendance-summary", "Attendance summary"
    AUDIT_CHECKPOINT = "audit-checkpoint", "Audit checkpoint"


class OutboxStatus(Labelled):
    QUEUED = "queued", "Queued"
    SENDING = "sending", "Sending"
    DELIVERED = "delivered", "Delivered"
    ATTENTION = "attention", "Needs attention"
