"""The desktop integration files: valid by the freedesktop tools, and icons at every size."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / "io.apdesk.apdesk.desktop"
METAINFO = LINUX / "io.apdesk.apdesk.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def run_validator(*command: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed (Debian: desktop-file-utils / appstream)")
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_the_desktop_file_passes_desktop_file_validate() -> None:
    result = run_validator("desktop-file-validate", str(DESKTOP))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


def test_the_metainfo_passes_appstreamcli_validate() -> None:
    result = run_validator("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_desktop_file_the_metainfo_and_the_icons_agree() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    component = ET.parse(METAINFO).getroot()
    app_id = component.findtext("id")
    assert app_id == DESKTOP.name.removesuffix(".desktop") == desktop["Icon"]
    assert component.findtext("launchable") == DESKTOP.name
    assert desktop["Exec"].split()[0] == component.findtext("provides/binary") == "apdesk"


@pytest.mark.parametrize("size", SIZES)
def test_the_icon_exists_at_every_size(size: int) -> None:
    assert png_size(ICONS / f"apdesk-{size}.png") == (size, size)


def test_the_windows_and_macos_icon_files_hold_the_sizes_they_need() -> None:
    ico = (ICONS / "apdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 6
    edges = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= edges
    icns = (ICONS / "apdesk.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert all(kind in icns for kind in (b"ic07", b"ic08", b"ic09"))


def test_the_svg_icon_is_well_formed() -> None:
    root = ET.parse(ICONS / "apdesk.svg").getroot()
    assert root.tag.endswith("svg") and root.get("viewBox") == "0 0 256 256"


def test_the_icon_script_draws_every_size(tmp_path: Path, qapp: object) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "tools" / "make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.make_icons(tmp_path)
    assert {p.name for p in written} == {p.name for p in ICONS.iterdir() if p.is_file()}
    for size in SIZES:
        assert png_size(tmp_path / f"apdesk-{size}.png") == (size, size)


def test_the_bundle_spec_ships_what_the_app_reads_from_disk() -> None:
    """The spec puts migrations and resources where the app looks for them when frozen."""
    spec = (ROOT / "packaging" / "apdesk.spec").read_text(encoding="utf-8")
    assert '"apdesk/store/migrations"' in spec  # beside store/migrate.py, which finds them
    assert '"apdesk/resources"' in spec  # the first place paths.resource_path looks
    assert '"apdesk/guide"' in spec  # the first place paths.guide_dir looks (Help > User guide)
    assert "sqlcipher3" in spec and "pypdfium2_raw" in spec and "reportlab" in spec
    assert (ROOT / "packaging" / "entry.py").is_file()
