"""A school with several laptops sharing one record through a real hub on loopback.

The edits are real operations over the real services (as the GUI runs them), on real
SQLCipher stores; the sync is the real client over HTTP.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlmodel import Session, col, select
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.models import Contact, Pupil
from apdesk.models.upn import make_upn
from apdesk.services.attendance.marks import current_mark, record_mark
from apdesk.services.pupils import PupilInput
from apdesk.services.pupils.contacts import ContactInput, add_contact, update_contact
from apdesk.services.pupils.records import create_pupil
from apdesk.services.school import SchoolDetails, save_school
from apdesk.share import engine, enrol, views
from apdesk.share.export import canonical
from apdesk.store import KdfParams, Store
from apdesk.store.audit import verify_chain
from apdesk.store.operations import operation
from apdesk.store.share_rows import metas_by_gid, metas_by_lid

DOB = date(2012, 5, 4)
MONDAY = date(2025, 9, 8)


@operation
def add_pupil(session: Session, upn: str, forename: str, health: str = "") -> int:
    data = PupilInput(upn=upn, forename=forename, surname="Oakley", dob=DOB, nc_year=8,
                      health_needs=health)  # fmt: skip
    pupil = create_pupil(session, data, today=date(2025, 9, 1))
    assert pupil.id is not None
    return pupil.id


@operation
def set_field(session: Session, pupil_id: int, name: str, value: object) -> None:
    pupil = session.get(Pupil, pupil_id)
    assert pupil is not None
    setattr(pupil, name, value)
    session.add(pupil)


@operation
def new_contact(session: Session, pupil_id: int, name: str) -> int:
    contact = add_contact(session, pupil_id, ContactInput(name=name, relationship="Carer"))
    assert contact.id is not None
    return contact.id


@operation
def set_address(session: Session, contact_id: int, address: str) -> None:
    contact = session.get(Contact, contact_id)
    assert contact is not None
    data = ContactInput(**{k: getattr(contact, k) for k in ContactInput.__dataclass_fields__})
    data.address = address
    update_contact(session, contact_id, data)


@operation
def drop_contact(session: Session, contact_id: int) -> None:
    contact = session.get(Contact, contact_id)
    if contact is not None:
        session.delete(contact)


@operation
def mark(session: Session, pupil_id: int, day: date, half: str, code: str) -> str:
    existing = current_mark(session, pupil_id, day, half)
    reason = "changed on the register" if existing is not None else ""
    return record_mark(session, pupil_id, day, half, code, reason=reason).outcome


@operation
def seed_school(session: Session) -> None:
    save_school(session, SchoolDetails(name="Oakfield Academy", urn="139998", la_code="855",
                                       estab="4001"))  # fmt: skip
    for serial in (1, 2):
        pupil_id = add_pupil(session, make_upn(855, 4001, 25, serial), f"Seed{serial}")
        add_contact(session, pupil_id, ContactInput(name=f"Carer {serial}"))


@dataclass
class Laptop:
    name: str
    folder: Path
    store: Store

    def sync(self) -> engine.SyncReport:
        return engine.sync_once(self.store)

    def pupil_id(self, gid: str) -> int | None:
        meta = self.store.read(lambda s: metas_by_gid(s.connection(), [gid]).get(gid))
        return None if meta is None or meta.dead or meta.lid is None else int(meta.lid)

    def gid_of(self, table: str, lid: int) -> str:
        found = self.store.read(lambda s: metas_by_lid(s.connection(), table, [str(lid)]))
        return found[str(lid)].gid

    def pupil_gids(self) -> list[str]:
        ids = self.store.read(lambda s: list(s.exec(select(Pupil.id).order_by(col(Pupil.id)))))
        return sorted(self.gid_of("pupil", i) for i in ids if i is not None)

    def contact_gids(self) -> list[str]:
        ids = self.store.read(lambda s: list(s.exec(select(Contact.id))))
        return sorted(self.gid_of("contact", i) for i in ids if i is not None)

    def local(self, table: str, gid: str) -> int | None:
        meta = self.store.read(lambda s: metas_by_gid(s.connection(), [gid]).get(gid))
        if meta is None or meta.dead or meta.lid is None or meta.tbl != table:
            return None
        return int(meta.lid)

    def text(self, table: str, gid: str, name: str) -> str:
        lid = self.local(table, gid)
        model = Pupil if table == "pupil" else Contact
        return str(self.store.read(lambda s: getattr(s.get(model, lid), name)))

    def conflicts(self) -> list[views.ConflictRow]:
        return self.store.read(views.conflicts)

    def export(self) -> dict[str, object]:
        return self.store.read(canonical)

    def chain_ok(self) -> bool:
        with self.store.session() as session:
            return verify_chain(session).ok


def first_laptop(folder: Path, hub_url: str, kdf: KdfParams) -> tuple[Laptop, str]:
    """A school's store with a little in it, shared; and the code for the next laptop."""
    store, _recovery = Store.create(folder, TEST_PASSPHRASE, kdf=kdf)
    store.run(seed_school)
    started = enrol.start(store, hub_url, "Office")
    return Laptop("Office", folder, store), started.enrolment.code


def join_laptop(folder: Path, hub_url: str, code: str, name: str, kdf: KdfParams) -> Laptop:
    enrol.join(folder, hub_url, code, TEST_PASSPHRASE, name, kdf=kdf)
    return Laptop(name, folder, Store.open(folder, passphrase=TEST_PASSPHRASE))


def new_code(laptop: Laptop) -> str:
    return enrol.issue_code(laptop.store).code


def school(
    tmp: Path, hub_url: str, names: tuple[str, ...] = ("Office", "SENCO", "IAP")
) -> list[Laptop]:
    kdf = KdfParams.fast()
    first, code = first_laptop(tmp / names[0], hub_url, kdf)
    laptops = [first]
    for name in names[1:]:
        laptops.append(join_laptop(tmp / name, hub_url, code, name, kdf))
        code = new_code(first)
    return laptops


def everyone_syncs(laptops: list[Laptop], rounds: int = 2) -> None:
    for _ in range(rounds):
        for laptop in laptops:
            report = laptop.sync()
            assert report.state == engine.IN_STEP, report
