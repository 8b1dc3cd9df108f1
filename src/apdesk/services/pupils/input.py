"""What a person types (or a file supplies) for one pupil, and the rules it must keep.

Every rule lives here so that the GUI form, the CSV/CTF import and the CLI refuse the same things
with the same words.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

from apdesk.i18n import N_, _, format_date, ngettext
from apdesk.models import Pupil
from apdesk.models.enums import Gender, SenStatus
from apdesk.models.errors import ApdeskError, ValidationError
from apdesk.models.school_year import school_year_start
from apdesk.models.upn import normalise_upn, validate_upn

MAX_NAME = 100
YEAR_MIN, YEAR_MAX = 0, 14  # 0 is Reception
FIELD_LABELS = {
    "upn": N_("UPN"),
    "forename": N_("Forename"),
    "surname": N_("Surname"),
    "preferred_name": N_("Preferred name"),
    "dob": N_("Date of birth"),
    "gender": N_("Gender"),
    "nc_year": N_("Year"),
    "sen_status": N_("SEN status"),
    "looked_after": N_("Looked after"),
    "health_needs": N_("Health needs"),
    "family_support": N_("Family support"),
    "safety_info": N_("Safety information"),
}
# FIELD_LABELS stay English (N_ only marks them for the catalogue): a ValidationError's field is
# matched against them, and a screen translates a label where it shows it. Messages and fixes
# are in the chosen language.
ENTER_NAME = {
    "forename": N_("enter the pupil's forename"),
    "surname": N_("enter the pupil's surname"),
}  # shown through _()


class PupilNotFound(ApdeskError):
    """The pupil was removed or never existed (a stale list row, a mistyped id)."""


def year_label(nc_year: int) -> str:
    """The year group in the chosen language ("Year 8", "Rok 8")."""
    return _("Reception") if nc_year == 0 else _("Year {year}").format(year=nc_year)


def age_on_31_august(dob: date, today: date) -> int:
    """Age at the 31 August that began the current school year: what fixes the NC year."""
    cutoff = school_year_start(today) - timedelta(days=1)
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
                _("'{upn}' has characters that are not plain letters or digits").format(
                    upn=self.upn
                ),
                _("copy the UPN again from the MIS"),
            )
        self.upn = validate_upn(self.upn, FIELD_LABELS["upn"])
        for name in ("forename", "surname"):
            value = " ".join(str(getattr(self, name)).split())
            if not value:
                raise ValidationError(FIELD_LABELS[name], _("is empty"), _(ENTER_NAME[name]))
            if any(unicodedata.category(ch) == "Cc" for ch in value):
                raise ValidationError(
                    FIELD_LABELS[name], _("contains a control character"), _("retype the name")
                )
            if len(value) > MAX_NAME:
                raise ValidationError(
                    FIELD_LABELS[name],
                    ngettext("is {n} character", "is {n} characters", len(value)).format(
                        n=len(value)
                    ),
                    _("keep it under {n}").format(n=MAX_NAME),
                )
            setattr(self, name, value)
        preferred = " ".join(self.preferred_name.split())[:MAX_NAME]
        self.preferred_name = "".join(ch for ch in preferred if unicodedata.category(ch) != "Cc")
        if self.dob is None:
            raise ValidationError(
                FIELD_LABELS["dob"],
                _("is missing"),
                _("enter it as dd/mm/yyyy, e.g. 14/03/2012"),
            )
        if self.dob > today:
            raise ValidationError(
                FIELD_LABELS["dob"],
                _("{day} is in the future").format(day=format_date(self.dob)),
                _("check the year"),
            )
        implied = expected_year(self.dob, today)
        if not -1 <= implied <= YEAR_MAX:
            age = age_on_31_august(self.dob, today)
            raise ValidationError(
                FIELD_LABELS["dob"],
                ngettext(
                    "{day} gives an age of {age} on 31 August, outside school age",
                    "{day} gives an age of {age} on 31 August, outside school age",
                    age,
                ).format(day=format_date(self.dob), age=age),
                _("a pupil is 4 to 19 during the school year: check the year of birth"),
            )
        if self.nc_year is None:
            raise ValidationError(
                FIELD_LABELS["nc_year"], _("is missing"), _("enter 0 (Reception) to 14")
            )
        if not YEAR_MIN <= self.nc_year <= YEAR_MAX:
            raise ValidationError(
                FIELD_LABELS["nc_year"],
                _("{year} is not a year group").format(year=self.nc_year),
                _("enter 0 (Reception) to 14"),
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
                _("{year} but the date of birth suggests {expected}: check the year group").format(
                    year=year_label(self.nc_year), expected=year_label(max(implied, 0))
                )
            ]
        return []

    @classmethod
    def from_pupil(cls, pupil: Pupil) -> PupilInput:
        return cls(**{name: getattr(pupil, name) for name in cls.__dataclass_fields__})
