"""argparse's own refusals in the user's language.

argparse words its refusals ("the following arguments are required: ...") through gettext's
default catalogue, which knows only English. Pointed at apdesk's, they read in the language
every other message uses; a wording not in the catalogue (another Python's) stays English.
"""

from __future__ import annotations

import argparse

from apdesk.i18n import N_, _, ngettext

WORDS = (
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("expected one argument"),
    N_("ignored explicit argument %r"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)
"""The refusals a person can meet, marked for the catalogue (argparse asks for them itself)."""


def use_our_words() -> None:
    """Send argparse's gettext calls to apdesk's catalogue (in the language set now and later)."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
