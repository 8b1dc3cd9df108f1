"""Why the LA's inbox refused a pack, as a stable code the inbox sends and the words a school's
laptop shows for it.

The inbox runs in the LA's language (English): beside its sentence it answers a code, and for a
pack that failed its checks the sentence's untranslated words and their values, so the school's
laptop words the reason in its own user's language. An answer with neither (an older or another
inbox) is shown as the inbox said it.
"""

from __future__ import annotations

import string
from typing import Any

from apdesk.i18n import N_, _

UNKNOWN_TOKEN = "unknown-token"
NO_PACK_ID = "no-pack-id"
NOT_A_PACK_ID = "not-a-pack-id"
PACK_ID_DIFFERS = "pack-id-differs"
PACK_ID_TAKEN = "pack-id-taken"
PACK_CHECK = "pack-check"
TOO_LARGE = "too-large"

DETAILS: dict[str, str] = {
    UNKNOWN_TOKEN: N_("the LA has no school registered with that token"),
    NO_PACK_ID: N_("the pack was sent without its id"),
    NOT_A_PACK_ID: N_("the id sent with the pack is not a pack id"),
    PACK_ID_DIFFERS: N_("the id sent with the pack differs from the id inside it"),
    PACK_ID_TAKEN: N_("the LA holds other signed content under this id"),
    TOO_LARGE: N_("the LA's inbox takes packs up to {limit} MB"),
}


FIXES: dict[int, str] = {
    400: N_(
        "The LA could not read the pack{detail}: save it to a file and send it to the LA "
        "another way, or ask the LA's support team"
    ),
    401: N_(
        "The LA rejected the school's token{detail}: set a new one in "
        "File › Settings › LA connection"
    ),
    403: N_(
        "The LA does not accept packs from this school{detail}: ask the LA to register the "
        "school's public key (File › Settings › LA connection › Export public key)"
    ),
    404: N_(
        "The LA endpoint has no pack inbox{detail}: check the LA endpoint address in "
        "File › Settings › LA connection"
    ),
    409: N_(
        "The LA already holds a different pack under this pack's id{detail}: a copy of the "
        "pack may have been sent by someone else; ask the LA to check, then build the pack again"
    ),
    413: N_(
        "The pack is larger than the LA accepts{detail}: save it to a file and send it another way"
    ),
    422: N_(
        "The LA refused the pack{detail}: check the school's key is the one the LA "
        "registered, then build the pack again"
    ),
}
OTHER_FIX = N_("The LA answered {status}{detail}: ask the LA's support team")


def refusal(message: str, code: str, **more: Any) -> dict[str, Any]:
    """An inbox's answer body: its own sentence, the code, and any values the words need."""
    return {"error": message, "code": code, **more}


def _worded(words: str, params: dict[str, str]) -> str | None:
    """`words` in this laptop's language with `params` put in; None unless every field in them
    is a plain name that `params` gives (nothing else from an answer is formatted)."""
    try:
        fields = [name for _text, name, _spec, _conv in string.Formatter().parse(_(words))]
        if any(name is not None and name not in params for name in fields):
            return None
        return _(words).format(**params)
    except (ValueError, KeyError, IndexError):
        return None


def detail_text(answer: Any) -> str:
    """The reason in an inbox's answer body, in this laptop's language where it can be."""
    if not isinstance(answer, dict):
        return ""
    code, said = answer.get("code"), answer.get("error")
    params = answer.get("params")
    params = {str(k): str(v) for k, v in params.items()} if isinstance(params, dict) else {}
    if isinstance(code, str) and code in DETAILS:
        worded = _worded(DETAILS[code], params)
    elif code == PACK_CHECK and isinstance(answer.get("words"), str):
        worded = _worded(answer["words"], params)
    else:
        worded = None
    return worded or (said if isinstance(said, str) else "")


def refused_text(status: int, answer: Any) -> str:
    """What to do about the LA's refusal with `status`, its reason in this laptop's words."""
    reason = detail_text(answer)
    fix = FIXES.get(status, OTHER_FIX)
    return _(fix).format(status=status, detail=f" ({reason})" if reason else "")


def kept(answer: Any) -> dict[str, Any]:
    """The parts of an inbox's answer that word its reason again later (nothing else)."""
    if not isinstance(answer, dict):
        return {}
    return {key: answer[key] for key in ("error", "code", "words", "params") if key in answer}
