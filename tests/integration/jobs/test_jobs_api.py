"""The jobs API: read, cancel, retry, download; problems for wrong states and other tenants' jobs."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import httpx

from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer
from tests.unit.jobs import kinds

Token = Callable[..., str]


def h(user_token: Token, name: str) -> dict[str, str]:
    return bearer(user_token(name))


async def wait(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], states: tuple[str, ...]
) -> dict[str, Any]:
    deadline = time.monotonic() + 20
    while True:
        r = await client.get(url, headers=headers)
        assert r.status_code == 200, r.text
        if r.json()["state"] in states or time.monotonic() > deadline:
            return r.json()
        await asyncio.sleep(0.05)


async def test_list_and_get_jobs(client: httpx.AsyncClient, user_token: Token, runtime: Runtime) -> None:
    a = runtime.jobs.submit("acme", "test.count", {"n": 1}, "usr_erin")
    b = runtime.jobs.submit("acme", "test.flaky", {}, "usr_erin")
    theirs = runtime.jobs.submit("globex", "test.count", {"n": 1}, "usr_gina")
    r = await client.get("/v1/tenants/acme/jobs", headers=h(user_token, "bob"))
    assert r.status_code == 200, r.text
    ids = [j["id"] for j in r.json()["items"]]
    # Newest first, the demo seed's own jobs (a health report, a sample export) after these two.
    assert ids[:2] == [b["id"], a["id"]] and theirs["id"] not in ids
    r = await client.get("/v1/tenants/acme/jobs", params={"kind": "test.flaky"}, headers=h(user_token, "bob"))
    assert [j["id"] for j in r.json()["items"]] == [b["id"]]
    r = await client.get("/v1/tenants/acme/jobs", params={"state": "exploded"}, headers=h(user_token, "bob"))
    assert r.status_code == 400
    r = await client.get(f"/v1/tenants/acme/jobs/{a['id']}", headers=h(user_token, "bob"))
    job = r.json()
    assert job["state"] == "queued" and job["progress"] == {"done": 0, "total": None}
    assert job["throughput_per_second"] is None and job["eta_seconds"] is None


async def test_other_tenants_jobs_are_not_found(
    client: httpx.AsyncClient, user_token: Token, runtime: Runtime
) -> None:
    theirs = runtime.jobs.submit("globex", "test.count", {"n": 1}, "usr_gina")
    for method, suffix in (("GET", ""), ("POST", "/cancel"), ("POST", "/retry"), ("GET", "/artifact")):
        r = await client.request(
            method, f"/v1/tenants/acme/jobs/{theirs['id']}{suffix}", headers=h(user_token, "erin")
        )
        assert r.status_code == 404, (suffix, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
    assert runtime.jobs.get("globex", theirs["id"])["state"] == "queued"


async def test_malformed_job_id_is_a_bad_request(client: httpx.AsyncClient, user_token: Token) -> None:
    r = await client.get("/v1/tenants/acme/jobs/not-a-job", headers=h(user_token, "bob"))
    assert r.status_code == 400


async def test_cancel_queued_then_retry(
    client: httpx.AsyncClient, user_token: Token, runtime: Runtime
) -> None:
    job = runtime.jobs.submit("acme", "test.count", {"n": 2}, "usr_erin")
    url = f"/v1/tenants/acme/jobs/{job['id']}"
    r = await client.post(f"{url}/cancel", headers=h(user_token, "bob"))
    assert r.status_code == 403  # viewers may read jobs, not cancel them
    r = await client.post(f"{url}/cancel", headers=h(user_token, "alice"))
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "cancelled"
    r = await client.post(f"{url}/cancel", headers=h(user_token, "alice"))
    assert r.status_code == 409 and r.json()["status"] == 409
    r = await client.get(f"{url}/artifact", headers=h(user_token, "alice"))
    assert r.status_code == 409
    r = await client.post(f"{url}/retry", headers=h(user_token, "alice"))
    assert r.status_code == 202, r.text
    assert r.json()["state"] == "queued"
    runtime.jobs.start_worker_thread()
    done = await wait(client, url, h(user_token, "alice"), ("succeeded", "failed", "cancelled"))
    assert (
        done["state"] == "succeeded"
        and done["eta_seconds"] == 0
        and done["throughput_per_second"] is not None
    )


async def test_cancel_running_job(client: httpx.AsyncClient, user_token: Token, worker: Runtime) -> None:
    import threading

    kinds.gates["api-cancel"] = gate = threading.Event()
    job = worker.jobs.submit("acme", "test.forever", {"gate": "api-cancel"}, "usr_erin")
    assert await asyncio.to_thread(gate.wait, 15)
    url = f"/v1/tenants/acme/jobs/{job['id']}"
    r = await client.post(f"{url}/cancel", headers=h(user_token, "carol"))
    assert r.status_code == 200 and r.json()["state"] == "running"
    done = await wait(client, url, h(user_token, "carol"), ("succeeded", "failed", "cancelled"))
    assert done["state"] == "cancelled"


async def test_job_mutations_are_audited(
    client: httpx.AsyncClient, user_token: Token, runtime: Runtime
) -> None:
    job = runtime.jobs.submit("acme", "test.count", {"n": 1}, "usr_erin")
    await client.post(f"/v1/tenants/acme/jobs/{job['id']}/cancel", headers=h(user_token, "alice"))
    [event] = runtime.audit.list("acme", action="jobs:cancel").items
    assert (event["actor"], event["resource"], event["outcome"]) == (
        "usr_alice",
        f"job:{job['id']}",
        "success",
    )
