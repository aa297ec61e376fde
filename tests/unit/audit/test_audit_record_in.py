"""``AuditLog.record_in``: an append inside the caller's transaction commits or rolls back with it."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from companyos_server.platform.audit.log import AuditLog

EVENT = {
    "actor": "usr_a",
    "actor_kind": "user",
    "action": "incidents:create",
    "resource": "incident:inc_1",
    "outcome": "success",
    "status": 201,
    "request_id": "req_1",
}


def test_appended_with_the_callers_writes(audit: AuditLog) -> None:
    audit.record("acme", **EVENT)
    with audit.db.session() as session:
        session.execute(text("SELECT 1"))  # the caller's own work
        event = audit.record_in(session, "acme", **{**EVENT, "request_id": "req_2"})
    assert audit.committed(event)["position"] == 2
    audit.record("acme", **{**EVENT, "request_id": "req_3"})
    assert [e["request_id"] for e in audit.list("acme").items] == ["req_3", "req_2", "req_1"]
    assert audit.verify("acme")["ok"]


def test_rolled_back_with_the_callers_transaction(audit: AuditLog) -> None:
    audit.record("acme", **EVENT)

    def failing_caller() -> None:
        with audit.db.session() as session:
            audit.record_in(session, "acme", **{**EVENT, "request_id": "req_lost"})
            raise RuntimeError("the caller's transaction fails")

    with pytest.raises(RuntimeError):
        failing_caller()
    after = audit.record("acme", **{**EVENT, "request_id": "req_next"})
    assert after["position"] == 2  # the rolled-back append left no gap
    assert "req_lost" not in {e["request_id"] for e in audit.list("acme").items}
    assert audit.verify("acme")["ok"]


def test_outcome_is_checked_before_anything_is_written(audit: AuditLog) -> None:
    def bad_outcome() -> None:
        with audit.db.session() as session:
            audit.record_in(session, "acme", **{**EVENT, "outcome": "maybe"})

    with pytest.raises(ValueError):
        bad_outcome()
    assert audit.count("acme") == 0
