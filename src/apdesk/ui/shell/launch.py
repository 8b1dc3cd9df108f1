"""`apdesk` with no command: check the machine can show a window, then start Qt.

Qt is imported only after the system check, because a missing window-system library makes Qt
abort the process with a message few people can act on.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from apdesk import __version__, paths
from apdesk.i18n import _
from apdesk.ui.shell import system_check

ORGANISATION = "apdesk"


def run_gui(store: str | None, demo: bool) -> int:
    """Open the GUI; returns the process exit status (2 when a window cannot be shown)."""
    problem = system_check.gui_problem()
    if problem:
        print(f"apdesk: {problem}", file=sys.stderr)
        return 2
    from apdesk.ui.shell.preload import import_before_qt

    import_before_qt()  # faster: Qt's import hook reads the source of what comes after it
    try:
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication
    except ImportError as exc:
        print(
            "apdesk: "
            + _("the Qt libraries could not be loaded ({error}). Reinstall apdesk.").format(
                error=exc
            ),
            file=sys.stderr,
        )
        return 2
    from PySide6.QtGui import QIcon

    from apdesk.ui.core.tasks import ThreadTaskRunner
    from apdesk.ui.shell.language import (
        apply_startup_language,
        restart_command,
        restart_wanted,
    )
    from apdesk.ui.shell.startup import Startup
    from apdesk.ui.theme.apply import install_theme

    if demo:
        folder = paths.demo_store()
    elif store:
        folder = Path(store).expanduser()
    else:
        folder = paths.default_store()

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName("apdesk")
    app.setApplicationVersion(__version__)
    app.setQuitOnLastWindowClosed(False)  # dialogs come and go before the main window opens
    tasks = ThreadTaskRunner()
    settings = QSettings(ORGANISATION, "apdesk")
    apply_startup_language(settings)  # the saved choice, else the computer's language
    install_theme(app, settings)  # Fusion, the palette and stylesheet; follows the system
    app.setWindowIcon(QIcon(str(paths.resource_path("icons", "apdesk.svg"))))
    startup = Startup(folder, tasks, settings, demo=demo)
    startup.exit_requested.connect(app.exit)
    startup.window_shown.connect(lambda: app.setQuitOnLastWindowClosed(True))
    startup.start()
    code = app.exec()
    if startup.window is not None:
        startup.window.ctx.lock()
    tasks.shutdown()
    if restart_wanted():  # a new language: the catalogues are read once, at start
        frozen = bool(getattr(sys, "frozen", False))
        subprocess.Popen(restart_command(sys.argv, sys.executable, frozen))
    return int(code)
