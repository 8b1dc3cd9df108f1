"""The Qt-free modules the first window needs, imported before Qt is.

Once PySide6.QtCore is loaded it replaces Python's import function with one that, for every
module imported afterwards, reads the module's source to look for PySide's `__feature__`
switches. Importing the store, the models and the home page's services first spares them that
(on a two-core laptop about a tenth of a second at start). Nothing breaks if the list falls
behind the code: a module missing here is only imported later, a little more slowly.
"""

from __future__ import annotations

from importlib import import_module

FIRST_WINDOW = (
    "keyring",
    "sqlalchemy.orm",
    "apdesk.store",
    "apdesk.services.info",
    "apdesk.services.school",
    "apdesk.services.measures",
    "apdesk.services.idle",
    "apdesk.services.auto_backup",
    "apdesk.services.measures.roster",
    "apdesk.services.measures.dashboard",
    "apdesk.services.operations.settings",
    "apdesk.services.passphrase",
    "apdesk.sync.outbox",
    "apdesk.sync.report",
    "apdesk.locale_choice",
    "apdesk.share.views",  # the record banner and the status bar ask whether the store shares
)


def import_before_qt() -> None:
    """Import FIRST_WINDOW; call it before the first PySide6 import."""
    for name in FIRST_WINDOW:
        import_module(name)
