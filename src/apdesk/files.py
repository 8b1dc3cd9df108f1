"""The one way apdesk writes a file: whole or not at all, private from the first byte.

Every file apdesk writes may hold pupil data, so it is created 0600 whatever the umask, written
beside its target, flushed to disk, renamed over the target and the folder flushed too: a crash
leaves the old file or the new one, never half of one, and never a readable temporary file. On
Linux the temporary file has no name until it is complete (O_TMPFILE), so even a SIGKILL leaves
nothing behind; elsewhere it is a hidden `.NAME.*.partial` beside the target.

    write_atomic(path, data)              bytes, or str written as UTF-8 (or `encoding=`)
    with atomic_writer(path) as handle:   for output written in pieces (zip files, backups)

Both raise OSError when the folder is missing or not writable; nothing is left behind then.
This module imports nothing from apdesk, so every layer may use it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

PRIVATE = 0o600
PARTIAL = ".partial"


def write_atomic(
    path: Path | str, data: bytes | str, *, mode: int = PRIVATE, encoding: str = "utf-8"
) -> Path:
    """Write `data` to `path` atomically with permissions `mode` (0600 unless told)."""
    payload = data.encode(encoding) if isinstance(data, str) else data
    with atomic_writer(path, mode=mode) as handle:
        handle.write(payload)
    return Path(path)


@contextmanager
def atomic_writer(path: Path | str, *, mode: int = PRIVATE) -> Iterator[BinaryIO]:
    """A binary handle whose content replaces `path` only when the block ends without error."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    handle, named = _open_temporary(folder, target.name, mode)
    try:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())
        if named is None:
            named = _give_name(handle, folder, target.name)
        handle.close()
        os.replace(named, target)
    except BaseException:
        handle.close()
        if named is not None:
            with contextlib.suppress(OSError):
                os.unlink(named)
        raise
    _sync_folder(folder)


def _open_temporary(folder: Path, name: str, mode: int) -> tuple[BinaryIO, str | None]:
    """(handle, temporary path); the path is None for an unnamed O_TMPFILE file."""
    unnamed = getattr(os, "O_TMPFILE", 0)
    if unnamed:
        try:
            fd = os.open(folder, unnamed | os.O_RDWR, mode)
        except OSError:
            fd = -1  # the file system cannot (FAT on a USB stick, some network shares)
        if fd >= 0:
            os.fchmod(fd, mode)
            return os.fdopen(fd, "wb"), None
    fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=PARTIAL, dir=folder)
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # Windows: mkstemp already made it readable by its owner only
        os.chmod(temp, mode)
    return os.fdopen(fd, "wb"), temp


def _give_name(handle: BinaryIO, folder: Path, name: str) -> str:
    """Link the finished unnamed file into the folder under a hidden name, ready to rename."""
    temp = str(folder / f".{name}.{secrets.token_hex(6)}{PARTIAL}")
    try:
        os.link(f"/proc/self/fd/{handle.fileno()}", temp, follow_symlinks=True)
        return temp
    except OSError:  # no /proc: copy the finished content into a named temporary file
        pass
    fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=PARTIAL, dir=folder)
    try:
        os.fchmod(fd, os.fstat(handle.fileno()).st_mode & 0o777)
        offset = 0
        while chunk := os.pread(handle.fileno(), 1 << 20, offset):
            os.write(fd, chunk)
            offset += len(chunk)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        os.unlink(temp)
        raise
    os.close(fd)
    return temp


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no folder handles to flush)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
