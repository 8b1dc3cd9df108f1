"""The Linux one-folder bundle: built by PyInstaller, started offscreen on a demo store.

Building takes a minute or two and ~300 MB, so the bundle tests run only when
APDESK_BUILD_BUNDLE=1 (as CI does, through `make bundle-smoke`). APDESK_BUNDLE_DIR names an
already built bundle to check instead of building one. The smoke start itself is also checked
from the source tree on every run, so a broken smoke path is caught before anyone builds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from apdesk.services.demo import DEMO_PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ROOT / "packaging" / "entry.py"
BUILD_WANTED = os.environ.get("APDESK_BUILD_BUNDLE") == "1"


def run(command: list[str], home: Path, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen", APDESK_HOME=str(home), APDESK_PASSPHRASE=DEMO_PASSPHRASE
    )
    return subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, env=env, check=False
    )


def test_the_smoke_start_passes_from_the_source_tree(tmp_path: Path) -> None:
    result = run([sys.executable, str(ENTRY), "--smoke"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("smoke ok")
    assert "sqlcipher" in result.stdout
    assert pinned_binding() in result.stdout


def pinned_binding() -> str:
    """The PySide6 and shiboken6 versions installed from pyproject's pins."""
    return f"pyside6 {version('pyside6-essentials')} shiboken6 {version('shiboken6')}"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("APDESK_BUNDLE_DIR")
    if given:
        return Path(given).resolve()
    scratch = tmp_path_factory.mktemp("bundle")
    env = dict(os.environ, DIST=str(scratch / "dist"), WORK=str(scratch / "work"))
    build = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build_linux.sh"), sys.executable],
        capture_output=True, text=True, timeout=1200, env=env, check=False,
    )  # fmt: skip
    assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-4000:]
    print(build.stdout.strip().splitlines()[-1])
    return scratch / "dist" / "apdesk"


needs_bundle = pytest.mark.skipif(
    not BUILD_WANTED, reason="set APDESK_BUILD_BUNDLE=1 to build the bundle"
)


@pytest.mark.slow
@needs_bundle
def test_the_bundle_holds_what_the_app_reads_from_disk(bundle: Path) -> None:
    inside = bundle / "_internal" / "apdesk"
    assert (inside / "store" / "migrations" / "env.py").is_file()
    versions = ROOT / "src" / "apdesk" / "store" / "migrations" / "versions"
    for migration in versions.glob("[0-9]*.py"):
        assert (inside / "store" / "migrations" / "versions" / migration.name).is_file()
    for catalog in (ROOT / "resources" / "locale").glob("*/LC_MESSAGES/*.mo"):
        relative = catalog.relative_to(ROOT / "resources")
        assert (inside / "resources" / relative).is_file(), relative
    assert (inside / "resources" / "icons" / "apdesk-256.png").is_file()
    assert (inside / "guide" / "README.md").is_file()  # Help > User guide, offline
    assert (inside / "guide" / "images" / "home.png").is_file()
    assert list((bundle / "_internal" / "sqlcipher3").glob("_sqlite3*.so"))
    platforms = bundle / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms"
    assert {"libqoffscreen.so", "libqxcb.so"} <= {p.name for p in platforms.iterdir()}


@pytest.mark.slow
@needs_bundle
def test_the_bundle_starts_offscreen_on_a_demo_store(bundle: Path, tmp_path: Path) -> None:
    result = run([str(bundle / "apdesk"), "--smoke"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("smoke ok")
    assert pinned_binding() in result.stdout  # the bundle ships the pinned, fixed binding
    print(result.stdout.strip().splitlines()[0])


@pytest.mark.slow
@needs_bundle
def test_the_bundle_runs_headless_commands_on_a_store(bundle: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    made = run(
        [str(bundle / "apdesk"), "demo-data", "--store", str(store), "--pupils", "8"], tmp_path
    )
    assert made.returncode == 0, made.stdout + made.stderr
    info = run([str(bundle / "apdesk"), "info", "--json", "--store", str(store)], tmp_path)
    assert info.returncode == 0, info.stdout + info.stderr
    facts = json.loads(info.stdout)
    assert facts["counts"]["pupils"] == 8
    assert facts["cipher_version"]  # SQLCipher itself answered, not plain SQLite
