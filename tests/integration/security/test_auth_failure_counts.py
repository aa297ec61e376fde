"""``auth_failure_counts``: buffered, upserted by every worker into one row per (window, source, reason),
summarized once on the ``_platform`` chain, pruned by housekeeping. SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from companyos_server.housekeeping import run_housekeeping
from companyos_server.platform.audit.models import PLATFORM_CHAIN, AuditEventRow
from companyos_server.platform.authfailures.models import AuthFailureCount
from companyos_server.platform.authfailures.recorder import AuthFailureRecorder, counts
from companyos_server.platform.runtime import Runtime

T0 = 1_800_000_000.0  # a minute boundary (epoch seconds)


class Clock:
    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def recorder(runtime: Runtime, clock: Clock, **kwargs: Any) -> AuthFailureRecorder:
    return AuthFailureRecorder(
        runtime.db, audit=lambda: runtime.audit, clock=clock, background=False, **kwargs
    )


def rows(runtime: Runtime) -> int:
    with runtime.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(AuthFailureCount)) or 0)


def chain(runtime: Runtime) -> list[AuditEventRow]:
    with runtime.db.session() as session:
        return list(session.scalars(select(AuditEventRow).where(AuditEventRow.tenant_id == PLATFORM_CHAIN)))


def test_refusals_are_buffered_then_written_as_one_row_per_source_reason_and_window(runtime: Runtime) -> None:
    clock = Clock()
    counter = recorder(runtime, clock)
    for i in range(100):
        clock.now = T0 + i * 0.5  # 50 s: one window
        counter.record("198.51.100.7", "invalid_token", rate_limited=i >= 30)
    counter.record("2001:db8::1", "missing_token")
    counter.record("2001:db8::2", "missing_token")  # the same /64: one source
    assert rows(runtime) == 0, "refused requests never wait for a database write"
    assert counter.flush() == 2
    stored = {(r["source"], r["reason"]): r for r in counts(runtime.db)}
    v4 = stored[("198.51.100.7", "invalid_token")]
    assert (v4["failures"], v4["rate_limited"]) == (100, 70)
    assert v4["window_start"] == datetime.fromtimestamp(T0, UTC)
    assert (v4["first_at"], v4["last_at"]) == (
        datetime.fromtimestamp(T0, UTC),
        datetime.fromtimestamp(T0 + 49.5, UTC),
    )
    assert stored[("2001:db8::/64", "missing_token")]["failures"] == 2
    assert chain(runtime) == []


def test_workers_add_up_in_the_same_row(runtime: Runtime) -> None:
    clock = Clock(T0 + 5)
    workers = [recorder(runtime, clock) for _ in range(4)]
    for worker in workers:
        for _ in range(25):
            worker.record("198.51.100.7", "invalid_token")
    # Every worker flushes at once: the upsert adds, it never overwrites.
    barrier = threading.Barrier(len(workers))

    def flush(worker: AuthFailureRecorder) -> None:
        barrier.wait()
        worker.flush()

    threads = [threading.Thread(target=flush, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    workers[0].record("198.51.100.7", "invalid_token")
    workers[0].flush()
    [row] = counts(runtime.db)
    assert row["failures"] == 101 and rows(runtime) == 1
    clock.now = T0 + 61  # the next window is a row of its own
    workers[1].record("198.51.100.7", "invalid_token")
    workers[1].flush()
    assert [r["failures"] for r in counts(runtime.db)] == [1, 101]


def test_a_full_buffer_is_written_by_the_request_that_fills_it(runtime: Runtime) -> None:
    counter = recorder(runtime, Clock(), max_buffered=3)
    counter.record("192.0.2.1", "invalid_token")
    counter.record("192.0.2.2", "invalid_token")
    assert rows(runtime) == 0
    counter.record("192.0.2.3", "invalid_token")
    assert rows(runtime) == 3


def test_closed_windows_are_summarized_once_however_many_workers_try(runtime: Runtime) -> None:
    clock = Clock(T0 + 1)
    workers = [recorder(runtime, clock) for _ in range(3)]
    for n, source in enumerate(["192.0.2.1", "192.0.2.2", "192.0.2.3"] * 4):
        workers[n % 3].record(source, "invalid_token" if n % 2 else "expired_token")
    clock.now = T0 + 30
    for worker in workers:
        worker.record("192.0.2.9", "missing_token")
        worker.flush()
    assert workers[0].summarize(now=T0 + 30) is None, "the window is still open"

    results: list[dict[str, Any] | None] = []
    barrier = threading.Barrier(len(workers))

    def summarize(worker: AuthFailureRecorder) -> None:
        barrier.wait()
        results.append(worker.summarize(now=T0 + 600))

    threads = [threading.Thread(target=summarize, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    events = [r for r in results if r is not None]
    total = sum(e["details"]["failures"] for e in events)
    assert total == 15, "every count is in exactly one summary"
    assert len(chain(runtime)) == len(events) >= 1
    assert all(r["summarized_at"] is not None for r in counts(runtime.db))
    first = events[0]["details"]
    assert first["from"] == "2027-01-15T08:00:00Z" and first["until"] == "2027-01-15T08:01:00Z"
    assert runtime.audit.verify(None)["ok"]


def test_a_summary_lists_the_top_sources(runtime: Runtime) -> None:
    clock = Clock(T0)
    counter = recorder(runtime, clock)
    for i in range(12):
        for _ in range(i + 1):
            counter.record(f"192.0.2.{i}", "invalid_token", rate_limited=True)
    counter.flush()
    event = counter.summarize(now=T0 + 3600)
    assert event is not None
    details = event["details"]
    assert (details["sources"], details["failures"], details["rate_limited"]) == (12, 78, 78)
    top = details["top_sources"]
    assert [t["source"] for t in top] == [f"192.0.2.{i}" for i in range(11, 1, -1)]
    assert top[0] == {
        "source": "192.0.2.11",
        "failures": 12,
        "rate_limited": 12,
        "reasons": {"invalid_token": 12},
    }


def test_housekeeping_prunes_windows_past_retention(runtime: Runtime) -> None:
    now = datetime.now(UTC)
    old, recent = Clock((now - timedelta(days=31)).timestamp()), Clock((now - timedelta(days=29)).timestamp())
    for clock in (old, recent):
        counter = recorder(runtime, clock)
        counter.record("192.0.2.1", "invalid_token")
        counter.flush()
    assert rows(runtime) == 2
    removed = run_housekeeping(runtime.db, runtime.settings, now=now)
    assert removed["auth_failure_counts"] == 1
    [kept] = counts(runtime.db)
    assert kept["window_start"] > now - timedelta(days=30)
