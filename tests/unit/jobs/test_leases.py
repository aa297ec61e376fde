"""Job leases: a running attempt renews its heartbeat; a job whose worker is gone goes back to the
queue (resuming from its checkpoint) until its last allowed attempt, then fails."""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from companyos_server.platform.jobs.models import JobRow
from companyos_server.platform.jobs.queue import JobQueue
from companyos_server.platform.storage import Database, utcnow
from tests.conftest import make_settings
from tests.unit.jobs import kinds
from tests.unit.jobs.conftest import wait_for

FINISHED = ("succeeded", "failed", "cancelled")


@pytest.fixture
def leased(db: Database, tmp_path: Path) -> Iterator[JobQueue]:
    """A queue with a short lease (renewed every 0.5 s) and no consumer until a test starts one."""
    q = JobQueue(make_settings(tmp_path / "var", job_lease_seconds=1.5, job_max_attempts=2), db)
    yield q
    q.stop_worker()


def heartbeat(db: Database, job_id: str) -> object:
    with db.session() as session:
        row = session.get(JobRow, job_id)
        assert row is not None
        return row.heartbeat_at


def as_if_running_in_a_dead_worker(db: Database, job_id: str, attempts: int) -> None:
    stale = utcnow() - timedelta(hours=1)
    with db.session() as session:
        session.execute(
            update(JobRow)
            .where(JobRow.id == job_id)
            .values(state="running", attempts=attempts, started_at=stale, heartbeat_at=stale)
        )


def test_a_running_attempt_renews_its_lease_and_is_left_alone(leased: JobQueue) -> None:
    leased.start_worker_thread()
    job = leased.submit("acme", "test.count", {"n": 100, "sleep": 0.02}, "usr_alice")
    wait_for(leased, "acme", job["id"], lambda j: j["state"] == "running")
    first = heartbeat(leased.db, job["id"])
    time.sleep(0.8)
    assert heartbeat(leased.db, job["id"]) != first  # renewed
    assert leased.recover_lost() == []  # within its lease
    done = wait_for(leased, "acme", job["id"], lambda j: j["state"] in FINISHED)
    assert done["state"] == "succeeded" and done["attempts"] == 1 and done["errors"] == []


def test_a_lost_job_is_requeued_resumes_then_fails_after_its_last_attempt(leased: JobQueue) -> None:
    job = leased.submit("acme", "test.flaky", {}, "usr_alice")
    as_if_running_in_a_dead_worker(leased.db, job["id"], attempts=1)

    (requeued,) = leased.recover_lost()
    assert (requeued["id"], requeued["state"]) == (job["id"], "queued")
    assert "worker lost: attempt 1" in requeued["errors"][-1]["message"]
    assert leased.recover_lost() == []  # queued is not lost

    leased.start_worker_thread()
    done = wait_for(leased, "acme", job["id"], lambda j: j["state"] in FINISHED)
    assert done["state"] == "succeeded" and done["attempts"] == 2  # flaky succeeds on attempt 2
    assert [e["message"].split(":")[0] for e in done["errors"]] == ["worker lost"]

    leased.stop_worker()
    again = leased.submit("acme", "test.count", {"n": 1}, "usr_alice")
    as_if_running_in_a_dead_worker(leased.db, again["id"], attempts=2)  # job_max_attempts is 2
    (failed,) = leased.recover_lost()
    assert failed["state"] == "failed" and failed["finished_at"]
    assert "worker lost: attempt 2" in failed["errors"][-1]["message"]


def test_kinds_that_recover_themselves_are_left_to_them(leased: JobQueue) -> None:
    import companyos_server.core.maestro.jobs  # noqa: F401  (registers maestro.run)

    job = leased.submit("acme", "maestro.run", {"run_id": "run_x"}, "usr_alice")
    as_if_running_in_a_dead_worker(leased.db, job["id"], attempts=1)
    assert leased.recover_lost() == []
    assert leased.get("acme", job["id"])["state"] == "running"


def test_a_presumed_dead_attempt_that_finishes_late_does_not_overwrite_the_newer_one(
    leased: JobQueue,
) -> None:
    gate = secrets.token_hex(4)
    kinds.gates[f"{gate}-entered"] = threading.Event()
    kinds.gates[f"{gate}-release"] = threading.Event()
    leased.start_worker_thread(workers=2)
    job = leased.submit("acme", "test.hold", {"gate": gate}, "usr_alice")
    assert kinds.gates[f"{gate}-entered"].wait(timeout=15)

    # Its worker is alive but unreachable for longer than the lease (a partition, a paused VM).
    (requeued,) = leased.recover_lost(now=utcnow() + timedelta(hours=1))
    assert requeued["state"] == "queued"
    done = wait_for(leased, "acme", job["id"], lambda j: j["state"] in FINISHED)
    assert (done["state"], done["attempts"], done["result"]) == ("succeeded", 2, {"attempt": 2})

    kinds.gates[f"{gate}-release"].set()  # attempt 1 comes back and finishes
    time.sleep(0.3)
    after = leased.get("acme", job["id"])
    assert (after["state"], after["attempts"], after["result"]) == ("succeeded", 2, {"attempt": 2})
