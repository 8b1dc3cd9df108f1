"""Whatever bytes arrive, an import never crashes and never half-imports a file."""

from __future__ import annotations

import csv
import io
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import func, select
from tests.helpers.pupil_imports import import_pupils

from apdesk.models import Pupil
from apdesk.models.upn import make_upn
from apdesk.store import Store

TODAY = date(2025, 3, 3)
FUZZ = settings(
    max_examples=60,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

names = st.one_of(
    st.sampled_from(["Zoë", "O'Brien", "Smith, Jr", 'Say "hi"', "Two\nlines", "Łucja"]),
    st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCÉéöñß' -,\"\n;\t"), max_size=12),
)
upns = st.builds(
    make_upn,
    st.just(855),
    st.just(4001),
    st.integers(18, 24),
    st.integers(0, 40),
    st.booleans(),
)
dobs = st.dates(date(2007, 9, 1), date(2020, 8, 31))
date_texts = dobs.flatmap(
    lambda d: st.sampled_from(
        [d.isoformat(), d.strftime("%d/%m/%Y"), f"{d.day}/{d.month}/{d.year}"]
    )
)
good_rows = st.tuples(
    upns,
    names.filter(str.strip),
    names.filter(str.strip),
    date_texts,
    st.sampled_from(["M", "F", "X", "Male", "female", ""]),
    st.sampled_from(["R", "0", "7", "Year 9", "11", "14", ""]),
    st.sampled_from(["N", "K", "E", "SEN Support", "EHC Plan", "EHCP", "None", ""]),
)
any_rows = st.tuples(
    st.one_of(upns, st.text(max_size=14)),
    names,
    names,
    st.one_of(date_texts, st.text(max_size=10)),
    st.sampled_from(["M", "F", "X", "Male", "female", "", "?"]),
    st.sampled_from(["R", "0", "7", "Year 9", "11", "14", "15", ""]),
    st.sampled_from(["N", "K", "E", "SEN Support", "EHC Plan", "EHCP", "None", "", "Z"]),
)
rows = st.one_of(good_rows, good_rows, good_rows, any_rows)
HEADERS = ["UPN", "Surname", "Forename", "Date of Birth", "Sex", "NC Year", "SEN"]


@st.composite
def csv_files(draw: st.DrawFn) -> tuple[bytes, int | None]:
    """A CSV in a random dialect and encoding: its bytes, and its row count unless corrupted."""
    clean = draw(st.booleans())
    body = draw(st.lists(good_rows if clean else rows, min_size=0, max_size=6))
    out = io.StringIO()
    writer = csv.writer(
        out,
        delimiter=draw(st.sampled_from([",", ";", "\t"])),
        quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])),
        lineterminator=draw(st.sampled_from(["\r\n", "\n"])),
    )
    writer.writerow(HEADERS)
    for row in body:
        writer.writerow(row)
        if draw(st.booleans()):
            out.write("\r\n")  # a blank line
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le"]))
    data = out.getvalue().encode(encoding, errors="replace")
    if not clean and draw(st.integers(0, 3)) == 0:
        return data + draw(st.binary(max_size=20)), None
    return data, len(body)


def pupil_count(store: Store) -> int:
    with store.session() as s:
        return int(s.exec(select(func.count()).select_from(Pupil)).one())


@FUZZ
@given(generated=csv_files(), dry_run=st.booleans())
def test_generated_csvs_import_all_rows_or_none(
    store: Store, generated: tuple[bytes, int | None], dry_run: bool
) -> None:
    data, data_rows = generated
    before = pupil_count(store)
    result = import_pupils(store, data, filename="pupils.csv", dry_run=dry_run, today=TODAY)
    after = pupil_count(store)
    if not result.ok or dry_run:
        assert after == before
        assert all(e.row >= 0 and e.message for e in result.errors)
    else:
        assert after == before + result.imported
    if result.ok and data_rows is not None:
        assert result.imported + result.updated == data_rows


@FUZZ
@given(data=st.binary(max_size=300))
def test_random_bytes_never_raise(store: Store, data: bytes) -> None:
    before = pupil_count(store)
    for name in ("x.csv", "x.xml", "x"):
        result = import_pupils(store, data, filename=name, today=TODAY)
        assert result.ok or pupil_count(store) == before


PUPIL = (
    "<Pupil><UPN>{upn}</UPN><Surname>{surname}</Surname><Forename>{forename}</Forename>"
    "<DOB>{dob}</DOB><Gender>{gender}</Gender><BasicDetails><NCyearActual>{year}</NCyearActual>"
    "</BasicDetails><SENhistory><SEN><SENprovision>{sen}</SENprovision></SEN></SENhistory></Pupil>"
)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


@st.composite
def ctf_files(draw: st.DrawFn) -> bytes:
    pupils = []
    for upn, surname, forename, dob, gender, year, sen in draw(st.lists(rows, max_size=5)):
        pupils.append(
            PUPIL.format(
                upn=_escape(upn),
                surname=_escape(surname),
                forename=_escape(forename),
                dob=_escape(dob),
                gender=gender,
                year=year,
                sen=sen,
            )
        )
    text = f"<CTfile><Header/><CTFpupilData>{''.join(pupils)}</CTFpupilData></CTfile>"
    data = text.encode(draw(st.sampled_from(["utf-8", "utf-16"])))
    cut = draw(st.integers(0, len(data)))
    mode = draw(st.sampled_from(["whole", "whole", "truncate", "splice"]))
    if mode == "truncate":
        data = data[:cut]
    elif mode == "splice":
        data = data[:cut] + draw(st.binary(max_size=16)) + data[cut:]
    return data


@FUZZ
@given(data=ctf_files())
def test_fuzzed_ctf_never_raises_and_is_all_or_nothing(store: Store, data: bytes) -> None:
    before = pupil_count(store)
    result = import_pupils(store, data, filename="transfer.xml", today=TODAY)
    after = pupil_count(store)
    assert after == (before + result.imported if result.ok else before)
