"""Why a send failed, kept on the (shared) outbox row as a code and worded on display.

A pack's `last_error` is read on every laptop that shares the record, each in its own language,
so apdesk's own reasons are stored as a code with the detail the LA or the network gave
(`stored_error`) and worded by `error_text` for whoever reads them. Text stored before codes
(in English) is shown as it was.
"""

from __future__ import annotations

import json

from apdesk.i18n import N_, _
from apdesk.sync.inbox_refusals import kept, refused_text

MARK = "apdesk-error:"  # stored codes start so; older free text never does
RETRY = "retry"
UNREADABLE = "unreadable"
OTHER_PACK = "other-pack"
REFUSED = "refused"  # the LA's answer: its status, then what it said (as JSON)
WORDS: dict[str, str] = {
    RETRY: N_("Will try again: {detail}"),
    UNREADABLE: N_("The pack in the outbox cannot be read ({detail}): build it again"),
    OTHER_PACK: N_("The pack in the outbox names another pack id: build it again"),
}


def stored_error(code: str, detail: str = "") -> str:
    """What goes into `last_error`: the code, then the detail (one line)."""
    return f"{MARK}{code}|{' '.join(detail.split())}"


def refused_stored(status: int, answer: object) -> str:
    """What the row keeps for the LA's refusal: its status and the parts of its answer that
    say why, so each reader gets the fix and the reason in their own language."""
    return stored_error(REFUSED, f"{status} {json.dumps(kept(answer), ensure_ascii=True)}")


def _refused_words(detail: str) -> str:
    status, _space, said = detail.partition(" ")
    try:
        answer = json.loads(said)
    except ValueError:
        answer = None
    return refused_text(int(status), answer) if status.isdigit() else detail


def error_text(stored: str) -> str:
    """The words for a stored error, in this laptop's language; older text as it was."""
    if not stored.startswith(MARK):
        return stored
    code, _bar, detail = stored[len(MARK) :].partition("|")
    if code == REFUSED:
        return _refused_words(detail)
    if code not in WORDS:
        return detail
    return _(WORDS[code]).format(detail=detail)
