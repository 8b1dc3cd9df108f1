"""Pupils from a common transfer file (CTF): all or nothing, matched by UPN like the CSV import.

Beyond the pupil's own fields a CTF carries what apdesk keeps for its letters and checks: the
looked-after status with the care authority, the SEN provision and its ranked need types, the
pupil's address, phones and email, middle names, former UPN, the medical flag, and the
contacts with parental responsibility. A re-import never clears a value the file does not
carry, and never removes a contact. A file addressed to another school is refused, naming both,
unless the person confirms it. The result names what was read, what changed and what the file
held that apdesk does not keep.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from apdesk.i18n import N_, _
from apdesk.models import Contact, Pupil, School
from apdesk.models.errors import ValidationError
from apdesk.models.la_codes import is_recognised_la
from apdesk.models.upn import validate_upn
from apdesk.services.imports.ctf_read import (
    NOT_CTF,
    PUPIL_ELEMENTS,
    CtfContact,
    CtfFile,
    CtfPupil,
    read_ctf,
)
from apdesk.services.imports.pipeline import Extras, Pairs, SourceRow, run_import
from apdesk.services.imports.result import Change, ImportResult

__all__ = ["NOT_CTF", "import_ctf", "looks_like_ctf", "read_pupils"]

# What a change is called where the person reads it (translated when the change is made)
EXTRA_LABELS = {
    "middle_names": N_("Middle names"),
    "former_upn": N_("Former UPN"),
    "care_authority": N_("Care authority"),
    "medical_flag": N_("Medical flag"),
    "sen_types": N_("SEN need types"),
    "needs": N_("Needs"),
    "address": N_("Address"),
    "phone": N_("Phone"),
    "email": N_("Email"),
}
CONTACT_FIELDS = {
    "title": N_("title"),
    "forename": N_("forename"),
    "surname": N_("surname"),
    "priority": N_("contact order"),
    "relationship": N_("relationship"),
    "parental_responsibility": N_("parental responsibility"),
    "address": N_("address"),
    "phone": N_("phone"),
    "email": N_("email"),
}


def looks_like_ctf(data: bytes) -> bool:
    head = data[:2000].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    return head.startswith(b"<") and b"CTfile" in data[:4000].replace(b"\x00", b"")


def read_pupils(data: bytes) -> list[SourceRow]:
    """The pupils in a CTF, numbered from 1 in file order; ValueError when it cannot be read."""
    return [SourceRow(n, p.values) for n, p in enumerate(read_ctf(data).pupils, start=1)]


def _column(name: str) -> str:
    if name == "sen_status":
        return "SENprovision"
    if name == "looked_after":
        return "LookedAfter/InCare"
    return PUPIL_ELEMENTS.get(name, (name,))[0]


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if value is None:
        return ""
    return str(value).replace("\n", ", ")


def _check_destination(session: Session, ctf: CtfFile, result: ImportResult, accept: bool) -> None:
    school = session.exec(select(School)).first()
    dest = ctf.dest
    if not dest.is_a_school:
        result.warn(0, "DestSchool", _("the file is not addressed to a particular school"))
        return
    if school is None or not (school.la_code and school.estab):
        result.warn(
            0,
            "DestSchool",
            _(
                "the file is addressed to {dest}; apdesk cannot check that is this school until "
                "its LA code and establishment number are set in File › School details"
            ).format(dest=dest.describe()),
        )
        return
    if (dest.lea, dest.estab) == (school.la_code, school.estab):
        return
    here = _("{school} (LA {la}, establishment {estab})").format(
        school=school.name or _("this school"), la=school.la_code, estab=school.estab
    )
    if accept:
        result.warn(
            0,
            "DestSchool",
            _("this CTF is addressed to {dest}, not to {here}: imported as you confirmed").format(
                dest=dest.describe(), here=here
            ),
        )
        return
    message = _(
        "this CTF is addressed to {dest}, not to {here}: import it only if these pupils are "
        "joining this school (confirm the import, or use --accept-destination)"
    ).format(dest=dest.describe(), here=here)
    result.destination = message
    result.error(0, "DestSchool", message)


class _Extras:
    """Writes a CTF's extra fields, needs and contacts for each imported pupil (see Extras)."""

    def __init__(self, ctf: CtfFile) -> None:
        self.ctf = ctf

    def __call__(self, session: Session, pairs: Pairs, result: ImportResult) -> None:
        for row, pupil, new in pairs:
            if pupil is None:
                continue  # a new pupil in a dry run: nothing to compare with yet
            source = self.ctf.pupils[row - 1]
            changes: list[Change] = []
            self._fields(row, pupil, source, changes, result)
            if not result.dry_run:
                session.add(pupil)
                session.flush()
            self._contacts(session, row, pupil, source.contacts, changes, result)
            if not new:
                result.changes.extend(changes)

    def _fields(
        self,
        row: int,
        pupil: Pupil,
        source: CtfPupil,
        changes: list[Change],
        result: ImportResult,
    ) -> None:
        values = dict(source.extras)
        former = values.get("former_upn")
        if isinstance(former, str):
            try:
                values["former_upn"] = validate_upn(former, "FormerUPN")
            except ValidationError as exc:
                result.warn(
                    row,
                    "BasicDetails/FormerUPN",
                    _("{problem}: not kept").format(problem=exc.message),
                )
                del values["former_upn"]
        authority = values.get("care_authority")
        if isinstance(authority, str) and not is_recognised_la(authority):
            result.warn(
                row,
                "LookedAfter/CareAuthority",
                _("{code} is not a recognised LA code").format(code=authority),
            )
        email = values.get("email")
        if isinstance(email, str) and ("@" not in email or " " in email):
            result.warn(
                row,
                "Email",
                _("'{value}' is not an email address: not kept").format(value=email),
            )
            del values["email"]
        if source.needs:
            held = list(pupil.needs)
            values["needs"] = held + [n for n in source.needs if n not in held]
        for name, value in values.items():
            before = getattr(pupil, name)
            if before == value:
                continue
            label = _(EXTRA_LABELS[name]) if name in EXTRA_LABELS else name.capitalize()
            changes.append(Change(row, pupil.upn, label, _shown(before), _shown(value)))
            if not result.dry_run:
                setattr(pupil, name, value)

    def _contacts(
        self,
        session: Session,
        row: int,
        pupil: Pupil,
        contacts: list[CtfContact],
        changes: list[Change],
        result: ImportResult,
    ) -> None:
        if not contacts:
            return
        held = (
            list(
                session.exec(
                    select(Contact).where(Contact.pupil_id == pupil.id).order_by(col(Contact.id))
                )
            )
            if pupil.id is not None
            else []
        )
        for contact in contacts:
            if not (contact.forename or contact.surname):
                result.warn(
                    row,
                    "Contacts/Contact",
                    _("contact {order} has no name").format(order=contact.order),
                )
                continue
            if contact.email and ("@" not in contact.email or " " in contact.email):
                result.warn(
                    row,
                    "Contacts/Contact/Email",
                    _("'{value}' is not an email address").format(value=contact.email),
                )
                contact.email = ""
            match = _match(held, contact)
            who = _("Contact {order} ({name})").format(order=contact.order, name=contact.name)
            if match is None:
                changes.append(Change(row, pupil.upn, who, "", _("added")))
                if not result.dry_run:
                    added = Contact(pupil_id=pupil.id or 0, name=contact.name)
                    _apply(added, contact, [], row, pupil.upn, who)
                    session.add(added)
                    held.append(added)
                continue
            _apply(match, contact, changes, row, pupil.upn, who, result.dry_run)
            if not result.dry_run:
                session.add(match)
        if not result.dry_run:
            session.flush()


