"""What Orca says for a sample of apdesk's controls, as a person using it would hear it.

Starts the harness's private desktop (session.py), runs the Orca screen reader on it with its
debug log and no sound (Orca logs every utterance before it hands it to a voice), moves to ten
controls with the keyboard alone, and prints each control with the words Orca logged on
arriving there. Not part of the test run (Orca is large and slow to start):

    python -m tests.helpers.a11y.orca_sample [--out FILE]

Needs Debian's `orca` besides what the harness needs.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from tests.helpers.a11y.audit import DEMO_PASSPHRASE, MAIN, REMEMBER, close_dialog, open_dialog
from tests.helpers.a11y.session import A11ySession

# Orca 43 logs "HH:MM:SS.micro - SPEECH OUTPUT: '<words>'" and, after the closing quote, the
# voice it used. An utterance may span lines (a column header "Mon 30\nPM").
SPEECH = re.compile(
    r"^(\d\d):(\d\d):(\d\d\.\d+) - SPEECH OUTPUT: '(.*?)'"
    r"(?=\s*(?:voice=\w+)?\s*(?:[\[{]|ACSS|$))",
    re.MULTILINE | re.DOTALL,
)
# Orca's settings for this run: no sound device, so no speech server; everything else default.
SETTINGS = {
    "general": {
        "enableSpeech": True,
        "speechServerFactory": "",
        "enableSound": False,
        "enableKeyEcho": False,  # "tab", "left control": the keys, not the controls
    },
    "profiles": {"default": {"profile": ["Default", "default"]}},
    "pronunciations": {},
    "keybindings": {},
}
Focus = dict[str, Any]


def orca_missing() -> bool:
    return shutil.which("orca") is None


def utterances(log: Path) -> list[tuple[float, str]]:
    """Everything Orca said, each with the second of the day it said it."""
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    said = []
    for m in SPEECH.finditer(text):
        words = " ".join(m.group(4).split())
        if words:
            said.append((int(m.group(1)) * 3600 + int(m.group(2)) * 60 + float(m.group(3)), words))
    return said


def clock() -> float:
    """Now, as Orca's log writes it: seconds since midnight, local time."""
    now = datetime.now()
    return now.hour * 3600 + now.minute * 60 + now.second + now.microsecond / 1e6


@dataclass
class Heard:
    control: str
    keys: list[str]
    said: list[str] = field(default_factory=list)
    focus: str = ""
    name: str = ""  # the focused object's name, as the AT-SPI client saw it
    started: float = 0.0  # when the step's keys began (seconds of the day)

    def lines(self) -> list[str]:
        out = [f"## {self.control}", f"keys: {' '.join(self.keys)}"]
        if self.focus:
            out.append(f"focus (AT-SPI): {self.focus}")
        out += [f"  Orca: {line}" for line in self.said] or ["  Orca: (nothing)"]
        return out


class Listener:
    """Moves the focus with the keyboard and collects what Orca said after the last key."""

    def __init__(self, session: A11ySession, log: Path) -> None:
        self.session, self.log = session, log
        self.since = self.started = clock()

    def quiet(self, gap: float = 1.2, limit: float = 15.0) -> None:
        """Wait until Orca has said nothing new for `gap` seconds (it lags a busy machine)."""
        end = time.monotonic() + limit
        count = len(utterances(self.log))
        still = time.monotonic()
        while time.monotonic() < end:
            time.sleep(0.2)
            now = len(utterances(self.log))
            if now != count:
                count, still = now, time.monotonic()
            elif time.monotonic() - still >= gap:
                return

    def start_listening(self) -> None:
        self.quiet()
        self.since = self.started = clock()

    def heard(self, expect: str = "", wait: float = 20.0) -> list[str]:
        """What Orca said since listening began: once it says `expect` (or anything) and
        falls quiet, or after `wait` seconds. Judged by the log's own times, so speech that
        lags the key press is still the key's."""
        end = time.monotonic() + wait
        word = expect.casefold()
        while time.monotonic() < end:
            said = [w for t, w in utterances(self.log) if t >= self.since]
            if said and any(word in line.casefold() for line in said):
                break
            time.sleep(0.3)
        self.quiet()
        said = [w for t, w in utterances(self.log) if t >= self.since]
        self.since = clock()
        return said

    def press(self, *keys: str) -> Focus:
        focus: Focus = {}
        for key in keys:
            focus = self.session.keys(key, settle=0.5)["focus"] or {}
        return focus

    def tab_to(self, match: Callable[[Focus], bool], limit: int = 80, key: str = "Tab") -> Focus:
        """Press `key` until the focus matches; listen to the last press only (none when the
        focus is already there: what was said on arriving is kept)."""
        focus = self.session.at("focus")["focus"] or {}
        if match(focus):
            return focus
        for _ in range(limit):
            self.start_listening()
            focus = self.session.keys(key, settle=0.4)["focus"] or {}
            if match(focus):
                return focus
        raise LookupError(f"{key} never reached the control (last: {focus})")


