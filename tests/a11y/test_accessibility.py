"""apdesk through the real accessibility tree: Xvfb, a session bus, the AT-SPI registry, the
app on the demo store, and a client reading it as a screen reader does (tests/helpers/a11y/).

One walk (tests/helpers/a11y/audit.py) visits every page and the main editors and dialogs
with the keyboard alone; the tests below judge what it found. Problems not fixed yet are
listed, each with its reason, in known_problems.txt: anything new fails, and so does a listed
problem that is gone (take it off the list). The last tests plant faults and prove the
harness catches them.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.helpers.a11y import checks
from tests.helpers.a11y.audit import MAIN, Finding, audit, table
from tests.helpers.a11y.session import A11ySession, missing_tools

KNOWN = Path(__file__).with_name("known_problems.txt")

pytestmark = pytest.mark.timeout(900)


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[A11ySession]:
    missing = missing_tools()
    if missing:
        message = "the accessibility harness needs " + ", ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message + " (.ci/run installs them)")
        pytest.skip(message)
    with A11ySession(tmp_path_factory.mktemp("a11y")) as running:
        yield running


@pytest.fixture(scope="module")
def findings(session: A11ySession) -> list[Finding]:
    found = audit(session)
    print("\n" + table(found))
    return found


def _generic(line: str) -> str:
    """A problem without the numbers that move (screen positions, counts, temp paths)."""
    line = re.sub(r"\(-?\d+, -?\d+, \d+, \d+\)", "(…)", line)
    line = re.sub(r"/tmp/\S+", "/tmp/…", line)
    return re.sub(r"\b\d+\b", "N", line)


def known() -> set[str]:
    lines = KNOWN.read_text(encoding="utf-8").splitlines()
    return {
        line.split("  #")[0].strip() for line in lines if line.strip() and not line.startswith("#")
    }


def problems(found: list[Finding], *kinds: str) -> set[str]:
    return {
        _generic(f"{f.window.split(' (')[0]}: {kind}: {line}")
        for f in found
        for kind in kinds
        for line in f.problems.get(kind, [])
    }


def judge(found: list[Finding], *kinds: str) -> None:
    seen = problems(found, *kinds)
    allowed = {k for k in known() if any(f": {kind}: " in k for kind in kinds)}
    new = sorted(seen - allowed)
    gone = sorted(allowed - seen)
    assert not new, "new accessibility problems:\n" + "\n".join(new)
    assert not gone, "fixed, so take these off known_problems.txt:\n" + "\n".join(gone)


def test_every_interactive_object_has_a_meaningful_name(findings: list[Finding]) -> None:
    assert sum(f.interactive for f in findings) > 100  # the walk really saw the windows
    judge(findings, "unnamed", "mislabelled")


def test_the_qa_reason_prompt_reads_its_field_and_question(findings: list[Finding]) -> None:
    prompt = next(f for f in findings if f.window.startswith("QA reason prompt"))
    assert prompt.interactive >= 3  # the field, OK and Cancel: the prompt really opened
    assert not prompt.problems.get("silent") and not prompt.problems.get("keyboard")


def test_no_label_hides_the_text_it_shows(findings: list[Finding]) -> None:
    judge(findings, "masking")


def test_tab_and_shift_tab_reach_every_control_in_screen_order(findings: list[Finding]) -> None:
    judge(findings, "trap", "offscreen", "order", "unreachable")


def test_every_action_has_a_keyboard_path(findings: list[Finding]) -> None:
    judge(findings, "keyboard")


def test_page_changes_and_errors_are_announced(findings: list[Finding]) -> None:
    judge(findings, "silent")
    unlock = next(f for f in findings if f.window.startswith("Unlock"))
    assert any("passphrase" in said.casefold() for said in unlock.announced)


def test_no_secret_field_publishes_its_characters(findings: list[Finding]) -> None:
    leaks = [line for f in findings for line in f.problems.get("leak", [])]
    assert not leaks
    assert any(f.window.startswith("Settings") for f in findings)  # the LA token was typed
    assert any(f.window.startswith("Unlock") for f in findings)  # and a passphrase


# -- the test of the test: planted faults are caught --------------------------------------
@pytest.fixture
def on_home(session: A11ySession, findings: list[Finding]) -> Iterator[A11ySession]:
    session.keys("ctrl+1", settle=1.0)
    yield session
    session.truth("unplant")
    time.sleep(0.3)


def _plant(session: A11ySession, fault: str) -> list[checks.Node]:
    session.truth("plant", fault=fault)
    time.sleep(0.8)
    return list(session.at("snapshot")["nodes"])


def test_the_harness_catches_a_planted_unnamed_button(on_home: A11ySession) -> None:
    before = checks.unnamed(on_home.at("snapshot")["nodes"])
    nodes = _plant(on_home, "unnamed-button")
    caught = [p for p in checks.unnamed(nodes) if p not in before]
    assert len(caught) == 1 and "push button" in caught[0]


def test_the_harness_catches_a_caption_that_labels_one_box_of_a_group(
    on_home: A11ySession,
) -> None:
    nodes = _plant(on_home, "group-caption")
    caught = checks.mislabelled(nodes)
    assert len(caught) == 1 and "'Planted exclusion'" in caught[0], caught
    assert "'Planted reasons:'" in caught[0]


def test_the_harness_catches_a_planted_masking_label(on_home: A11ySession) -> None:
    nodes = _plant(on_home, "masking-label")
    caught = checks.masking(nodes, on_home.truth("labels")["labels"])
    assert (
        caught == [caught[0]]
        and "'Placement start'" in caught[0]
        and "Placed on 3 March" in caught[0]
    )


def test_the_harness_catches_a_planted_tab_trap(on_home: A11ySession) -> None:
    nodes = _plant(on_home, "tab-trap")
    window = on_home.at("snapshot")["window"]["extents"]
    forward = on_home.at("tab_walk", key="Tab", timeout=300)["stops"]
    backward = on_home.at("tab_walk", key="shift+Tab", timeout=300)["stops"]
    found = checks.tab_problems(forward, backward, nodes, (1366, 768), window)
    assert any("Planted notes" in line for line in found["trap"]), found
    on_home.truth("unplant")
    time.sleep(0.5)
    on_home.keys("ctrl+1", settle=1.0)
    assert on_home.at("windows")["windows"][0]["name"] == MAIN
