"""The audit feed: a server process's follower copies new audit events into security events off the read
path, and two processes syncing the same chain store each event once."""

from __future__ import annotations

import time
from typing import Any

import pytest
from sqlalchemy import func, select
from starlette.testclient import TestClient

from companyos_server.domains.secops import feed, service
from companyos_server.domains.secops.store import SecopsCursorRow, SecurityEventRow
from companyos_server.platform.runtime import Runtime


def _audit(runtime: Runtime, action: str) -> None:
    runtime.audit.record("acme", actor="usr_mallory", actor_kind="user", action=action, resource="t:1",
                         outcome="denied", status=403, request_id=None)  # fmt: skip


def _copies(runtime: Runtime, action: str) -> int:
    with runtime.db.session() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(SecurityEventRow)
                .where(SecurityEventRow.tenant_id == "acme", SecurityEventRow.action == action)
            )
            or 0
        )


def test_a_pass_reads_only_chains_that_moved(runtime: Runtime, seeded: dict[str, Any]) -> None:
    service.sync_audit(runtime.db, runtime.audit, None)
    assert service.sync_audit(runtime.db, runtime.audit, None) == 0  # nothing new: nothing stored
    _audit(runtime, "services:delete")
    assert service.sync_audit(runtime.db, runtime.audit, None) == 1
    assert _copies(runtime, "services:delete") == 1
    with runtime.db.session() as session:
        cursor = session.get(SecopsCursorRow, "acme")
        assert cursor is not None and cursor.position == runtime.audit.heads()["acme"]


def test_a_batch_another_process_stored_first_is_not_stored_again(
    runtime: Runtime, seeded: dict[str, Any]
) -> None:
    service.sync_audit(runtime.db, runtime.audit, None)
    with runtime.db.session() as session:
        cursor = session.get(SecopsCursorRow, "acme")
        before = cursor.position if cursor else 0
    _audit(runtime, "policies:delete")
    items = [e for batch in runtime.audit.iter_events("acme", after_position=before) for e in batch]
    position = int(items[-1]["position"])
    now = service.utcnow()
    # Two processes read the same cursor; the first to commit wins, the second rolls back.
    assert service._store_audit_batch(runtime.db, None, "acme", items, before, position, now) == 1
    with pytest.raises(service._CursorMoved):
        service._store_audit_batch(runtime.db, None, "acme", items, before, position, now)
    assert _copies(runtime, "policies:delete") == 1


def test_a_serving_app_follows_the_trail_without_anyone_reading(
    runtime: Runtime, seeded: dict[str, Any]
) -> None:
    from companyos_server.app import build_app

    runtime.settings.secops_feed_interval_seconds = 0.05
    with TestClient(build_app(runtime)):  # runs the lifespan, as a server does
        _audit(runtime, "flags:delete")
        deadline = time.monotonic() + 10
        while _copies(runtime, "flags:delete") == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
    assert _copies(runtime, "flags:delete") == 1


def test_the_follower_is_off_at_interval_zero(runtime: Runtime) -> None:
    runtime.settings.secops_feed_interval_seconds = 0
    assert feed.follow_audit_feed(runtime) is None
