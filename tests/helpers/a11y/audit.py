"""The harness's walk through apdesk, keyboard only, as a screen-reader user would make it.

`audit(session)` visits every page (Go menu shortcuts) and the main editors and dialogs, and
for each window records what the checks found. `python -m tests.helpers.a11y.audit` prints
the per-window table (interactive objects, unnamed, unreachable, announcements) on a fresh demo.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers.a11y import checks
from tests.helpers.a11y.session import SCREEN, A11ySession

MAIN = "apdesk main window"
DEMO_PASSPHRASE = "apdesk-demo-passphrase"
PAGES = [  # (sidebar title, Go-menu shortcut)
    ("Home", "ctrl+1"),
    ("Pupils", "ctrl+2"),
    ("Placements", "ctrl+3"),
    ("Providers", "ctrl+4"),
    ("Attendance", "ctrl+5"),
    ("Timetables", "ctrl+6"),
    ("Plans", "ctrl+7"),
    ("Reviews", "ctrl+8"),
    ("Outbox", "ctrl+9"),
    ("Audit log", "ctrl+0"),
]


@dataclass
class Finding:
    window: str
    interactive: int = 0
    problems: dict[str, list[str]] = field(default_factory=dict)
    announced: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def count(self, *kinds: str) -> int:
        return sum(len(self.problems.get(k, [])) for k in kinds)

    def row(self) -> str:
        return (
            f"| {self.window} | {self.interactive} | {self.count('unnamed')} "
            f"| {self.count('mislabelled')} "
            f"| {self.count('unreachable', 'keyboard')} | {self.count('trap')} "
            f"| {self.count('offscreen')} | {self.count('order')} | {self.count('masking')} "
            f"| {len(self.announced)} |"
        )


HEADER = (
    "| window | interactive | unnamed | mislabelled | unreachable | trap | off-screen | order "
    "| masking | announcements |\n|---|---|---|---|---|---|---|---|---|---|"
)


def inspect(session: A11ySession, title: str, since: float, walk: bool = True) -> Finding:
    """Names, labels and the Tab order of the active window."""
    snap = session.at("snapshot")
    nodes = snap["nodes"]
    finding = Finding(title)
    finding.interactive = sum(
        1 for n in nodes if checks.interactive(n) and n["role"] != "menu item"
    )
    finding.problems["unnamed"] = checks.unnamed(nodes)
    finding.problems["mislabelled"] = checks.mislabelled(nodes)
    finding.problems["masking"] = checks.masking(nodes, session.truth("labels")["labels"])
    reached: set[tuple[str, str]] = set()
    if walk:
        forward = session.at("tab_walk", key="Tab", timeout=400)["stops"]
        backward = session.at("tab_walk", key="shift+Tab", timeout=400)["stops"]
        window = snap["window"].get("extents")
        found = checks.tab_problems(forward, backward, nodes, SCREEN, window)
        finding.problems.update(found)
        reached = {(s["role"], s["name"]) for s in forward + backward if not s.get("stuck")}
    finding.problems["keyboard"] = checks.no_keyboard_path(nodes, reached) if walk else []
    events = session.at("events", since=since)["events"]
    finding.announced = checks.announcements(events)
    return finding


def visit_page(session: A11ySession, title: str, shortcut: str) -> Finding:
    since = session.at("now")["now"]
    session.keys(shortcut, settle=0.3)
    time.sleep(1.5)  # the page reads its data in the background
    snap = session.at("snapshot")
    notes = []
    if not any(
        n["name"] == title and n["role"] in ("filler", "panel") and checks.showing(n)
        for n in snap["nodes"]
    ):
        notes.append(f"{shortcut} did not show {title}")
        index = [p for p, _k in PAGES].index(title)
        session.at("select", name="Pages", index=index)
        time.sleep(1.5)
    finding = inspect(session, title, since)
    finding.notes.extend(notes)
    heard = " | ".join(finding.announced)
    if title.casefold() not in heard.casefold():
        finding.problems.setdefault("silent", []).append(f"changing to {title} says nothing")
    return finding


REMEMBER = "Remember on this computer?"  # offered after a passphrase-only unlock
UNSAVED = "Unsaved changes"  # the question an editor with typed input asks on Escape


def open_dialog(session: A11ySession, keys: list[str], timeout: float = 20) -> str:
    session.keys(*keys, settle=0.4)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        wins = session.at("windows")["windows"]
        active = [w for w in wins if "active" in w["states"]]
        if active and active[0]["name"] != MAIN:
            return str(active[0]["name"])
        time.sleep(0.2)
    raise TimeoutError(f"{keys} opened no window: {wins}")


def close_dialog(session: A11ySession) -> None:
    """Escape, as a person would; a dialog holding typed input asks first, and is told Discard."""
    for _ in range(3):
        session.keys("Escape", settle=0.5)
        wins = session.at("windows")["windows"]
        if any(w["name"] == MAIN and "active" in w["states"] for w in wins):
            return
        if any(w["name"] == UNSAVED for w in wins):
            for _tab in range(6):  # Cancel is the default: Tab round to Discard
                focus = session.keys("Tab", settle=0.15)["focus"] or {}
                if focus.get("name") == "Discard":
                    session.keys("space", settle=0.5)
                    break
    raise RuntimeError(f"the dialog did not close with Escape: {wins}")


def visit_dialog(session: A11ySession, label: str, keys: list[str]) -> Finding:
    since = session.at("now")["now"]
    try:
        name = open_dialog(session, keys)
    except TimeoutError as exc:
        finding = Finding(label)
        finding.notes.append(str(exc))
        finding.problems["keyboard"] = [f"{label}: {' '.join(keys)} opened nothing"]
        return finding
    time.sleep(0.8)
    finding = inspect(session, f"{label} ({name})", since)
    close_dialog(session)
    return finding


def unlock_scenario(session: A11ySession) -> Finding:
    """Lock, type a wrong passphrase (the error must be announced), then unlock."""
    since = session.at("now")["now"]
    name = open_dialog(session, ["ctrl+l"])
    time.sleep(0.5)
    finding = inspect(session, f"Unlock ({name})", since, walk=True)
    wrong = "Wrong-Horse-Battery-42"
    typed_at = session.at("now")["now"]
    session.at("type", text=wrong)
    session.keys("Return", settle=0.5)
    time.sleep(4.0)  # the key derivation takes a moment
    events = session.at("events", since=typed_at)["events"]
    finding.problems["leak"] = checks.leaks(events, wrong)
    heard = checks.announcements(events)
    finding.announced += heard
    if not any("passphrase" in h.casefold() for h in heard):
        finding.problems.setdefault("silent", []).append(
            "a wrong passphrase is not announced: " + json.dumps(heard)[:200]
        )
    # Select what was typed and replace it with the right passphrase.
    session.keys("ctrl+a", settle=0.1)
    session.at("type", text=DEMO_PASSPHRASE)
    session.keys("Return", settle=0.5)
    end = time.monotonic() + 30
    while time.monotonic() < end:
        wins = session.at("windows")["windows"]
        if [w["name"] for w in wins] == [MAIN]:
            break
        if any(w["name"] == REMEMBER for w in wins):
            session.keys("Escape", settle=0.5)  # not now: the offer to keep the key is declined
        time.sleep(0.5)
    else:
        raise RuntimeError(f"the store did not unlock: {wins}")
    return finding


def token_scenario(session: A11ySession) -> Finding:
    """The LA connection settings: typing a token must publish none of its characters."""
    since = session.at("now")["now"]
    name = open_dialog(session, ["ctrl+comma"])
    time.sleep(0.8)
    finding = inspect(session, f"Settings ({name})", since)
    focus = session.at("focus")["focus"] or {}
    token = "la-token-Zq8Rw3Xv"
    fields = [n for n in session.at("snapshot")["nodes"] if n["role"] == "password text"]
    if not fields:
        finding.problems["leak"] = ["no password field for the LA token"]
    else:
        # Tab to the token field, type, and listen.
        for _ in range(30):
            focus = session.keys("Tab", settle=0.15)["focus"] or {}
            if focus.get("role") == "password text":
                break
        typed_at = session.at("now")["now"]
        session.at("type", text=token)
        events = session.at("events", since=typed_at)["events"]
        finding.problems["leak"] = checks.leaks(events, token)
        snap = session.at("snapshot")["nodes"]
        for node in snap:
            if token[3:9] in (node.get("text") or "") + node["name"]:
                finding.problems["leak"].append(f"{checks.where(node)} shows the token")
    close_dialog(session)
    return finding


QA_PROMPT = "Reason for using this provider"


def qa_prompt_scenario(session: A11ySession) -> Finding:
    """A new placement at a provider whose QA is not current: the prompt for the reason must
    name its field and have the question read with it."""
    open_dialog(session, ["ctrl+n"])  # the new placement editor opens on its pupil
    time.sleep(0.8)
    tab_to(session, {"combo box"}, name="Provider")
    since = session.at("now")["now"]
    name = ""
    for _ in range(12):  # Down through the providers until one needs a reason
        session.keys("Down", settle=0.6)
        wins = session.at("windows")["windows"]
        name = next((w["name"] for w in wins if w["name"] == QA_PROMPT), "")
        if name:
            break
    finding = Finding("QA reason prompt")
    if not name:
        finding.problems["keyboard"] = ["no provider in the demo asked for a QA reason"]
        close_dialog(session)
        return finding
    time.sleep(0.8)
    finding = inspect(session, f"QA reason prompt ({name})", since)
    nodes = session.at("snapshot")["nodes"]
    fields = [n for n in nodes if n["role"] == "text" and checks.showing(n)]
    question = next(
        (n for n in nodes if n["role"] == "label" and "right choice" in n["name"]), None
    )
    heard = []
    for field_node in fields:
        heard.append(" ".join([checks.label_of(field_node), field_node["description"]]))
    if not any("reason" in h.casefold() and "right choice" in h for h in heard):
        finding.problems.setdefault("silent", []).append(
            f"the prompt's field is not read with its name and question: {heard!r}"
        )
    if question is None:
        finding.problems.setdefault("silent", []).append("the prompt shows no question")
    session.keys("Escape", settle=0.6)  # no reason now: back to the editor
    close_dialog(session)
    return finding


def tab_to(session: A11ySession, roles: set[str], limit: int = 40, name: str = "") -> bool:
    """Press Tab until the focus is on an object of one of `roles`."""
    for _ in range(limit):
        focus = session.keys("Tab", settle=0.15)["focus"] or {}
        if focus.get("role") in roles and name.casefold() in str(focus.get("name")).casefold():
            return True
    return False


def audit(session: A11ySession, include_dialogs: bool = True) -> list[Finding]:
    session.at("wait_window", name=MAIN, wait=300)
    time.sleep(2.0)
    session.keys(PAGES[-1][1], settle=1.0)  # start elsewhere, so showing Home is a change
    findings = [visit_page(session, title, key) for title, key in PAGES]
    if include_dialogs:
        session.keys("ctrl+2", settle=1.0)
        findings.append(visit_dialog(session, "Pupil editor", ["Tab", "ctrl+n"]))
        session.keys("ctrl+3", settle=1.0)
        findings.append(visit_dialog(session, "Placement editor", ["ctrl+n"]))
        findings.append(qa_prompt_scenario(session))
        session.keys("ctrl+4", settle=1.0)
        findings.append(visit_dialog(session, "Provider editor", ["ctrl+shift+n"]))
        session.keys("ctrl+3", settle=1.0)
        tab_to(session, {"table", "table cell"})
        findings.append(visit_dialog(session, "Print preview", ["Down", "ctrl+p"]))
        findings.append(visit_dialog(session, "Keyboard shortcuts", ["F1"]))
        findings.append(token_scenario(session))
        findings.append(unlock_scenario(session))
    return findings


def table(findings: list[Finding]) -> str:
    return "\n".join([HEADER, *(f.row() for f in findings)])


def main() -> int:
    root = Path(tempfile.mkdtemp(prefix="apdesk-a11y-"))
    started = time.monotonic()
    with A11ySession(root) as session:
        findings = audit(session)
    print(table(findings))
    print(f"\n({time.monotonic() - started:.0f} s)")
    for finding in findings:
        for kind, lines in finding.problems.items():
            for line in lines:
                print(f"{finding.window}: {kind}: {line}")
        for note in finding.notes:
            print(f"{finding.window}: note: {note}")
        if finding.announced:
            print(f"{finding.window}: announced: {finding.announced}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
