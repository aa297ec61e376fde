"""Shared fixtures: an isolated runtime (temp var dir, fresh database), the ASGI app, tokens.

Database backends: SQLite always; PostgreSQL when COMPANYOS_TEST_POSTGRES_URL is set (CI sets it).
Each PostgreSQL-backed test session gets a database of its own, dropped at the end.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from companyos_server.platform.runtime import Runtime, set_runtime
from companyos_server.settings import Settings

POSTGRES_URL = os.environ.get("COMPANYOS_TEST_POSTGRES_URL")
REDIS_URL = os.environ.get("COMPANYOS_TEST_REDIS_URL")
API = "http://testserver"

requires_postgres = pytest.mark.skipif(
    not POSTGRES_URL, reason="COMPANYOS_TEST_POSTGRES_URL is not set (CI sets it to the machine's PostgreSQL)"
)
requires_redis = pytest.mark.skipif(
    not REDIS_URL, reason="COMPANYOS_TEST_REDIS_URL is not set (CI sets it to the machine's Redis)"
)


@pytest.fixture(scope="session")
def postgres_database_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session."""
    if not POSTGRES_URL:
        pytest.skip("COMPANYOS_TEST_POSTGRES_URL is not set (CI sets it to the machine's PostgreSQL)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"companyos_test_{secrets.token_hex(4)}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def make_settings(var_dir: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "env": "test",
        "var_dir": var_dir,
        "public_base_url": API,
        "rate_limit_enabled": False,
        "validate_responses": True,
    }
    values.update(overrides)
    return Settings(**values)


def build_runtime(settings: Settings) -> Runtime:
    from companyos_server.platform.migrations import migrate

    runtime = Runtime(settings)
    migrate(runtime.db)
    set_runtime(runtime)
    return runtime


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Parametrize a test over SQLite and (when available) PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'companyos.db'}"
    url = request.getfixturevalue("postgres_database_url")
    _reset_postgres(url)
    return url


def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    """Every runtime-backed test runs on SQLite and, when configured, on PostgreSQL."""
    return make_settings(tmp_path / "var", database_url=database_url)


@pytest.fixture
def runtime(settings: Settings) -> Iterator[Runtime]:
    rt = build_runtime(settings)
    yield rt
    rt.close()
    set_runtime(None)


@pytest.fixture
def seeded(runtime: Runtime) -> dict[str, Any]:
    """The dev seed: tenants acme and globex, their users and clients (var/dev-credentials.json)."""
    from companyos_server.seed import seed_development

    return seed_development(runtime)


@pytest.fixture
def app(runtime: Runtime, seeded: dict[str, Any]) -> Any:
    from companyos_server.app import build_app

    return build_app(runtime, validate_responses=True)


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=API) as http:
        yield http


@pytest.fixture
def mint(runtime: Runtime) -> Callable[..., str]:
    """Mint an access token signed by the built-in issuer: mint(subject, tenants={...}, scopes=[...])."""
    from companyos_server.platform.identity.issuer import issue_access_token

    def _mint(
        subject: str = "usr_test",
        *,
        tenants: dict[str, list[str]] | None = None,
        scopes: list[str] | None = None,
        acr: str | None = None,
        auth_time: int | None = None,
        client_id: str = "companyos-cli",
        ttl: int | None = None,
    ) -> str:
        return issue_access_token(
            runtime.keys,
            runtime.settings,
            subject=subject,
            client_id=client_id,
            tenants=tenants or {},
            scopes=scopes or ["openid", "api"],
            acr=acr,
            auth_time=auth_time,
            ttl=ttl,
        )

    return _mint


@pytest.fixture
def user_token(mint: Callable[..., str], seeded: dict[str, Any]) -> Callable[[str], str]:
    """A token for a seeded user by username, with the tenants and roles the seed gave them."""
    from companyos_server.platform.identity.seed import DEV_USERS

    users = {u["username"]: u for u in seeded["users"]}

    def _token(username: str, **kwargs: Any) -> str:
        user = users[username]
        scopes = kwargs.pop("scopes", None) or ["openid", "api", *DEV_USERS[username][2].split()]
        return mint(f"usr_{username}", tenants=user["tenants"], scopes=scopes, **kwargs)

    return _token


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
