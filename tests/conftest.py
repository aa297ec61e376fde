"""Shared fixtures: an isolated runtime (temp var dir, fresh database), the ASGI app, tokens.

Database backends: SQLite always; PostgreSQL when COMPANYOS_TEST_POSTGRES_URL is set (CI sets it).
Every runtime-backed test gets a database of its own, copied from a template migrated (and seeded)
once per session: see :class:`DatabaseTemplates`.
"""

from __future__ import annotations

import copy
import os
import secrets
import shutil
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.pool import NullPool

from companyos_server.platform.runtime import Runtime, set_runtime
from companyos_server.settings import Settings

# pytest-xdist's workers start with COLUMNS=80 in their environment. The CLI honours $COLUMNS (a narrow
# table truncates its cells), so without it the CLI tests see what a pipe sees, with or without workers.
if os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ.pop("COLUMNS", None)

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
def postgres_admin() -> Iterator[Any]:
    """An AUTOCOMMIT engine on the server's maintenance database, for CREATE/DROP DATABASE."""
    if not POSTGRES_URL:
        pytest.skip("COMPANYOS_TEST_POSTGRES_URL is not set (CI sets it to the machine's PostgreSQL)")
    from sqlalchemy import create_engine

    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    yield admin
    admin.dispose()


@pytest.fixture(scope="session")
def postgres_database_url(postgres_admin: Any) -> Iterator[str]:
    """A fresh PostgreSQL database for this test session (emptied again by each test that takes it)."""
    name = _create_postgres_database(postgres_admin, "companyos_test")
    try:
        yield _postgres_url(name)
    finally:
        _drop_postgres_database(postgres_admin, name)


def _postgres_url(name: str) -> str:
    from sqlalchemy.engine import make_url

    assert POSTGRES_URL
    return make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)


def _create_postgres_database(admin: Any, prefix: str, template: str | None = None) -> str:
    from sqlalchemy import text

    name = f"{prefix}_{secrets.token_hex(6)}"
    clause = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))
    return name


def _drop_postgres_database(admin: Any, name: str) -> None:
    from sqlalchemy import text

    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


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


@dataclass
class Template:
    """A database built once per session (migrated; or migrated and dev-seeded) that tests copy."""

    database: str  # a SQLite file, or a PostgreSQL database name
    var_dir: Path | None = None  # the seeded var dir (signing keys, dev-credentials.json)
    seed: dict[str, Any] | None = None


class DatabaseTemplates:
    """Migrating and seeding take seconds; copying a template takes milliseconds.

    Every runtime-backed test still gets a database of its own, copied from a template built the first
    time a test of that kind asks: a file copy on SQLite, ``CREATE DATABASE … TEMPLATE`` on PostgreSQL.
    """

    def __init__(self, root: Path, request: pytest.FixtureRequest) -> None:
        self._root = root
        self._request = request
        self._built: dict[tuple[str, bool], Template] = {}

    def get(self, backend: str, *, seeded: bool) -> Template:
        key = (backend, seeded)
        if key not in self._built:
            self._built[key] = self._build(backend, seeded)
        return self._built[key]

    def _build(self, backend: str, seeded: bool) -> Template:
        from companyos_server.seed import seed_development

        folder = self._root / f"{backend}-{'seeded' if seeded else 'migrated'}"
        folder.mkdir()
        if backend == "sqlite":
            database = str(folder / "companyos.db")
            url = f"sqlite:///{database}"
        else:
            admin = self._request.getfixturevalue("postgres_admin")
            database = _create_postgres_database(admin, "companyos_tpl")
            self._request.addfinalizer(lambda: _drop_postgres_database(admin, database))
            url = _postgres_url(database)
        runtime = build_runtime(make_settings(folder / "var", database_url=url))
        try:
            seed = seed_development(runtime) if seeded else None
        finally:
            runtime.close()  # no connection may stay open on a PostgreSQL template
            set_runtime(None)
        return Template(database, folder / "var" if seeded else None, seed)


