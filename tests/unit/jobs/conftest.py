from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import companyos_server.models  # noqa: F401  (registers every table on Base.metadata)
from companyos_server.platform.jobs.queue import JobQueue
from companyos_server.platform.storage import Base, Database
from tests.conftest import REDIS_URL, make_settings


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    Base.metadata.create_all(database.engine)
    yield database
    database.dispose()


@pytest.fixture(params=["sqlite-queue", pytest.param("redis-queue", marks=pytest.mark.redis)])
def queue(request: pytest.FixtureRequest, db: Database, tmp_path: Path) -> Iterator[JobQueue]:
    """A job queue with a running in-process consumer, on SQLite huey storage and on Redis."""
    overrides: dict[str, Any] = {}
    name = "companyos"
    if request.param == "redis-queue":
        if not REDIS_URL:
            pytest.skip("COMPANYOS_TEST_REDIS_URL is not set (CI sets it to the machine's Redis)")
        overrides["redis_url"] = REDIS_URL
        name = f"companyos-test-{secrets.token_hex(6)}"  # no two tests share a Redis queue
    q = JobQueue(make_settings(tmp_path / "var", **overrides), db, name=name)
    q.start_worker_thread(workers=2)
    yield q
    q.stop_worker()
    if request.param == "redis-queue":
        q.huey.storage.flush_all()


def wait_for(queue: JobQueue, tenant: str, job_id: str, predicate: Callable[[dict[str, Any]], bool],
             timeout: float = 15.0) -> dict[str, Any]:  # fmt: skip
    deadline = time.monotonic() + timeout
    job = queue.get(tenant, job_id)
    while not predicate(job):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting; job is {job}")
        time.sleep(0.02)
        job = queue.get(tenant, job_id)
    return job
