"""An audited POST under an Idempotency-Key commits three transactions, and every guarantee holds.

The guard's decision is written with the in-flight key (before the handler), the stored response with
the audit event (before the response is forwarded). Runs on SQLite and PostgreSQL (the ``client``
fixture's backends) with the in-process app.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import event, select

from companyos_server.domains.policies.hook import flush_decisions
from companyos_server.domains.policies.store import PolicyDecisionRow
from companyos_server.platform.middleware.models import IdempotencyKeyRow
from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer

INCIDENTS = "/v1/tenants/acme/incidents"


@pytest.fixture
def commits(runtime: Runtime) -> Iterator[list[int]]:
    seen = [0]

    def count(_conn: Any) -> None:
        # The request path's threads only (not the decision flusher or the checkpoint writer).
        if threading.current_thread().name.startswith("AnyIO worker"):
            seen[0] += 1

    event.listen(runtime.db.engine, "commit", count)
    yield seen
    event.remove(runtime.db.engine, "commit", count)


def events_of(runtime: Runtime, request_id: str) -> list[dict[str, Any]]:
    runtime.audit.flush(5)
    return [e for e in runtime.audit.list("acme", page_size=200).items if e["request_id"] == request_id]


def decisions_of(runtime: Runtime, request_id: str) -> list[PolicyDecisionRow]:
    flush_decisions(runtime.db)
    with runtime.db.session() as session:
        return list(
            session.scalars(select(PolicyDecisionRow).where(PolicyDecisionRow.request_id == request_id))
        )


def key_row(runtime: Runtime, key: str) -> IdempotencyKeyRow | None:
    with runtime.db.session() as session:
        return session.scalars(select(IdempotencyKeyRow).where(IdempotencyKeyRow.key == key)).first()


async def test_a_keyed_post_commits_three_transactions_and_keeps_every_record(
    client: httpx.AsyncClient, runtime: Runtime, user_token: Callable[..., str], commits: list[int]
) -> None:
    headers = {**bearer(user_token("alice")), "Idempotency-Key": "tx-1", "X-Request-Id": "req_tx_1"}
    body = {"title": "Checkout errors", "severity": "sev2"}
    await client.get("/v1/tenants/acme", headers=bearer(user_token("alice")))  # warm caches
    commits[0] = 0
    created = await client.post(INCIDENTS, json=body, headers=headers)
    assert created.status_code == 201, created.text
    assert commits[0] <= 3  # decision + key in flight, the incident, response + audit event

    [audited] = events_of(runtime, "req_tx_1")
    assert (audited["action"], audited["outcome"], audited["status"]) == ("incidents:create", "success", 201)
    [decision] = decisions_of(runtime, "req_tx_1")
    assert decision.allowed and decision.mutation and decision.action == "incidents:create"
    row = key_row(runtime, "tx-1")
    assert row is not None and row.state == "completed" and row.status_code == 201

    replay = await client.post(INCIDENTS, json=body, headers={**headers, "X-Request-Id": "req_tx_2"})
    assert replay.status_code == 201 and replay.headers["idempotent-replayed"] == "true"
    assert replay.json() == created.json()
    assert events_of(runtime, "req_tx_2") == []  # a replay is not a second action
    assert runtime.audit.verify("acme")["ok"]


async def test_a_failed_joint_write_falls_back_to_separate_writes(
    client: httpx.AsyncClient,
    runtime: Runtime,
    user_token: Callable[..., str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_: Any, **__: Any) -> Any:
        raise RuntimeError("the joint append fails")

    monkeypatch.setattr(runtime.audit, "record_in", broken)
    headers = {**bearer(user_token("alice")), "Idempotency-Key": "tx-3", "X-Request-Id": "req_tx_3"}
    created = await client.post(INCIDENTS, json={"title": "Lost pages", "severity": "sev3"}, headers=headers)
    assert created.status_code == 201, created.text
    [audited] = events_of(runtime, "req_tx_3")  # appended on its own, once
    assert audited["status"] == 201
    row = key_row(runtime, "tx-3")
    assert row is not None and row.state == "completed"
    assert runtime.audit.verify("acme")["ok"]


async def test_the_decision_is_kept_when_the_request_stops_before_the_key_store(
    client: httpx.AsyncClient, runtime: Runtime, user_token: Callable[..., str]
) -> None:
    headers = {**bearer(user_token("alice")), "Idempotency-Key": "bad key", "X-Request-Id": "req_tx_4"}
    refused = await client.post(INCIDENTS, json={"title": "x", "severity": "sev3"}, headers=headers)
    assert refused.status_code == 400
    [decision] = decisions_of(runtime, "req_tx_4")
    assert decision.allowed and decision.action == "incidents:create"
    [audited] = events_of(runtime, "req_tx_4")
    assert audited["outcome"] == "failure" and audited["status"] == 400


async def test_a_denied_keyed_post_is_decided_and_audited(
    client: httpx.AsyncClient, runtime: Runtime, user_token: Callable[..., str]
) -> None:
    headers = {**bearer(user_token("bob")), "Idempotency-Key": "tx-5", "X-Request-Id": "req_tx_5"}
    refused = await client.post(INCIDENTS, json={"title": "x", "severity": "sev3"}, headers=headers)
    assert refused.status_code == 403
    [decision] = decisions_of(runtime, "req_tx_5")
    assert not decision.allowed
    [audited] = events_of(runtime, "req_tx_5")
    assert audited["outcome"] == "denied"
    assert key_row(runtime, "tx-5") is None
