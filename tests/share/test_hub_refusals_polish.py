"""A Polish laptop words the school hub's refusals in Polish: the hub answers a code beside its
English sentence, and the laptop says what it means (a token the hub does not know, a laptop
removed from the sharing, a code already used, a hub that does not answer)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers.cli_language import runner
from tests.helpers.hub_harness import Hub
from tests.helpers.laptops import first_laptop, join_laptop, new_code

from apdesk.share import engine, enrol
from apdesk.share.client import HubClient, HubRefused
from apdesk.store import KdfParams

pytestmark = pytest.mark.usefixtures("polish")


def refused(hub: Hub, token: str) -> str:
    with HubClient(hub.url, "some-school", token) as client, pytest.raises(HubRefused) as no:
        client.hello("1", 0)
    return str(no.value)


def test_a_missing_or_unknown_token_is_refused_in_polish(sqlite_hub: Hub) -> None:
    assert refused(sqlite_hub, "") == (
        "serwer szkolny nie otrzymał tokenu udostępniania tego laptopa: "
        "dołącz ponownie do udostępniania"
    )
    assert refused(sqlite_hub, "a-token-this-hub-never-gave") == (
        "serwer szkolny nie zna tego laptopa: dołącz ponownie do udostępniania z nowym kodem "
        "rejestracji"
    )


def test_a_removed_laptop_reads_in_polish(tmp_path: Path, sqlite_hub: Hub) -> None:
    kdf = KdfParams.fast()
    office, code = first_laptop(tmp_path / "Office", sqlite_hub.url, kdf)
    senco = join_laptop(tmp_path / "SENCO", sqlite_hub.url, code, "SENCO", kdf)
    enrol.revoke(office.store, "SENCO")
    report = senco.sync()
    assert report.state == engine.REVOKED
    assert report.message == "ten laptop został usunięty z udostępniania rekordu szkoły"
    for laptop in (office, senco):
        laptop.store.lock()


def test_the_command_line_says_a_used_code_or_a_silent_hub_in_polish(
    tmp_path: Path,
    sqlite_hub: Hub,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    kdf = KdfParams.fast()
    office, code = first_laptop(tmp_path / "Office", sqlite_hub.url, kdf)
    join_laptop(tmp_path / "SENCO", sqlite_hub.url, code, "SENCO", kdf).store.lock()
    apdesk = runner("pl_PL", office.store, monkeypatch, capsys)
    join = ("share", "join", "--hub", sqlite_hub.url, "--code", code)
    status, _out, err = apdesk(*join, folder=tmp_path / "Third")
    assert status == 2
    assert err == (
        "apdesk: serwer szkolny odmówił: ten kod został już użyty: utwórz nowy na laptopie, "
        "który udostępnia rekord\n"
    )
    fresh = new_code(office)
    join = ("share", "join", "--hub", "http://127.0.0.1:9", "--code", fresh)
    status, _out, err = apdesk(*join, folder=tmp_path / "Fourth")
    assert status == 3
    assert err.startswith("apdesk: nie można połączyć się z serwerem szkolnym pod adresem ")
    office.store.lock()
