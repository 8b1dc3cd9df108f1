"""The school that keeps the store, and the calendar that decides which days are school days."""

from __future__ import annotations

import io
import re
from datetime import date

from sqlmodel import Field, SQLModel

from apdesk.i18n import _
from apdesk.models.enums import Labelled
from apdesk.models.errors import ValidationError

MAX_LOGO_BYTES = 512 * 1024  # a letterhead logo is a few kB; a photo straight off a phone is not
MAX_LOGO_SIDE = 4000  # pixels: larger is a photograph, and slow to print on every page
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()\-]+(?:\s*(?:ext\.?|x)\s*[0-9]+)?$", re.IGNORECASE)


class SchoolDetails(SQLModel):
    """The school's details as plain data: what forms edit and every document's letterhead
    prints (no session attached, so the PDFs need none). `School` is the same fields as a row.
    `logo` is a PNG or JPEG file's bytes, or empty."""

    name: str = ""
    urn: str = ""
    la_code: str = ""
    estab: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    key_contact_name: str = ""
    key_contact_role: str = ""
    key_contact_phone: str = ""
    key_contact_email: str = ""
    logo: bytes = b""

    def validate(self) -> None:  # type: ignore[override]
        if self.urn and not (self.urn.isdigit() and len(self.urn) == 6):
            raise ValidationError(
                "urn",
                _("'{value}' is not a URN").format(value=self.urn),
                _("a URN has 6 digits"),
            )
        if self.la_code and not (self.la_code.isdigit() and len(self.la_code) == 3):
            raise ValidationError(
                "la_code",
                _("'{value}' is not an LA code").format(value=self.la_code),
                _("it has 3 digits, e.g. 855"),
            )
        if self.estab and not (self.estab.isdigit() and len(self.estab) == 4):
            raise ValidationError(
                "estab",
                _("'{value}' is not valid").format(value=self.estab),
                _("it has 4 digits, e.g. 4001"),
            )
        # Each refusal names the attribute: code matches on it, a person reads its label.
        check_phone("phone", self.phone)
        check_email("email", self.email)
        check_phone("key_contact_phone", self.key_contact_phone)
        check_email("key_contact_email", self.key_contact_email)
        check_logo(self.logo)


def check_phone(field: str, value: str) -> None:
    digits = sum(ch.isdigit() for ch in value)
    if value.strip() and (not _PHONE.match(value.strip()) or not 6 <= digits <= 15):
        raise ValidationError(
            field,
            _("'{value}' is not a phone number").format(value=value),
            _("use digits, spaces and +, e.g. 01632 960000"),
        )


def check_email(field: str, value: str) -> None:
    if value.strip() and not _EMAIL.match(value.strip()):
        raise ValidationError(
            field,
            _("'{value}' is not an email address").format(value=value),
            _("write it as name@school.example"),
        )


def logo_kind(data: bytes) -> str:
    """ "PNG", "JPEG" or "" from the file's first bytes (its name may say anything)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    return ""


def check_logo(data: bytes) -> None:
    """A logo is a PNG or JPEG file under MAX_LOGO_BYTES that decodes whole."""
    if not data:
        return
    field = "logo"
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(
            field,
            _("the file is {size} kB").format(size=len(data) // 1024),
            _("choose a PNG or JPEG under {limit} kB").format(limit=MAX_LOGO_BYTES // 1024),
        )
    kind = logo_kind(data)
    if not kind:
        raise ValidationError(
            field, _("the file is not a PNG or JPEG image"), _("save the logo as PNG or JPEG")
        )
    from PIL import Image  # reportlab's own image reader; imported only when a logo is checked

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            image.load()
    except Exception:
        raise ValidationError(
            field,
            _("the {kind} file is damaged or cut short").format(kind=kind),
            _("save the logo again as PNG or JPEG"),
        ) from None
    if width > MAX_LOGO_SIDE or height > MAX_LOGO_SIDE or not width or not height:
        raise ValidationError(
            field,
            _("the image is {width} x {height} pixels").format(width=width, height=height),
            _("use one no larger than {side} pixels a side").format(side=MAX_LOGO_SIDE),
        )


class School(SchoolDetails, table=True):
    """One row: the school whose records these are (a store belongs to one school)."""

    id: int | None = Field(default=None, primary_key=True)


class ClosureKind(Labelled):
    HOLIDAY = "holiday", "School holiday"
    INSET = "inset", "INSET day"
    BANK_HOLIDAY = "bank_holiday", "Bank holiday"
    CLOSURE = "closure", "Planned closure"
    UNEXPECTED = "unexpected", "Unexpected closure"


class Closure(SQLModel, table=True):
    """Days the school is shut (holidays, INSET, closures): not school days."""

    id: int | None = Field(default=None, primary_key=True)
    start_date: date
    end_date: date
    kind: str = ClosureKind.HOLIDAY.value
    name: str = ""
    reason: str = ""  # why an unexpected closure happened (snow, no heating, a burst pipe)


class Term(SQLModel, table=True):
    """A term (or half term) the school is open: with terms set for a school year, the days of
    that year outside every term are holidays."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = ""
    start_date: date = Field(index=True)
    end_date: date


class Setting(SQLModel, table=True):
    """Store-wide settings that travel with the data (LA endpoint, registers cut-off...)."""

    key: str = Field(primary_key=True)
    value: str = ""
