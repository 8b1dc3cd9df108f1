"""`apdesk check`'s report in the reader's words: one line per check, counts grouped the
locale's way, the audit chain said as the audit page says it.

SQLite's and SQLCipher's own findings (a damaged page, a bad index) are quoted as they give
them: they name internals a support desk reads, not the school."""

from __future__ import annotations

from apdesk.i18n import _, format_number, ngettext
from apdesk.services.audit_log import chain_words
from apdesk.store.checks import CheckReport
from apdesk.store.rotation import KeyProblem

SHOWN = 3  # findings quoted in full; the rest are counted


def key_problem_words(problem: KeyProblem) -> str:
    """What to do about a missing or half-retired way into the store."""
    if problem == "no_recovery_key":
        return _(
            "the store has no recovery key: make one now with `apdesk recovery-key` "
            "(File › Security › Keys in the window) and lock it away"
        )
    if problem == "recovery_bridged":
        return _(
            "a key rotation did not finish: the old recovery key still opens the store and no "
            "new one was shown: make a new recovery key now with `apdesk recovery-key` "
            "(File › Security › Keys in the window) and lock it away"
        )
    return _("a key rotation did not finish: unlock once with the passphrase to complete it")


def _damaged(error: str) -> str:
    return _("DAMAGED: {error}").format(error=error)


def _integrity(report: CheckReport) -> str:
    if "integrity" in report.damaged:
        return _damaged(report.damaged["integrity"])
    if not report.integrity:
        return _("ok")
    found = "; ".join(report.integrity[:SHOWN])[:300]
    more = len(report.integrity) - SHOWN
    if more <= 0:
        return found
    return ngettext(
        "{found} (and {n} more problem)", "{found} (and {n} more problems)", more
    ).format(found=found, n=format_number(more))


def _cipher(report: CheckReport) -> str:
    if "cipher" in report.damaged:
        return _damaged(report.damaged["cipher"])
    if not report.cipher_problems:
        return _("ok")
    found = "; ".join(report.cipher_problems[:SHOWN])
    more = len(report.cipher_problems) - SHOWN
    if more <= 0:
        return found
    return ngettext("{found} (and {n} more page)", "{found} (and {n} more pages)", more).format(
        found=found, n=format_number(more)
    )


def _chain(report: CheckReport) -> str:
    if "chain" in report.damaged:
        return _("Audit chain: {result}").format(result=_damaged(report.damaged["chain"]))
    return chain_words(report.chain)


def _keys(report: CheckReport) -> str:
    if not report.key_problems:
        return _("ok")
    problems = "; ".join(key_problem_words(p) for p in report.key_problems)
    return _("PROBLEM: {problems}").format(problems=problems)


def _stale(n: int) -> str:
    return ngettext(
        "Old backups: {n} backup in the store's backups folder opens with a retired key or "
        "passphrase (kept by choice, or left by an interrupted rotation); delete it or keep it "
        "locked away",
        "Old backups: {n} backups in the store's backups folder open with a retired key or "
        "passphrase (kept by choice, or left by an interrupted rotation); delete them or keep "
        "them locked away",
        n,
    ).format(n=format_number(n))


def check_lines(report: CheckReport) -> list[str]:
    """The report, a line per check, as `apdesk check` prints it."""
    lines = [
        _("Integrity check: {result}").format(result=_integrity(report)),
        _("Cipher integrity check: {result}").format(result=_cipher(report)),
        _chain(report),
        _("Keys: {result}").format(result=_keys(report)),
    ]
    if report.stale_backups:
        lines.append(_stale(report.stale_backups))
    return lines
