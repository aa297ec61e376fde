"""The Python and CLI quickstarts and the audit-auditor example against a real uvicorn server on loopback.

The server comes from ``tools/live_server.py`` (migrated, seeded, ``COMPANYOS_ENV=development``); each
program runs as a subprocess with only its documented environment.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tools.live_server import LiveServer, live_server

REPO = Path(__file__).resolve().parents[3]
PY = sys.executable


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    with live_server() as srv:
        yield srv


@pytest.fixture(scope="module")
def creds(server: LiveServer) -> dict[str, Any]:
    return json.loads(server.credentials.read_text())  # type: ignore[no-any-return]


def _env(server: LiveServer, tmp_path: Path, **extra: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith("COMPANYOS_")}
    return {**keep, "COMPANYOS_BASE_URL": server.url, "COMPANYOS_HOME": str(tmp_path / "home"),
            "COMPANYOS_CACHE_KEY": "quickstart-test-key", **extra}  # fmt: skip


def _service(creds: dict[str, Any], tenant: str) -> dict[str, str]:
    svc = next(c for c in creds["clients"] if c["tenant_id"] == tenant)
    return {"COMPANYOS_CLIENT_ID": svc["client_id"], "COMPANYOS_CLIENT_SECRET": svc["client_secret"],
            "COMPANYOS_TENANT": tenant}  # fmt: skip


def _run(cmd: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, env=env, cwd=REPO, capture_output=True, text=True, timeout=120, check=False)


def test_python_quickstart(server: LiveServer, creds: dict[str, Any], tmp_path: Path) -> None:
    done = _run([PY, "quickstarts/python/quickstart.py"], _env(server, tmp_path, **_service(creds, "acme")))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "signed in as acme-service" in done.stdout
    assert "tenant acme:" in done.stdout and "audit chain OK" in done.stdout


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_cli_quickstart(server: LiveServer, creds: dict[str, Any], tmp_path: Path) -> None:
    env = _env(server, tmp_path, COMPANYOS_CLI=f"{PY} -m companyos.cli", PYTHON=PY, **_service(creds, "acme"))
    done = _run(["bash", "quickstarts/cli/quickstart.sh"], env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "acme-service" in done.stdout and "audit events" in done.stdout
    assert "OK: acme audit chain intact" in done.stdout


def test_cli_quickstart_fails_cleanly_without_the_api(creds: dict[str, Any], tmp_path: Path) -> None:
    env = {**_env(LiveServer("http://127.0.0.1:9", tmp_path, tmp_path, tmp_path), tmp_path),
           **_service(creds, "acme"), "COMPANYOS_CLI": f"{PY} -m companyos.cli", "PYTHON": PY}  # fmt: skip
    done = _run(["bash", "quickstarts/cli/quickstart.sh"], env)
    assert done.returncode == 7, done.stdout + done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("error: connection error:")


def _admin_token(server: LiveServer, creds: dict[str, Any]) -> str:
    """root-admin (platform:admin, tenants:cross) signs in with the device flow on the real /device page."""
    from companyos import Client
    from companyos.auth import DeviceAuthorization, DeviceCode, MemoryTokenCache
    from tests.integration.identity.conftest import Browser, TotpCodes

    admin = next(u for u in creds["users"] if u["username"] == "root-admin")
    totp = TotpCodes()

    async def approve(info: DeviceAuthorization) -> None:
        async with httpx.AsyncClient(base_url=server.url) as raw:
            browser = Browser(raw)
            page = await browser.follow(
                await browser.get(info.verification_uri_complete or info.verification_uri)
            )
            page = await browser.follow(await browser.login(page, admin, totp.next(admin["totp_secret"])))
            assert (await browser.submit(page, action="approve")).status_code == 200

    cache = MemoryTokenCache()
    scope = "openid api platform:admin tenants:cross"  # extra scopes must be asked for
    auth = DeviceCode(scope=scope, token_cache=cache, prompt=lambda info: asyncio.run(approve(info)))
    with Client(base_url=server.url, auth=auth, _sleep=lambda s: None) as client:
        assert "platform:admin" in client.identity.me()["scopes"]
    (token,) = [v["access_token"] for v in cache._data.values()]
    return str(token)


@pytest.fixture(scope="module")
def admin_token(server: LiveServer, creds: dict[str, Any]) -> str:
    return _admin_token(server, creds)  # once: the TOTP replay guard refuses a second code in one step


def test_audit_auditor_across_tenants(server: LiveServer, admin_token: str, tmp_path: Path) -> None:
    env = _env(server, tmp_path, COMPANYOS_TOKEN=admin_token)
    done = _run([PY, "examples/audit_auditor/auditor.py", "--json"], env)
    assert done.returncode == 0, done.stdout + done.stderr
    findings = {f["tenant_id"]: f for f in json.loads(done.stdout)}
    assert {"acme", "globex"} <= set(findings) and all(f["status"] == "ok" for f in findings.values())
    report = _run([PY, "examples/audit_auditor/auditor.py"], env)
    assert report.returncode == 0 and "0 broken" in report.stdout, report.stdout + report.stderr


def test_audit_auditor_reports_a_broken_chain(
    server: LiveServer, creds: dict[str, Any], admin_token: str, tmp_path: Path
) -> None:
    service = _service(creds, "globex")
    env = _env(server, tmp_path, **service)
    assert _run([PY, "-m", "companyos.cli", "tenants", "update", "--label", "x=1"], env).returncode == 0
    assert _run([PY, "-m", "companyos.cli", "tenants", "update", "--label", "x=2"], env).returncode == 0
    import sqlite3

    db = next(server.var_dir.glob("*.db"))
    with sqlite3.connect(db) as conn:  # tamper with globex's stored trail behind the API's back
        conn.execute(
            "UPDATE audit_events SET action = 'tampered' WHERE tenant_id = 'globex' AND position = 1"
        )
    done = _run(
        [PY, "examples/audit_auditor/auditor.py"],
        _env(server, tmp_path, COMPANYOS_TOKEN=admin_token),
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "globex" in done.stdout and "BROKEN" in done.stdout and "broken at position 1" in done.stdout
