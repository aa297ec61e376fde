"""The audit log on SQLite and PostgreSQL: chaining, signing, tamper detection, isolation."""

from __future__ import annotations

import stat
import threading
from datetime import timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import delete, update

from companyos_server.errors import DomainError
from companyos_server.platform.audit.log import AuditLog, canonical_hash
from companyos_server.platform.audit.models import GENESIS_HASH, AuditChainHead, AuditEventRow
from companyos_server.platform.audit.signing import key_id_for
from companyos_server.platform.storage import Database, utcnow


def record(audit: AuditLog, tenant: str | None = "acme", n: int = 1, **kw: Any) -> list[dict[str, Any]]:
    out = []
    for i in range(n):
        values: dict[str, Any] = {
            "actor": "usr_alice", "actor_kind": "user", "roles": ["tenant_admin"], "action": "tenants:update",
            "resource": f"tenant:{tenant}", "outcome": "success", "status": 200, "request_id": f"req_{i}",
            "details": {"i": i, "note": "ünïcode"},
        }  # fmt: skip
        values.update(kw)
        out.append(audit.record(tenant, **values))
    return out


def row_at(db: Database, tenant: str, position: int) -> AuditEventRow:
    with db.session() as s:
        return s.query(AuditEventRow).filter_by(tenant_id=tenant, position=position).one()


def test_record_chains_and_signs(audit: AuditLog) -> None:
    events = record(audit, n=3)
    assert [e["position"] for e in events] == [1, 2, 3]
    assert events[0]["prev_hash"] == GENESIS_HASH
    assert events[1]["prev_hash"] == events[0]["hash"]
    assert events[2]["prev_hash"] == events[1]["hash"]
    assert all(e["id"].startswith("aud_") and e["key_id"].startswith("ak_") for e in events)
    assert audit.keyring.verify(events[0]["key_id"], events[0]["signature"], events[0]["hash"].encode())
    result = audit.verify("acme")
    assert {k: v for k, v in result.items() if k != "checkpoint"} == {
        "tenant_id": "acme", "ok": True, "checked": 3, "first_broken_position": None, "reason": None, "detail": None,
        "problems": [],
    }  # fmt: skip
    assert (result["checkpoint"]["size"], result["checkpoint"]["head_hash"]) == (3, events[2]["hash"])


def test_empty_chain_verifies(audit: AuditLog) -> None:
    assert audit.verify("nobody")["ok"] is True
    assert audit.verify("nobody")["checked"] == 0


def test_tenantless_events_go_to_platform_chain(audit: AuditLog) -> None:
    event = record(audit, tenant=None)[0]
    assert event["tenant_id"] == "_platform"
    assert audit.verify(None)["ok"] is True
    assert audit.list("acme").items == []


def test_rejects_unknown_outcome(audit: AuditLog) -> None:
    with pytest.raises(ValueError):
        record(audit, outcome="maybe")


def test_signing_key_is_private_and_persistent(audit: AuditLog, db: Database, tmp_path: Any) -> None:
    event = record(audit)[0]
    key_file = tmp_path / "var" / "keys" / "audit" / f"{event['key_id']}.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    again = AuditLog(db, tmp_path / "var")  # a new process: same key from disk
    assert record(again)[0]["key_id"] == event["key_id"]
    assert again.verify("acme")["ok"]


def test_rotation_keeps_old_events_verifiable(audit: AuditLog, db: Database, tmp_path: Any) -> None:
    first = record(audit, n=2)
    new_id = audit.keyring.rotate()
    second = record(audit, n=2)
    assert new_id != first[0]["key_id"] and second[0]["key_id"] == new_id
    result = AuditLog(db, tmp_path / "var").verify("acme")
    assert (result["ok"], result["checked"], result["problems"]) == (True, 4, [])
    assert result["checkpoint"]["key_id"] == new_id  # checkpoints are signed with the current key


# -- tamper detection ------------------------------------------------------------------------


