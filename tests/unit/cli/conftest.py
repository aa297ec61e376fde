"""CLI unit tests: typer's CliRunner, the SDK's transport mocked with respx, an isolated COMPANYOS_HOME."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import respx
from typer.testing import CliRunner

from companyos.auth import MemoryTokenCache
from companyos.cli import CliOverrides, app

API = "https://api.test"
ISSUER = f"{API}/oauth2"
DISCOVERY = {
    "issuer": ISSUER,
    "token_endpoint": f"{ISSUER}/token",
    "authorization_endpoint": f"{ISSUER}/authorize",
    "device_authorization_endpoint": f"{ISSUER}/device_authorization",
    "revocation_endpoint": f"{ISSUER}/revoke",
}
ENV_VARS = (
    "COMPANYOS_TOKEN",
    "COMPANYOS_CLIENT_ID",
    "COMPANYOS_CLIENT_SECRET",
    "COMPANYOS_TENANT",
    "COMPANYOS_ENVIRONMENT",
    "COMPANYOS_API_URL",
    "COMPANYOS_BASE_URL",
    "COMPANYOS_OUTPUT",
    "COMPANYOS_PROFILE",
    "COMPANYOS_LOG",
)


def problem(
    status: int, title: str, detail: str, request_id: str = "req_test123", **extra: Any
) -> dict[str, Any]:
    return {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        "request_id": request_id,
        **extra,
    }


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


class Cli:
    """Runs ``companyos`` in-process; one token cache shared by every invocation of a test."""

    def __init__(self) -> None:
        self.runner = CliRunner()
        self.cache = MemoryTokenCache()
        self.overrides = CliOverrides(token_cache=self.cache, client_kwargs={"_sleep": lambda s: None})

    def __call__(self, *args: str, **env: str) -> Result:
        result = self.runner.invoke(app, list(args), obj=self.overrides, env=env or None)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Result(result.exit_code, result.stdout, result.stderr)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COMPANYOS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COMPANYOS_CACHE_KEY", "unit-test-cache-key")
    monkeypatch.setenv("COMPANYOS_BASE_URL", API)
    monkeypatch.setenv("COMPANYOS_TENANT", "acme")
    monkeypatch.setenv("COMPANYOS_TOKEN", "tok_static")


@pytest.fixture
def api() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=API, assert_all_called=False) as router:
        yield router


@pytest.fixture
def cli() -> Cli:
    return Cli()
