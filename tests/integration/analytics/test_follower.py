"""The ops feed follower: a serving process copies new ops records into the analytics store on its own,
and a pass that finds nothing new (or races another) copies nothing twice."""

from __future__ import annotations

import time
from typing import Any

from sqlglot import exp
from starlette.testclient import TestClient

from companyos_server.domains.analytics.follower import sync_every_tenant
from companyos_server.domains.analytics.service import warehouse
from companyos_server.platform.runtime import Runtime


def _audit(runtime: Runtime, action: str) -> None:
    runtime.audit.record("acme", actor="usr_alice", actor_kind="user", action=action, resource="t:1",
                         outcome="success", status=200, request_id=None)  # fmt: skip


def _stored(runtime: Runtime, action: str) -> int:
    backend = warehouse(runtime).partition("eu")
    query = (
        exp.select("count(*)")
        .from_(backend.qualify("events"))
        .where(exp.column("tenant_id").eq(exp.Literal.string("acme")))
        .where(exp.column("properties").like(exp.Literal.string(f'%"action":"{action}"%')))
    )
    return int(backend.execute(backend.render(query))[1][0][0])


def test_a_pass_copies_each_tenants_new_records_once(runtime: Runtime, seeded: dict[str, Any]) -> None:
    sync_every_tenant(runtime)
    _audit(runtime, "follower:probe")
    copied = sync_every_tenant(runtime)
    assert copied["acme"]["audit_events"] >= 1 and "globex" in copied
    assert sync_every_tenant(runtime)["acme"]["audit_events"] == 0
    assert _stored(runtime, "follower:probe") == 1


def test_a_serving_app_follows_the_ops_records(runtime: Runtime, seeded: dict[str, Any]) -> None:
    from companyos_server.app import build_app

    runtime.settings.analytics_ops_sync_interval_seconds = 0.05
    runtime.settings.secops_feed_interval_seconds = 0
    with TestClient(build_app(runtime)):  # runs the lifespan, as a server does
        _audit(runtime, "follower:served")
        deadline = time.monotonic() + 20
        while _stored(runtime, "follower:served") == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
    assert _stored(runtime, "follower:served") == 1