def test_detects_edited_field(audit: AuditLog, db: Database) -> None:
    record(audit, n=5)
    with db.session() as s:
        s.execute(update(AuditEventRow).where(AuditEventRow.tenant_id == "acme", AuditEventRow.position == 3)
                  .values(actor="usr_mallory"))  # fmt: skip
    result = audit.verify("acme")
    assert (result["ok"], result["first_broken_position"], result["reason"], result["checked"]) == (
        False, 3, "edited", 2,
    )  # fmt: skip


def test_detects_edited_details(audit: AuditLog, db: Database) -> None:
    record(audit, n=4)
    with db.session() as s:
        s.execute(update(AuditEventRow).where(AuditEventRow.tenant_id == "acme", AuditEventRow.position == 4)
                  .values(details={"i": 99}))  # fmt: skip
    result = audit.verify("acme")
    assert (result["first_broken_position"], result["reason"]) == (4, "edited")


def test_detects_deleted_event(audit: AuditLog, db: Database) -> None:
    record(audit, n=5)
    with db.session() as s:
        s.execute(delete(AuditEventRow).where(AuditEventRow.tenant_id == "acme", AuditEventRow.position == 2))
    result = audit.verify("acme")
    assert (result["ok"], result["first_broken_position"], result["reason"]) == (False, 2, "missing")


def test_detects_deleted_tail(audit: AuditLog, db: Database) -> None:
    record(audit, n=5)
    with db.session() as s:
        s.execute(delete(AuditEventRow).where(AuditEventRow.tenant_id == "acme", AuditEventRow.position >= 4))
    result = audit.verify("acme")
    assert (result["ok"], result["first_broken_position"], result["reason"]) == (False, 4, "missing")


def test_detects_deleted_and_renumbered(audit: AuditLog, db: Database) -> None:
    record(audit, n=5)
    with db.session() as s:
        s.execute(delete(AuditEventRow).where(AuditEventRow.tenant_id == "acme", AuditEventRow.position == 3))
        for pos in (4, 5):
            s.execute(update(AuditEventRow).where(AuditEventRow.tenant_id == "acme", AuditEventRow.position == pos)
                      .values(position=pos - 1))  # fmt: skip
        s.execute(update(AuditChainHead).where(AuditChainHead.chain == "acme").values(position=4))
    result = audit.verify("acme")
    assert (result["ok"], result["first_broken_position"]) == (False, 3)
    assert result["reason"] in ("missing", "edited")


def _swap(db: Database, a: int, b: int) -> None:
    with db.session() as s:
        where = AuditEventRow.tenant_id == "acme"
        s.execute(update(AuditEventRow).where(where, AuditEventRow.position == a).values(position=-1))
        s.execute(update(AuditEventRow).where(where, AuditEventRow.position == b).values(position=a))
        s.execute(update(AuditEventRow).where(where, AuditEventRow.position == -1).values(position=b))


@pytest.mark.parametrize(("a", "b"), [(2, 4), (2, 3), (1, 5)])
def test_detects_reordered_events(audit: AuditLog, db: Database, a: int, b: int) -> None:
    record(audit, n=5)
    _swap(db, a, b)
    result = audit.verify("acme")
    assert (result["ok"], result["first_broken_position"], result["reason"]) == (False, a, "reordered")


