"""Retention sweeps on SQLite and PostgreSQL: what expired goes, in batches; what is live stays."""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from companyos_server import cli, housekeeping
from companyos_server.domains.policies.store import PolicyDecisionRow
from companyos_server.housekeeping import Sweep, run_housekeeping, start_housekeeping_thread
from companyos_server.platform.identity.models import IdpRevokedToken
from companyos_server.platform.middleware.models import IdempotencyKeyRow
from companyos_server.platform.runtime import Runtime
from companyos_server.platform.storage import new_id

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def decision(at: datetime) -> PolicyDecisionRow:
    return PolicyDecisionRow(
        id=new_id("pdc"),
        tenant_id="acme",
        at=at,
        principal="usr_vera",
        principal_kind="user",
        member=True,
        action="incidents:read",
        resource_type="incident",
        resource_id="acme",
        allowed=True,
    )


def idempotency_key(expires_at: datetime) -> IdempotencyKeyRow:
    ident = new_id("idk")
    return IdempotencyKeyRow(
        id=ident,
        subject="usr_vera",
        tenant_id="acme",
        method="POST",
        path="/v1/tenants/acme/incidents",
        key=ident,
        fingerprint="0" * 64,
        expires_at=expires_at,
    )


def revoked(expires_at: datetime) -> IdpRevokedToken:
    return IdpRevokedToken(jti=new_id("jti"), expires_at=int(expires_at.timestamp()))


def fill(runtime: Runtime, rows: list[Any]) -> set[str]:
    with runtime.db.session() as session:
        session.add_all(rows)
    return {getattr(r, "id", None) or r.jti for r in rows}


def surviving(runtime: Runtime, ids: set[str]) -> set[str]:
    with runtime.db.session() as session:
        found = set(session.scalars(select(PolicyDecisionRow.id).where(PolicyDecisionRow.id.in_(ids))))
        found |= set(session.scalars(select(IdempotencyKeyRow.id).where(IdempotencyKeyRow.id.in_(ids))))
        found |= set(session.scalars(select(IdpRevokedToken.jti).where(IdpRevokedToken.jti.in_(ids))))
    return found


def test_every_growing_table_has_a_sweep() -> None:
    assert {
        "authorization_codes",
        "device_codes",
        "idempotency_keys",
        "policy_decisions",
        "refresh_tokens",
        "revoked_tokens",
    } <= {s.name for s in housekeeping.sweeps()}


def test_a_pass_removes_what_expired_and_keeps_the_rest(runtime: Runtime, seeded: dict[str, Any]) -> None:
    retention = timedelta(days=runtime.settings.policy_decision_retention_days)
    old = fill(
        runtime,
        [
            decision(NOW - retention - timedelta(seconds=1)),
            decision(NOW - retention - timedelta(days=90)),
            idempotency_key(NOW - timedelta(seconds=1)),
            revoked(NOW - timedelta(minutes=5)),
        ],
    )
    live = fill(
        runtime,
        [
            decision(NOW - retention + timedelta(minutes=1)),
            decision(NOW),
            idempotency_key(NOW + timedelta(hours=23)),
            revoked(NOW + timedelta(minutes=5)),
        ],
    )
    removed = run_housekeeping(runtime.db, runtime.settings, now=NOW)
    assert all(count >= 0 for count in removed.values()), removed  # every sweep ran on this backend
    assert removed["policy_decisions"] >= 2 and removed["idempotency_keys"] >= 1
    assert removed["revoked_tokens"] >= 1
    assert surviving(runtime, old | live) == live
    # A second pass finds nothing more of ours.
    assert run_housekeeping(runtime.db, runtime.settings, now=NOW) == dict.fromkeys(removed, 0)


def test_large_backlogs_go_in_batches(runtime: Runtime, seeded: dict[str, Any]) -> None:
    stale = NOW - timedelta(days=400)
    old = fill(runtime, [decision(stale) for _ in range(7)])
    (sweep,) = [s for s in housekeeping.sweeps() if s.name == "policy_decisions"]
    assert housekeeping.run_sweep(runtime.db, runtime.settings, sweep, NOW, batch_size=3) >= 7
    assert surviving(runtime, old) == set()


def test_retention_is_configurable(runtime: Runtime, seeded: dict[str, Any]) -> None:
    week_old = fill(runtime, [decision(NOW - timedelta(days=8))])
    run_housekeeping(runtime.db, runtime.settings, now=NOW)
    assert surviving(runtime, week_old) == week_old  # within the default 30 days
    strict = runtime.settings.model_copy(update={"policy_decision_retention_days": 7})
    run_housekeeping(runtime.db, strict, now=NOW)
    assert surviving(runtime, week_old) == set()


def test_a_failing_sweep_does_not_stop_the_others(
    runtime: Runtime, seeded: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_settings: Any, _now: datetime) -> Any:
        raise RuntimeError("boom")

    real = housekeeping.sweeps()
    monkeypatch.setattr(
        housekeeping, "sweeps", lambda: [Sweep("broken", PolicyDecisionRow.id, broken), *real]
    )
    old = fill(runtime, [idempotency_key(NOW - timedelta(hours=1))])
    removed = run_housekeeping(runtime.db, runtime.settings, now=NOW)
    assert removed["broken"] == -1 and removed["idempotency_keys"] >= 1
    assert surviving(runtime, old) == set()


def test_the_worker_thread_sweeps_at_once_and_stops_when_told(
    runtime: Runtime, seeded: dict[str, Any]
) -> None:
    old = fill(runtime, [revoked(datetime.now(UTC) - timedelta(minutes=1))])
    stop = threading.Event()
    thread = start_housekeeping_thread(runtime.db, runtime.settings, stop)
    deadline = time.monotonic() + 10
    while surviving(runtime, old) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert surviving(runtime, old) == set()
    stop.set()
    thread.join(timeout=5)
    assert not thread.is_alive()


def test_the_command_reports_rows_removed(
    runtime: Runtime,
    seeded: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fill(runtime, [decision(datetime.now(UTC) - timedelta(days=365)) for _ in range(3)])
    monkeypatch.setattr(cli, "get_settings", lambda: runtime.settings)
    assert cli.main(["housekeeping", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["policy_decisions"] >= 3 and set(report) >= {"idempotency_keys", "revoked_tokens"}
    with runtime.db.session() as session:
        cutoff = datetime.now(UTC) - timedelta(days=runtime.settings.policy_decision_retention_days)
        assert session.scalar(select(func.count()).where(PolicyDecisionRow.at < cutoff)) == 0
