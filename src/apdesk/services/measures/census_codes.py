"""The school census codes apdesk writes for AP placements, each with where it comes from.

Setting types (confirmed): the DfE's alternative provision census data items (2023), "Type of
setting": NFE non-maintained further education provision, OOT one-on-one tuition, OTH other
unregistered provider, WBP work-based placement; recorded only where the placement has neither
a URN nor a UKPRN ("If you record a URN, do not record the UKPRN or AP type of setting").

Placement reasons (NOT confirmed): the census returns the reason for the placement as a code
from the common basic data set (CBDS) code list. apdesk's authors could not read that list
from a source they could cite, so no reason code is written: REASON_CODES stays empty until
someone fills it from the CBDS with its code set reference, and the export says so in its
notes for every row instead of writing apdesk's own words where a code belongs.

Column names: the census XML's element names for the placement items as apdesk's authors
understand them from the school census business and technical specification; they have not
been checked against the current CBDS, and the export's notes say so.
"""

from __future__ import annotations

from apdesk.models.enums import Delivery, DpsLot, NeedCategory, SettingType

SETTING_TYPES = {
    "NFE": "Non-maintained further education provision",
    "OOT": "One-on-one tuition",
    "OTH": "Other unregistered provider",
    "WBP": "Work-based placement",
}
SETTING_SOURCE = "DfE alternative provision census data items (2023), 'Type of setting'"

REASON_CODES: dict[str, str] = {}
"""apdesk reason (NeedCategory value) -> census reason code, once confirmed from the CBDS."""
REASON_CODES_CONFIRMED = bool(REASON_CODES)
REASON_SOURCE = "CBDS code list for the AP placement reason (not yet confirmed in apdesk)"

# Kinds registered with the DfE: named by their URN (from Get Information about Schools).
REGISTERED_KINDS = frozenset(
    {
        SettingType.PRU,
        SettingType.AP_ACADEMY,
        SettingType.AP_FREE_SCHOOL,
        SettingType.INDEPENDENT_SCHOOL,
        SettingType.HOSPITAL_SCHOOL,
        SettingType.AIP_BASE,  # run by a mainstream school, which has a URN
    }
)
ON_SITE_KINDS = frozenset({SettingType.INTERNAL})
"""On-site provision is not returned: it is not a placement in another setting."""
TUTORING_LOTS = frozenset(
    {
        DpsLot.TUTORING_QUALIFIED.value,
        DpsLot.TUTORING_EXPERIENCED.value,
        DpsLot.SPECIALIST_TEACHERS.value,
    }
)


def setting_type(kind: SettingType, lots: list[str], delivery: Delivery) -> str:
    """The census type of setting for a provider with no URN and no UKPRN ('' for a kind that
    must be named by its URN): an FE college is NFE, an employer WBP, a tutor (a DPS tutoring
    or specialist-teacher lot, or tuition delivered online) OOT, any other unregistered OTH."""
    if kind in REGISTERED_KINDS or kind in ON_SITE_KINDS:
        return ""
    if kind is SettingType.FE_COLLEGE:
        return "NFE"
    if kind is SettingType.WORK_BASED:
        return "WBP"
    if TUTORING_LOTS.intersection(lots) or delivery is Delivery.ONLINE:
        return "OOT"
    return "OTH"


def reason_code(reasons: list[str]) -> str:
    """The census code of the first reason that has one ('' while the list is unconfirmed)."""
    for reason in reasons:
        code = REASON_CODES.get(reason)
        if code:
            return code
    return ""


def reason_words(reasons: list[str]) -> str:
    labels = []
    for reason in reasons:
        try:
            labels.append(NeedCategory(reason).label)
        except ValueError:
            continue
    return "; ".join(labels)