def test_detects_event_resigned_with_foreign_key(audit: AuditLog, db: Database) -> None:
    record(audit, n=5)
    row = row_at(db, "acme", 3)
    fields = {name: getattr(row, name) for name in (
        "id", "tenant_id", "position", "occurred_at", "actor", "actor_kind", "roles", "action", "resource",
        "outcome", "status", "request_id", "purpose", "details", "prev_hash")}  # fmt: skip
    fields["actor"] = "usr_mallory"
    forged_hash = canonical_hash(fields)
    mallory = Ed25519PrivateKey.generate()
    import base64

    signature = base64.urlsafe_b64encode(mallory.sign(forged_hash.encode())).decode().rstrip("=")
    with db.session() as s:
        s.execute(update(AuditEventRow).where(AuditEventRow.id == row.id)
                  .values(actor="usr_mallory", hash=forged_hash, signature=signature))  # fmt: skip
    result = audit.verify("acme")
    assert (result["first_broken_position"], result["reason"]) == (3, "bad_signature")

    # Naming the forger's own key id does not help: it is not one of ours.
    with db.session() as s:
        s.execute(update(AuditEventRow).where(AuditEventRow.id == row.id)
                  .values(key_id=key_id_for(mallory.public_key())))  # fmt: skip
    result = audit.verify("acme")
    assert (result["first_broken_position"], result["reason"]) == (3, "bad_signature")


def test_first_break_wins(audit: AuditLog, db: Database) -> None:
    record(audit, n=6)
    with db.session() as s:
        s.execute(delete(AuditEventRow).where(AuditEventRow.tenant_id == "acme", AuditEventRow.position == 5))
        s.execute(update(AuditEventRow).where(AuditEventRow.tenant_id == "acme", AuditEventRow.position == 2)
                  .values(outcome="denied"))  # fmt: skip
    result = audit.verify("acme")
    assert (result["first_broken_position"], result["reason"]) == (2, "edited")


# -- concurrency -----------------------------------------------------------------------------


def test_concurrent_appends_never_fork_the_chain(audit: AuditLog) -> None:
    threads, per_thread = 8, 15
    failures: list[BaseException] = []
    barrier = threading.Barrier(threads)

    def worker(n: int) -> None:
        try:
            barrier.wait()
            for i in range(per_thread):
                audit.record("acme", actor=f"usr_{n}", actor_kind="user", action="jobs:cancel",
                             resource=f"job:{i}", outcome="success", status=200, request_id=None)  # fmt: skip
        except BaseException as exc:  # noqa: BLE001
            failures.append(exc)

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    assert failures == []
    result = audit.verify("acme")
    assert result["ok"], result
    assert result["checked"] == threads * per_thread
    assert audit.count("acme") == threads * per_thread


# -- listing and isolation -------------------------------------------------------------------


def test_list_is_tenant_isolated(audit: AuditLog) -> None:
    record(audit, tenant="acme", n=3)
    record(audit, tenant="globex", n=2, actor="usr_bob")
    acme = audit.list("acme", page_size=500).items
    globex = audit.list("globex", page_size=500).items
    assert len(acme) == 3 and {e["tenant_id"] for e in acme} == {"acme"}
    assert len(globex) == 2 and {e["tenant_id"] for e in globex} == {"globex"}
    assert audit.list("acme", actor="usr_bob").items == []
    assert audit.verify("acme")["checked"] == 3 and audit.verify("globex")["checked"] == 2


def test_list_filters_and_pages_newest_first(audit: AuditLog) -> None:
    record(audit, n=5)
    record(audit, n=2, outcome="denied", status=403, action="audit:export")
    page = audit.list("acme", page_size=3)
    assert [e["position"] for e in page.items] == [7, 6, 5]
    assert page.next_page_token
    rest = audit.list("acme", page_size=3, page_token=page.next_page_token)
    assert [e["position"] for e in rest.items] == [4, 3, 2]
    assert [e["position"] for e in audit.list("acme", outcome="denied").items] == [7, 6]
    assert len(audit.list("acme", action="tenants:update").items) == 5
    assert len(audit.list("acme", resource="tenant:acme").items) == 7
    now = utcnow()
    assert (
        len(audit.list("acme", since=now - timedelta(minutes=5), until=now + timedelta(minutes=1)).items) == 7
    )
    assert audit.list("acme", since=now + timedelta(minutes=1)).items == []
    with pytest.raises(DomainError):  # a token is bound to its filters
        audit.list("acme", page_size=3, page_token=page.next_page_token, outcome="denied")
