"""Reading a common transfer file (CTF) into plain values: the header's schools and each pupil.

Element names follow the DfE's CTF specification: `CTfile/Header` (`SourceSchool`,
`DestSchool` with `LEA`, `Estab`, `SchoolName`) and `CTFpupilData/Pupil` with `UPN`, names,
`DOB`, `Sex` (or the older `Gender`), `BasicDetails` (`PreferredForename`, `MiddleNames`,
`NCyearActual`, `MedicalFlag`, `FormerUPN`), `LookedAfter` (a container of `InCare` and
`CareAuthority`), `SENhistory` (`SEN` with `StartDate` and `SENprovision`; `SENneeds/SENneed`
with `SENtypeRank` and `SENtype`), `Address` (`BS7666Address` or `AddressLines`, `PostCode`),
`Phones/Phone` (`TelephoneType`, `PhoneNo`), `Email` and `Contacts/Contact` (`Order`, `Title`,
names, `Relationship`, `Responsibility`, `Address`, `Phones`, `Email`).

Tolerant of what MIS suppliers write: names are matched without namespaces, details may sit
directly under `<Pupil>` or in `<BasicDetails>`, and an empty or missing element is simply not
carried (so a re-import never clears what apdesk holds). DTDs and entities are refused before
parsing, so a hostile file cannot expand. Every leaf element apdesk does not keep is listed,
so the person sees what the file held that apdesk leaves out (data minimisation).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from apdesk.i18n import N_, _
from apdesk.models.enums import NeedCategory

_FORBIDDEN = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
NOT_CTF = N_("this is not a CTF file: export a CTF (XML) from the MIS again")
NO_SCHOOL = ("XXX", "MMM")  # destination unknown / the lost pupils database: no school

# pupil field -> element paths under <Pupil> (or <BasicDetails>), best first
PUPIL_ELEMENTS: dict[str, tuple[str, ...]] = {
    "upn": ("UPN",),
    "surname": ("Surname", "LegalSurname"),
    "forename": ("Forename", "LegalForename"),
    "preferred_name": ("PreferredForename",),
    "dob": ("DOB",),
    "gender": ("Sex", "Gender"),
    "nc_year": ("NCyearActual",),
}
EXTRA_ELEMENTS: dict[str, tuple[str, ...]] = {
    "middle_names": ("MiddleNames",),
    "former_upn": ("FormerUPN",),
    "medical_flag": ("MedicalFlag",),
    "email": ("Email",),
}
# CBDS relationship codes as MIS write them; a code not listed is kept as written.
RELATIONSHIPS = {
    "PAR": "Parent",
    "CAR": "Carer",
    "STP": "Step-parent",
    "FOF": "Foster parent",
    "REL": "Other relative",
    "FAM": "Other family member",
    "SWR": "Social worker",
    "CHM": "Childminder",
    "DOC": "Doctor",
    "OTH": "Other contact",
}
PHONE_TYPES = {"H": "home", "M": "mobile", "W": "work", "F": "fax"}
SEN_TYPES_SEMH = frozenset({"SEMH"})


@dataclass
class CtfSchool:
    lea: str = ""
    estab: str = ""
    name: str = ""

    @property
    def is_a_school(self) -> bool:
        return bool(self.lea) and self.lea.upper() not in NO_SCHOOL

    def describe(self) -> str:
        where = _("LA {la}, establishment {estab}").format(
            la=self.lea or "?", estab=self.estab or "?"
        )
        return f"{self.name} ({where})" if self.name else where


@dataclass
class CtfContact:
    order: int | None = None
    title: str = ""
    forename: str = ""
    surname: str = ""
    relationship: str = ""
    responsibility: bool | None = None
    address: str = ""
    phone: str = ""
    email: str = ""

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.title, self.forename, self.surname) if p)


@dataclass
class CtfPupil:
    values: dict[str, str]  # the pupil's own fields, as text, only those the file carries
    extras: dict[str, object] = field(default_factory=dict)  # CTF-only fields apdesk keeps
    needs: list[str] = field(default_factory=list)  # apdesk's need categories from the SEN
    contacts: list[CtfContact] = field(default_factory=list)
    read: set[str] = field(default_factory=set)  # element paths read
    leaves: set[str] = field(default_factory=set)  # every leaf element path in the file


@dataclass
class CtfFile:
    source: CtfSchool = field(default_factory=CtfSchool)
    dest: CtfSchool = field(default_factory=CtfSchool)
    pupils: list[CtfPupil] = field(default_factory=list)

    @property
    def read(self) -> list[str]:
        return sorted(set().union(*(p.read for p in self.pupils))) if self.pupils else []

    @property
    def not_kept(self) -> list[str]:
        """Element paths the file holds that apdesk does not keep (deeper paths shortened)."""
        left: set[str] = set()
        for pupil in self.pupils:
            for path in pupil.leaves - pupil.read:
                parts = path.split("/")
                left.add("/".join(parts[:2]) + ("/…" if len(parts) > 2 else ""))
        return sorted(left)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element: ET.Element | None) -> str:
    return " ".join((element.text or "").split()) if element is not None else ""


def _child(element: ET.Element | None, name: str) -> ET.Element | None:
    if element is None:
        return None
    return next((c for c in element if _local(c.tag) == name), None)


def _children(element: ET.Element | None, name: str) -> list[ET.Element]:
    return [c for c in element if _local(c.tag) == name] if element is not None else []


def _leaves(element: ET.Element, prefix: str = "") -> set[str]:
    found: set[str] = set()
    for child in element:
        path = f"{prefix}{_local(child.tag)}"
        if len(child):
            found |= _leaves(child, path + "/")
        elif _text(child):
            found.add(path)
    return found


def _bool(text: str) -> bool | None:
    key = text.strip().casefold()
    if key in ("true", "1", "y", "yes", "t"):
        return True
    if key in ("false", "0", "n", "no", "f"):
        return False
    return None


class _PupilReader:
    """One `<Pupil>`: each value read is recorded by its path, for the import's summary."""

    def __init__(self, element: ET.Element) -> None:
        self.pupil = element
        self.basic = _child(element, "BasicDetails")
        self.out = CtfPupil(values={}, leaves=_leaves(element))

    def _detail(self, names: tuple[str, ...]) -> tuple[str, str] | None:
        """(path, text) of the first non-empty `names` under <Pupil> or <BasicDetails>."""
        for name in names:
            for place, prefix in ((self.pupil, ""), (self.basic, "BasicDetails/")):
                text = _text(_child(place, name))
                if text:
                    return prefix + name, text
        return None

    def _take(self, path: str, text: str) -> str:
        self.out.read.add(path)
        return text

    def read(self) -> CtfPupil:
        for name, elements in PUPIL_ELEMENTS.items():
            found = self._detail(elements)
            if found:
                self.out.values[name] = self._take(*found)
        for required in ("upn", "surname", "forename"):
            self.out.values.setdefault(required, "")
        for name, elements in EXTRA_ELEMENTS.items():
            found = self._detail(elements)
            if found and name == "medical_flag":
                flag = _bool(found[1])
                if flag is not None:
                    self.out.extras[name] = flag
                    self.out.read.add(found[0])
            elif found:
                self.out.extras[name] = self._take(*found)
        self._looked_after()
        self._sen()
        address = _address(_child(self.pupil, "Address"), "Address", self.out.read)
        if address:
            self.out.extras["address"] = address
        phones = _phones(_child(self.pupil, "Phones"), "Phones", self.out.read)
        if phones:
            self.out.extras["phone"] = phones
        for index, contact in enumerate(_children(_child(self.pupil, "Contacts"), "Contact")):
            self.out.contacts.append(_contact(contact, index, self.out.read, address))
        return self.out

    def _looked_after(self) -> None:
        """`<LookedAfter><InCare>true</InCare><CareAuthority>855</CareAuthority></LookedAfter>`;
        older files give `<InCare>` alone, or a yes/no as the text of `<LookedAfter>`."""
        container = _child(self.pupil, "LookedAfter")
        if container is None:
            container = _child(self.basic, "LookedAfter")
        in_care = _text(_child(container, "InCare"))
        if in_care:
            self.out.values["looked_after"] = self._take("LookedAfter/InCare", in_care)
        elif container is not None and _text(container) and not len(container):
            self.out.values["looked_after"] = self._take("LookedAfter", _text(container))
        else:
            found = self._detail(("InCare",))
            if found:
                self.out.values["looked_after"] = self._take(*found)
        authority = _text(_child(container, "CareAuthority"))
        if authority:
            self.out.extras["care_authority"] = self._take("LookedAfter/CareAuthority", authority)

    def _sen(self) -> None:
        """The latest provision by start date; the need types ranked (1 is the main need)."""
        history = _child(self.pupil, "SENhistory")
        if history is None:
            found = self._detail(("SENprovision", "SENstatus"))
            if found:
                self.out.values["sen_status"] = self._take(*found)
            return
        entries = []
        for order, sen in enumerate(_children(history, "SEN")):
            provision = _text(_child(sen, "SENprovision"))
            if provision:
                entries.append((_text(_child(sen, "StartDate")), order, provision, sen))
        latest = max(entries, key=lambda e: (e[0], e[1])) if entries else None
        if latest is not None:
            self.out.values["sen_status"] = self._take("SENhistory/SEN/SENprovision", latest[2])
            self.out.read.add("SENhistory/SEN/StartDate")
        # needs belong to the latest provision, or sit beside the provisions in the history
        needs_at = _child(latest[3], "SENneeds") if latest is not None else None
        prefix = "SENhistory/SEN/SENneeds/SENneed/"
        if needs_at is None:
            needs_at, prefix = _child(history, "SENneeds"), "SENhistory/SENneeds/SENneed/"
        ranked = []
        for order, need in enumerate(_children(needs_at, "SENneed")):
            kind = _text(_child(need, "SENtype")).upper()
            if not kind or _text(_child(need, "NeedEndDate")):
                continue  # a need that has ended is not the pupil's need now
            rank = _text(_child(need, "SENtypeRank"))
            ranked.append((int(rank) if rank.isdigit() else 99, order, kind))
            self.out.read |= {prefix + "SENtype", prefix + "SENtypeRank"}
        types = list(dict.fromkeys(kind for _rank, _order, kind in sorted(ranked)))
        if types:
            self.out.extras["sen_types"] = types
        needs = {NeedCategory.SEMH.value for t in types if t in SEN_TYPES_SEMH}
        if any(t not in SEN_TYPES_SEMH for t in types) or (
            latest is not None and latest[2].upper() in ("K", "E", "S")
        ):
            needs.add(NeedCategory.SEND.value)
        self.out.needs = [n.value for n in NeedCategory if n.value in needs]


