from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import companyos_server.models  # noqa: F401  (registers every table on Base.metadata)
from companyos_server.platform.audit.log import AuditLog
from companyos_server.platform.storage import Base, Database


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    Base.metadata.create_all(database.engine)
    yield database
    database.dispose()


@pytest.fixture
def audit(db: Database, tmp_path: Path) -> AuditLog:
    return AuditLog(db, tmp_path / "var")
