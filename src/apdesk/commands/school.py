"""The school's details on the command line: `apdesk init` and `apdesk config` take the
address, phone, email, key contact and logo as flags, checked as the forms check them."""

from __future__ import annotations

import argparse
from pathlib import Path

from apdesk.commands.common import UserError, opened_store
from apdesk.i18n import N_, _
from apdesk.models.errors import ValidationError
from apdesk.models.school import MAX_LOGO_BYTES, SchoolDetails

# (flag, SchoolDetails field, help)
TEXT_FLAGS = (
    (
        "--school-address",
        "address",
        N_("the school's postal address (one line, or lines with \\n)"),
    ),
    ("--school-phone", "phone", N_("the school's phone number, e.g. 01632 960000")),
    ("--school-email", "email", N_("the school's email address, e.g. office@school.example")),
    ("--key-contact", "key_contact_name", N_("the key contact for AP: name, e.g. Ms R. Ellery")),
    ("--key-contact-role", "key_contact_role", N_("the key contact's role, e.g. SENCO")),
    ("--key-contact-phone", "key_contact_phone", N_("the key contact's phone number")),
    ("--key-contact-email", "key_contact_email", N_("the key contact's email address")),
)
FLAG_OF = {field: flag for flag, field, _help in TEXT_FLAGS}
FLAG_OF |= {"logo": "--logo", "name": "--school-name", "urn": "--urn", "la_code": "--la-code"}
FLAG_OF |= {"estab": "--estab"}


def add_school_flags(parser: argparse.ArgumentParser) -> None:
    for flag, field, help_text in TEXT_FLAGS:
        parser.add_argument(flag, dest=f"school_{field}", metavar="TEXT", help=_(help_text))
    logo = parser.add_mutually_exclusive_group()
    logo.add_argument(
        "--logo",
        metavar="FILE",
        help=_(
            "the school's logo for every document's letterhead: PNG or JPEG, under {limit} kB"
        ).format(limit=MAX_LOGO_BYTES // 1024),
    )
    logo.add_argument("--no-logo", action="store_true", help=_("print documents without a logo"))


def read_logo(path_text: str) -> bytes:
    path = Path(path_text).expanduser()
    if not path.is_file():
        raise UserError(
            "--logo: " + _("{path} is not a file (give a PNG or JPEG image)").format(path=path)
        )
    if path.stat().st_size > MAX_LOGO_BYTES:
        raise UserError(
            "--logo: "
            + _("{path} is {size} kB (choose a PNG or JPEG under {limit} kB)").format(
                path=path, size=path.stat().st_size // 1024, limit=MAX_LOGO_BYTES // 1024
            )
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or exc
        raise UserError(
            "--logo: " + _("{path} cannot be read ({reason})").format(path=path, reason=reason)
        ) from None


def school_changes(args: argparse.Namespace) -> dict[str, str | bytes]:
    """The details the flags name (others untouched); a logo file is read and its size checked."""
    changes: dict[str, str | bytes] = {}
    for _flag, field, _help in TEXT_FLAGS:
        value = getattr(args, f"school_{field}", None)
        if value is not None:
            changes[field] = value.replace("\\n", "\n").strip()
    if getattr(args, "logo", None):
        changes["logo"] = read_logo(args.logo)
    elif getattr(args, "no_logo", False):
        changes["logo"] = b""
    return changes


def check_details(details: SchoolDetails) -> None:
    """Check before anything is written; a mistake names its flag and the fix, in one line."""
    try:
        details.validate()
    except ValidationError as exc:
        raise UserError(flag_message(exc)) from None


def flag_message(exc: ValidationError) -> str:
    """The refusal named by the flag that gave the value: the error names the details'
    attribute, whatever language its words are in."""
    flag = FLAG_OF.get(exc.field, exc.label)
    fix = f" ({exc.fix})" if exc.fix else ""
    return f"{flag}: {exc.message}{fix}"


def cmd_config_school(args: argparse.Namespace) -> int:
    """`apdesk config --school-phone ...`: change the named details, keep the rest."""
    from apdesk.services.operations.settings import change_school_details
    from apdesk.services.school import school_details

    changes = school_changes(args)
    if not changes:
        raise UserError(
            "config: "
            + _(
                "say what to change: `set`, `show`, or a school flag such as --school-phone "
                "(see `apdesk config --help`)"
            )
        )
    with opened_store(args) as store:
        try:
            store.run(change_school_details, changes)
        except ValidationError as exc:
            raise UserError(flag_message(exc)) from None
        details = store.read(school_details)
    print_school(details)
    return 0


# Every label `print_line` shows (the school's and the LA connection's), so each language's
# longest sets the column where the values start.
LINE_LABELS = (
    N_("School"),
    N_("Address"),
    N_("Phone"),
    N_("Email"),
    N_("Key contact"),
    N_("Logo"),
    N_("LA endpoint"),
    N_("LA token"),
    N_("LA receipt key"),
    N_("LA encryption key"),
    N_("School signing key"),
)


def print_line(label: str, value: str) -> None:
    """One `label: value` line, the values lined up under each other in any language."""
    width = max(20, *(len(_(text)) + 1 for text in LINE_LABELS))
    print(f"{label + ':':<{width}} {value}")


def print_school(details: SchoolDetails) -> None:
    address = ", ".join(p.strip() for p in details.address.splitlines() if p.strip())
    contact = ", ".join(p for p in (details.key_contact_name, details.key_contact_role) if p)
    size = len(details.logo) // 1024 or 1
    logo = _("{size} kB image").format(size=size) if details.logo else _("none")
    unset = _("not set")
    print_line(_("School"), details.name or unset)
    print_line(_("Address"), address or unset)
    print_line(_("Phone"), details.phone or unset)
    print_line(_("Email"), details.email or unset)
    print_line(_("Key contact"), contact or unset)
    print_line(_("Logo"), logo)
