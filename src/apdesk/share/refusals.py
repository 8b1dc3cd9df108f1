"""Why the school hub said no, as a stable code the hub sends and the words a laptop shows.

The hub runs in no one's language: it answers a code beside its English sentence, and each
laptop words the code in its own user's language. A code this laptop does not know (a newer
hub's) is worded by the answer's status, with the hub's sentence after it as detail.
"""

from __future__ import annotations

from apdesk.i18n import N_, _

NO_TOKEN = "no-token"
UNKNOWN_LAPTOP = "unknown-laptop"
REMOVED = "removed"
INCOMPLETE = "incomplete"
NOT_JSON = "not-json"
TOO_LARGE = "too-large"
SCHOOL_TAKEN = "school-taken"
KEY_CHANGED = "key-changed"
SNAPSHOT_PARTS = "snapshot-parts"
SNAPSHOT_REPLACED = "snapshot-replaced"
NO_SNAPSHOT = "no-snapshot"
CODE_TAKEN = "code-taken"
NO_ENROLMENT = "no-enrolment"
CODE_USED = "code-used"
CODE_EXPIRED = "code-expired"
LAPTOP_ENROLLED = "laptop-enrolled"
NO_SUCH_LAPTOP = "no-such-laptop"
REVOKE_SELF = "revoke-self"

WORDS: dict[str, str] = {
    NO_TOKEN: N_("the hub was not sent this laptop's sharing token: join the sharing again"),
    UNKNOWN_LAPTOP: N_(
        "the hub does not know this laptop: join the sharing again with a new enrolment code"
    ),
    REMOVED: N_("this laptop was removed from the school's sharing"),
    INCOMPLETE: N_("the hub could not read the request: update apdesk on this laptop"),
    NOT_JSON: N_("the hub could not read the request: update apdesk on this laptop"),
    TOO_LARGE: N_("the request is larger than the hub accepts"),
    SCHOOL_TAKEN: N_("that school is already registered on this hub"),
    KEY_CHANGED: N_("the school's sharing key has changed: sync to fetch it, then try again"),
    SNAPSHOT_PARTS: N_("the hub does not hold every part of the snapshot yet: share again"),
    SNAPSHOT_REPLACED: N_("a newer snapshot replaced the one being read: try again"),
    NO_SNAPSHOT: N_("no copy of the school's record has been uploaded to the hub yet"),
    CODE_TAKEN: N_("that code is taken: make a new one"),
    NO_ENROLMENT: N_("the hub knows no enrolment with that code: check it, or make a new one"),
    CODE_USED: N_("that code was already used: make a new one on a sharing laptop"),
    CODE_EXPIRED: N_("that code has expired (codes last 24 hours): make a new one"),
    LAPTOP_ENROLLED: N_("this laptop is already enrolled"),
    NO_SUCH_LAPTOP: N_("no laptop with that id shares this school's record"),
    REVOKE_SELF: N_("a laptop cannot remove itself: do it from another one"),
}

# For a code this laptop does not know: what the status alone says.
BY_STATUS: dict[int, str] = {
    401: N_("the hub did not accept this laptop's sharing token"),
    403: WORDS[REMOVED],
    404: N_("the hub does not hold what was asked for"),
    409: N_("the school's shared record changed meanwhile: sync, then try again"),
    410: N_("that code can no longer be used: make a new one"),
    413: WORDS[TOO_LARGE],
    422: WORDS[INCOMPLETE],
}


def refusal_text(status: int, code: str, detail: str) -> str:
    """The words for a hub's refusal, in this laptop's language; the hub's own sentence only
    after them, in brackets, when the code is not one this laptop knows."""
    if code in WORDS:
        return _(WORDS[code])
    said = _(BY_STATUS[status]) if status in BY_STATUS else ""
    said = said or _("the hub said HTTP {status}").format(status=status)
    return f"{said} ({detail})" if detail else said
