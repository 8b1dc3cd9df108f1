"""Run in a child process: the least any app on this stack pays to show a window.

Imports the same libraries apdesk starts with and shows a bare main window, then prints the
wall-clock time once it has been painted.
"""

from __future__ import annotations

import json
import sys
import time


def main() -> int:
    import sqlalchemy  # noqa: F401
    import sqlcipher3  # noqa: F401
    import sqlmodel  # noqa: F401
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1100, 720)
    window.show()
    shown: dict[str, float] = {}

    def finish() -> None:
        window.repaint()
        shown["at"] = time.time()
        app.exit(0)

    QTimer.singleShot(0, finish)
    code = app.exec()
    print(json.dumps({"at": shown["at"]}), flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
