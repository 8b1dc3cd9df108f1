"""The passphrase strength estimate steers people towards long, unrelated words."""

from __future__ import annotations

import pytest

from apdesk.services.passphrase import estimate
from apdesk.store.store import MIN_PASSPHRASE, check_passphrase


def test_shorter_than_the_store_allows_scores_zero() -> None:
    strength = estimate("a" * (MIN_PASSPHRASE - 1))
    assert strength.score == 0
    assert not strength.acceptable
    assert str(MIN_PASSPHRASE) in strength.hint


@pytest.mark.parametrize("weak", ["aaaaaaaaaaaa", "abcdefghijkl", "1234567890", "abcabcabcabc"])
def test_repeats_and_runs_are_weak(weak: str) -> None:
    strength = estimate(weak)
    assert strength.score == 1
    assert "repeated" in strength.hint or "well-known" in strength.hint


@pytest.mark.parametrize("common", ["Password123", "password1234", "qwertyqwerty1"])
def test_well_known_passwords_are_weak(common: str) -> None:
    strength = estimate(common)
    assert strength.score <= 1
    assert "well-known" in strength.hint


@pytest.mark.parametrize(
    "strong", ["correct horse battery staple", "apdesk-demo-passphrase", "Tr0ub4dor&3x"]
)
def test_long_varied_phrases_are_strong(strong: str) -> None:
    strength = estimate(strong)
    assert strength.score == 4
    assert strength.acceptable


def test_more_words_never_score_lower() -> None:
    scores = [estimate(p).score for p in ("kettlebird", "kettlebird lamp", "kettlebird lamp oboe")]
    assert scores == sorted(scores)
    assert scores[-1] == 4


def test_every_acceptable_passphrase_is_accepted_by_the_store() -> None:
    for passphrase in ("qzmxnvbtrp", "correct horse battery staple", "Tr0ub4dor&3x"):
        if estimate(passphrase).acceptable:
            check_passphrase(passphrase)  # does not raise


def test_labels_match_scores() -> None:
    assert [estimate(p).label for p in ("x", "aaaaaaaaaaaa", "correct horse battery staple")] == [
        "Too short",
        "Weak",
        "Strong",
    ]