def _describe(focus: Focus) -> str:
    return f"{focus.get('role')} {focus.get('name')!r}" if focus else ""


def walk(session: A11ySession, ear: Listener) -> list[Heard]:
    heard: list[Heard] = []

    def record(control: str, keys: list[str], focus: Focus | None = None) -> None:
        name = " ".join(str((focus or {}).get("name", "")).split())
        ear.heard(name, wait=20 if focus else 6)
        heard.append(Heard(control, keys, [], _describe(focus or {}), name, ear.started))

    def role(*roles: str, name: str = "") -> Callable[[Focus], bool]:
        return lambda f: f.get("role") in roles and name.casefold() in str(f.get("name")).casefold()

    # 1. A button with a mnemonic: Placements' New placement (Alt+N in its caption).
    ear.start_listening()
    ear.press("ctrl+3")
    time.sleep(1.5)
    focus = ear.tab_to(role("push button", name="new"))
    record("A button with a mnemonic (Placements: New placement)", ["ctrl+3", "Tab…"], focus)

    # 2. A filter combo: Placements' Status filter, reached with its caption's Alt+S.
    ear.start_listening()
    focus = ear.press("alt+s")
    record("A filter combo (Placements: Status, by its caption's Alt+S)", ["alt+s"], focus)

    # 3. The pupil picker: the new placement editor opens on it.
    ear.start_listening()
    open_dialog(session, ["ctrl+n"])
    focus = session.at("focus")["focus"] or {}
    record("The pupil picker (Ctrl+N: new placement, first field)", ["ctrl+n"], focus)

    # 4. A check box under a group caption: the first of the placement's reasons.
    focus = ear.tab_to(role("check box"))
    record("A check box under the caption 'Reasons:' (Tab from the pupil)", ["Tab…"], focus)

    # 5. A date field: the first date in the editor.
    focus = ear.tab_to(lambda f: f.get("role") == "text" and "date" in str(f.get("name")).lower())
    record("A date field (Tab on to the first date)", ["Tab…"], focus)
    close_dialog(session)

    # 6. The print preview's text: Ctrl+P on a placement, then Tab to the document's text.
    ear.tab_to(role("table", "table cell"))
    ear.press("Down")
    ear.start_listening()
    open_dialog(session, ["ctrl+p"])
    time.sleep(1.5)
    focus = ear.tab_to(role("text", "document text", name="document"))
    record("The print preview's document text (Ctrl+P, Tab)", ["ctrl+p", "Tab…"], focus)
    close_dialog(session)

    # 7. The register's cell: Attendance, Tab into the register.
    ear.press("ctrl+5")
    time.sleep(2.0)
    focus = ear.tab_to(role("table cell"))
    record("A register cell (Attendance, Tab into the register)", ["ctrl+5", "Tab…"], focus)
    ear.start_listening()
    focus = ear.press("Right")
    record("The next register cell (Right arrow)", ["Right"], focus)

    # 8. A chart's table: Home, Tab to the first chart's "as a table" switch, Space, Tab.
    ear.press("ctrl+1")
    time.sleep(2.0)
    ear.tab_to(role("check box", name="as a table"))
    ear.press("space")
    focus = ear.tab_to(role("table", "table cell"))
    record("A chart's table of figures (Home, Tab, Space on 'as a table', Tab)", ["Tab…"], focus)

    # 9. A ValueLabel: the status bar's Lock state, read with Orca's flat review (the end of
    # the window is its last line; Orca+KP_Page_Up goes there).
    ear.start_listening()
    ear.press("Insert+KP_Page_Up")
    record("A ValueLabel: the status bar, by flat review (Orca+KP 9)", ["Insert+KP_Page_Up"])
    ear.press("KP_Add")  # leave flat review: Orca's review keys end with the next focus move
    ear.press("Escape")

    # 10. The secret passphrase field: lock (Ctrl+L), type, hear no characters.
    ear.start_listening()
    open_dialog(session, ["ctrl+l"])
    time.sleep(1.0)
    focus = session.at("focus")["focus"] or {}
    record("The passphrase field (Ctrl+L: lock and unlock)", ["ctrl+l"], focus)
    ear.start_listening()
    session.at("type", text="abcd")
    record("Typing four characters into it", ["a", "b", "c", "d"], focus)
    ear.start_listening()
    session.keys("ctrl+a", settle=0.2)
    session.at("type", text=DEMO_PASSPHRASE)
    session.keys("Return", settle=0.5)
    end = time.monotonic() + 30
    while time.monotonic() < end:
        wins = [w["name"] for w in session.at("windows")["windows"]]
        if wins == [MAIN]:
            break
        if REMEMBER in wins:
            session.keys("Escape", settle=0.5)
        time.sleep(0.5)
    record("The right passphrase and Enter: back to the window", ["Return"])
    return heard