def _address(element: ET.Element | None, path: str, read: set[str]) -> str:
    """The address as lines: BS7666 parts (flat, number and street, locality, town, county)
    or the unstructured address lines, then the postcode."""
    if element is None:
        return ""
    lines: list[str] = []
    bs7666 = _child(element, "BS7666Address")
    if bs7666 is not None:
        parts = {_local(c.tag): _text(c) for c in bs7666}
        street = " ".join(p for p in (parts.get("PAON", ""), parts.get("Street", "")) if p)
        town = parts.get("Town", "")
        post_town = parts.get("PostTown", "")
        lines += [parts.get("SAON", ""), street, parts.get("Locality", ""), town]
        lines += [post_town if post_town != town else "", parts.get("AdministrativeArea", "")]
        for name in ("SAON", "PAON", "Street", "Locality", "Town", "PostTown"):
            if parts.get(name):
                read.add(f"{path}/BS7666Address/{name}")
        if parts.get("AdministrativeArea"):
            read.add(f"{path}/BS7666Address/AdministrativeArea")
        postcode = parts.get("PostCode", "")
        if postcode:
            read.add(f"{path}/BS7666Address/PostCode")
            lines.append(postcode)
    for line_holder in _children(element, "AddressLines"):
        for line in line_holder:
            if _text(line):
                lines.append(_text(line))
                read.add(f"{path}/AddressLines/{_local(line.tag)}")
    postcode = _text(_child(element, "PostCode"))
    if postcode:
        lines.append(postcode)
        read.add(f"{path}/PostCode")
    return "\n".join(line for line in lines if line)


