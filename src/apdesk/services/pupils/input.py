"""What a person types (or a file supplies) for one pupil, and the rules it must keep.

Every rule lives here so that the GUI form, the CSV/CTF import and the CLI refuse the same things
with the same words.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date

from apdesk.i18n import _
from apdesk.models import Pupil
from apdesk.models.enums import Gender, SenStatus
from apdesk.models.errors import ApdeskError, ValidationError
from apdesk.models.upn import normalise_upn, validate_upn

MAX_NAME = 100
YEAR_MIN, YEAR_MAX = 0, 14  # 0 is Reception
FIELD_LABELS = {
    "upn": "UPN",
    "forename": "Forename",
    "surname": "Surname",
    "preferred_name": "Preferred name",
    "dob": "Date of birth",
    "gender": "Gender",
    "nc_year": "Year",
    "sen_status": "SEN status",
    "looked_after": "Looked after",
    "health_needs": "Health needs",
    "family_support": "Family support",
    "safety_info": "Safety information",
}


class PupilNotFound(ApdeskError):
    """The pupil was removed or never existed (a stale list row, a mistyped id)."""


def year_label(nc_year: int) -> str:
    """The year group in the chosen language ("Year 8", "Rok 8")."""
    return _("Reception") if nc_year == 0 else _("Year {year}").format(year=nc_year)


def age_on_31_august(dob: date, today: date) -> int:
    """Age at the 31 August that began the current school year: what fixes the NC year."""
    cutoff = date(today.year if today.month >= 9 else today.year - 1, 8, 31)
    return cutoff.year - dob.year - ((cutoff.month, cutoff.day) < (dob.month, dob.day))


def expected_year(dob: date, today: date) -> int:
    return age_on_31_august(dob, today) - 4


@dataclass
class PupilInput:
    """What a person types (or a file supplies) for one pupil, before it is saved."""

    upn: str = ""
    forename: str = ""
    surname: str = ""
    preferred_name: str = ""
    dob: date | None = None
    gender: Gender = Gender.OTHER
    nc_year: int | None = None
    sen_status: SenStatus = SenStatus.NONE
    looked_after: bool = False
    needs: list[str] = field(default_factory=list)
    health_needs: str = ""
    family_support: str = ""
    safety_info: str = ""

    def validate(self, today: date | None = None) -> None:
        """Raise ValidationError for the first broken rule; normalises the UPN and names."""
        today = today or date.today()
        self.upn = normalise_upn(str(self.upn))  # lower case and spaces are not mistakes
        if not self.upn.isascii():
            raise ValidationError(
                FIELD_LABELS["upn"],
                f"'{self.upn}' has characters that are not plain letters or digits",
                "copy the UPN again from the MIS",
            )
        self.upn = validate_upn(self.upn, FIELD_LABELS["upn"])
        for name in ("forename", "surname"):
            value = " ".join(str(getattr(self, name)).split())
            if not value:
                raise ValidationError(FIELD_LABELS[name], "is empty", f"enter the pupil's {name}")
            if any(unicodedata.category(ch) == "Cc" for ch in value):
                raise ValidationError(
                    FIELD_LABELS[name], "contains a control character", "retype the name"
                )
            if len(value) > MAX_NAME:
                raise ValidationError(
                    FIELD_LABELS[name], f"is {len(value)} characters", f"keep it under {MAX_NAME}"
                )
            setattr(self, name, value)
        preferred = " ".join(self.preferred_name.split())[:MAX_NAME]
        self.preferred_name = "".join(ch for ch in preferred if unicodedata.category(ch) != "Cc")
        if self.dob is None:
            raise ValidationError(
                FIELD_LABELS["dob"], "is missing", "enter it as dd/mm/yyyy, e.g. 14/03/2012"
            )
        if self.dob > today:
            raise ValidationError(
                FIELD_LABELS["dob"], f"{self.dob:%d/%m/%Y} is in the future", "check the year"
            )
        implied = expected_year(self.dob, today)
        if not -1 <= implied <= YEAR_MAX:
            age = age_on_31_august(self.dob, today)
            raise ValidationError(
                FIELD_LABELS["dob"],
                f"{self.dob:%d/%m/%Y} gives an age of {age} on 31 August, outside school age",
                "a pupil is 4 to 19 during the school year: check the year of birth",
            )
        if self.nc_year is None:
            raise ValidationError(
                FIELD_LABELS["nc_year"], "is missing", "enter 0 (Reception) to 14"
            )
        if not YEAR_MIN <= self.nc_year <= YEAR_MAX:
            raise ValidationError(
                FIELD_LABELS["nc_year"],
                f"{self.nc_year} is not a year group",
                "enter 0 (Reception) to 14",
            )
        self.gender = Gender(self.gender)
        self.sen_status = SenStatus(self.sen_status)

    def warnings(self, today: date | None = None) -> list[str]:
        """Odd but allowed: a pupil taught out of their age group is worth a second look."""
        today = today or date.today()
        if self.dob is None or self.nc_year is None:
            return []
        implied = expected_year(self.dob, today)
        if abs(implied - self.nc_year) > 1:
            return [
                f"{year_label(self.nc_year)} but the date of birth suggests "
                f"{year_label(max(implied, 0))}: check the year group"
            ]
        return []

    @classmethod
    def from_pupil(cls, pupil: Pupil) -> PupilInput:
        return cls(**{name: getattr(pupil, name) for name in cls.__dataclass_fields__})
