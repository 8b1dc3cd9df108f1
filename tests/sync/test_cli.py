"""The commands a person or a script uses, and a pack checked with standard tools."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import jsonschema
import pytest
from pypdf import PdfReader
from tests.helpers.sync_data import TOKEN, URN
from tests.helpers.sync_harness import ADMIN_TOKEN, Cli, Inbox

SCHEMA = Path(__file__).parents[2] / "resources" / "schemas" / "notification-v1.schema.json"


def _openssl_has_rawin() -> bool:
    if shutil.which("openssl") is None:
        return False
    help_text = subprocess.run(["openssl", "pkeyutl", "-help"], capture_output=True, text=True)
    return "-rawin" in help_text.stdout + help_text.stderr


@pytest.mark.skipif(not _openssl_has_rawin(), reason="this openssl has no pkeyutl -rawin")
def test_a_built_pack_checks_with_openssl_sha256sum_and_the_schema(
    cli: Cli, placement_id: int, tmp_path: Path
) -> None:
    out = tmp_path / "start.appack"
    code, printed = cli(
        "pack",
        "build",
        "--placement",
        str(placement_id),
        "--kind",
        "placement-start",
        "--out",
        str(out),
    )
    assert code == 0 and "Saved to" in printed
    folder = tmp_path / "unpacked"
    with zipfile.ZipFile(out) as archive:
        archive.extractall(folder)
    verified = subprocess.run(
        [
            "openssl",
            "pkeyutl",
            "-verify",
            "-pubin",
            "-inkey",
            "signer.pem",
            "-rawin",
            "-in",
            "manifest.json",
            "-sigfile",
            "manifest.sig",
        ],
        cwd=folder,
        capture_output=True,
        text=True,
    )
    assert verified.returncode == 0 and "Signature Verified Successfully" in verified.stdout
    manifest = json.loads((folder / "manifest.json").read_text())
    names = [m["name"] for m in manifest["members"]]
    summed = subprocess.run(["sha256sum", *names], cwd=folder, capture_output=True, text=True)
    sums = {
        name: digest
        for digest, name in (line.split("  ", 1) for line in summed.stdout.splitlines())
    }
    for member in manifest["members"]:
        data = (folder / member["name"]).read_bytes()
        assert sums[member["name"]] == member["sha256"] == hashlib.sha256(data).hexdigest()
        assert len(data) == member["size"]
    notification = json.loads((folder / "notification.json").read_text())
    jsonschema.validate(
        notification, json.loads(SCHEMA.read_text()), cls=jsonschema.Draft202012Validator
    )
    assert notification["pack_id"] == manifest["pack_id"]
    assert "referral.pdf" in names  # the placement sheet from the documents layer
    assert PdfReader(folder / "referral.pdf").pages


def test_config_pack_sync_outbox_and_inbox_commands(
    cli: Cli, inbox: Inbox, inbox_db: str, placement_id: int, tmp_path: Path
) -> None:
    keys_pem = tmp_path / "la.pem"
    keys_pem.write_bytes(inbox.keys.pem_bundle())
    db = inbox_db
    token_file = tmp_path / "school.token"
    token_file.write_text(TOKEN + "\n")
    assert cli("config", "set", "la-endpoint", inbox.url + "/")[0] == 0
    assert cli("config", "set", "la-token", TOKEN)[0] == 0
    code, printed = cli("config", "set", "la-public-key", str(keys_pem))
    assert code == 0 and "encryption" in printed
    code, shown = cli("config", "show")
    assert code == 0 and TOKEN not in shown and "set (in keyring)" in shown
    assert inbox.url in shown

    school_pem = tmp_path / "school.pem"
    assert cli("pack", "public-key", "--out", str(school_pem))[0] == 0
    code, printed = cli(
        "inbox",
        "register-school",
        "--db",
        db,
        "--urn",
        URN,
        "--pem",
        str(school_pem),
        "--token-file",
        str(token_file),
    )
    assert code == 0 and "Registered school" in printed

    code, printed = cli(
        "pack", "build", "--placement", str(placement_id), "--kind", "placement-start", "--queue"
    )
    assert code == 0 and "Queued" in printed
    assert (
        f"Built Placement start pack {json.loads(cli('outbox', '--json')[1])[0]['pack_id']}"
        in printed
    )
    code, listed = cli("outbox", "--json")
    [row] = json.loads(listed)
    assert row["status"] == "queued"

    code, printed = cli("sync", "--once")
    assert code == 0 and f"Sent {row['pack_id']}" in printed
    assert re.search(
        r": receipt \d{1,2} [A-Z][a-z]+ \d{4} \d{2}:\d{2}:\d{2} after 1 attempt", printed
    )
    code, printed = cli("outbox")
    assert code == 0 and re.search(
        r"^\d{1,2} [A-Z][a-z]+ \d{4} \d{2}:\d{2}  Delivered +Placement start", printed, re.M
    ), printed
    code, printed = cli("inbox", "list", "--db", db, "--json")
    by_kind = {r["kind"]: r for r in json.loads(printed)}
    assert set(by_kind) == {"placement-start", "audit-checkpoint"}  # and the day's checkpoint
    received = by_kind["placement-start"]
    assert received["pack_id"] == row["pack_id"] and received["encrypted"] is True
    assert received["audit_count"] > 0 and received["audit_finding"] is None
    statuses = {r["kind"]: r["status"] for r in json.loads(cli("outbox", "--json")[1])}
    assert statuses == {"placement-start": "delivered", "audit-checkpoint": "delivered"}

    assert cli("config", "set", "la-endpoint", "http://127.0.0.1:9")[0] == 0  # loopback
    cli("pack", "build", "--placement", str(placement_id), "--kind", "placement-end", "--queue")
    code, printed = cli("sync", "--once")
    assert code == 3 and re.search(r"Waiting: 1 pack", printed)
    assert cli("pack", "build", "--placement", "999", "--kind", "placement-end")[0] == 2


def test_the_inbox_lists_packs_per_school_and_publishes_its_keys(
    cli: Cli, inbox: Inbox, placement_id: int
) -> None:
    import httpx

    cli("config", "set", "la-endpoint", inbox.url)
    cli("config", "set", "la-token", TOKEN)
    cli("pack", "build", "--placement", str(placement_id), "--kind", "placement-start", "--queue")
    assert cli("sync")[0] == 0
    assert httpx.get(inbox.url + "/").status_code == 401  # the list is the LA's alone
    page = httpx.get(inbox.url + "/", auth=("la", ADMIN_TOKEN))
    assert page.status_code == 200 and "URN 123456): 2 packs" in page.text  # and a checkpoint
    assert "placement-start" in page.text
    published = httpx.get(inbox.url + "/v1/keys").json()
    assert set(published) == {"ed25519", "x25519"}
    assert httpx.get(inbox.url + "/v1/keys.pem").content == inbox.keys.pem_bundle()