@pytest.fixture(scope="session")
def database_templates(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> DatabaseTemplates:
    return DatabaseTemplates(tmp_path_factory.mktemp("templates"), request)


def _wants(request: pytest.FixtureRequest) -> str:
    """What the test's runtime starts from: 'seeded', 'migrated' (a runtime, no seed) or 'empty'."""
    if "seeded" in request.fixturenames:
        return "seeded"
    return "migrated" if "runtime" in request.fixturenames else "empty"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Parametrize a test over SQLite and (when available) PostgreSQL.

    The database is the test's own: empty, or a copy of the migrated (or seeded) template when the test
    takes a ``runtime`` (or ``seeded``).
    """
    yield from database_for(request, tmp_path, request.param)


def database_for(
    request: pytest.FixtureRequest, folder: Path, backend: str, wants: str | None = None
) -> Iterator[str]:
    """The URL of a database of the caller's own on ``backend``, as :func:`_wants` (or ``wants``) says."""
    wants = wants or _wants(request)
    if backend == "sqlite":
        target = folder / "companyos.db"
        if wants != "empty":
            templates: DatabaseTemplates = request.getfixturevalue("database_templates")
            shutil.copyfile(templates.get("sqlite", seeded=wants == "seeded").database, target)
        yield f"sqlite:///{target}"
        return
    if wants == "empty":
        url = request.getfixturevalue("postgres_database_url")
        _reset_postgres(url)
        yield url
        return
    admin = request.getfixturevalue("postgres_admin")
    templates = request.getfixturevalue("database_templates")
    template = templates.get("postgresql", seeded=wants == "seeded")
    name = _create_postgres_database(admin, "companyos_test", template=template.database)
    try:
        yield _postgres_url(name)
    finally:
        _drop_postgres_database(admin, name)


def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def _seed_template(request: pytest.FixtureRequest, database_url: str) -> Template:
    templates: DatabaseTemplates = request.getfixturevalue("database_templates")
    return templates.get("sqlite" if database_url.startswith("sqlite") else "postgresql", seeded=True)


@pytest.fixture
def settings(request: pytest.FixtureRequest, tmp_path: Path, database_url: str) -> Settings:
    """Every runtime-backed test runs on SQLite and, when configured, on PostgreSQL."""
    var_dir = tmp_path / "var"
    if _wants(request) == "seeded":
        # The seeded database's signing keys and dev credentials come with it.
        template_var = _seed_template(request, database_url).var_dir
        assert template_var is not None
        shutil.copytree(template_var, var_dir)
    return make_settings(var_dir, database_url=database_url)


@pytest.fixture
def runtime(settings: Settings) -> Iterator[Runtime]:
    rt = build_runtime(settings)
    yield rt
    rt.close()
    set_runtime(None)


@pytest.fixture
def seeded(request: pytest.FixtureRequest, runtime: Runtime) -> dict[str, Any]:
    """The dev seed: tenants acme and globex, their users and clients (var/dev-credentials.json).

    Seeded once per session and backend; the test's database and var dir are copies of that seed.
    """
    seed = _seed_template(request, runtime.settings.effective_database_url).seed
    assert seed is not None
    return copy.deepcopy(seed)


@pytest.fixture
def app(runtime: Runtime, seeded: dict[str, Any]) -> Any:
    from companyos_server.app import build_app

    return build_app(runtime, validate_responses=True)


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=API) as http:
        yield http


@contextmanager
def shared_seeded_runtime(request: pytest.FixtureRequest, folder: Path, backend: str) -> Iterator[Runtime]:
    """A seeded runtime for a wider-scoped fixture (a module's tests sharing one tenant's data)."""
    databases = database_for(request, folder, backend, wants="seeded")
    url = next(databases)
    template = _seed_template(request, url)
    assert template.var_dir is not None and template.seed is not None
    shutil.copytree(template.var_dir, folder / "var")
    runtime = build_runtime(make_settings(folder / "var", database_url=url))
    runtime.extras["seeded"] = copy.deepcopy(template.seed)
    try:
        yield runtime
    finally:
        runtime.close()
        set_runtime(None)
        databases.close()


@pytest.fixture
def mint(runtime: Runtime) -> Callable[..., str]:
    """Mint an access token signed by the built-in issuer: mint(subject, tenants={...}, scopes=[...])."""
    return minter(runtime)


def minter(runtime: Runtime) -> Callable[..., str]:
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
