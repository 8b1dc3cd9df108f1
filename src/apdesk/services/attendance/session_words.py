"""The words a school office types for a session, read whatever language the app is in.

A provider's return or a typed mark may say AM or PM, the English words, or the Polish ones
a Polish-speaking office writes ("rano", "po południu"), with or without the Polish letters:
a spreadsheet exported on an English keyboard often drops them.
"""

from __future__ import annotations

import unicodedata

from apdesk.models.enums import Session as AmPm

_WORDS: dict[str, AmPm] = {
    **dict.fromkeys(("am", "morning"), AmPm.AM),
    **dict.fromkeys(("rano", "poranek", "przed południem", "przedpołudnie", "przed poł"), AmPm.AM),
    **dict.fromkeys(("pm", "afternoon"), AmPm.PM),
    **dict.fromkeys(("po południu", "popołudnie", "po poł"), AmPm.PM),
}


def _plain(text: str) -> str:
    """Case, dots, spacing and Polish letters do not matter: "Po Południu." is "po poludniu"."""
    folded = text.casefold().replace(".", "").replace("ł", "l")
    bare = "".join(
        ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch)
    )
    return " ".join(bare.split())


_LOOKUP = {_plain(word): half for word, half in _WORDS.items()}


def session_for(text: str) -> AmPm | None:
    """The session `text` names, or None when it names neither."""
    return _LOOKUP.get(_plain(text))
