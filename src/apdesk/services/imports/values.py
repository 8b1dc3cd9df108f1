"""Reading one cell: dates, gender, year group, SEN status and yes/no as MIS exports write them.

Each parser raises ValueError with a message that says what was found and how to fix it.
"""

from __future__ import annotations

import re
from datetime import date

from apdesk.i18n import N_, _
from apdesk.models.enums import Gender, SenStatus

_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.+\-Z]*)?$")
DATE_FIX = N_("write it as dd/mm/yyyy (e.g. 14/03/2012) or yyyy-mm-dd")


def parse_date(text: str) -> date:
    value = text.strip()
    iso = _ISO.match(value)
    dmy = _DMY.match(value)
    if iso:
        year, month, day = int(iso[1]), int(iso[2]), int(iso[3])
    elif dmy:
        day, month = int(dmy[1]), int(dmy[2])
        if len(dmy[3]) != 4:
            raise ValueError(
                _("'{value}' has a {digits}-digit year: write all 4 digits").format(
                    value=value, digits=len(dmy[3])
                )
            )
        if month > 12 and day <= 12:
            raise ValueError(
                _("'{value}' looks like month/day: {fix}").format(value=value, fix=_(DATE_FIX))
            )
        year = int(dmy[3])
    else:
        raise ValueError(_("'{value}' is not a date: {fix}").format(value=value, fix=_(DATE_FIX)))
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(
            _("'{value}' is not a real date: check the day and month").format(value=value)
        ) from None


_GENDERS = {
    "m": Gender.MALE,
    "male": Gender.MALE,
    "boy": Gender.MALE,
    "f": Gender.FEMALE,
    "female": Gender.FEMALE,
    "girl": Gender.FEMALE,
    "x": Gender.OTHER,
    "u": Gender.OTHER,
    "o": Gender.OTHER,
    "other": Gender.OTHER,
    "unknown": Gender.OTHER,
    "notstated": Gender.OTHER,
    "notknown": Gender.OTHER,
    "": Gender.OTHER,
}


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def parse_gender(text: str) -> Gender:
    found = _GENDERS.get(_key(text))
    if found is None:
        raise ValueError(
            _("'{value}' is not a gender: use M, F or X (not stated)").format(value=text.strip())
        )
    return found


_SEN = {
    "": SenStatus.NONE,
    "n": SenStatus.NONE,
    "no": SenStatus.NONE,
    "none": SenStatus.NONE,
    "nosen": SenStatus.NONE,
    "nospecialeducationalneed": SenStatus.NONE,
    "k": SenStatus.SEN_SUPPORT,
    "sensupport": SenStatus.SEN_SUPPORT,
    "support": SenStatus.SEN_SUPPORT,
    "schoolaction": SenStatus.SEN_SUPPORT,
    "schoolactionplus": SenStatus.SEN_SUPPORT,
    "a": SenStatus.SEN_SUPPORT,
    "p": SenStatus.SEN_SUPPORT,
    "e": SenStatus.EHC_PLAN,
    "ehcp": SenStatus.EHC_PLAN,
    "ehcplan": SenStatus.EHC_PLAN,
    "educationhealthandcareplan": SenStatus.EHC_PLAN,
    "s": SenStatus.EHC_PLAN,
    "statement": SenStatus.EHC_PLAN,
}


def parse_sen(text: str) -> SenStatus:
    found = _SEN.get(_key(text))
    if found is None:
        raise ValueError(
            _(
                "'{value}' is not an SEN status: use N (none), K (SEN support) or E (EHC plan)"
            ).format(value=text.strip())
        )
    return found


_YEAR = re.compile(r"^(?:year|yr|y|nc)?(\d{1,2})$")
YEAR_FIX = N_("use 0 or R for Reception, then 1 to 14")


def parse_year(text: str) -> int:
    key = _key(text)
    if key in ("r", "yr", "rec", "reception", "yearr", "0"):
        return 0
    if key in ("n1", "n2", "nursery"):
        raise ValueError(
            _("'{value}' is a nursery year: apdesk keeps Reception to Year 14").format(
                value=text.strip()
            )
        )
    match = _YEAR.match(key)
    if match is None:
        raise ValueError(_not_a_year(text))
    year = int(match[1])
    if year > 14:
        raise ValueError(_not_a_year(text))
    return year


def _not_a_year(text: str) -> str:
    return _("'{value}' is not a year group: {fix}").format(value=text.strip(), fix=_(YEAR_FIX))


_YES = {"y", "yes", "true", "1", "t"}
_NO = {"", "n", "no", "false", "0", "f"}


def parse_bool(text: str) -> bool:
    key = _key(text)
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise ValueError(_("'{value}' is not yes or no: use Y or N").format(value=text.strip()))