def attribute(steps: list[Heard], said: list[tuple[float, str]]) -> None:
    """Give each step Orca's words, by the log's times. A step that moved the focus gets the
    burst in which Orca named the focused object (its context, name, role and description,
    spoken together); Orca may lag a busy machine by seconds, so the burst is looked for from
    the step's start on, not only before the next step. Other steps get what was said
    between their start and the next step's."""
    for index, step in enumerate(steps):
        after = steps[index + 1].started if index + 1 < len(steps) else float("inf")
        if not step.name:
            step.said = [w for t, w in said if step.started <= t < after]
            continue
        hit = next(
            (t for t, w in said if t >= step.started - 5 and step.name.casefold() in w.casefold()),
            None,
        )
        if hit is not None:
            step.said = [w for t, w in said if abs(t - hit) <= 0.3 or (step.started <= t < hit)]


def run(root: Path) -> list[Heard]:
    with A11ySession(root) as session:
        session.at("wait_window", name=MAIN, wait=300)
        settings = Path(session.desktop.env["XDG_DATA_HOME"]) / "orca"
        settings.mkdir(parents=True, exist_ok=True)
        (settings / "user-settings.conf").write_text(json.dumps(SETTINGS), encoding="utf-8")
        log = root / "orca-debug.out"
        orca = subprocess.Popen(
            ["orca", "--replace", "--debug-file", str(log)],
            env=dict(session.desktop.env),
            stdout=subprocess.DEVNULL,
            stderr=(root / "orca.err").open("wb"),
        )
        try:
            end = time.monotonic() + 60
            while "SPEECH OUTPUT" not in (log.read_text(errors="replace") if log.exists() else ""):
                if time.monotonic() > end or orca.poll() is not None:
                    raise RuntimeError(f"Orca did not start (see {root / 'orca.err'})")
                time.sleep(0.5)
            time.sleep(3)
            steps = walk(session, Listener(session, log))
            time.sleep(3)  # the last words
            attribute(steps, utterances(log))
            return steps
        finally:
            orca.terminate()
            try:
                orca.wait(10)
            except subprocess.TimeoutExpired:
                orca.kill()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    if orca_missing():
        print("Orca is not installed (Debian: apt-get install orca)", file=sys.stderr)
        return 2
    root = Path(tempfile.mkdtemp(prefix="apdesk-orca-"))
    heard = run(root)
    text = "\n".join(line for h in heard for line in h.lines())
    print(text)
    print(f"\n(Orca's debug log: {root / 'orca-debug.out'})")
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
