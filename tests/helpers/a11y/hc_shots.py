"""Screenshots of every page in the high-contrast scheme at 1366x768, to look at by hand.

Starts the harness's private desktop with View > Appearance set to high contrast, visits each
page with its Go-menu shortcut, Tabs a few times so the focus ring shows, and saves one PNG a
page (and one of the placement editor) under the directory given:

    python -m tests.helpers.a11y.hc_shots OUT_DIR
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.helpers.a11y.audit import MAIN, PAGES, close_dialog, open_dialog, tab_to
from tests.helpers.a11y.session import A11ySession


def shoot(session: A11ySession, out: Path) -> None:
    env = session.desktop.env
    subprocess.run(["import", "-window", "root", str(out)], env=env, check=True, timeout=60)


def main() -> int:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="apdesk-hc-"))
    session = A11ySession(root)
    conf = root / "config" / "apdesk" / "apdesk.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text("[ui]\nappearance=hc\n", encoding="utf-8")
    with session:
        session.at("wait_window", name=MAIN, wait=300)
        time.sleep(2.0)
        env = session.desktop.env  # the pointer out of the way: hover is not focus
        subprocess.run(["xdotool", "mousemove", "1365", "767"], env=env, check=True, timeout=10)
        for title, shortcut in PAGES:
            session.keys(shortcut, settle=1.5)
            time.sleep(1.0)
            session.keys("Tab", "Tab", "Tab", settle=0.3)  # a control with the focus ring
            shoot(session, out / f"hc_{title.lower().replace(' ', '_')}.png")
        session.keys("ctrl+3", settle=1.0)
        tab_to(session, {"table", "table cell"})
        session.keys("Down", "Down", settle=0.5)  # a selected row, and the actions it enables
        shoot(session, out / "hc_placements_selected.png")
        open_dialog(session, ["ctrl+n"])
        time.sleep(1.0)
        shoot(session, out / "hc_placement_editor.png")
        tab_to(session, {"check box"})
        session.keys("space", settle=0.5)  # a ticked box keeps a visible focus ring
        shoot(session, out / "hc_placement_editor_ticked_focus.png")
        close_dialog(session)
    print("\n".join(str(p) for p in sorted(out.glob("hc_*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
