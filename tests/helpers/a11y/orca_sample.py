"""What Orca says for a sample of apdesk's controls, as a person using it would hear it.

Starts the harness's private desktop (session.py), runs the Orca screen reader on it with its
debug log, moves through ten controls with the keyboard alone, and prints each step with the
speech Orca logged for it. Not part of the test run (Orca is large and slow to start):

    python -m tests.helpers.a11y.orca_sample [--out FILE]

Needs Debian's `orca` besides what the harness needs.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.helpers.a11y.audit import DEMO_PASSPHRASE, MAIN, open_dialog
from tests.helpers.a11y.session import A11ySession

SPEECH = re.compile(r"SPEECH OUTPUT: '(.*)'")

# (what we do, the keys pressed) in order; each step's speech is what Orca said after its keys.
STEPS: list[tuple[str, list[str]]] = [
    ("Go to Pupils with Ctrl+2 (the page change)", ["ctrl+2"]),
    ("Ctrl+F: the pupil search field", ["ctrl+f"]),
    ("Tab: the first button after the search", ["Tab"]),
    ("Go to Attendance, Tab to the Show filter", ["ctrl+5", "alt+w"]),
    ("Home: Tab to the status figures' first chart Table toggle", ["ctrl+1"]),
    ("Placements: Ctrl+N, new placement editor", ["ctrl+3", "ctrl+n"]),
    ("Escape, then Ctrl+L: the unlock dialog's passphrase field", ["Escape", "ctrl+l"]),
    ("Type four characters of a passphrase", ["type:abcd"]),
    ("Enter: a wrong passphrase", ["Return"]),
    ("The right passphrase and Enter: back to the main window", ["ctrl+a", "type:DEMO", "Return"]),
]


def speech_lines(log: Path, start: int) -> tuple[list[str], int]:
    text = log.read_text(errors="replace") if log.exists() else ""
    return [m.group(1) for m in SPEECH.finditer(text[start:])], len(text)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="apdesk-orca-"))
    report: list[str] = []
    with A11ySession(root) as session:
        session.at("wait_window", name=MAIN, wait=300)
        log = root / "orca-debug.out"
        env = dict(session.desktop.env)
        orca = subprocess.Popen(
            ["orca", "--replace", "--debug-file", str(log)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=(root / "orca.err").open("wb"),
        )
        try:
            time.sleep(8)  # Orca reads the desktop before it speaks
            session.keys("ctrl+1", settle=1.5)
            _lines, mark = speech_lines(log, 0)
            for title, keys in STEPS:
                for key in keys:
                    if key.startswith("type:"):
                        text = key[5:]
                        session.at("type", text=DEMO_PASSPHRASE if text == "DEMO" else text)
                    elif key == "ctrl+l":
                        open_dialog(session, ["ctrl+l"])
                    else:
                        session.keys(key, settle=0.6)
                time.sleep(2.5 if "passphrase" in title else 1.5)
                said, mark = speech_lines(log, mark)
                report.append(f"## {title}\nkeys: {' '.join(keys)}")
                report += [f"  Orca: {line}" for line in said] or ["  Orca: (nothing)"]
        finally:
            orca.terminate()
            orca.wait(10)
    text = "\n".join(report)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
