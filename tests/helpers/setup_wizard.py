"""The first-run wizard shown for a new store in a test folder, with the fast key setting."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from apdesk.store import KdfParams
from apdesk.ui.core.tasks import InlineTaskRunner
from apdesk.ui.shell.setup_wizard import SetupWizard


def open_wizard(qtbot: QtBot, folder: Path, tasks: InlineTaskRunner) -> SetupWizard:
    wizard = SetupWizard(folder / "new-store", tasks, kdf=KdfParams.fast())
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard
