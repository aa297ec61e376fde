"""The audit trail through the HTTP API: what the middleware records, listing, verification, exports."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from typing import Any

import httpx
from sqlalchemy import delete, select, update

from companyos_server.platform import authfailures
from companyos_server.platform.audit.log import canonical_hash
from companyos_server.platform.audit.models import AuditChainHead, AuditEventRow
from companyos_server.platform.authfailures.recorder import counts
from companyos_server.platform.principal import ACR_MFA
from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer
from tests.unit.jobs import kinds  # noqa: F401  (registers the test job kinds)

Token = Callable[..., str]


def h(user_token: Token, name: str, **kw: Any) -> dict[str, str]:
    return bearer(user_token(name, **kw))


async def events(
    client: httpx.AsyncClient, user_token: Token, tenant: str = "acme", **params: Any
) -> list[dict[str, Any]]:
    r = await client.get(
        f"/v1/tenants/{tenant}/audit/events",
        params=params,
        headers=h(user_token, "dave" if tenant == "acme" else "gus"),
    )
    assert r.status_code == 200, r.text
    return r.json()["items"]


async def mutate(client: httpx.AsyncClient, runtime: Runtime, user_token: Token, tenant: str = "acme",
                 user: str = "erin") -> httpx.Response:  # fmt: skip
    """A mutation through an audited endpoint: cancel a queued job."""
    job = runtime.jobs.submit(tenant, "test.count", {"n": 1}, f"usr_{user}")
    return await client.post(f"/v1/tenants/{tenant}/jobs/{job['id']}/cancel", headers=h(user_token, user))


async def test_mutation_is_recorded_with_actor_roles_and_request_id(
    client: httpx.AsyncClient, user_token: Token, runtime: Runtime
) -> None:
    r = await mutate(client, runtime, user_token)
    assert r.status_code == 200, r.text
    [event] = await events(client, user_token, action="jobs:cancel")
    assert event["actor"] == "usr_erin" and event["actor_kind"] == "user"
    assert event["roles"] == ["tenant_admin"]
    assert (event["outcome"], event["status"], event["resource"]) == ("success", 200, f"job:{r.json()['id']}")
    assert event["request_id"] and event["request_id"] == r.headers.get("x-request-id")
    assert event["details"]["operation_id"] == "cancel_job"
    assert event["position"] >= 1 and event["tenant_id"] == "acme"


async def test_denied_requests_are_recorded(
    client: httpx.AsyncClient, user_token: Token, runtime: Runtime
) -> None:
    r = await mutate(client, runtime, user_token, user="bob")
    assert r.status_code == 403
    r = await client.get("/v1/tenants/acme/audit/events", headers=h(user_token, "bob"))
    assert r.status_code == 403  # a viewer may not read the trail; the denied read is itself audited
    denied = await events(client, user_token, outcome="denied")
    assert [(e["action"], e["actor"], e["status"]) for e in denied] == [
        ("audit:read", "usr_bob", 403),
        ("jobs:cancel", "usr_bob", 403),
    ]
    assert denied[1]["details"]["reasons"]

    r = await client.post("/v1/tenants", json={"id": "initech", "display_name": "Initech"})
    assert r.status_code == 401
    # No principal: counted per source and reason, not one chained event each (issue 9, item 5).
    assert runtime.audit.list("_platform").items == []
    runtime.extras[authfailures.EXTRAS_KEY].flush()
    assert [(c["reason"], c["failures"]) for c in counts(runtime.db)] == [("missing_token", 1)]


async def test_reads_are_not_recorded_but_cross_tenant_reads_are(
    client: httpx.AsyncClient, user_token: Token
) -> None:
    assert (await client.get("/v1/tenants/acme/jobs", headers=h(user_token, "alice"))).status_code == 200
    assert await events(client, user_token, actor="usr_alice") == []
    r = await client.get(
        "/v1/tenants/acme/jobs",
        headers={**h(user_token, "root-admin", scopes=["openid", "api", "platform:admin", "tenants:cross"]),
                 "X-CompanyOS-Purpose": "incident INC-42 review"},
    )  # fmt: skip
    assert r.status_code == 200, r.text
    [event] = await events(client, user_token, actor="usr_root-admin")
    assert event["purpose"] == "incident INC-42 review" and event["details"]["cross_tenant"] is True
    assert event["action"] == "jobs:read" and event["outcome"] == "success"


async def test_events_are_tenant_isolated(
    client: httpx.AsyncClient, user_token: Token, runtime: Runtime
) -> None:
    assert (await mutate(client, runtime, user_token)).status_code == 200
    assert (await mutate(client, runtime, user_token, "globex", "gina")).status_code == 200
    assert {e["tenant_id"] for e in await events(client, user_token, "acme")} == {"acme"}
    assert {e["tenant_id"] for e in await events(client, user_token, "globex")} == {"globex"}
    r = await client.get("/v1/tenants/globex/audit/events", headers=h(user_token, "dave"))
    assert r.status_code == 404  # not a member: not even the tenant's existence is revealed


async def test_list_validates_filters(client: httpx.AsyncClient, user_token: Token) -> None:
    r = await client.get(
        "/v1/tenants/acme/audit/events", params={"outcome": "meh"}, headers=h(user_token, "dave")
    )
    assert r.status_code == 400
    r = await client.get(
        "/v1/tenants/acme/audit/events", params={"since": "yesterday"}, headers=h(user_token, "dave")
    )
    assert r.status_code == 400
    r = await client.get(
        "/v1/tenants/acme/audit/events",
        params={"since": "2020-01-01T00:00:00Z"},
        headers=h(user_token, "dave"),
    )
    assert r.status_code == 200


def _seeded_events(runtime: Runtime) -> int:
    """Events the demo seed already wrote into acme's chain (e.g. the sample dataset export's)."""
    with runtime.db.session() as s:
        return len(list(s.scalars(select(AuditEventRow.position).where(AuditEventRow.tenant_id == "acme"))))


async def test_verification_reports_tampering(
    client: httpx.AsyncClient, user_token: Token, runtime: Runtime
) -> None:
    seeded = _seeded_events(runtime)
    for _ in range(3):
        assert (await mutate(client, runtime, user_token)).status_code == 200
    r = await client.get("/v1/tenants/acme/audit/verification", headers=h(user_token, "alice"))
    assert r.status_code == 200, r.text
    body = r.json()
    checkpoint = body.pop("checkpoint")
    assert body == {
        "tenant_id": "acme",
        "ok": True,
        "checked": seeded + 3,
        "first_broken_position": None,
        "reason": None,
        "detail": None,
        "problems": [],
    }
    assert (checkpoint["chain"], checkpoint["size"]) == ("acme", seeded + 3)
    with runtime.db.session() as s:
        s.execute(update(AuditEventRow).where(AuditEventRow.tenant_id == "acme", AuditEventRow.position == 2)
                  .values(actor="usr_nobody"))  # fmt: skip
    body = (await client.get("/v1/tenants/acme/audit/verification", headers=h(user_token, "alice"))).json()
    assert (body["ok"], body["first_broken_position"], body["reason"]) == (False, 2, "edited")
    r = await client.get("/v1/tenants/acme/audit/verification", headers=h(user_token, "bob"))
    assert r.status_code == 403


async def test_verification_reports_truncation_and_a_rollback_below_a_known_checkpoint(
    client: httpx.AsyncClient, user_token: Token, runtime: Runtime
) -> None:
    seeded = _seeded_events(runtime)
    for _ in range(4):
        assert (await mutate(client, runtime, user_token)).status_code == 200
    url, auth = "/v1/tenants/acme/audit/verification", h(user_token, "alice")
    pin = (await client.get(url, headers=auth)).json()["checkpoint"]
    assert pin["size"] == seeded + 4 and runtime.audit.keyring.verify(
        pin["key_id"], pin["signature"], pin["hash"].encode()
    )
    assert (runtime.settings.var_dir / "audit-witness" / "acme.jsonl").exists()
    with runtime.db.session() as s:  # drop the last two events and rewind the head
        s.execute(delete(AuditEventRow).where(AuditEventRow.tenant_id == "acme", AuditEventRow.position > 2))
        last = s.scalar(
            select(AuditEventRow.hash).where(AuditEventRow.tenant_id == "acme", AuditEventRow.position == 2)
        )
        s.execute(update(AuditChainHead).where(AuditChainHead.chain == "acme").values(position=2, hash=last))
    body = (await client.get(url, headers=auth)).json()
    assert (body["ok"], body["first_broken_position"], body["reason"]) == (False, 3, "truncated")
    r = await client.get(url, headers=auth, params={"known_checkpoint": f"{pin['size']}:{pin['head_hash']}"})
    assert r.status_code == 200, r.text
    assert {p["reason"] for p in r.json()["problems"]} == {"truncated", "rollback"}


async def test_verification_validates_the_known_checkpoint(
    client: httpx.AsyncClient, user_token: Token
) -> None:
    url, auth = "/v1/tenants/acme/audit/verification", h(user_token, "alice")
    for bad in ("3", "0:" + "0" * 64, "3:XYZ", ":" + "a" * 64, "3:" + "A" * 64):
        r = await client.get(url, headers=auth, params={"known_checkpoint": bad})
        assert r.status_code == 400, (bad, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["errors"][0]["field"] == "known_checkpoint"


async def _wait_job(client: httpx.AsyncClient, url: str, headers: dict[str, str]) -> dict[str, Any]:
    deadline = time.monotonic() + 20
    while True:
        job = (await client.get(url, headers=headers)).json()
        if job["state"] in ("succeeded", "failed", "cancelled") or time.monotonic() > deadline:
            return job
        await asyncio.sleep(0.05)


async def test_export_is_a_job_with_a_verifiable_ndjson_artifact(
    client: httpx.AsyncClient, user_token: Token, worker: Runtime
) -> None:
    for _ in range(5):
        assert (await mutate(client, worker, user_token, "globex", "gina")).status_code in (200, 409)
    headers = h(user_token, "gus")
    r = await client.post("/v1/tenants/globex/audit/exports", json={"format": "ndjson"}, headers=headers)
    assert r.status_code == 202, r.text
    job = r.json()
    assert job["kind"] == "audit.export" and job["state"] in ("queued", "running")
    assert r.headers["location"] == f"/v1/tenants/globex/jobs/{job['id']}"

    done = await _wait_job(client, r.headers["location"], headers)
    assert done["state"] == "succeeded", done
    assert done["progress"]["done"] == done["progress"]["total"] == done["result"]["events"] >= 5
    assert done["result"]["artifact"]["media_type"] == "application/x-ndjson"

    a = await client.get(f"{r.headers['location']}/artifact", headers=headers)
    assert a.status_code == 200, a.text
    assert a.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in a.text.splitlines()]
    assert len(lines) == done["result"]["events"]
    assert [e["position"] for e in lines] == list(range(1, len(lines) + 1))
    prev = "0" * 64
    for event in lines:  # verifiable offline: hashes chain and recompute
        assert event["prev_hash"] == prev
        assert canonical_hash(event) == event["hash"]
        prev = event["hash"]


async def test_export_of_eu_data_needs_mfa(client: httpx.AsyncClient, user_token: Token) -> None:
    r = await client.post("/v1/tenants/acme/audit/exports", json={}, headers=h(user_token, "dave"))
    assert r.status_code == 403
    r = await client.post(
        "/v1/tenants/acme/audit/exports", json={},
        headers=h(user_token, "dave", acr=ACR_MFA, auth_time=int(time.time())),
    )  # fmt: skip
    assert r.status_code == 202, r.text
    r = await client.post(
        "/v1/tenants/acme/audit/exports", json={}, headers=h(user_token, "alice", acr=ACR_MFA)
    )
    assert r.status_code == 403  # an SRE may read the trail, not export it
