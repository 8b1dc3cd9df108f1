"""A provider's quality assurance: audits, their state on a given day, and the concerns log.

Schools must check a provider is safe and good before placing a child there (DfE guidance;
the county's DPS moderation). The state is worked out from the latest audit of each kind so
the directory, the provider search and the placement editor all say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from sqlmodel import Session, col, select

from apdesk.i18n import _, format_date
from apdesk.models import Provider, ProviderAudit, QualityConcern
from apdesk.models.enums import AuditKind, AuditOutcome
from apdesk.models.errors import ValidationError


class AssessedProvider(Protocol):
    """What a provider's QA reads of it besides its audits (a `Provider`, or a light row)."""

    @property
    def id(self) -> int | None: ...

    @property
    def staff_checks_confirmed(self) -> bool: ...

    @property
    def insurance_expiry(self) -> date | None: ...


DUE_SOON_DAYS = 30
DEFAULT_AUDIT_INTERVAL = timedelta(days=365)

CURRENT, DUE_SOON, OVERDUE, MISSING, FAILED = "current", "due soon", "overdue", "missing", "failed"
# Audits in date, but something else is wrong (insurance lapsed, staff checks unconfirmed): a
# provider in this state must never read as "current" with a green tick.
CHECKS_NEEDED = "checks needed"
# Worst first: the provider's state is the worst state of any of its audits.
SEVERITY = (FAILED, MISSING, OVERDUE, CHECKS_NEEDED, DUE_SOON, CURRENT)
NEEDS_REASON = frozenset({FAILED, MISSING, OVERDUE, CHECKS_NEEDED})


@dataclass(frozen=True)
class AuditState:
    kind: AuditKind
    state: str
    reason: str
    latest: ProviderAudit | None = None


@dataclass(frozen=True)
class QaStatus:
    """The provider's QA on one day: overall state, one reason per audit kind, other flags."""

    state: str
    audits: tuple[AuditState, ...]
    flags: tuple[str, ...] = ()

    @property
    def reasons(self) -> list[str]:
        """What is wrong, in words (empty when every audit is current and no flag is raised)."""
        return [a.reason for a in self.audits if a.state != CURRENT] + list(self.flags)

    @property
    def summary(self) -> str:
        return "; ".join(self.reasons) or _("All audits current")

    @property
    def needs_reason(self) -> bool:
        """Placing a child here needs a recorded reason (QA overdue, missing, failed, or flags)."""
        return self.state in NEEDS_REASON or bool(self.flags)


@dataclass
class AuditInput:
    kind: AuditKind = AuditKind.SAFEGUARDING
    audit_date: date | None = None
    outcome: AuditOutcome = AuditOutcome.PASSED
    next_due: date | None = None
    notes: str = ""

    def validate(self, today: date) -> None:
        if self.audit_date is None:
            raise ValidationError(_("Audit date"), _("is missing"), _("enter the day of the audit"))
        if self.audit_date > today:
            raise ValidationError(
                _("Audit date"), _("is in the future"), _("record an audit once it has happened")
            )
        if self.next_due is not None and self.next_due <= self.audit_date:
            raise ValidationError(
                _("Next due"),
                _("is not after the audit date"),
                _("choose a date after the audit, usually a year later"),
            )


@dataclass
class ConcernInput:
    raised_on: date | None = None
    concern: str = ""
    told: str = ""
    outcome: str = ""

    def validate(self, today: date) -> None:
        if self.raised_on is None:
            raise ValidationError(_("Date"), _("is missing"), _("enter the day it was raised"))
        if self.raised_on > today:
            raise ValidationError(
                _("Date"), _("is in the future"), _("use today or an earlier day")
            )
        if not self.concern.strip():
            raise ValidationError(_("Concern"), _("is empty"), _("say what happened"))


@dataclass(frozen=True)
class ConcernRow:
    id: int
    raised_on: date
    concern: str
    told: str
    outcome: str
    open: bool


def _audit_state(kind: AuditKind, latest: ProviderAudit | None, today: date) -> AuditState:
    label = _(kind.label)  # the audit's name in the reader's language, as the words around it
    if latest is None:
        return AuditState(kind, MISSING, _("{audit} missing: none recorded").format(audit=label))
    due = latest.next_due or latest.audit_date + DEFAULT_AUDIT_INTERVAL
    if latest.outcome is AuditOutcome.FAILED:
        text = _("{audit} failed on {day}").format(audit=label, day=format_date(latest.audit_date))
        return AuditState(kind, FAILED, text, latest)
    if due < today:
        mid_sentence = label[:1].lower() + label[1:]  # "audyt BHP", not "audyt bhp"
        text = _("QA overdue: {audit} due {day}").format(audit=mid_sentence, day=format_date(due))
        return AuditState(kind, OVERDUE, text, latest)
    if due <= today + timedelta(days=DUE_SOON_DAYS):
        text = _("{audit} due soon: {day}").format(audit=label, day=format_date(due))
        return AuditState(kind, DUE_SOON, text, latest)
    text = _("{audit} current until {day}").format(audit=label, day=format_date(due))
    return AuditState(kind, CURRENT, text, latest)


