"""Matching a MIS export's headers to pupil fields, whatever each MIS calls them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from apdesk.i18n import _
from apdesk.services.pupils import FIELD_LABELS

# Names seen in MIS exports, best first: when two headers match one field, the earlier wins.
ALIASES: dict[str, tuple[str, ...]] = {
    "upn": ("upn", "uniquepupilnumber", "pupilupn"),
    "surname": ("legalsurname", "surname", "lastname", "familyname", "legallastname"),
    "forename": ("legalforename", "forename", "firstname", "givenname", "legalfirstname"),
    "preferred_name": (
        "preferredforename",
        "preferredname",
        "preferredfirstname",
        "knownas",
        "chosenname",
    ),
    "dob": ("dob", "dateofbirth", "birthdate", "birthday"),
    "gender": ("gender", "sex"),
    "nc_year": (
        "ncyearactual",
        "ncyear",
        "year",
        "yeargroup",
        "yr",
        "nationalcurriculumyear",
        "curriculumyear",
    ),
    "sen_status": ("senstatus", "sen", "senprovision", "sendstatus", "send", "senstage"),
    "looked_after": (
        "lookedafter",
        "inlacare",
        "incare",
        "lac",
        "cla",
        "childlookedafter",
        "lookedafterchild",
    ),
    "health_needs": ("healthneeds", "medicalneeds", "medicalconditions"),
    "family_support": ("familysupport",),
    "safety_info": ("safetyinfo", "safetyinformation", "risks"),
}
REQUIRED = ("upn", "surname", "forename", "dob")
IGNORE = ""  # a column_map value that means "leave this column out"


def field_label(name: str) -> str:
    """A pupil field as the person reads it, in their language ("Date of birth")."""
    return _(FIELD_LABELS[name]) if name in FIELD_LABELS else name


def normalise_header(header: str) -> str:
    """Case, spaces, underscores and punctuation do not matter: 'Date_of-Birth' = 'dateofbirth'."""
    return re.sub(r"[\W_]+", "", header.casefold())


def field_for(header: str) -> str | None:
    key = normalise_header(header)
    for name, aliases in ALIASES.items():
        if key in aliases:
            return name
    return None


@dataclass
class ColumnMatch:
    """Which column index feeds each field, and what is left over for the person to decide."""

    columns: dict[str, int] = field(default_factory=dict)  # field -> column index
    headers: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    shadowed: list[tuple[str, str]] = field(default_factory=list)  # (header, field it lost)

    @property
    def missing(self) -> list[str]:
        return [name for name in REQUIRED if name not in self.columns]

    def header_for(self, name: str) -> str:
        """The file's own header for a field, so an error points at a column the person sees."""
        if name in self.columns:
            return self.headers[self.columns[name]]
        return field_label(name)


def match_columns(headers: list[str], column_map: dict[str, str] | None = None) -> ColumnMatch:
    """Automatic matching, overridden header by header by `column_map` (header -> field or "")."""
    column_map = column_map or {}
    by_norm = {normalise_header(k): v for k, v in column_map.items()}
    match = ColumnMatch(headers=[h.strip() for h in headers])
    ranks: dict[str, int] = {}
    for index, header in enumerate(match.headers):
        if header in column_map or normalise_header(header) in by_norm:
            chosen = column_map.get(header, by_norm.get(normalise_header(header), IGNORE))
            if chosen == IGNORE:
                continue
            if chosen not in FIELD_LABELS:
                match.unknown.append(header)
                continue
            rank = -1  # the person's choice beats any automatic match
        else:
            found = field_for(header)
            if found is None:
                if header:
                    match.unknown.append(header)
                continue
            chosen = found
            rank = ALIASES[found].index(normalise_header(header))
        if chosen in match.columns and ranks[chosen] <= rank:
            match.shadowed.append((header, chosen))
            continue
        if chosen in match.columns:
            match.shadowed.append((match.headers[match.columns[chosen]], chosen))
        match.columns[chosen] = index
        ranks[chosen] = rank
    return match
