"""Pupils from a common transfer file (CTF): `<CTfile>` ... `<CTFpupilData>` ... `<Pupil>`.

Tolerant of what MIS suppliers actually write: element names are matched without namespaces,
details may sit directly under `<Pupil>` or inside `<BasicDetails>`, and optional elements may
be missing. DTDs and entities are refused before parsing, so a hostile file cannot expand.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date

from sqlmodel import Session

from apdesk.services.imports.pipeline import SourceRow, run_import
from apdesk.services.imports.result import ImportResult

# field -> CTF element names, best first
ELEMENTS: dict[str, tuple[str, ...]] = {
    "upn": ("UPN",),
    "surname": ("Surname", "LegalSurname"),
    "forename": ("Forename", "LegalForename"),
    "preferred_name": ("PreferredForename",),
    "dob": ("DOB",),
    "gender": ("Gender", "Sex"),
    "nc_year": ("NCyearActual",),
    "looked_after": ("InCare", "LookedAfter"),
}
_FORBIDDEN = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
NOT_CTF = "this is not a CTF file: export a CTF (XML) from the MIS again"


def looks_like_ctf(data: bytes) -> bool:
    head = data[:2000].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    return head.startswith(b"<") and b"CTfile" in data[:4000].replace(b"\x00", b"")


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element: ET.Element) -> str:
    return (element.text or "").strip()


def _find(pupil: ET.Element, names: tuple[str, ...]) -> str | None:
    """The first of `names` directly under the pupil or its `<BasicDetails>`; never deeper,
    where a contact's `<Surname>` or a school's `<Forename>`-like detail would be mistaken."""
    places = [pupil, *(child for child in pupil if _local(child.tag) == "BasicDetails")]
    for name in names:
        for place in places:
            for child in place:
                if _local(child.tag) == name:
                    return _text(child)
    return None


def _sen(pupil: ET.Element) -> str | None:
    """The latest SEN provision from `<SENhistory><SEN>`, by start date when given."""
    entries: list[tuple[str, str]] = []
    history = [child for child in pupil if _local(child.tag) == "SENhistory"]
    for element in (sen for h in history for sen in h):
        if _local(element.tag) != "SEN":
            continue
        provision = start = None
        for child in element:
            if _local(child.tag) == "SENprovision":
                provision = _text(child)
            elif _local(child.tag) == "StartDate":
                start = _text(child)
        if provision is not None:
            entries.append((start or "", provision))
    if not entries:
        return _find(pupil, ("SENprovision", "SENstatus"))
    return max(entries, key=lambda entry: entry[0])[1]


def _pupil_values(pupil: ET.Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, elements in ELEMENTS.items():
        value = _find(pupil, elements)
        if value is not None:
            found[name] = value
    for required in ("upn", "surname", "forename"):
        found.setdefault(required, "")
    sen = _sen(pupil)
    if sen is not None:
        found["sen_status"] = sen
    return found


def read_pupils(data: bytes) -> list[SourceRow]:
    """The pupils in a CTF, numbered from 1 in file order; ValueError when it cannot be read."""
    if _FORBIDDEN.search(data) or _FORBIDDEN.search(data.replace(b"\x00", b"")):
        raise ValueError(
            "the file declares a DTD or entities, which a CTF never needs: "
            "export it again from the MIS"
        )
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ValueError(f"the XML is damaged ({exc}): export the CTF again") from None
    except (ValueError, LookupError):  # e.g. an unknown encoding in the XML declaration
        raise ValueError("the XML cannot be decoded: export the CTF again as UTF-8") from None
    if _local(root.tag) != "CTfile":
        raise ValueError(NOT_CTF)
    pupils = [e for e in root.iter() if _local(e.tag) == "Pupil"]
    return [SourceRow(number, _pupil_values(p)) for number, p in enumerate(pupils, start=1)]


def _column(name: str) -> str:
    if name == "sen_status":
        return "SENprovision"
    return ELEMENTS.get(name, (name,))[0]


def import_ctf(
    session: Session, data: bytes, *, dry_run: bool = False, today: date | None = None
) -> ImportResult:
    """Import the pupils in a CTF: all or nothing, matched by UPN like the CSV import."""
    result = ImportResult(dry_run=dry_run)
    try:
        rows = read_pupils(data)
    except ValueError as exc:
        result.error(0, "", str(exc))
        return result
    return run_import(session, rows, _column, result, dry_run=dry_run, today=today)
