"""The placement's Appendix A answers against what they imply: a placement for medical needs
records the health needs, and a risk assessment the placement speaks of is attached.

Otherwise the referral form would contradict itself ("Medical needs" beside "Health needs: None
known"). The form and these checks read the answers with the same words (`apdesk.models.stated`).
"""

from __future__ import annotations

from collections.abc import Collection

from apdesk.i18n import _, format_date
from apdesk.models.enums import AttachmentKind, NeedCategory
from apdesk.models.stated import claims_risk_assessment_attached, says_nothing
from apdesk.services.placement_facts import CheckedPlacement, CheckedPupil
from apdesk.services.placement_reasons import R_HEALTH, R_RISK_ASSESSMENT, Warn


def check_answers(
    placement: CheckedPlacement,
    pupil: CheckedPupil,
    documents: Collection[AttachmentKind] | None,
    warn: Warn,
) -> None:
    """`documents`: the kinds of document that go with the referral (not checked if None)."""
    health = placement.health_needs.strip() or pupil.health_needs
    if NeedCategory.MEDICAL.value in placement.reasons and says_nothing(health):
        warn(
            "health_needs",
            "health_needs",
            _(
                "The placement is for medical needs but no health needs are recorded: describe "
                "them in 'Health needs'."
            ),
            R_HEALTH,
        )
    if documents is None or AttachmentKind.RISK_ASSESSMENT in documents:
        return
    dated = placement.risk_assessment_date
    if dated is not None:
        warn(
            "risk_assessment",
            "risk_assessment_date",
            _(
                "The risk assessment of {date} is not attached: add it to the pupil's Documents "
                "as a risk assessment, or clear 'Risk assessment date'."
            ).format(date=format_date(dated)),
            R_RISK_ASSESSMENT,
        )
    elif claims_risk_assessment_attached(placement.safety_info.strip() or pupil.safety_info):
        warn(
            "risk_assessment",
            "safety_info",
            _(
                "'Safety and risk' says a risk assessment is attached, but none is: add it to "
                "the pupil's Documents, or correct the text."
            ),
            R_RISK_ASSESSMENT,
        )
