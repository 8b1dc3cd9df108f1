"""What a person does to the provider directory: add and edit providers, record their QA audits,
log quality concerns and their outcomes."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from apdesk.services import providers, qa
from apdesk.services.providers import Changed, ProviderInput
from apdesk.services.qa import AuditInput, ConcernInput
from apdesk.store.operations import operation


@operation
def add_provider(session: Session, data: ProviderInput) -> Changed:
    """A new provider in the directory (refused if one of that name is there already)."""
    return providers.create_provider(session, data)


@operation
def edit_provider(session: Session, provider_id: int, data: ProviderInput) -> Changed:
    return providers.update_provider(session, provider_id, data)


@operation
def add_qa_audit(session: Session, provider_id: int, data: AuditInput, today: date) -> int:
    """Record a QA audit; with no next-due date it is due again a year later."""
    return qa.add_audit(session, provider_id, data, today).id or 0


@operation
def add_quality_concern(session: Session, provider_id: int, data: ConcernInput, today: date) -> int:
    return qa.add_concern(session, provider_id, data, today).id or 0


@operation
def record_concern_outcome(session: Session, concern_id: int, outcome: str) -> int:
    """What came of a concern; a concern with an outcome is no longer open."""
    return qa.update_concern_outcome(session, concern_id, outcome).id or 0