def _match(held: list[Contact], contact: CtfContact) -> Contact | None:
    """The contact already recorded for the same person: same forename and surname, else the
    same name as printed."""
    key = (contact.forename.casefold(), contact.surname.casefold())
    for other in held:
        if other.forename and (other.forename.casefold(), other.surname.casefold()) == key:
            return other
    printed = " ".join(contact.name.casefold().split())
    plain = " ".join(f"{contact.forename} {contact.surname}".casefold().split())
    for other in held:
        name = " ".join(other.name.casefold().split())
        if name in (printed, plain):
            return other
    return None


def _apply(
    target: Contact,
    contact: CtfContact,
    changes: list[Change],
    row: int,
    upn: str,
    who: str,
    dry_run: bool = False,
) -> None:
    """Set each value the file carries (blank ones are left as they are)."""
    carried: dict[str, Any] = {
        "title": contact.title,
        "forename": contact.forename,
        "surname": contact.surname,
        "priority": contact.order,
        "relationship": contact.relationship,
        "parental_responsibility": contact.responsibility,
        "address": contact.address,
        "phone": contact.phone,
        "email": contact.email,
    }
    for name, value in carried.items():
        if value in ("", None) or getattr(target, name) == value:
            continue
        before = _shown(getattr(target, name))
        what = f"{who}: {_(CONTACT_FIELDS[name])}"
        changes.append(Change(row, upn, what, before, _shown(value)))
        if not dry_run:
            setattr(target, name, value)
    renamed = contact.name and target.name != contact.name
    if renamed and (contact.title or not target.name) and not dry_run:
        target.name = contact.name


def _extras(ctf: CtfFile) -> Extras:
    return _Extras(ctf)


def import_ctf(
    session: Session,
    data: bytes,
    *,
    dry_run: bool = False,
    today: date | None = None,
    accept_destination: bool = False,
) -> ImportResult:
    """Import the pupils in a CTF: all or nothing, matched by UPN like the CSV import."""
    result = ImportResult(dry_run=dry_run)
    try:
        ctf = read_ctf(data)
    except ValueError as exc:
        result.error(0, "", str(exc))
        return result
    result.read, result.not_kept = ctf.read, ctf.not_kept
    _check_destination(session, ctf, result, accept_destination)
    if result.errors:
        return result
    rows = [SourceRow(n, p.values) for n, p in enumerate(ctf.pupils, start=1)]
    return run_import(
        session, rows, _column, result, dry_run=dry_run, today=today, extras=_extras(ctf)
    )
