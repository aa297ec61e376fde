"""The job queue with a real huey consumer thread, on SQLite huey storage and on Redis,
over SQLite and PostgreSQL job tables."""

from __future__ import annotations

import threading

import pytest

from companyos_server.errors import DomainError
from companyos_server.platform.jobs.queue import JobQueue
from tests.unit.jobs import kinds
from tests.unit.jobs.conftest import wait_for

FINISHED = ("succeeded", "failed", "cancelled")


def test_submit_runs_to_success_with_progress_throughput_and_eta(queue: JobQueue) -> None:
    job = queue.submit("acme", "test.count", {"n": 20, "sleep": 0.01}, "usr_alice")
    assert job["id"].startswith("job_") and len(job["id"]) == 30
    assert (job["state"], job["attempts"], job["created_by"]) == ("queued", 0, "usr_alice")
    assert job["throughput_per_second"] is None and job["eta_seconds"] is None

    running = wait_for(
        queue, "acme", job["id"], lambda j: j["state"] == "running" and j["progress"]["done"] > 0
    )
    if running["state"] == "running" and running["progress"]["done"] < 20:
        assert running["progress"]["total"] == 20
        assert running["throughput_per_second"] and running["throughput_per_second"] > 0
        assert running["eta_seconds"] is not None and running["eta_seconds"] >= 0

    done = wait_for(queue, "acme", job["id"], lambda j: j["state"] in FINISHED)
    assert done["state"] == "succeeded", done
    assert done["progress"] == {"done": 20, "total": 20}
    assert done["result"] == {"counted": 20}
    assert done["attempts"] == 1 and done["errors"] == []
    assert done["started_at"] and done["finished_at"] and done["finished_at"] >= done["started_at"]
    assert done["throughput_per_second"] > 0 and done["eta_seconds"] == 0


def test_cancel_running_job_stops_at_next_checkpoint(queue: JobQueue) -> None:
    kinds.gates["cancel-running"] = gate = threading.Event()
    job = queue.submit("acme", "test.forever", {"gate": "cancel-running"}, "usr_alice")
    assert gate.wait(15), "the job never started"
    flagged = queue.cancel("acme", job["id"])
    assert flagged["state"] == "running"  # flagged, still running until its next checkpoint
    done = wait_for(queue, "acme", job["id"], lambda j: j["state"] in FINISHED)
    assert done["state"] == "cancelled" and done["finished_at"] is not None
    assert done["progress"]["done"] >= 3
    with pytest.raises(DomainError) as info:
        queue.cancel("acme", job["id"])
    assert info.value.status == 409


def test_cancel_queued_job_never_runs(queue: JobQueue) -> None:
    queue.stop_worker()
    job = queue.submit("acme", "test.count", {"n": 1}, "usr_alice")
    cancelled = queue.cancel("acme", job["id"])
    assert cancelled["state"] == "cancelled" and cancelled["finished_at"] is not None
    sentinel = queue.submit("acme", "test.count", {"n": 1}, "usr_alice")
    queue.start_worker_thread()
    wait_for(queue, "acme", sentinel["id"], lambda j: j["state"] == "succeeded")  # the queue has drained
    after = queue.get("acme", job["id"])
    assert after["state"] == "cancelled" and after["attempts"] == 0 and after["started_at"] is None


def test_retry_failed_job_is_a_new_attempt(queue: JobQueue) -> None:
    job = queue.submit("acme", "test.flaky", {}, "usr_alice")
    failed = wait_for(queue, "acme", job["id"], lambda j: j["state"] in FINISHED)
    assert failed["state"] == "failed" and failed["attempts"] == 1
    assert len(failed["errors"]) == 1 and "first attempt fails" in failed["errors"][0]["message"]
    assert failed["errors"][0]["at"]
    with pytest.raises(DomainError):
        queue.cancel("acme", job["id"])

    retried = queue.retry("acme", job["id"])
    assert retried["state"] == "queued" and retried["id"] == job["id"]
    done = wait_for(queue, "acme", job["id"], lambda j: j["state"] in FINISHED)
    assert done["state"] == "succeeded" and done["attempts"] == 2
    assert done["result"] == {"attempt": 2, "resumed_from": {"got_to": 1}}
    assert len(done["errors"]) == 1  # the history of earlier attempts stays
    with pytest.raises(DomainError) as info:
        queue.retry("acme", job["id"])
    assert info.value.status == 409


def test_retry_cancelled_job(queue: JobQueue) -> None:
    queue.stop_worker()
    job = queue.submit("acme", "test.count", {"n": 3}, "usr_alice")
    queue.cancel("acme", job["id"])
    queue.retry("acme", job["id"])
    queue.start_worker_thread()
    done = wait_for(queue, "acme", job["id"], lambda j: j["state"] in FINISHED)
    assert done["state"] == "succeeded" and done["attempts"] == 1


def test_ping_names_backend(queue: JobQueue) -> None:
    assert queue.ping() in ("sqlite", "redis")
    assert queue.ping() == queue.backend
