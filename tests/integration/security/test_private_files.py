"""Data files are 0600 and directories 0700 (issue 9 item 14), on SQLite and PostgreSQL.

The umask is the common 022 throughout, so a file that is not created private on purpose shows up as
0644. ``migrate`` and every runtime start narrow what an older version left wider.
"""

from __future__ import annotations

import asyncio
import os
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from companyos_server import cli
from companyos_server.platform.middleware.ratelimit import SharedFileRateLimiter
from companyos_server.platform.runtime import Runtime, set_runtime
from companyos_server.settings import get_settings
from tests.conftest import bearer


@pytest.fixture(autouse=True)
def common_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def too_open(root: Path, *, files_of_others: tuple[str, ...] = ()) -> list[str]:
    """Every file under ``root`` not 0600 and every directory (``root`` too) not 0700.

    ``files_of_others``: directories whose files another package writes (only the directory is ours)."""
    found = [] if mode(root) == 0o700 else [f"{root} {oct(mode(root))}"]
    for current, dirs, files in os.walk(root):
        for name in dirs:
            path = Path(current) / name
            if mode(path) != 0o700:
                found.append(f"{path} {oct(mode(path))}")
        if Path(current).relative_to(root).as_posix() in files_of_others:
            continue
        for name in files:
            path = Path(current) / name
            if not path.is_symlink() and mode(path) != 0o600:
                found.append(f"{path} {oct(mode(path))}")
    return found


def sqlite_files(database_url: str) -> list[Path]:
    if not database_url.startswith("sqlite"):
        return []
    path = Path(database_url.split("///", 1)[1])
    return [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


def test_migrate_creates_a_private_database_and_narrows_an_older_var_dir(
    tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    var_dir = tmp_path / "var"
    older = {  # what an earlier version (or a shell redirect) left behind, world-readable
        "dev-credentials.json": b"{}",
        "ratelimit.sqlite": b"",
        "jobs/artifacts/acme/job_1": b'{"action":"tenant.update"}\n',
        "audit-witness/acme.jsonl": b"{}\n",
        "keys/audit/current": b"ak_0\n",
        "server.log": b"started\n",
    }
    for name, content in older.items():
        path = var_dir / name
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o755)
        path.write_bytes(content)
        path.chmod(0o644)
    var_dir.chmod(0o755)
    on_sqlite = database_url.startswith("sqlite")
    # On SQLite the database is the default one, var/companyos.db (created by migrate).
    monkeypatch.setenv("COMPANYOS_VAR_DIR", str(var_dir))
    monkeypatch.setenv("COMPANYOS_ENV", "test")
    if on_sqlite:
        monkeypatch.delenv("COMPANYOS_DATABASE_URL", raising=False)
    else:
        monkeypatch.setenv("COMPANYOS_DATABASE_URL", database_url)
    get_settings.cache_clear()
    try:
        assert cli.main(["migrate"]) == 0
    finally:
        set_runtime(None)
        get_settings.cache_clear()
    if on_sqlite:
        assert (var_dir / "companyos.db").exists()
        assert sqlite_files(f"sqlite:///{var_dir / 'companyos.db'}")
    assert too_open(var_dir) == []
    for name, content in older.items():  # narrowed, not rewritten
        assert (var_dir / name).read_bytes() == content


async def _wait_job(runtime: Runtime, tenant: str, job_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + 30
    while True:
        job = runtime.jobs.get(tenant, job_id)
        if job["state"] in ("succeeded", "failed", "cancelled") or time.monotonic() > deadline:
            return job
        await asyncio.sleep(0.05)


async def test_files_made_while_serving_are_private(
    runtime: Runtime,
    client: httpx.AsyncClient,
    user_token: Callable[..., str],
    database_url: str,
) -> None:
    var_dir = runtime.settings.var_dir
    # A copied SQLite database arrives 0644 (shutil.copyfile): opening it narrowed it, -wal/-shm follow.
    for path in sqlite_files(database_url):
        assert mode(path) == 0o600, path
    # An audited (denied) request: the audit signing key and, on close, checkpoints in the witness dir.
    r = await client.get("/v1/tenants/acme/audit/events", headers=bearer(user_token("bob")))
    assert r.status_code == 403
    # An audit export: the artifact is a tenant's whole trail.
    runtime.jobs.start_worker_thread()
    try:
        job = runtime.jobs.submit("acme", "audit.export", {}, "usr_dave")
        done = await _wait_job(runtime, "acme", job["id"])
    finally:
        runtime.jobs.stop_worker()
    assert done["state"] == "succeeded", done
    artifact = runtime.jobs.artifact_path("acme", job["id"])
    assert artifact.exists() and mode(artifact) == 0o600
    assert mode(artifact.parent) == 0o700 and mode(artifact.parent.parent) == 0o700
    # The shared rate-limit file of several workers without Redis.
    limiter = SharedFileRateLimiter(var_dir / "ratelimit.sqlite")
    assert limiter.hit("tenant:acme", 10, 1.0).allowed
    runtime.audit.checkpoint_all()
    assert list((var_dir / "audit-witness").glob("*.jsonl"))
    assert (var_dir / "ratelimit.sqlite").exists() and (var_dir / "keys" / "audit").is_dir()
    # The web console (its own package, never importing the server) keeps its sessions in var/console:
    # the server creates that directory 0700; the served processes' umask (cli.private_umask) and the
    # next start's narrowing cover its files.
    assert too_open(var_dir, files_of_others=("console",)) == []
    for path in sqlite_files(database_url):
        assert mode(path) == 0o600, path
