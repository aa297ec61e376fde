"""Fast fixtures for unit tests: a temp var dir, a SQLite file with all tables, a key store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import companyos_server.models  # noqa: F401  (complete metadata)
from companyos_server.platform.identity.keys import KeyStore
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


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture
def db(settings: Settings) -> Iterator[Database]:
    database = Database(settings.effective_database_url)
    Base.metadata.create_all(database.engine)
    yield database
    database.dispose()


@pytest.fixture
def keys(settings: Settings) -> KeyStore:
    return KeyStore(settings.var_dir)
