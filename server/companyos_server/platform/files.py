"""Private files and directories: every data file the server creates is mode 0600, every directory 0700.

The var dir holds the SQLite database (password hashes, encrypted TOTP secrets), signing and encryption
keys, audit exports, evidence and checkpoints: nothing in it is meant for other local users. Files get
their mode when they are created (``os.open(..., 0o600)``, then ``fchmod`` in case the umask or an older
file left it wider), never create-then-chmod, which would leave a window where they are readable.
:func:`tighten` narrows what an older version or a shell redirect left wider; the runtime runs it on the
var dir at every start (the server, the worker and ``companyos-server migrate``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import threading
from pathlib import Path
from typing import IO, Any

__all__ = [
    "PRIVATE_DIR_MODE",
    "PRIVATE_FILE_MODE",
    "open_private",
    "private_dir",
    "private_sqlite_file",
    "secure_var_dir",
    "tighten",
    "write_private",
]

log = logging.getLogger(__name__)

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700

_FLAGS = {
    "r+": os.O_RDWR | os.O_CREAT,
    "w": os.O_WRONLY | os.O_CREAT | os.O_TRUNC,
    "w+": os.O_RDWR | os.O_CREAT | os.O_TRUNC,
    "a": os.O_WRONLY | os.O_CREAT | os.O_APPEND,
    "a+": os.O_RDWR | os.O_CREAT | os.O_APPEND,
    "x": os.O_WRONLY | os.O_CREAT | os.O_EXCL,
}
# SQLite's companions of a database file: its write-ahead log, shared memory and rollback journal.
_SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def _narrow(path: Path, mode: int) -> bool:
    """chmod ``path`` to ``mode`` when it grants more than that (never follows a symlink)."""
    try:
        current = os.lstat(path).st_mode
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(current) or stat.S_IMODE(current) & ~mode == 0:
        return False
    try:
        os.chmod(path, stat.S_IMODE(current) & mode)
    except PermissionError:
        log.warning("cannot narrow the mode of %s (not its owner)", path)
        return False
    return True


def private_dir(path: Path | str, *, narrow_existing: bool = True) -> Path:
    """Create ``path`` (and missing parents) with mode 0700; an existing ``path`` is narrowed to 0700
    unless ``narrow_existing`` is false (a directory the server does not own, e.g. a database's)."""
    path = Path(path)
    missing: list[Path] = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for directory in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another process made it meanwhile
            os.mkdir(directory, PRIVATE_DIR_MODE)
        _narrow(directory, PRIVATE_DIR_MODE)  # mkdir's mode went through the umask
    if not missing and narrow_existing:
        _narrow(path, PRIVATE_DIR_MODE)
    return path


def open_private(path: Path | str, mode: str = "wb", *, encoding: str | None = None) -> IO[Any]:
    """``open()`` for data files: created with mode 0600, an existing wider file is narrowed first.

    ``mode`` is one of ``w``, ``w+``, ``a``, ``a+``, ``r+``, ``x`` with ``b`` for binary (``r+`` creates a
    missing file, unlike ``open``)."""
    base = mode.replace("b", "")
    if base not in _FLAGS:
        raise ValueError(f"open_private does not take mode {mode!r}")
    fd = os.open(path, _FLAGS[base] | getattr(os, "O_CLOEXEC", 0), PRIVATE_FILE_MODE)
    try:
        if stat.S_IMODE(os.fstat(fd).st_mode) & ~PRIVATE_FILE_MODE:
            os.fchmod(fd, PRIVATE_FILE_MODE)
        if "b" in mode:
            return os.fdopen(fd, mode)
        return os.fdopen(fd, mode, encoding=encoding or "utf-8")
    except BaseException:
        os.close(fd)
        raise


def write_private(path: Path | str, data: bytes | str) -> None:
    """Replace ``path`` atomically with ``data`` (a temp file of mode 0600, then ``os.replace``)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        with open_private(tmp, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def private_sqlite_file(path: Path | str) -> Path:
    """Make sure the SQLite file at ``path`` exists with mode 0600 before anyone connects.

    SQLite creates a database 0644 (less the umask) but its ``-wal``/``-shm``/``-journal`` files with the
    mode of the database file, so creating the (empty) database file 0600 first covers all of them.
    Existing companions are narrowed too. The directory is created 0700 when it is missing.
    """
    path = Path(path)
    if path.exists():
        _narrow(path, PRIVATE_FILE_MODE)  # warns rather than fails when another user owns it
    else:
        private_dir(path.parent, narrow_existing=False)
        with open_private(path, "ab"):
            pass
    for suffix in _SQLITE_COMPANIONS:
        _narrow(path.with_name(path.name + suffix), PRIVATE_FILE_MODE)
    return path


def tighten(root: Path | str) -> list[Path]:
    """Narrow every file under ``root`` to 0600 and every directory (``root`` included) to 0700.

    Symlinks are neither followed nor changed. Returns what was narrowed."""
    root = Path(root)
    changed: list[Path] = []
    if not root.is_dir():
        return changed
    if _narrow(root, PRIVATE_DIR_MODE):
        changed.append(root)
    for current, dirs, files in os.walk(root, followlinks=False):
        base = Path(current)
        for name in dirs:
            if _narrow(base / name, PRIVATE_DIR_MODE):
                changed.append(base / name)
        for name in files:
            if _narrow(base / name, PRIVATE_FILE_MODE):
                changed.append(base / name)
    return changed


def secure_var_dir(var_dir: Path | str) -> Path:
    """Create the var dir 0700, or narrow an existing one and everything in it (logged when it did)."""
    var_dir = private_dir(var_dir)
    changed = tighten(var_dir)
    if changed:
        log.warning(
            "narrowed %d file(s) and directories under %s to owner-only access (0600/0700)",
            len(changed),
            var_dir,
        )
    return var_dir
