"""The language chosen in View > Language…, kept where the commands can read it too.

The window keeps its settings with Qt; the commands must not import Qt, so the choice is also
written to a small file in apdesk's data folder. `APDESK_LANGUAGE` overrides both (support
calls, scripts); with nothing chosen the system's language is used, as in the window.
"""

from __future__ import annotations

import os

from apdesk.i18n import DEFAULT_LOCALE, PSEUDO_LOCALE, available_locales
from apdesk.paths import data_dir

FILE_NAME = "language"


def save_choice(locale: str) -> None:
    """Remember the choice ("" follows the system); a folder that cannot be written is skipped."""
    try:
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / FILE_NAME
        path.write_text(locale + "\n", encoding="utf-8")
        path.chmod(0o600)
    except OSError:
        pass


def saved_choice() -> str:
    try:
        return (data_dir() / FILE_NAME).read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def system_language() -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value and value not in ("C", "POSIX"):
            return value.split(".")[0]
    return DEFAULT_LOCALE


def command_locale() -> str:
    """The locale the commands speak: APDESK_LANGUAGE, the saved choice, else the system's."""
    known = available_locales()
    for wanted in (os.environ.get("APDESK_LANGUAGE", ""), saved_choice(), system_language()):
        if not wanted:
            continue
        if wanted in known:
            return wanted
        language = wanted.split("_")[0]
        match = next((k for k in known if k != PSEUDO_LOCALE and k.split("_")[0] == language), None)
        if match:
            return match
    return DEFAULT_LOCALE
