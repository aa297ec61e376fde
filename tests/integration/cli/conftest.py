"""The CLI against the real app, in-process: the SDK's sync client backed by Starlette's TestClient."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from companyos.auth import MemoryTokenCache
from companyos.cli import CliOverrides
from companyos.cli import app as cli_app
from companyos_server.platform.runtime import Runtime

API = "http://testserver"
ENV_VARS = ("COMPANYOS_TOKEN", "COMPANYOS_CLIENT_ID", "COMPANYOS_CLIENT_SECRET", "COMPANYOS_TENANT",
            "COMPANYOS_ENVIRONMENT", "COMPANYOS_OUTPUT", "COMPANYOS_PROFILE", "COMPANYOS_BASE_URL")  # fmt: skip


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


class Cli:
    def __init__(self, http: TestClient) -> None:
        self.runner = CliRunner()
        self.overrides = CliOverrides(
            http_client=http, token_cache=MemoryTokenCache(), client_kwargs={"max_retries": 0}
        )

    def __call__(self, *args: str, **env: str) -> Result:
        result = self.runner.invoke(cli_app, list(args), obj=self.overrides, env=env or None)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Result(result.exit_code, result.stdout, result.stderr)


@pytest.fixture(autouse=True)
def _cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AUTHLIB_INSECURE_TRANSPORT", "1")  # the provider answers as http://testserver
    monkeypatch.setenv("COMPANYOS_HOME", str(tmp_path / "cli-home"))
    monkeypatch.setenv("COMPANYOS_CACHE_KEY", "integration-test-key")
    monkeypatch.setenv("COMPANYOS_BASE_URL", API)


@pytest.fixture
def http(app: Any) -> Iterator[TestClient]:
    with TestClient(app, base_url=API, follow_redirects=False) as client:
        yield client


@pytest.fixture
def cli(http: TestClient) -> Cli:
    return Cli(http)


@pytest.fixture
def service(seeded: dict[str, Any]) -> Any:
    def _env(tenant: str) -> dict[str, str]:
        svc = next(c for c in seeded["clients"] if c["tenant_id"] == tenant)
        return {"COMPANYOS_CLIENT_ID": svc["client_id"], "COMPANYOS_CLIENT_SECRET": svc["client_secret"],
                "COMPANYOS_TENANT": tenant}  # fmt: skip

    return _env


@pytest.fixture
def worker(runtime: Runtime) -> Iterator[Runtime]:
    runtime.jobs.start_worker_thread()
    yield runtime
    runtime.jobs.stop_worker()
