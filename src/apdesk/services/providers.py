"""The provider directory: add and edit providers, and list them with places and QA state."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, func, select

from apdesk.i18n import _
from apdesk.models import Provider
from apdesk.models.enums import (
    CourseType,
    Delivery,
    DistanceBand,
    DpsLot,
    LaApproval,
    RateUnit,
    RegistrationStatus,
    SettingType,
    SheffieldCategory,
)
from apdesk.models.errors import ValidationError
from apdesk.models.provider import ProviderDetails
from apdesk.services.provider_search import open_concerns, places_used
from apdesk.services.qa import qa_statuses

POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Changed:
    """What a write did, so a view can refresh just that record."""

    entity: str
    id: int
    created: bool = False
    fields: tuple[str, ...] = ()


class ProviderInput(ProviderDetails):
    """Every editable field of a provider, as the editor holds it (unchecked until `cleaned`)."""

    name: str = ""

    def cleaned(self) -> dict[str, Any]:
        """Validated values ready for the model (raises ValidationError naming the field)."""
        self.check()
        values = {name: getattr(self, name) for name in type(self).model_fields}
        for key, value in values.items():
            if isinstance(value, str):
                values[key] = value.strip()
        values["postcode"] = _postcode(values["postcode"])
        for key, enum in ENUMS.items():
            values[key] = enum(values[key])
        for key in LISTS:
            values[key] = sorted(set(values[key]), key=LISTS[key].index)
        return values

    def check(self) -> None:
        """Raises ValidationError naming the first field that cannot be right (not `validate`:
        that name is pydantic's)."""
        if not self.name.strip():
            raise ValidationError(_("Name"), _("is empty"), _("enter the provider's name"))
        for key, enum in ENUMS.items():
            if getattr(self, key) not in {m.value for m in enum}:
                raise ValidationError(
                    _label(key),
                    _("'{v}' is not a choice").format(v=getattr(self, key)),
                    _("choose one from the list"),
                )
        for key, allowed in LISTS.items():
            unknown = [v for v in getattr(self, key) if v not in allowed]
            if unknown:
                raise ValidationError(
                    _label(key),
                    _("'{v}' is not one of the choices").format(v=unknown[0]),
                    _("choose from: {choices}").format(choices=", ".join(allowed)),
                )
        urn, ukprn = self.ofsted_urn.strip(), self.ukprn.strip()
        if urn and not (urn.isdigit() and len(urn) in (6, 7)):
            raise ValidationError(
                _("Ofsted URN"), _("'{v}' is not a URN").format(v=urn), _("a URN has 6 or 7 digits")
            )
        if ukprn and not (ukprn.isdigit() and len(ukprn) == 8 and ukprn[0] == "1"):
            raise ValidationError(
                _("UKPRN"),
                _("'{v}' is not a UKPRN").format(v=ukprn),
                _("a UKPRN has 8 digits and starts with 1, e.g. 10001234"),
            )
        if self.registration == RegistrationStatus.REGISTERED and not (urn or ukprn):
            raise ValidationError(
                _("Ofsted URN"),
                _("a registered setting needs its Ofsted URN or UKPRN"),
                _("enter one, or mark the provider unregistered"),
            )
        if not 2 <= self.age_min <= self.age_max <= 25:
            raise ValidationError(
                _("Age range"),
                _("{lo} to {hi} is not a sensible age range").format(
                    lo=self.age_min, hi=self.age_max
                ),
                _("use ages from 2 to 25, youngest first, e.g. 11 to 16"),
            )
        if not 0 <= self.capacity <= 10_000:
            raise ValidationError(
                _("Capacity"), _("must be 0 or more"), _("enter how many places it offers")
            )
        if self.rate_pence < 0:
            raise ValidationError(_("Rate"), _("is negative"), _("enter the price, or 0"))
        if self.postcode.strip() and not POSTCODE.match(_postcode(self.postcode)):
            raise ValidationError(
                _("Postcode"),
                _("'{v}' is not a UK postcode").format(v=self.postcode),
                _("e.g. NB1 2AP"),
            )
        if self.email.strip() and not EMAIL.match(self.email.strip()):
            raise ValidationError(
                _("Email"),
                _("'{v}' is not an email address").format(v=self.email),
                _("e.g. office@provider.org.uk"),
            )
        if self.staff_checks_confirmed and self.staff_checks_date is None:
            raise ValidationError(
                _("Staff checks date"),
                _("is missing"),
                _("enter the date of the provider's written confirmation of staff checks"),
            )


ENUMS: dict[str, Any] = {
    "setting_type": SettingType,
    "registration": RegistrationStatus,
    "la_approval": LaApproval,
    "delivery": Delivery,
    "rate_unit": RateUnit,
    "distance_band": DistanceBand,
}
LISTS: dict[str, list[str]] = {
    "dps_lots": [m.value for m in DpsLot],
    "categories": [m.value for m in SheffieldCategory],
    "courses": [m.value for m in CourseType],
}
LABELS = {"dps_lots": "DPS lots", "la_approval": "LA approval", "ukprn": "UKPRN"}


def _label(key: str) -> str:
    return _(LABELS.get(key, key.replace("_", " ").capitalize()))


def _postcode(text: str) -> str:
    raw = text.strip().upper().replace(" ", "")
    return f"{raw[:-3]} {raw[-3:]}" if len(raw) > 3 else raw


@dataclass(frozen=True)
class ProviderRow:
    """One line of the directory table."""

    id: int
    name: str
    setting_type: str
    approval: str
    delivery: str
    places_used: int
    capacity: int
    qa_state: str
    qa_reason: str
    open_concerns: int = 0

    @property
    def places(self) -> str:
        return f"{self.places_used} / {self.capacity}"

    @property
    def places_free(self) -> int:
        return max(self.capacity - self.places_used, 0)


def _get(session: Session, provider_id: int) -> Provider:
    provider = session.get(Provider, provider_id)
    if provider is None:
        raise ValidationError(_("Provider"), _("not found"), _("choose a provider from the list"))
    return provider


def _duplicate(session: Session, name: str, own_id: int | None) -> None:
    query = select(Provider).where(func.lower(Provider.name) == name.lower())
    for other in session.exec(query).all():
        if other.id != own_id:
            raise ValidationError(
                _("Name"),
                _("a provider called '{name}' is already in the directory").format(name=name),
                _("edit that provider, or add the site or town to the name"),
            )


def create_provider(session: Session, data: ProviderInput) -> Changed:
    values = data.cleaned()
    _duplicate(session, values["name"], None)
    provider = Provider(**values)
    session.add(provider)
    session.flush()
    return Changed("provider", provider.id or 0, created=True, fields=tuple(values))


def update_provider(session: Session, provider_id: int, data: ProviderInput) -> Changed:
    provider = _get(session, provider_id)
    values = data.cleaned()
    _duplicate(session, values["name"], provider_id)
    changed = tuple(k for k, v in values.items() if getattr(provider, k) != v)
    for key in changed:
        setattr(provider, key, values[key])
    session.add(provider)
    return Changed("provider", provider_id, fields=changed)


def get_provider(session: Session, provider_id: int) -> ProviderInput:
    """The provider as the editor shows it."""
    provider = _get(session, provider_id)
    return ProviderInput(
        **{name: _copy(getattr(provider, name)) for name in ProviderInput.model_fields}
    )


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def list_providers(session: Session, today: date, search: str = "") -> list[ProviderRow]:
    """The directory, by name; `search` matches any part of the name."""
    query = select(Provider).order_by(func.lower(Provider.name))
    if search.strip():
        query = query.where(col(Provider.name).ilike(f"%{search.strip()}%"))
    providers = list(session.exec(query).all())
    qa = qa_statuses(session, providers, today)
    used, concerns = places_used(session), open_concerns(session)
    return [
        ProviderRow(
            id=p.id or 0,
            name=p.name,
            setting_type=p.setting_type.label,
            approval=p.la_approval.label,
            delivery=p.delivery.label,
            places_used=used.get(p.id or 0, 0),
            capacity=p.capacity,
            qa_state=qa[p.id or 0].state,
            qa_reason=qa[p.id or 0].summary,
            open_concerns=concerns.get(p.id or 0, 0),
        )
        for p in providers
    ]