def _phones(element: ET.Element | None, path: str, read: set[str]) -> str:
    numbers = []
    for phone in _children(element, "Phone"):
        number = _text(_child(phone, "PhoneNo"))
        if not number:
            continue
        kind = _text(_child(phone, "TelephoneType")).upper()
        read.add(f"{path}/Phone/PhoneNo")
        if kind:
            read.add(f"{path}/Phone/TelephoneType")
        label = PHONE_TYPES.get(kind, kind.lower())
        numbers.append(f"{number} ({label})" if label else number)
    return "; ".join(dict.fromkeys(numbers))


def _contact(element: ET.Element, index: int, read: set[str], pupil_address: str) -> CtfContact:
    path = "Contacts/Contact/"
    texts = {_local(c.tag): _text(c) for c in element if not len(c)}
    for name in ("Order", "Title", "Forename", "Surname", "Relationship", "Responsibility"):
        if texts.get(name):
            read.add(path + name)
    order = texts.get("Order", "")
    relationship = texts.get("Relationship", "")
    address_element = _child(element, "Address")
    address = _address(address_element, path + "Address", read)
    same = _bool(_text(_child(address_element, "SameAsPupil")))
    if not address and same:
        address = pupil_address
        read.add(path + "Address/SameAsPupil")
    email = texts.get("Email", "")
    if email:
        read.add(path + "Email")
    return CtfContact(
        order=int(order) if order.isdigit() else index + 1,
        title=texts.get("Title", ""),
        forename=texts.get("Forename", ""),
        surname=texts.get("Surname", ""),
        relationship=RELATIONSHIPS.get(relationship.upper(), relationship),
        responsibility=_bool(texts.get("Responsibility", "")),
        address=address,
        phone=_phones(_child(element, "Phones"), path + "Phones", read),
        email=email,
    )


