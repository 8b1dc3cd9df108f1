"""`apdesk share conflicts` says each conflict in words: the record and field, each laptop's
version with the time and date it was made, the session two codes clash on, and how to settle
it; never the conflict's kind code, an ISO time or a quoted Python string. Settling it says
what was done in words too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.helpers.hub_harness import Hub
from tests.helpers.laptops import MONDAY, everyone_syncs, mark, school, set_field
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.cli import main

pytestmark = pytest.mark.usefixtures("english_afterwards")

ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
AT = r"at \d{2}:\d{2} on \d{1,2} [A-Z][a-z]+ \d{4}"


def _conflicts(
    folder: Path,
    language: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *more: str,
) -> tuple[int, str]:
    monkeypatch.setenv("APDESK_PASSPHRASE", TEST_PASSPHRASE)
    monkeypatch.setenv("APDESK_LANGUAGE", language)
    code = main(["share", "conflicts", "--store", str(folder), *more])
    said = capsys.readouterr()
    return code, said.out + said.err


def test_conflicts_are_listed_and_settled_in_words(
    tmp_path: Path, sqlite_hub: Hub, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    office, senco = school(tmp_path, sqlite_hub.url, ("Office", "SENCO"))
    everyone_syncs([office, senco])
    gid = office.pupil_gids()[0]
    office.store.run(set_field, office.local("pupil", gid), "health_needs", "Asthma")
    senco.store.run(set_field, senco.local("pupil", gid), "health_needs", "Diabetes\nsee plan")
    office.store.run(mark, office.local("pupil", gid), MONDAY, "AM", "/")
    senco.store.run(mark, senco.local("pupil", gid), MONDAY, "AM", "N")
    everyone_syncs([office, senco])
    [text, marks] = sorted(office.conflicts(), key=lambda row: row.kind != "text")
    for laptop in (office, senco):
        laptop.store.lock()

    code, said = _conflicts(office.folder, "en_GB", monkeypatch, capsys)
    assert code == 0
    lines = said.splitlines()
    assert f"{text.record}: Health needs changed on both laptops" in lines
    versions = [line.strip() for line in lines if line.strip().startswith("Version ")]
    assert len(versions) == 2
    assert any(re.fullmatch(rf"Version \d, from Office {AT}: “Asthma”", v) for v in versions)
    assert any(
        re.fullmatch(rf"Version \d, from SENCO {AT}: “Diabetes see plan”", v) for v in versions
    )
    assert (
        f"{marks.record}: two different codes for Monday 8 September 2025, morning, "
        "from two laptops"
    ) in lines
    assert any(
        re.fullmatch(rf"N recorded on SENCO {AT}( \(current\))?", line.strip()) for line in lines
    )
    assert (
        f"    To settle it: apdesk share conflicts --resolve {marks.id} with --choose checked, "
        "once the register is right" in lines
    )
    assert lines[-1] == "2 conflicts"
    assert not ISO_TIME.search(said) and "'Asthma'" not in said
    assert not re.search(r"^\s*(text|attendance)\b", said, re.MULTILINE)

    code, said = _conflicts(
        office.folder, "en_GB", monkeypatch, capsys, "--resolve", text.id, "--choose", "1"
    )
    assert (code, said) == (0, f"{text.record}: Health needs settled\n")
    code, said = _conflicts(
        office.folder, "pl_PL", monkeypatch, capsys, "--resolve", marks.id, "--choose", "checked"
    )
    assert code == 0 and said.endswith(": oznaczono jako sprawdzone\n")


def test_a_polish_school_reads_its_conflicts_in_polish(
    tmp_path: Path, sqlite_hub: Hub, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    office, senco = school(tmp_path, sqlite_hub.url, ("Office", "SENCO"))
    everyone_syncs([office, senco])
    gid = office.pupil_gids()[0]
    office.store.run(set_field, office.local("pupil", gid), "health_needs", "Astma")
    senco.store.run(set_field, senco.local("pupil", gid), "health_needs", "Cukrzyca")
    everyone_syncs([office, senco])
    for laptop in (office, senco):
        laptop.store.lock()
    code, said = _conflicts(office.folder, "pl_PL", monkeypatch, capsys)
    assert code == 0
    assert ": pole Potrzeby zdrowotne zmieniono na obu laptopach" in said
    assert re.search(r"Wersja \d z laptopa Office, \d{1,2} \w+ \d{4} o \d{2}:\d{2}: „Astma”", said)
    assert said.splitlines()[-1] == "1 konflikt"
