"""The provider directory: input rules, create/update/list, QA state and the concerns log."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from tests.helpers.placements import MONDAY, add_provider, add_pupil, audit_all, provider_input

from apdesk.models import Placement
from apdesk.models.enums import (
    AuditKind,
    AuditOutcome,
    Delivery,
    PlacementStatus,
    RegistrationStatus,
    SettingType,
)
from apdesk.models.errors import ValidationError
from apdesk.services.providers import create_provider, get_provider, list_providers, update_provider
from apdesk.services.qa import (
    AuditInput,
    ConcernInput,
    add_audit,
    add_concern,
    list_audits,
    list_concerns,
    provider_qa,
    qa_status,
    update_concern_outcome,
)
from apdesk.store import Store

TODAY = MONDAY


@pytest.mark.parametrize(
    ("changes", "field", "fix_words"),
    [
        ({"name": "  "}, "Name", "name"),
        ({"ofsted_urn": "12345"}, "Ofsted URN", "6 or 7 digits"),
        ({"ofsted_urn": "12345678"}, "Ofsted URN", "6 or 7 digits"),
        ({"ukprn": "20001234"}, "UKPRN", "starts with 1"),
        ({"ukprn": "1000123"}, "UKPRN", "8 digits"),
        ({"registration": RegistrationStatus.REGISTERED}, "Ofsted URN", "unregistered"),
        ({"age_min": 16, "age_max": 11}, "Age range", "youngest first"),
        ({"age_min": 1}, "Age range", "2 to 25"),
        ({"capacity": -1}, "Capacity", "places"),
        ({"rate_pence": -5}, "Rate", "price"),
        ({"dps_lots": ["9"]}, "DPS lots", "1, 2, 3, 4, 5"),
        ({"categories": ["sport"]}, "Categories", "vocational"),
        ({"courses": ["latin"]}, "Courses", "gcse"),
        ({"setting_type": "castle"}, "Setting type", "list"),
        ({"postcode": "not a postcode"}, "Postcode", "NB1 2AP"),
        ({"email": "office.example"}, "Email", "@"),
        ({"staff_checks_date": None}, "Staff checks date", "written confirmation"),
    ],
)
def test_bad_provider_input_names_the_field_and_the_fix(
    store: Store, changes: dict[str, object], field: str, fix_words: str
) -> None:
    with pytest.raises(ValidationError) as caught, store.session() as session:
        create_provider(session, provider_input(**changes))  # type: ignore[arg-type]
    assert caught.value.field == field
    assert fix_words in caught.value.fix
    with store.session() as session:
        assert list_providers(session, TODAY) == []


def test_valid_identifiers_are_accepted(store: Store) -> None:
    data = provider_input(
        registration=RegistrationStatus.REGISTERED,
        setting_type=SettingType.FE_COLLEGE,
        ofsted_urn="1234567",
        ukprn="10001234",
    )
    with store.session() as session:
        changed = create_provider(session, data)
        assert changed.created and changed.entity == "provider"
        back = get_provider(session, changed.id)
    assert back.ukprn == "10001234" and back.postcode == "NB3 4AF"
    assert back.setting_type == SettingType.FE_COLLEGE


def test_update_reports_what_changed_and_duplicates_are_refused(store: Store) -> None:
    with store.session() as session:
        first = create_provider(session, provider_input("Brightpath Tutoring"))
        create_provider(session, provider_input("Calm Minds"))
        data = get_provider(session, first.id)
        changed = update_provider(
            session, first.id, data.model_copy(update={"capacity": 12, "delivery": Delivery.ONLINE})
        )
        assert set(changed.fields) == {"capacity", "delivery"}
        assert (
            update_provider(
                session,
                first.id,
                data.model_copy(update={"capacity": 12, "delivery": Delivery.ONLINE}),
            ).fields
            == ()
        )
        with pytest.raises(ValidationError) as caught:
            update_provider(session, first.id, data.model_copy(update={"name": "calm minds"}))
    assert caught.value.field == "Name"
    with pytest.raises(ValidationError), store.session() as session:
        create_provider(session, provider_input("BRIGHTPATH TUTORING"))


def test_list_rows_show_places_and_qa(store: Store) -> None:
    with store.session() as session:
        farm = add_provider(session, "Green Shoots Farm", capacity=3)
        add_provider(session, "Anvil Workshop", qa=False)
        for serial, status in enumerate(
            [
                PlacementStatus.ACTIVE,
                PlacementStatus.REFERRED,
                PlacementStatus.DRAFT,
                PlacementStatus.ENDED,
            ],
            start=1,
        ):
            pupil = add_pupil(session, serial)
            session.add(Placement(pupil_id=pupil.id or 0, provider_id=farm.id or 0, status=status))
        rows = list_providers(session, TODAY)
        found = list_providers(session, TODAY, search="farm")
    assert [r.name for r in rows] == ["Anvil Workshop", "Green Shoots Farm"]
    anvil, farm_row = rows
    assert farm_row.places == "2 / 3" and farm_row.places_free == 1
    assert farm_row.qa_state == "current" and farm_row.setting_type == "Unregistered provider"
    assert anvil.qa_state == "missing"
    assert "Safeguarding audit missing" in anvil.qa_reason
    assert [r.name for r in found] == ["Green Shoots Farm"]


def _state(store: Store, setup: object, **provider_changes: object) -> tuple[str, list[str], bool]:
    with store.session() as session:
        provider = add_provider(session, "Green Shoots Farm", False, **provider_changes)
        setup(session, provider.id)  # type: ignore[operator]
        status = qa_status(session, provider, TODAY)
    return status.state, status.reasons, status.needs_reason


def test_qa_current(store: Store) -> None:
    state, reasons, needs = _state(store, lambda s, pid: audit_all(s, pid, TODAY - timedelta(90)))
    assert (state, reasons, needs) == ("current", [], False)


def test_qa_due_soon(store: Store) -> None:
    state, reasons, needs = _state(store, lambda s, pid: audit_all(s, pid, TODAY - timedelta(350)))
    assert state == "due soon" and not needs
    assert "Safeguarding audit due soon: 18 March 2025" in reasons


def test_qa_overdue_names_the_audit_and_its_date(store: Store) -> None:
    def setup(session: object, pid: int) -> None:
        audit_all(session, pid, date(2024, 1, 10), next_due=date(2025, 2, 3))  # type: ignore[arg-type]

    state, reasons, needs = _state(store, setup)
    assert state == "overdue" and needs
    assert "QA overdue: safeguarding audit due 3 February 2025" in reasons


def test_qa_missing_when_one_kind_was_never_audited(store: Store) -> None:
    kinds = (AuditKind.SAFEGUARDING, AuditKind.HEALTH_SAFETY)
    state, reasons, needs = _state(
        store, lambda s, pid: audit_all(s, pid, TODAY - timedelta(10), kinds=kinds)
    )
    assert state == "missing" and needs
    assert reasons == ["Quality of education audit missing: none recorded"]


def test_qa_failed_beats_every_other_state_until_a_later_pass(store: Store) -> None:
    with store.session() as session:
        provider = add_provider(session, qa=False)
        pid = provider.id or 0
        audit_all(session, pid, TODAY - timedelta(40))
        failed = AuditInput(AuditKind.HEALTH_SAFETY, TODAY - timedelta(20), AuditOutcome.FAILED)
        add_audit(session, pid, failed, TODAY)
        status = qa_status(session, provider, TODAY)
        assert status.state == "failed"
        assert status.reasons == ["Health and safety audit failed on 11 February 2025"]
        add_audit(session, pid, AuditInput(AuditKind.HEALTH_SAFETY, TODAY), TODAY)
        assert list_audits(session, pid)[0].audit_date == TODAY
        assert qa_status(session, provider, TODAY).state == "current"
        assert provider_qa(session, pid, TODAY).state == "current"
        with pytest.raises(ValidationError):
            provider_qa(session, 999, TODAY)


def test_staff_checks_and_insurance_make_current_audits_read_checks_needed(store: Store) -> None:
    """A provider whose insurance lapsed never reads "QA current" beside a green tick."""

    def setup(session: object, pid: int) -> None:
        audit_all(session, pid, TODAY - timedelta(30))  # type: ignore[arg-type]

    state, reasons, needs = _state(
        store,
        setup,
        staff_checks_confirmed=False,
        staff_checks_date=None,
        insurance_expiry=date(2025, 1, 31),
    )
    assert state == "checks needed" and needs
    assert reasons == [
        "Staff safeguarding checks not confirmed in writing",
        "Insurance expired on 31 January 2025",
    ]


def test_a_flag_never_hides_a_worse_audit_state(store: Store) -> None:
    def setup(session: object, pid: int) -> None:
        audit_all(session, pid, date(2024, 1, 10), next_due=date(2025, 2, 3))  # type: ignore[arg-type]

    state, _reasons, needs = _state(store, setup, insurance_expiry=date(2025, 1, 31))
    assert state == "overdue" and needs


def test_audit_input_rules(store: Store) -> None:
    with store.session() as session:
        provider = add_provider(session, qa=False)
        pid = provider.id or 0
        bad = [
            AuditInput(AuditKind.SAFEGUARDING, None),
            AuditInput(AuditKind.SAFEGUARDING, TODAY + timedelta(1)),
            AuditInput(AuditKind.SAFEGUARDING, TODAY, next_due=TODAY),
        ]
        for data in bad:
            with pytest.raises(ValidationError):
                add_audit(session, pid, data, TODAY)
        audit = add_audit(session, pid, AuditInput(AuditKind.SAFEGUARDING, TODAY), TODAY)
        assert audit.next_due == date(2026, 3, 3)
        assert list_audits(session, pid) == [audit]


def test_concerns_log(store: Store) -> None:
    with store.session() as session:
        pid = add_provider(session).id or 0
        with pytest.raises(ValidationError) as caught:
            add_concern(session, pid, ConcernInput(TODAY, "  "), TODAY)
        assert caught.value.field == "Concern"
        with pytest.raises(ValidationError):
            add_concern(session, pid, ConcernInput(None, "Late pick-up"), TODAY)
        old = add_concern(
            session,
            pid,
            ConcernInput(
                TODAY - timedelta(30), "No sign-in sheet", "LA AP officer", "Sheet now in use"
            ),
            TODAY,
        )
        new = add_concern(session, pid, ConcernInput(TODAY, "Pupil left site", "DSL"), TODAY)
        rows = list_concerns(session, pid)
        assert [r.id for r in rows] == [new.id, old.id]
        assert [r.open for r in rows] == [True, False]
        assert list_providers(session, TODAY)[0].open_concerns == 1
        update_concern_outcome(session, new.id or 0, "Supervision plan received")
        assert list_providers(session, TODAY)[0].open_concerns == 0
        assert rows[0].told == "DSL"
