"""The one atomic file writer and the bounded zip reader that every part of apdesk uses."""

from __future__ import annotations

import io
import os
import signal
import stat
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from apdesk.files import atomic_writer, write_atomic
from apdesk.safezip import SafeZip, UnsafeZip, ZipLimits

LIMITS = ZipLimits(max_members=4, max_total=1 << 20, max_ratio=50.0, ratio_grace=64 * 1024)


@pytest.fixture(params=["unnamed temporary file", "named temporary file"])
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways the writer works: Linux's O_TMPFILE, and a hidden named file elsewhere."""
    if request.param == "named temporary file":
        monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    elif not hasattr(os, "O_TMPFILE"):
        pytest.skip("this system has no O_TMPFILE")
    return str(request.param)


def test_a_written_file_is_0600_under_umask_022_and_whole(tmp_path: Path, way: str) -> None:
    previous = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a.csv", "name\nZoë\n", encoding="utf-8-sig")
        write_atomic(tmp_path / "b.bin", b"\x00\x01")
        write_atomic(tmp_path / "b.bin", b"replaced")
    finally:
        os.umask(previous)
    assert (tmp_path / "a.csv").read_bytes() == "name\nZoë\n".encode("utf-8-sig")
    assert (tmp_path / "b.bin").read_bytes() == b"replaced"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.bin"]
    for path in tmp_path.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_failed_write_leaves_the_old_file_and_nothing_else(tmp_path: Path, way: str) -> None:
    target = tmp_path / "report.pdf"
    write_atomic(target, b"old")
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write(b"half of the new")
        raise RuntimeError("the renderer failed")
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["report.pdf"]
    with pytest.raises(OSError):
        write_atomic(tmp_path / "no-such-folder" / "x", b"data")


def test_a_writer_killed_mid_write_leaves_no_partial_file(tmp_path: Path) -> None:
    if not hasattr(os, "O_TMPFILE"):
        pytest.skip("the named fallback leaves a hidden .partial file after a SIGKILL")
    script = (
        "import os, signal, sys\n"
        "from apdesk.files import atomic_writer\n"
        "with atomic_writer(sys.argv[1]) as handle:\n"
        "    handle.write(b'x' * 1_000_000)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "big.bin")], check=False)
    assert done.returncode == -signal.SIGKILL
    assert list(tmp_path.iterdir()) == []


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_a_plain_zip_reads_whole() -> None:
    data = _zip({"a.json": b"{}", "b.pdf": os.urandom(5000)})
    with SafeZip(data, LIMITS) as archive:
        assert archive.names() == ["a.json", "b.pdf"] and archive.read("a.json") == b"{}"
        digest = []
        assert archive.stream("b.pdf", digest.append) == 5000


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("too many members", _zip({f"m{i}": b"x" for i in range(5)}), "members"),
        ("a path in a name", _zip({"../../etc/passwd": b"x"}), "path"),
        ("a hidden name", _zip({".profile": b"x"}), "path"),
        ("a folder in a name", _zip({"a/b.json": b"x"}), "path"),
        ("unpacks too big", _zip({"big": bytes(2 << 20)}), "unpacks to more"),
        ("inflates too much", _zip({"zeros": bytes(900_000)}), "inflates more than"),
        ("not a zip", b"PK not really a zip at all", "not a zip"),
        ("empty", b"", "not a zip"),
        ("bzip2", _zip({"a": b"x" * 100}, zipfile.ZIP_BZIP2), "compression"),
    ],
)
def test_hostile_zips_are_refused_with_a_reason(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(UnsafeZip, match=reason), SafeZip(data, LIMITS) as archive:
        archive.read_all()


def test_a_repeated_member_name_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("a", b"1")
        with pytest.warns(UserWarning):
            archive.writestr("a", b"2")
    with pytest.raises(UnsafeZip, match="repeats"):
        SafeZip(out.getvalue(), LIMITS)


def test_an_encrypted_member_is_refused() -> None:
    data = bytearray(_zip({"a": b"secret"}))
    local_flags = 6  # offset of the general-purpose flags in the local and central headers
    data[local_flags] |= 1
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 1
    with pytest.raises(UnsafeZip, match="encrypted"):
        SafeZip(bytes(data), LIMITS)


def test_a_directory_claiming_a_million_entries_is_refused_before_it_is_parsed() -> None:
    data = bytearray(_zip({"a": b"x"}))
    end = data.rfind(b"PK\x05\x06")
    size = 40_000_000
    data[end + 12 : end + 16] = struct.pack("<L", size)  # the directory's size, a lie
    with pytest.raises(UnsafeZip, match="directory is far larger"):
        SafeZip(bytes(data), LIMITS)


def test_real_bytes_are_counted_not_the_declared_sizes() -> None:
    """A member declaring 100 bytes that inflates to 64 MiB: refused, memory stays small."""
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = raw.compress(bytes(64 << 20)) + raw.flush()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("small.json", b"x" * 100)
    data = out.getvalue()
    # splice the bomb in place of the 100 bytes, keeping the declared sizes
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.infolist()[0]
    start = info.header_offset + 30 + len(info.filename)
    lying = bytearray(data[:start] + body + data[start + info.compress_size :])
    central = lying.rfind(b"PK\x01\x02")
    lying[central + 10 : central + 12] = struct.pack("<H", 8)  # deflated
    lying[central + 20 : central + 24] = struct.pack("<L", len(body))
    lying[8:10] = struct.pack("<H", 8)
    lying[18:22] = struct.pack("<L", len(body))
    end = lying.rfind(b"PK\x05\x06")
    lying[end + 16 : end + 20] = struct.pack("<L", central)
    generous = ZipLimits(max_members=4, max_total=1 << 30, max_ratio=1e9)
    with pytest.raises(UnsafeZip, match="damaged"), SafeZip(bytes(lying), generous) as archive:
        archive.read("small.json")  # stops at the declared 100 bytes: the CRC then fails
