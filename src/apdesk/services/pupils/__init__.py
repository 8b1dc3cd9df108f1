"""The pupil register: checked input, duplicate detection, the list, the detail page, contacts."""

from apdesk.services.pupils.contacts import ContactInput, add_contact, update_contact
from apdesk.services.pupils.detail import PlacementSummary, PupilDetail, pupil_detail
from apdesk.services.pupils.input import (
    FIELD_LABELS,
    PupilInput,
    PupilNotFound,
    age_on_31_august,
    expected_year,
    year_label,
)
from apdesk.services.pupils.records import (
    check_duplicates,
    create_pupil,
    get_pupil,
    update_pupil,
)
from apdesk.services.pupils.register import PupilRow, list_pupils

__all__ = [
    "FIELD_LABELS",
    "ContactInput",
    "PlacementSummary",
    "PupilDetail",
    "PupilInput",
    "PupilNotFound",
    "PupilRow",
    "add_contact",
    "age_on_31_august",
    "check_duplicates",
    "create_pupil",
    "expected_year",
    "get_pupil",
    "list_pupils",
    "pupil_detail",
    "update_contact",
    "update_pupil",
    "year_label",
]
