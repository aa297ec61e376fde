"""Job rows without a consumer: tenant isolation, listing, validation (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from companyos_server.errors import DomainError
from companyos_server.platform.jobs.queue import JobQueue
from companyos_server.platform.storage import Database
from tests.conftest import make_settings
from tests.unit.jobs import kinds  # noqa: F401  (registers the test kinds)


@pytest.fixture
def idle(db: Database, tmp_path: Path) -> JobQueue:
    return JobQueue(make_settings(tmp_path / "var"), db)


def test_huey_storage_lives_in_the_var_dir(idle: JobQueue, tmp_path: Path) -> None:
    assert idle.ping() == "sqlite"
    assert (tmp_path / "var" / "jobs.db").exists()


def test_tenant_isolation(idle: JobQueue) -> None:
    a = idle.submit("acme", "test.count", {"n": 1}, "usr_alice")
    b = idle.submit("globex", "test.count", {"n": 1}, "usr_bob")
    assert [j["id"] for j in idle.list("acme").items] == [a["id"]]
    assert [j["id"] for j in idle.list("globex").items] == [b["id"]]
    for call in (idle.get, idle.cancel, idle.retry):
        with pytest.raises(DomainError) as info:
            call("acme", b["id"])
        assert info.value.status == 404
    assert idle.get("globex", b["id"])["state"] == "queued"  # untouched by acme's attempts


def test_list_filters_and_pages_newest_first(idle: JobQueue) -> None:
    ids = [idle.submit("acme", "test.count", {"n": 1}, "usr_alice")["id"] for _ in range(5)]
    other = idle.submit("acme", "test.flaky", {}, "usr_alice")["id"]
    idle.cancel("acme", ids[0])
    page = idle.list("acme", page_size=4)
    assert [j["id"] for j in page.items] == [other, *reversed(ids[2:])]
    rest = idle.list("acme", page_size=4, page_token=page.next_page_token)
    assert [j["id"] for j in rest.items] == [ids[1], ids[0]] and rest.next_page_token is None
    assert [j["id"] for j in idle.list("acme", kind="test.flaky").items] == [other]
    assert [j["id"] for j in idle.list("acme", state="cancelled").items] == [ids[0]]
    with pytest.raises(DomainError):
        idle.list("acme", state="exploded")


def test_unknown_kind_is_rejected(idle: JobQueue) -> None:
    with pytest.raises(DomainError) as info:
        idle.submit("acme", "no.such.kind", {}, "usr_alice")
    assert info.value.status == 400


def test_run_now_executes_in_the_calling_thread(idle: JobQueue) -> None:
    job = idle.submit("acme", "test.count", {"n": 4, "sleep": 0}, "usr_alice")
    idle.run_now(job["id"])
    done = idle.get("acme", job["id"])
    assert (done["state"], done["progress"], done["result"]) == (
        "succeeded",
        {"done": 4, "total": 4},
        {"counted": 4},
    )
    idle.run_now(job["id"])  # not queued any more: nothing happens
    assert idle.get("acme", job["id"])["attempts"] == 1
