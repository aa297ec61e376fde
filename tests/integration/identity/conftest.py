"""In-process identity provider: Flask app → a2wsgi → Starlette ``Mount("/oauth2")`` → httpx.ASGITransport.

Seeding (scrypt hashes, RSA key) is done once per session into a template directory; every test gets
its own copy of that directory, so tests stay independent and fast.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import httpx
import pyotp
import pytest
from a2wsgi import WSGIMiddleware
from starlette.applications import Starlette
from starlette.routing import Mount

import companyos_server.models  # noqa: F401  (complete metadata)
from companyos_server.platform.identity.keys import KeyStore
from companyos_server.platform.identity.provider import create_provider_app
from companyos_server.platform.identity.seed import seed_dev_identities
from companyos_server.platform.identity.throttle import Throttle
from companyos_server.platform.storage import Base, Database
from companyos_server.settings import Settings

BASE_URL = "http://127.0.0.1:8080"
ISSUER = f"{BASE_URL}/oauth2"


def make_settings(var_dir: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "env": "test",
        "var_dir": var_dir,
        "public_base_url": BASE_URL,
        "oidc_issuer": None,
        "oidc_trusted_issuers": [],
        "builtin_idp": True,
        "database_url": None,
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    var_dir = tmp_path_factory.mktemp("idp-template")
    settings = make_settings(var_dir)
    db = Database(settings.effective_database_url)
    Base.metadata.create_all(db.engine)
    creds = seed_dev_identities(settings, db, KeyStore(var_dir), BASE_URL)
    db.dispose()
    return var_dir, creds


@pytest.fixture
def var_dir(tmp_path: Path, seeded_template: tuple[Path, dict[str, Any]]) -> Path:
    target = tmp_path / "var"
    shutil.copytree(seeded_template[0], target)
    return target


@pytest.fixture
def settings(var_dir: Path) -> Settings:
    return make_settings(var_dir)


@pytest.fixture
def db(settings: Settings) -> Iterator[Database]:
    database = Database(settings.effective_database_url)
    yield database
    database.dispose()


@pytest.fixture
def keys(var_dir: Path) -> KeyStore:
    return KeyStore(var_dir)


@pytest.fixture
def creds(seeded_template: tuple[Path, dict[str, Any]]) -> dict[str, Any]:
    return seeded_template[1]


@pytest.fixture
def asgi_app(settings: Settings, db: Database, keys: KeyStore) -> Starlette:
    flask_app = create_provider_app(settings, db, keys)
    return Starlette(routes=[Mount("/oauth2", app=WSGIMiddleware(flask_app))])  # type: ignore[arg-type]


@pytest.fixture
def transport(asgi_app: Starlette) -> httpx.ASGITransport:
    return httpx.ASGITransport(app=asgi_app)


@pytest.fixture
async def http(transport: httpx.ASGITransport) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
        yield client


def user(creds: dict[str, Any], username: str) -> dict[str, Any]:
    return next(u for u in creds["users"] if u["username"] == username)


def service_client(creds: dict[str, Any], tenant: str) -> dict[str, Any]:
    return next(c for c in creds["clients"] if c["tenant_id"] == tenant)


class TotpCodes:
    """Hands out TOTP codes the way an authenticator would, never reusing a time step (replay guard)."""

    def __init__(self) -> None:
        self._last: dict[str, int] = {}

    def next(self, secret: str) -> str:
        step = max(int(time.time() // 30), self._last.get(secret, -1) + 1)
        self._last[secret] = step
        return pyotp.TOTP(secret).at(step * 30)


@pytest.fixture
def totp() -> TotpCodes:
    return TotpCodes()


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form":
            self.forms.append(
                {"action": a.get("action") or "", "method": a.get("method", "get"), "fields": {}}
            )
        elif tag == "input" and self.forms and a.get("name"):
            self.forms[-1]["fields"][a["name"]] = a.get("value") or ""


def parse_form(html: str) -> dict[str, Any]:
    parser = _FormParser()
    parser.feed(html)
    assert parser.forms, f"no form in page: {html[:300]}"
    return parser.forms[0]


class Browser:
    """A cookie-keeping user agent that fills in the provider's real HTML forms."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client
        self.url = BASE_URL

    async def get(self, url: str) -> httpx.Response:
        self.url = urljoin(self.url, url)
        return await self.client.get(self.url)

    async def submit(self, page: httpx.Response, **fields: str) -> httpx.Response:
        form = parse_form(page.text)
        data = {**form["fields"], **fields}
        self.url = urljoin(str(page.url), form["action"])
        return await self.client.post(self.url, data=data)

    async def follow(self, response: httpx.Response) -> httpx.Response:
        assert response.status_code in (302, 303), (response.status_code, response.text[:300])
        return await self.get(response.headers["location"])

    async def login(self, page: httpx.Response, account: dict[str, Any], code: str | None) -> httpx.Response:
        """Submit the login form on ``page``; returns the redirect after a successful login."""
        response = await self.submit(
            page, username=account["username"], password=account["password"], totp=code or ""
        )
        return response


@pytest.fixture
async def browser(transport: httpx.ASGITransport) -> AsyncIterator[Browser]:
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL, follow_redirects=False) as client:
        yield Browser(client)


# -- on SQLite and PostgreSQL ---------------------------------------------------------------------
# The fixtures above run on a copied SQLite file; ``world`` runs the provider on the database of the
# root ``database_url`` fixture (SQLite, and PostgreSQL when configured), with a frozen throttle clock.


class FrozenClock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class RecordingAudit:
    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []

    def record(self, tenant_id: str | None, **event: Any) -> dict[str, Any]:
        self.events.append({"tenant_id": tenant_id, **event})
        return event


@dataclass
class World:
    app: Starlette
    creds: dict[str, Any]
    clock: FrozenClock
    audit: RecordingAudit
    db: Database
    settings: Settings
    keys: KeyStore


def provider(settings: Settings, db: Database, keys: KeyStore, audit: Any, clock: FrozenClock) -> Starlette:
    flask_app = create_provider_app(settings, db, keys, audit=audit, throttle=Throttle(db, clock=clock))
    return Starlette(routes=[Mount("/oauth2", app=WSGIMiddleware(flask_app))])  # type: ignore[arg-type]


@pytest.fixture
def world(database_url: str, seeded_template: tuple[Path, dict[str, Any]], tmp_path: Path) -> Iterator[World]:
    var_dir = tmp_path / "idp-var"
    shutil.copytree(seeded_template[0], var_dir)
    settings = make_settings(var_dir, database_url=database_url)
    db = Database(database_url)
    Base.metadata.create_all(db.engine)
    keys = KeyStore(var_dir)
    creds = seed_dev_identities(settings, db, keys, BASE_URL)
    clock, audit = FrozenClock(), RecordingAudit()
    yield World(provider(settings, db, keys, audit, clock), creds, clock, audit, db, settings, keys)
    db.dispose()
