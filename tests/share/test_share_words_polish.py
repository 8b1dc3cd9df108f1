"""A Polish school's sharing speaks Polish: the hub out of reach, changes held for a laptop
that must update, a conflict's record and a refused or settled choice, a mistyped code."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers.hub_harness import Hub
from tests.helpers.laptops import everyone_syncs, school, set_field
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.models.errors import ValidationError
from apdesk.share import engine, enrol
from apdesk.share.client import HubClient, HubUnreachable
from apdesk.share.resolve import resolve_conflict

pytestmark = pytest.mark.usefixtures("polish")


def test_a_hub_out_of_reach_is_said_in_polish() -> None:
    with HubClient("http://127.0.0.1:9") as hub, pytest.raises(HubUnreachable) as caught:
        hub.hello("1", 0)
    assert str(caught.value).startswith(
        "nie można połączyć się z serwerem szkolnym pod adresem http://127.0.0.1:9 ("
    )


def test_a_mistyped_enrolment_code_is_refused_in_polish(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        enrol.join(tmp_path / "x", "http://127.0.0.1:9", "not-a-code", TEST_PASSPHRASE, "X")
    assert "nie jest kodem utworzonym przez apdesk (wpisz 24 znaki" in str(caught.value)


def test_held_changes_and_conflicts_read_in_polish(tmp_path: Path, sqlite_hub: Hub) -> None:
    office, senco = school(tmp_path, sqlite_hub.url, ("Office", "SENCO"))
    engine.sync_once(office.store, schema="9999")  # as if Office had upgraded first
    held = senco.sync()
    assert held.message == (
        "zmiany są wstrzymane, dopóki każdy laptop nie będzie miał tej samej wersji apdesk: "
        "zaktualizuj SENCO (ten laptop)"
    )
    everyone_syncs([office, senco])
    gid = office.pupil_gids()[0]
    office.store.run(set_field, office.local("pupil", gid), "health_needs", "Astma")
    senco.store.run(set_field, senco.local("pupil", gid), "health_needs", "Cukrzyca")
    everyone_syncs([office, senco])
    [conflict] = office.conflicts()
    assert conflict.record.startswith("Uczeń: Seed1 ")
    with pytest.raises(ValidationError) as refused:
        office.store.run(resolve_conflict, conflict.id, "7")
    assert "„7” nie jest żadną z wersji (podaj numer od 1 do 2 albo merged" in str(refused.value)
    settled = office.store.run(resolve_conflict, conflict.id, "1").value
    assert settled == f"{conflict.record}: rozstrzygnięto: Potrzeby zdrowotne"
    for laptop in (office, senco):
        laptop.store.lock()
