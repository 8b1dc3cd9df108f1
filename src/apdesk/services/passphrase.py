"""A rough passphrase strength estimate, so the set-up screen can steer people to long phrases.

It is deliberately simple (no word lists beyond the worst offenders): it rewards length and
variety and punishes repeats, keyboard runs and well-known passwords.
"""

from __future__ import annotations

import math
import string
from dataclasses import dataclass

from apdesk.i18n import _
from apdesk.store.store import MIN_PASSPHRASE

ACCEPTABLE_SCORE = 2
COMMON = (
    "password",
    "passwort",
    "qwerty",
    "azerty",
    "letmein",
    "iloveyou",
    "welcome",
    "admin",
    "monkey",
    "dragon",
    "football",
    "sunshine",
    "princess",
    "school",
    "teacher",
    "apdesk",
    "123456",
    "abc123",
)
# Bits needed for scores 1..4 once the minimum length is met.
THRESHOLDS = (0.0, 36.0, 50.0, 70.0)


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (too short) .. 4 (strong)
    label: str
    hint: str
    bits: float

    @property
    def acceptable(self) -> bool:
        return self.score >= ACCEPTABLE_SCORE


def _pool(text: str) -> int:
    size = 0
    if any(c in string.ascii_lowercase for c in text):
        size += 26
    if any(c in string.ascii_uppercase for c in text):
        size += 26
    if any(c in string.digits for c in text):
        size += 10
    symbols = {c for c in text if not c.isascii() or not c.isalnum()}
    if symbols - {" "}:
        size += 33
    elif symbols:
        size += 1  # spaces between words add little on their own
    return max(size, 1)


def _strip_common(text: str) -> tuple[str, int]:
    """Remove well-known passwords; return the rest and how many were found."""
    lowered, found = text.lower(), 0
    for word in COMMON:
        while word in lowered:
            at = lowered.index(word)
            lowered = lowered[:at] + "\0" + lowered[at + len(word) :]
            found += 1
    return lowered.replace("\0", " "), found


def _run_bits(text: str, per_char: float) -> tuple[float, int]:
    """Bits for `text`, charging ~1 bit for a character that repeats or continues a run."""
    bits, runs, previous = 0.0, 0, None
    for char in text:
        if previous is not None and abs(ord(char.lower()) - ord(previous.lower())) <= 1:
            bits += 1.0
            runs += 1
        else:
            bits += per_char
        previous = char
    return bits, runs


def _repeating_unit(text: str) -> str:
    for size in range(1, len(text) // 2 + 1):
        unit = text[:size]
        if (unit * (len(text) // size + 1))[: len(text)] == text:
            return unit
    return text


def estimate(passphrase: str) -> Strength:
    """Score 0-4 with a hint on how to do better; score 0 means shorter than the store allows."""
    if len(passphrase) < MIN_PASSPHRASE:
        return Strength(
            0,
            _("Too short"),
            _("Use at least {n} characters: three or four unrelated words work well.").format(
                n=MIN_PASSPHRASE
            ),
            0.0,
        )
    per_char = math.log2(_pool(passphrase))
    unit = _repeating_unit(passphrase)
    rest, common = _strip_common(unit)
    bits, runs = _run_bits(rest, per_char)
    bits += common * 4.0
    score = max(i + 1 for i, limit in enumerate(THRESHOLDS) if bits >= limit)
    labels = [_("Too short"), _("Weak"), _("Fair"), _("Good"), _("Strong")]
    if score >= 3:
        hint = _("A good passphrase.") if score == 3 else _("A strong passphrase.")
    elif common:
        hint = _("Avoid well-known passwords: use three or four unrelated words.")
    elif runs * 3 >= len(rest) or unit != passphrase:
        hint = _("Avoid repeated letters and runs such as 1234 or abcd.")
    else:
        hint = _("Add another unrelated word to make it stronger.")
    return Strength(score, labels[score], hint, round(bits, 1))
