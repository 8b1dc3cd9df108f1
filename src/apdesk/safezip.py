"""Reading zip files someone else may have made: bounded by real bytes, member count and ratio.

A zip file declares its members' sizes, and a hostile one lies: a 1 MB upload can inflate to
gigabytes. Every zip apdesk opens (notification packs at the LA inbox and in the outbox, backup
files at restore) is read through this module, which

- refuses a central directory bigger than `max_members` entries could need, before parsing it;
- refuses more than `max_members` members, repeated names, names with a folder part, encrypted
  members and compression methods other than stored and deflate;
- reads members in small chunks and counts the bytes that really come out, refusing the file as
  soon as the total passes `max_total` or a member inflates more than `max_ratio` times its
  compressed size (after the first `ratio_grace` bytes, so small files are never judged).

Memory per read is therefore bounded by the members' real content, never by a declared size.

    limits = ZipLimits(max_members=16, max_total=32 * 2**20)
    with SafeZip(data_or_path, limits) as archive:
        names = archive.names()
        manifest = archive.read("manifest.json")
        digest = archive.stream("big.db", hasher.update)   # nothing held in memory

Every problem raises `UnsafeZip` with a sentence a person can act on.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

CHUNK = 64 * 1024
_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_EOCD64 = b"PK\x06\x06"
_ENTRY_BUDGET = 46 + 1024  # a central directory entry: fixed part, name, extra and comment
_READ_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    EOFError,
    zlib.error,
    NotImplementedError,
    RuntimeError,
    ValueError,
    struct.error,
    OSError,
)


class UnsafeZip(ValueError):
    """The zip file is damaged, too big when unpacked, or shaped in a way apdesk refuses."""


@dataclass(frozen=True)
class ZipLimits:
    max_members: int
    max_total: int  # real decompressed bytes, all members read together
    max_ratio: float = 100.0  # real bytes per compressed byte
    ratio_grace: int = 1024 * 1024  # bytes of a member before its ratio is judged


class SafeZip:
    """A zip file opened for bounded reading (a context manager)."""

    def __init__(self, source: bytes | Path | BinaryIO, limits: ZipLimits) -> None:
        self.limits = limits
        self._read_so_far = 0
        self._own: BinaryIO | None = None
        if isinstance(source, bytes | bytearray):
            handle: BinaryIO = io.BytesIO(source)
        elif isinstance(source, Path):
            try:
                self._own = handle = open(source, "rb")  # noqa: SIM115 - closed by close()
            except OSError as exc:
                raise UnsafeZip(f"{source.name} cannot be read ({exc.strerror})") from None
        else:
            handle = source
        try:
            entries, directory_size = _central_directory(handle)
            if entries > limits.max_members:
                raise UnsafeZip(f"the zip file has {entries} members; at most {limits.max_members}")
            if directory_size > limits.max_members * _ENTRY_BUDGET:
                raise UnsafeZip("the zip file's directory is far larger than its members need")
            handle.seek(0)
            self._zip = zipfile.ZipFile(handle)
        except UnsafeZip:
            self.close()
            raise
        except _READ_ERRORS as exc:
            self.close()
            raise UnsafeZip(f"this is not a readable zip file ({_reason(exc)})") from None
        try:
            self._infos = self._check_members(self._zip.infolist())
        except UnsafeZip:
            self.close()
            raise

    def _check_members(self, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
        limits = self.limits
        if len(infos) > limits.max_members:
            raise UnsafeZip(f"the zip file has {len(infos)} members; at most {limits.max_members}")
        found: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            name = info.filename
            if name in found:
                raise UnsafeZip(f"the zip file repeats the member {name[:80]!r}")
            if "/" in name or "\\" in name or name.startswith(".") or "\x00" in name:
                raise UnsafeZip(
                    f"the zip file holds a member with a path in its name: {name[:80]!r}"
                )
            if info.flag_bits & 0x1:
                raise UnsafeZip(f"the member {name!r} is encrypted")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise UnsafeZip(f"the member {name!r} uses a compression apdesk does not read")
            found[name] = info
        declared = sum(info.file_size for info in infos)
        if declared > limits.max_total:
            raise UnsafeZip(f"the zip file unpacks to more than {limits.max_total:,} bytes")
        return found

    # -- reading ---------------------------------------------------------------
    def names(self) -> list[str]:
        return list(self._infos)

    def size(self, name: str) -> int:
        """The size the member declares (use for planning only: the reading is what counts)."""
        return self._info(name).file_size

    def read(self, name: str) -> bytes:
        """The member's content, refused as soon as it passes the limits."""
        buffer = io.BytesIO()  # getvalue() hands over its buffer: no second copy
        self.stream(name, buffer.write)
        return buffer.getvalue()

    def read_all(self) -> dict[str, bytes]:
        return {name: self.read(name) for name in self._infos}

    def stream(self, name: str, sink: Callable[[bytes], object]) -> int:
        """Feed the member to `sink` in chunks; returns the bytes read."""
        info = self._info(name)
        limits = self.limits
        allowed = limits.max_ratio * max(info.compress_size, 1)
        real = 0
        try:
            with self._zip.open(info) as member:
                while chunk := member.read(CHUNK):
                    real += len(chunk)
                    self._read_so_far += len(chunk)
                    if self._read_so_far > limits.max_total:
                        raise UnsafeZip(
                            f"the zip file unpacks to more than {limits.max_total:,} bytes"
                        )
                    if real > limits.ratio_grace and real > allowed:
                        raise UnsafeZip(
                            f"the member {name!r} inflates more than {limits.max_ratio:g} times: "
                            "a zip bomb"
                        )
                    sink(chunk)
        except UnsafeZip:
            raise
        except _READ_ERRORS as exc:
            raise UnsafeZip(f"the member {name!r} is damaged ({_reason(exc)})") from None
        return real

    def _info(self, name: str) -> zipfile.ZipInfo:
        try:
            return self._infos[name]
        except KeyError:
            raise UnsafeZip(f"the zip file has no member {name!r}") from None

    # -- closing ---------------------------------------------------------------
    def close(self) -> None:
        archive = getattr(self, "_zip", None)
        if archive is not None:
            archive.close()
        if self._own is not None:
            self._own.close()
            self._own = None

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _reason(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text[:120]


def _central_directory(handle: BinaryIO) -> tuple[int, int]:
    """(entries, size in bytes) of the central directory, read from the end records alone."""
    handle.seek(0, io.SEEK_END)
    size = handle.tell()
    tail_size = min(size, 22 + 65535)
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) - at < 22:
        raise UnsafeZip("this is not a zip file (it has no end-of-directory record)")
    fields = struct.unpack("<4s4H2LH", tail[at : at + 22])
    entries, directory_size, offset = fields[4], fields[5], fields[6]
    if entries != 0xFFFF and directory_size != 0xFFFFFFFF and offset != 0xFFFFFFFF:
        return entries, directory_size
    locator_at = size - tail_size + at - 20
    if locator_at < 0:
        raise UnsafeZip("this is not a readable zip file (its zip64 records are missing)")
    handle.seek(locator_at)
    locator = handle.read(20)
    if locator[:4] != _EOCD64_LOCATOR:
        raise UnsafeZip("this is not a readable zip file (its zip64 records are missing)")
    record_at = struct.unpack("<4sLQL", locator)[2]
    if record_at > size - 56:
        raise UnsafeZip("this is not a readable zip file (its zip64 records are damaged)")
    handle.seek(record_at)
    record = handle.read(56)
    if record[:4] != _EOCD64:
        raise UnsafeZip("this is not a readable zip file (its zip64 records are damaged)")
    values = struct.unpack("<4sQ2H2L4Q", record)
    return values[7], values[8]
