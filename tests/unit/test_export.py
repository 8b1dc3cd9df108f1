"""Exports: stable JSON field names, ISO dates, enum values, and CSV that cannot run formulas."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

from tests.helpers.pupil_imports import import_pupils

from apdesk.files import write_atomic
from apdesk.models import Placement, Provider
from apdesk.models.enums import PlacementStatus, RegistrationCode, SenStatus
from apdesk.models.upn import make_upn
from apdesk.services import export
from apdesk.services.pupils import PupilInput, create_pupil
from apdesk.store import Store

TODAY = date(2025, 3, 3)
UPN = make_upn(855, 4001, 22, 1)


def fill(store: Store) -> None:
    with store.session() as s:
        pupil = create_pupil(
            s,
            PupilInput(
                upn=UPN,
                forename="=cmd|' /C calc'!A0",
                surname="@Testwood",
                dob=date(2011, 3, 2),
                nc_year=9,
                sen_status=SenStatus.SEN_SUPPORT,
                needs=["semh", "ebsa"],
                health_needs="-asthma",
            ),
            TODAY,
        )
        provider = Provider(name="+Meadow Farm", categories=["vocational"])
        s.add(provider)
        s.flush()
        s.add(
            Placement(
                pupil_id=pupil.id or 0,
                provider_id=provider.id or 0,
                status=PlacementStatus.ACTIVE,
                start_date=date(2025, 1, 6),
                end_date=date(2025, 7, 18),
                hours_per_week=12.5,
                registration_code=RegistrationCode.B,
                learning_outcomes="\tTab first",
            )
        )


def test_placements_json_has_the_stable_fields_first(store: Store) -> None:
    fill(store)
    with store.session() as s:
        rows = json.loads(export.render(s, "placements", "json"))
    assert len(rows) == 1
    row = rows[0]
    assert list(row)[:7] == [
        "id",
        "upn",
        "provider",
        "status",
        "start_date",
        "end_date",
        "hours_per_week",
    ]
    assert (row["upn"], row["provider"], row["status"]) == (UPN, "+Meadow Farm", "active")
    assert (row["start_date"], row["end_date"], row["hours_per_week"]) == (
        "2025-01-06",
        "2025-07-18",
        12.5,
    )
    assert row["registration_code"] == "B" and "learning_outcomes" in row
    assert set(row) == set(export.header("placements"))


def test_pupils_and_providers_json_use_model_names_and_values(store: Store) -> None:
    fill(store)
    with store.session() as s:
        pupils = json.loads(export.render(s, "pupils", "json"))
        providers = json.loads(export.render(s, "providers", "json"))
    assert pupils[0]["dob"] == "2011-03-02" and pupils[0]["sen_status"] == "K"
    assert pupils[0]["needs"] == ["semh", "ebsa"]
    assert providers[0]["name"] == "+Meadow Farm" and providers[0]["categories"] == ["vocational"]


def test_csv_neutralises_formula_cells(store: Store) -> None:
    fill(store)
    with store.session() as s:
        pupils = list(csv.DictReader(io.StringIO(export.render(s, "pupils", "csv"))))
        placements = list(csv.DictReader(io.StringIO(export.render(s, "placements", "csv"))))
    assert pupils[0]["forename"] == "'=cmd|' /C calc'!A0"
    assert pupils[0]["surname"] == "'@Testwood"
    assert pupils[0]["health_needs"] == "'-asthma"
    assert pupils[0]["needs"] == "semh; ebsa"
    assert placements[0]["provider"] == "'+Meadow Farm"
    assert placements[0]["learning_outcomes"] == "'\tTab first"
    assert export.neutralise("\rx") == "'\rx" and export.neutralise("plain") == "plain"


def test_empty_csv_still_has_its_header(store: Store) -> None:
    with store.session() as s:
        text = export.render(s, "placements", "csv")
    assert text.splitlines() == [",".join(export.header("placements"))]


def test_exported_pupils_csv_imports_back_as_updates(store: Store, tmp_path: Path) -> None:
    with store.session() as s:
        create_pupil(
            s,
            PupilInput(
                upn=UPN,
                forename="Ava",
                surname="Testwood",
                dob=date(2011, 3, 2),
                nc_year=9,
                looked_after=True,
            ),
            TODAY,
        )
        text = export.render(s, "pupils", "csv")
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "pupils.csv"
    write_atomic(out, text, encoding="utf-8-sig")
    assert out.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in folder.iterdir()] == ["pupils.csv"]
    result = import_pupils(store, out.read_bytes(), filename="pupils.csv", today=TODAY)
    assert result.ok, result.errors
    assert (result.imported, result.updated) == (0, 1)
    assert "id" in result.unknown_columns and "upn" not in result.unknown_columns