def assess_qa(provider: AssessedProvider, audits: Iterable[ProviderAudit], today: date) -> QaStatus:
    """The QA state from audits already loaded (lists call this to avoid one query per row)."""
    latest: dict[AuditKind, ProviderAudit] = {}
    for audit in audits:
        known = latest.get(audit.kind)
        if known is None or (audit.audit_date, audit.id or 0) > (known.audit_date, known.id or 0):
            latest[audit.kind] = audit
    states = tuple(_audit_state(kind, latest.get(kind), today) for kind in AuditKind)
    overall = min((s.state for s in states), key=SEVERITY.index)
    flags = []
    if not provider.staff_checks_confirmed:
        flags.append(_("Staff safeguarding checks not confirmed in writing"))
    if provider.insurance_expiry is not None and provider.insurance_expiry < today:
        flags.append(
            _("Insurance expired on {day}").format(day=format_date(provider.insurance_expiry))
        )
    if flags and SEVERITY.index(overall) > SEVERITY.index(CHECKS_NEEDED):
        overall = CHECKS_NEEDED
    return QaStatus(overall, states, tuple(flags))


def qa_status(session: Session, provider: Provider, today: date) -> QaStatus:
    audits = session.exec(select(ProviderAudit).where(ProviderAudit.provider_id == provider.id))
    return assess_qa(provider, audits.all(), today)


def provider_qa(session: Session, provider_id: int, today: date) -> QaStatus:
    """The QA of one provider by id (for the provider page and the placement editor)."""
    return qa_status(session, _provider(session, provider_id), today)


def qa_statuses(
    session: Session, providers: Iterable[AssessedProvider], today: date
) -> dict[int, QaStatus]:
    """Every provider's QA in two queries, keyed by provider id."""
    by_provider: dict[int, list[ProviderAudit]] = {}
    for audit in session.exec(select(ProviderAudit)).all():
        by_provider.setdefault(audit.provider_id, []).append(audit)
    return {p.id or 0: assess_qa(p, by_provider.get(p.id or 0, []), today) for p in providers}


def _provider(session: Session, provider_id: int) -> Provider:
    provider = session.get(Provider, provider_id)
    if provider is None:
        raise ValidationError(_("Provider"), _("not found"), _("choose a provider from the list"))
    return provider


def add_audit(session: Session, provider_id: int, data: AuditInput, today: date) -> ProviderAudit:
    """Record an audit; with no next-due date it is due again a year later."""
    _provider(session, provider_id)
    data.validate(today)
    assert data.audit_date is not None
    audit = ProviderAudit(
        provider_id=provider_id,
        kind=AuditKind(data.kind),
        audit_date=data.audit_date,
        outcome=AuditOutcome(data.outcome),
        next_due=data.next_due or data.audit_date + DEFAULT_AUDIT_INTERVAL,
        notes=data.notes.strip(),
    )
    session.add(audit)
    session.flush()
    return audit


def list_audits(session: Session, provider_id: int) -> list[ProviderAudit]:
    """Newest first."""
    query = (
        select(ProviderAudit)
        .where(ProviderAudit.provider_id == provider_id)
        .order_by(col(ProviderAudit.audit_date).desc(), col(ProviderAudit.id).desc())
    )
    return list(session.exec(query).all())


def add_concern(
    session: Session, provider_id: int, data: ConcernInput, today: date
) -> QualityConcern:
    _provider(session, provider_id)
    data.validate(today)
    assert data.raised_on is not None
    concern = QualityConcern(
        provider_id=provider_id,
        raised_on=data.raised_on,
        concern=data.concern.strip(),
        told=data.told.strip(),
        outcome=data.outcome.strip(),
    )
    session.add(concern)
    session.flush()
    return concern


def update_concern_outcome(session: Session, concern_id: int, outcome: str) -> QualityConcern:
    concern = session.get(QualityConcern, concern_id)
    if concern is None:
        raise ValidationError(_("Concern"), _("not found"), _("choose a concern from the log"))
    concern.outcome = outcome.strip()
    session.add(concern)
    return concern


def list_concerns(session: Session, provider_id: int) -> list[ConcernRow]:
    """Newest first; a concern with no outcome yet is open."""
    query = (
        select(QualityConcern)
        .where(QualityConcern.provider_id == provider_id)
        .order_by(col(QualityConcern.raised_on).desc(), col(QualityConcern.id).desc())
    )
    return [
        ConcernRow(c.id or 0, c.raised_on, c.concern, c.told, c.outcome, not c.outcome.strip())
        for c in session.exec(query).all()
    ]