def _school(element: ET.Element | None) -> CtfSchool:
    return CtfSchool(
        lea=_text(_child(element, "LEA")),
        estab=_text(_child(element, "Estab")),
        name=_text(_child(element, "SchoolName")),
    )


def read_ctf(data: bytes) -> CtfFile:
    """The file's schools and pupils; ValueError (with the fix) when it cannot be read."""
    if _FORBIDDEN.search(data) or _FORBIDDEN.search(data.replace(b"\x00", b"")):
        raise ValueError(
            _(
                "the file declares a DTD or entities, which a CTF never needs: "
                "export it again from the MIS"
            )
        )
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ValueError(
            _("the XML is damaged ({problem}): export the CTF again").format(problem=exc)
        ) from None
    except (ValueError, LookupError):  # e.g. an unknown encoding in the XML declaration
        raise ValueError(_("the XML cannot be decoded: export the CTF again as UTF-8")) from None
    if _local(root.tag) != "CTfile":
        raise ValueError(_(NOT_CTF))
    header = _child(root, "Header")
    pupils = [e for e in root.iter() if _local(e.tag) == "Pupil"]
    return CtfFile(
        source=_school(_child(header, "SourceSchool")),
        dest=_school(_child(header, "DestSchool")),
        pupils=[_PupilReader(p).read() for p in pupils],
    )
