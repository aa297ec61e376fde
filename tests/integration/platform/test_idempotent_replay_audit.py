"""An idempotent replay is the first request's answer, not a second action: it adds no audit event.

Runs on SQLite and PostgreSQL (the ``client`` fixture's backends) with the in-process app.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx

from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer
from tests.unit.jobs import kinds  # noqa: F401 (registers the test.* job kinds)

ACR_MFA = "urn:companyos:acr:mfa"


async def test_replayed_mutation_is_audited_once(
    client: httpx.AsyncClient, runtime: Runtime, user_token: Callable[..., str]
) -> None:
    job = runtime.jobs.submit("acme", "test.count", {"n": 1}, "usr_erin")
    headers = {**bearer(user_token("alice")), "Idempotency-Key": "cancel-once"}
    url = f"/v1/tenants/acme/jobs/{job['id']}/cancel"

    first = await client.post(url, headers={**headers, "X-Request-Id": "req_first"})
    assert first.status_code == 200, first.text
    replay = await client.post(url, headers={**headers, "X-Request-Id": "req_replay"})
    assert replay.status_code == 200
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.json() == first.json()

    runtime.audit.flush(5)
    cancels = runtime.audit.list("acme", action="jobs:cancel", page_size=100).items
    assert [(e["request_id"], e["outcome"]) for e in cancels] == [("req_first", "success")]


async def test_a_new_key_is_a_new_action_and_audited(
    client: httpx.AsyncClient, runtime: Runtime, mint: Callable[..., str]
) -> None:
    body = {"id": "initech", "display_name": "Initech", "tier": "free", "residency": "us"}
    admin = mint(
        "usr_root", scopes=["openid", "api", "platform:admin"], acr=ACR_MFA, auth_time=int(time.time())
    )
    for n, key in enumerate(("k-1", "k-1", "k-2")):
        r = await client.post(
            "/v1/tenants",
            json=body,
            headers={**bearer(admin), "Idempotency-Key": key, "X-Request-Id": f"req_{n}"},
        )
        assert r.status_code in (201, 409), r.text
    runtime.audit.flush(5)
    seen = {
        e["request_id"]
        for chain in runtime.audit.chains()
        for e in runtime.audit.list(chain, page_size=200).items
        if e["request_id"] in ("req_0", "req_1", "req_2")
    }
    # req_1 is the replay of req_0 (nothing audited); req_2 is another key: a real (conflicting) attempt.
    assert seen == {"req_0", "req_2"}
