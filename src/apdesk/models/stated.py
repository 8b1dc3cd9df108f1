"""What a free-text answer states, where the form must not contradict it: that there is
nothing to say ("None known"), or that a risk assessment is attached.

The referral form and the placement checks read answers the same way, so what the checks
warn about is exactly what the form would otherwise print wrongly.
"""

from __future__ import annotations

import re

# Answers that record nothing: "None", "None known", "N/A", "Brak"...
_NOTHING = re.compile(
    r"(?:none(?: known| identified| recorded)?|not known|no known (?:health )?needs?|n/?a|nil"
    r"|brak(?: danych)?|nie dotyczy)",
    re.IGNORECASE,
)
# A clause that says a risk assessment is attached (English, or as a Polish office writes it).
_RISK_ASSESSMENT = re.compile(r"risk assessments?|\bRA\b|ocen\w* ryzyka", re.IGNORECASE)
_ATTACHED = re.compile(r"\battached\b|\benclosed\b|załącz", re.IGNORECASE)
_CLAUSES = re.compile(r"([;.\n]+)")


def says_nothing(text: str) -> bool:
    """True when the answer is empty or only says there is nothing to record."""
    return _NOTHING.fullmatch(text.strip().rstrip(".!").strip()) is not None or not text.strip()


def _claims(clause: str) -> bool:
    return bool(_RISK_ASSESSMENT.search(clause) and _ATTACHED.search(clause))


def claims_risk_assessment_attached(text: str) -> bool:
    """True when some clause of the answer says a risk assessment is attached."""
    return any(_claims(clause) for clause in _CLAUSES.split(text))


def without_attached_claim(text: str) -> str:
    """The answer without its clauses that say a risk assessment is attached, for a form
    that has none to attach."""
    parts = _CLAUSES.split(text)
    kept: list[str] = []
    for clause, separator in zip(parts[::2], [*parts[1::2], ""], strict=True):
        if not _claims(clause) and clause.strip():
            kept.append(clause.strip() + (separator if "\n" in separator else separator + " "))
    return "".join(kept).strip().rstrip(";").strip()
