"""`apdesk calendar` end to end on a term-dates file shaped like those LAs publish: import
(dry run first), show as JSON, add an INSET day, remove a closure, and bad files refused in one
line with nothing changed."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from sqlmodel import select
from tests.helpers.term_dates import term_dates_ics

from apdesk.models import Placement, Provider, Pupil, Review
from apdesk.models.enums import PlacementStatus, SettingType
from apdesk.models.upn import make_upn
from apdesk.store import KdfParams, Store

APDESK = str(Path(sys.executable).with_name("apdesk"))
PASSPHRASE = "tangerine lighthouse quarry"


def apdesk(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [APDESK, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def school(tmp_path: Path) -> Path:
    """A store with one pupil at a provider on Monday and Wednesday mornings, Monday
    afternoons, for the autumn term, and a review booked on the first day of half term."""
    folder = tmp_path / "store"
    store, _recovery = Store.create(folder, PASSPHRASE, use_keyring=False, kdf=KdfParams.fast())
    with store.session() as session:
        pupil = Pupil(upn=make_upn(855, 4001, 25, 1), forename="Maya", surname="Okafor",
                      dob=date(2012, 3, 4), nc_year=8)  # fmt: skip
        provider = Provider(name="Riverside Learning Centre", setting_type=SettingType.AP_ACADEMY)
        session.add(pupil)
        session.add(provider)
        session.flush()
        placement = Placement(
            pupil_id=pupil.id or 0,
            provider_id=provider.id or 0,
            # The autumn term of 2025 and no more: ended, as an active placement past its end
            # is still expected (and so would lose the spring and summer closures too).
            status=PlacementStatus.ENDED,
            sessions=["MON_AM", "MON_PM", "WED_AM"],
            start_date=date(2025, 9, 1),
            end_date=date(2025, 12, 19),
            ended_on=date(2025, 12, 19),
            hours_per_week=9,
        )
        session.add(placement)
        session.flush()
        session.add(Review(placement_id=placement.id or 0, scheduled_for=date(2025, 10, 27)))
    store.lock()
    return folder


def test_import_show_add_and_remove(tmp_path: Path, cli_env: dict[str, str]) -> None:
    env = {**cli_env, "APDESK_PASSPHRASE": PASSPHRASE}
    folder = school(tmp_path)
    ics = tmp_path / "term-dates-2025-26.ics"
    ics.write_text(term_dates_ics(2025), encoding="utf-8", newline="")
    where = ("--store", str(folder))

    dry = apdesk(env, "calendar", "import", str(ics), "--dry-run", "--json", *where)
    assert dry.returncode == 0, dry.stderr
    plan = json.loads(dry.stdout)
    assert len(plan["new"]) == 12 and plan["already_there"] == []
    assert {item["what"] for item in plan["left_out"]} == {
        "Parents' evening (Years 7-9)",
        "Sports day",
    }
    # The INSET day (2 sessions) and half term's Monday (2) and Wednesday (1) fall away.
    assert plan["effect"]["expected_sessions_lost"] == 5
    shown = apdesk(env, "calendar", "show", "--year", "2025", "--json", *where)
    assert json.loads(shown.stdout)["terms"] == []  # the dry run wrote nothing

    done = apdesk(env, "calendar", "import", str(ics), *where)
    assert done.returncode == 0, done.stderr
    assert "12 entries added" in done.stdout
    assert "1 review moves; 5 expected sessions no longer expected" in done.stdout
    assert "Review for Maya Okafor: 27 October 2025 → 3 November 2025" in done.stdout
    again = apdesk(env, "calendar", "import", str(ics), "--json", *where)
    assert json.loads(again.stdout)["unchanged"] == 12

    shown = apdesk(env, "calendar", "show", "--year", "2025", "--json", *where)
    assert shown.returncode == 0, shown.stderr
    year = json.loads(shown.stdout)
    terms = [(t["label"], t["first_day"], t["last_day"]) for t in year["terms"]]
    assert terms == [
        ("Autumn Term", "2025-09-01", "2025-12-19"),
        ("Spring Term", "2026-01-05", "2026-03-27"),
        # "Summer Term starts" at 23:00 UTC on Sunday 12 April: Monday in England.
        ("Summer Term", "2026-04-13", "2026-07-22"),
    ]
    closures = [(c["kind"], c["first_day"], c["last_day"], c["label"]) for c in year["closures"]]
    assert closures == [
        ("inset", "2025-09-01", "2025-09-01", "INSET day - school closed to pupils"),
        # DTEND is exclusive: the all-day event ending on Saturday 1 November ends on Friday.
        ("holiday", "2025-10-27", "2025-10-31", "Autumn half term"),
        ("holiday", "2025-12-22", "2026-01-02", "Christmas holidays"),
        ("inset", "2026-01-05", "2026-01-05", "INSET Day"),
        ("holiday", "2026-02-16", "2026-02-20", "February half term"),
        ("holiday", "2026-03-30", "2026-04-10", "Easter holidays"),
        ("bank_holiday", "2026-05-04", "2026-05-04", "Early May bank holiday"),
        ("holiday", "2026-05-25", "2026-05-29", "Whitsun half term"),
        ("closure", "2026-06-01", "2026-06-01", "Occasional day - school closed"),
    ]
    assert year["suggested_bank_holidays"] == []
    # Weekdays in the three terms, less 2 INSET days, 3 half terms and the two closures.
    assert [t["school_days"] for t in year["terms"]] == [74, 54, 66]
    assert year["school_days"] == 194

    added = apdesk(env, "calendar", "add", "inset", "2025-11-12", "--label", "Training day",
                   "--json", *where)  # fmt: skip
    assert added.returncode == 0, added.stderr
    effect = json.loads(added.stdout)["effect"]
    assert effect["expected_sessions_lost"] == 1  # Wednesday morning
    may_day = next(c["id"] for c in year["closures"] if c["kind"] == "bank_holiday")
    removed = apdesk(env, "calendar", "remove", may_day, *where)
    assert removed.returncode == 0, removed.stderr
    assert "1 entry removed" in removed.stdout
    shown = json.loads(apdesk(env, "calendar", "show", "--year", "2025", "--json", *where).stdout)
    assert shown["suggested_bank_holidays"] == [
        {"kind": "bank_holiday", "first_day": "2026-05-04", "last_day": "2026-05-04",
         "label": "May Day"}
    ]  # fmt: skip
    text = apdesk(env, "calendar", "show", "--year", "2025", *where).stdout
    assert "Bank holidays not yet in the calendar" in text and "May Day" in text

    store = Store.open(folder, passphrase=PASSPHRASE)
    with store.session() as session:
        review = session.exec(select(Review)).one()
    store.lock()
    assert review.scheduled_for == date(2025, 11, 3)


def test_bad_files_are_refused_in_one_line(tmp_path: Path, cli_env: dict[str, str]) -> None:
    env = {**cli_env, "APDESK_PASSPHRASE": PASSPHRASE}
    folder = school(tmp_path)
    where = ("--store", str(folder))
    bad = tmp_path / "dates.csv"
    bad.write_text("kind,first,last,label\nholiday,2025-10-27,2025-10-31,Half term\n"
                   "inset,31/02/2026,,INSET\n")  # fmt: skip
    refused = apdesk(env, "calendar", "import", str(bad), *where)
    assert refused.returncode == 2
    assert refused.stderr.strip() == (
        "apdesk: Row 3, first day: '31/02/2026' is not a date "
        "(write it as 2025-10-27 or 27/10/2025)"
    )
    overlap = tmp_path / "overlap.csv"
    overlap.write_text("term,2025-09-01,2025-12-19,Autumn\nterm,2025-12-01,2026-03-27,Spring\n")
    refused = apdesk(env, "calendar", "import", str(overlap), *where)
    assert refused.returncode == 2
    assert "overlaps Autumn" in refused.stderr and refused.stderr.count("\n") == 1
    unexplained = apdesk(env, "calendar", "add", "unexpected", "2025-11-20", *where)
    assert unexplained.returncode == 2
    assert "Reason: is needed for an unexpected closure" in unexplained.stderr
    junk = tmp_path / "junk.ics"
    junk.write_text("BEGIN:VCALENDAR\nthis is not a calendar\n")
    refused = apdesk(env, "calendar", "import", str(junk), *where)
    assert refused.returncode == 2 and refused.stderr.startswith("apdesk: File: ")
    shown = json.loads(apdesk(env, "calendar", "show", "--year", "2025", "--json", *where).stdout)
    assert shown["terms"] == [] and shown["closures"] == []
