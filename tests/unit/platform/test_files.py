"""platform/files.py: data files 0600 and directories 0700 whatever the umask; narrowing never follows a
symlink out of the var dir."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from companyos_server.platform.files import (
    open_private,
    private_dir,
    private_sqlite_file,
    secure_var_dir,
    write_private,
)


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    previous = os.umask(0)  # the worst case: nothing masked
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_files_and_directories_are_created_private(tmp_path: Path) -> None:
    nested = private_dir(tmp_path / "var" / "jobs" / "artifacts")
    assert [mode(p) for p in (tmp_path / "var", tmp_path / "var" / "jobs", nested)] == [0o700] * 3
    with open_private(nested / "export", "wb") as out:
        out.write(b"x")
    write_private(nested / "key", "secret")
    private_sqlite_file(nested / "data.db")
    assert {p.name: mode(p) for p in nested.iterdir()} == {"export": 0o600, "key": 0o600, "data.db": 0o600}
    assert (nested / "key").read_text() == "secret"


def test_an_existing_wider_file_is_narrowed_when_reopened(tmp_path: Path) -> None:
    path = tmp_path / "export"
    path.write_bytes(b"old")
    path.chmod(0o666)
    with open_private(path, "r+b") as out:
        out.seek(3)
        out.write(b"new")
    assert mode(path) == 0o600 and path.read_bytes() == b"oldnew"


def test_secure_var_dir_narrows_everything_but_follows_no_symlink(tmp_path: Path) -> None:
    outside = tmp_path / "shared.txt"
    outside.write_text("for everyone")
    outside.chmod(0o644)
    var_dir = tmp_path / "var"
    (var_dir / "keys").mkdir(parents=True)
    (var_dir / "keys" / "k.key").write_text("k")
    for path in (var_dir, var_dir / "keys", var_dir / "keys" / "k.key"):
        path.chmod(0o777 if path.is_dir() else 0o666)
    (var_dir / "link").symlink_to(outside)
    secure_var_dir(var_dir)
    assert mode(var_dir) == mode(var_dir / "keys") == 0o700
    assert mode(var_dir / "keys" / "k.key") == 0o600
    assert mode(outside) == 0o644  # not ours: left alone
