"""The database-backed throttle: backoff arithmetic, shared state between workers, reset and sweeping."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

import companyos_server.models  # noqa: F401  (complete metadata)
from companyos_server.housekeeping import run_housekeeping
from companyos_server.platform.identity.models import IdpThrottle
from companyos_server.platform.identity.throttle import (
    ACCOUNT,
    CLIENT,
    Throttle,
    ThrottlePolicy,
    normalize_source,
    normalize_subject,
)
from companyos_server.platform.storage import Base, Database

from .conftest import make_settings


class Clock:
    def __init__(self) -> None:
        self.now = 1_900_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def shared_db(database_url: str) -> Iterator[Database]:
    db = Database(database_url)
    Base.metadata.create_all(db.engine)
    yield db
    db.dispose()


def test_backoff_doubles_from_the_free_failures_and_is_capped() -> None:
    policy = ThrottlePolicy()
    assert [policy.backoff(n) for n in range(1, 11)] == [0, 0, 0, 0, 1, 2, 4, 8, 16, 32]
    assert policy.backoff(15) == 900 and policy.backoff(10**9) == 900


def test_subjects_and_sources_are_normalised() -> None:
    assert normalize_subject(" GABE ") == normalize_subject("gabe") == normalize_subject("ｇａｂｅ")
    assert normalize_source("2001:db8:1:2:aaaa::1") == normalize_source("2001:db8:1:2:bbbb::9")
    assert normalize_source("2001:db8:1:2::1") == "2001:db8:1:2::/64"
    assert normalize_source("::ffff:198.51.100.7") == "198.51.100.7"
    assert normalize_source(None) == normalize_source("not an address") == "unknown"


def test_two_workers_share_the_counters(shared_db: Database, database_url: str) -> None:
    clock = Clock()
    other_worker = Database(database_url)
    try:
        first, second = Throttle(shared_db, clock=clock), Throttle(other_worker, clock=clock)
        for worker in (first, second, first, second, first):
            worker.failed(ACCOUNT, "gabe", "198.51.100.7")
        assert second.check(ACCOUNT, "GABE", "198.51.100.7").retry_after == 1
        assert first.check(ACCOUNT, "gabe", "203.0.113.20").allowed
    finally:
        other_worker.dispose()


def test_concurrent_failures_are_all_counted(shared_db: Database) -> None:
    clock, threads, per_thread = Clock(), 4, 5
    throttle = Throttle(shared_db, clock=clock)

    def guess() -> None:
        for _ in range(per_thread):
            throttle.failed(CLIENT, "acme-service", "198.51.100.7")

    workers = [threading.Thread(target=guess) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    with shared_db.session() as session:
        counts = set(session.scalars(select(IdpThrottle.failures)))
    assert counts == {threads * per_thread}  # subject, subject+source and source: no update lost


def test_counters_reset_after_a_quiet_period_and_are_swept(shared_db: Database, tmp_path) -> None:
    clock = Clock()
    throttle = Throttle(shared_db, clock=clock)
    for _ in range(8):
        throttle.failed(ACCOUNT, "bob", "198.51.100.7")
    assert throttle.check(ACCOUNT, "bob", "198.51.100.7").retry_after == 8
    clock.now += throttle.policy.reset_after + 1
    assert throttle.check(ACCOUNT, "bob", "198.51.100.7").allowed
    throttle.failed(ACCOUNT, "bob", "198.51.100.7")  # starts again from one
    assert throttle.check(ACCOUNT, "bob", "198.51.100.7").allowed
    throttle.failed(ACCOUNT, "alice", "203.0.113.20")

    settings = make_settings(tmp_path)
    removed = run_housekeeping(shared_db, settings, now=datetime.fromtimestamp(clock.now + 10, UTC))
    assert removed["throttle_counters"] == 0
    later = datetime.fromtimestamp(clock.now + throttle.policy.reset_after + 1, UTC)
    assert run_housekeeping(shared_db, settings, now=later)["throttle_counters"] == 6
    with shared_db.session() as session:
        assert session.scalar(select(func.count()).select_from(IdpThrottle)) == 0


def test_success_clears_the_subject_but_not_the_source(shared_db: Database) -> None:
    clock = Clock()
    throttle = Throttle(shared_db, clock=clock)
    for i in range(19):
        throttle.failed(ACCOUNT, f"user-{i % 3}", "198.51.100.7")
    verdict = throttle.check(ACCOUNT, "user-0", "198.51.100.7")
    throttle.succeeded(ACCOUNT, "user-0", "198.51.100.7", verdict)
    throttle.failed(ACCOUNT, "user-0", "198.51.100.7")  # the 20th failure of the address
    refused = throttle.check(ACCOUNT, "user-0", "198.51.100.7")
    assert (refused.retry_after, refused.reason) == (3, "source")


def test_failures_write_only_fixed_size_hashed_rows(shared_db: Database) -> None:
    throttle = Throttle(shared_db, clock=time.time)
    throttle.failed(ACCOUNT, "x" * 5000, "198.51.100.7")
    with shared_db.session() as session:
        keys = list(session.scalars(select(IdpThrottle.key)))
    assert len(keys) == 3 and all(len(key) <= 80 and "x" not in key.split(":", 1)[1] for key in keys)
    assert not any("198.51.100.7" in key for key in keys)
