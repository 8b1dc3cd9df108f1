"""Unique pupil numbers: the check letter, the LA code, temporary UPNs and friendly validation.

Rules: school census validation 1510 (the check letter) and 1530 (characters 2-4 a recognised
LA or pseudo-LA code); the DfE's "Unique pupil numbers (UPNs): policy and practice guidance"
for the layout and temporary UPNs.
"""

from __future__ import annotations

from apdesk.i18n import _, ngettext
from apdesk.models.errors import ValidationError
from apdesk.models.la_codes import is_recognised_la

CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # 23 letters: no I, O or S


def check_letter(body: str) -> str:
    """The check letter for characters 2-13 of a UPN (12 characters, last may be a letter)."""
    if len(body) != 12:
        raise ValueError("a UPN body has 12 characters")
    total = 0
    for position, char in enumerate(body, start=2):
        if char.isdigit():
            value = int(char)
        elif position == 13 and char in CHECK_LETTERS:
            value = CHECK_LETTERS.index(char)
        else:
            raise ValueError(f"character {position} ({char!r}) is not allowed")
        total += value * position
    return CHECK_LETTERS[total % 23]


def is_temporary(upn: str) -> bool:
    """A temporary UPN ends in a letter instead of its last digit."""
    return len(upn) == 13 and upn[-1].isalpha()


def normalise_upn(raw: str) -> str:
    """Upper case, with every space (including the ones a copy from a PDF brings) removed."""
    return "".join(raw.split()).upper()


def validate_upn(raw: str, field: str = "UPN") -> str:
    """Return the UPN in canonical form, or raise an error that says what is wrong.

    `field` names the input and stays as given (callers match on it); the message and the fix
    are in the chosen language."""
    upn = normalise_upn(raw)
    if len(upn) != 13:
        raise ValidationError(
            field,
            ngettext("'{upn}' has {n} character", "'{upn}' has {n} characters", len(upn)).format(
                upn=raw.strip(), n=len(upn)
            ),
            _("a UPN has 13 characters"),
        )
    if upn[0] not in CHECK_LETTERS:
        raise ValidationError(
            field,
            _("'{upn}' must start with a check letter").format(upn=upn),
            _("copy the UPN again from the MIS"),
        )
    if not (upn.isascii() and upn[1:12].isdigit()):
        raise ValidationError(
            field,
            _("'{upn}' must have digits in characters 2 to 12").format(upn=upn),
            _("copy the UPN again"),
        )
    last = upn[12]
    if not (last.isdigit() or last in CHECK_LETTERS):
        raise ValidationError(
            field,
            _("'{upn}' ends in '{last}', which is not allowed").format(upn=upn, last=last),
            _("copy the UPN again"),
        )
    expected = check_letter(upn[1:])
    if upn[0] != expected:
        raise ValidationError(
            field,
            _("'{upn}' fails its check letter (expected {expected})").format(
                upn=upn, expected=expected
            ),
            _("a digit is probably mistyped: copy the UPN again from the MIS"),
        )
    if not is_recognised_la(upn[1:4]):
        raise ValidationError(
            field,
            _(
                "'{upn}' has {code} in characters 2 to 4, which is not a recognised LA code "
                "(census rule 1530)"
            ).format(upn=upn, code=upn[1:4]),
            _("copy the UPN again from the MIS; a UPN keeps the code of the LA that allocated it"),
        )
    return upn


def make_upn(la_code: int, estab: int, year: int, serial: int, temporary: bool = False) -> str:
    """Build a valid UPN (used by the demo data and tests)."""
    body = f"{la_code:03d}{estab:04d}{year % 100:02d}{serial:03d}"
    if temporary:
        body = body[:-1] + CHECK_LETTERS[serial % 23]
    return check_letter(body) + body
