"""Signed checkpoints on SQLite and PostgreSQL: truncation, deletion and rollback become detectable."""

from __future__ import annotations

import json
import stat
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, func, select, update

from companyos_server.platform.audit import cli
from companyos_server.platform.audit.checkpoints import checkpoint_hash
from companyos_server.platform.audit.log import AuditLog, CheckpointRefused
from companyos_server.platform.audit.models import AuditChainHead, AuditCheckpointRow, AuditEventRow
from companyos_server.platform.storage import Database
from companyos_server.settings import Settings


def record(audit: AuditLog, tenant: str | None = "acme", n: int = 1) -> list[dict[str, Any]]:
    return [
        audit.record(tenant, actor="usr_alice", actor_kind="user", action="tenants:update",
                     resource=f"tenant:{tenant}", outcome="success", status=200, request_id=f"req_{i}")
        for i in range(n)
    ]  # fmt: skip


def truncate(db: Database, tenant: str, keep: int) -> None:
    """What an attacker with database access does: drop the tail and rewind the head to match."""
    with db.session() as s:
        s.execute(
            delete(AuditEventRow).where(AuditEventRow.tenant_id == tenant, AuditEventRow.position > keep)
        )
        last = s.scalar(select(AuditEventRow.hash).where(AuditEventRow.tenant_id == tenant,
                                                         AuditEventRow.position == keep))  # fmt: skip
        s.execute(
            update(AuditChainHead).where(AuditChainHead.chain == tenant).values(position=keep, hash=last)
        )


def checkpoint_rows(db: Database, tenant: str) -> list[AuditCheckpointRow]:
    with db.session() as s:
        return list(s.scalars(select(AuditCheckpointRow).where(AuditCheckpointRow.tenant_id == tenant)
                              .order_by(AuditCheckpointRow.seq)))  # fmt: skip


def witness_lines(tmp_path: Path, tenant: str) -> list[dict[str, Any]]:
    path = tmp_path / "var" / "audit-witness" / f"{tenant}.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()]


def summary(result: dict[str, Any]) -> tuple[Any, ...]:
    return result["ok"], result["first_broken_position"], result["reason"]


# -- the regressions: each verified as ok before checkpoints ---------------------------------


def test_truncated_tail_with_rewritten_head_is_detected(audit: AuditLog, db: Database) -> None:
    record(audit, n=10)
    assert audit.verify("acme")["ok"]  # checkpoints the 10 events it verified
    truncate(db, "acme", keep=8)
    result = audit.verify("acme")
    assert summary(result) == (False, 9, "truncated")
    assert "counts 10 events, the chain ends at 8" in result["detail"]
    assert result["checkpoint"]["size"] == 10  # what was lost is still named


def test_deleted_chain_with_head_is_detected(audit: AuditLog, db: Database) -> None:
    record(audit, n=5)
    assert audit.verify("acme")["ok"]
    with db.session() as s:  # the chain, its head and even its checkpoint rows
        for model in (AuditEventRow, AuditCheckpointRow):
            s.execute(delete(model).where(model.tenant_id == "acme"))
        s.execute(delete(AuditChainHead).where(AuditChainHead.chain == "acme"))
    result = audit.verify("acme")
    assert summary(result) == (False, 1, "truncated")
    assert {p["reason"] for p in result["problems"]} == {"truncated", "rollback"}
    assert "acme" in audit.chains()  # the witness still names the chain
    assert result["checkpoint"]["size"] == 5


def test_cut_and_regrown_chain_is_detected(audit: AuditLog, db: Database, tmp_path: Path) -> None:
    record(audit, n=10)
    assert audit.verify("acme")["ok"]
    truncate(db, "acme", keep=5)
    eager = AuditLog(db, tmp_path / "var", checkpoint_every=1)
    record(eager, n=7)  # positions 6..12, valid events: the chain looks longer than before
    with pytest.raises(CheckpointRefused, match="not the one checkpoint"):
        eager.checkpoint("acme")  # nothing is ever signed over the fork
    result = eager.verify("acme")
    assert summary(result) == (False, 10, "forked")
    assert result["checked"] == 9


# -- checkpoints and their witness -----------------------------------------------------------


def test_checkpoints_are_amortized_and_chained(db: Database, tmp_path: Path) -> None:
    audit = AuditLog(db, tmp_path / "var", checkpoint_every=4, checkpoint_interval=3600)
    events = record(audit, n=10)
    rows = checkpoint_rows(db, "acme")
    assert [r.size for r in rows] == [1, 5, 9]  # the first append of a process, then every 4th
    assert [r.seq for r in rows] == [1, 2, 3]
    assert rows[1].prev_hash == rows[0].hash and rows[2].head_hash == events[8]["hash"]
    for row in rows:
        doc = {"chain": row.tenant_id, **{k: getattr(row, k) for k in
               ("seq", "size", "head_hash", "prev_hash", "issued_at", "key_id")}}  # fmt: skip
        assert checkpoint_hash(doc) == row.hash
        assert audit.keyring.verify(row.key_id, row.signature, row.hash.encode())
    assert [w["seq"] for w in witness_lines(tmp_path, "acme")] == [1, 2, 3]
    assert audit.checkpoint("acme")["size"] == 10  # on demand, at the head
    assert audit.checkpoint("acme")["seq"] == 4  # and not again while the head has not moved


def test_background_checkpoints_are_written_off_the_appending_thread(db: Database, tmp_path: Path) -> None:
    audit = AuditLog(
        db, tmp_path / "var", checkpoint_every=2, checkpoint_interval=3600, background_checkpoints=True
    )
    writers: set[str] = set()
    issue = audit._issue

    def spy(chain: str, size: int | None) -> dict[str, Any] | None:
        writers.add(threading.current_thread().name)
        return issue(chain, size)

    audit._issue = spy  # type: ignore[method-assign]
    record(audit, n=5)  # due at 1, 3 and 5
    assert audit.flush(timeout=10)
    assert writers == {"audit-checkpointer"}
    assert checkpoint_rows(db, "acme")[-1].size == 5
    audit.close()
    record(audit, n=2)  # after close: written by the appending thread itself
    assert checkpoint_rows(db, "acme")[-1].size == 7 and threading.current_thread().name in writers


def test_witness_files_are_private(audit: AuditLog, tmp_path: Path) -> None:
    record(audit)
    witness = tmp_path / "var" / "audit-witness"
    assert stat.S_IMODE(witness.stat().st_mode) == 0o700
    assert stat.S_IMODE((witness / "acme.jsonl").stat().st_mode) == 0o600


def test_witness_dir_is_configurable(db: Database, tmp_path: Path) -> None:
    audit = AuditLog(db, tmp_path / "var", witness_dir=tmp_path / "elsewhere")
    record(audit)
    assert (tmp_path / "elsewhere" / "acme.jsonl").exists()
    assert not (tmp_path / "var" / "audit-witness").exists()


def test_deleted_checkpoint_rows_are_a_rollback(audit: AuditLog, db: Database) -> None:
    record(audit, n=3)
    audit.verify("acme")
    with db.session() as s:
        newest = s.scalar(
            select(func.max(AuditCheckpointRow.seq)).where(AuditCheckpointRow.tenant_id == "acme")
        )
        s.execute(delete(AuditCheckpointRow).where(AuditCheckpointRow.seq == newest))
    result = audit.verify("acme")
    assert summary(result) == (False, None, "rollback")
    assert "in the witness but gone from the database" in result["detail"]


def test_forged_checkpoint_row_is_reported(audit: AuditLog, db: Database) -> None:
    record(audit, n=3)
    audit.verify("acme")
    with db.session() as s:
        s.execute(update(AuditCheckpointRow).where(AuditCheckpointRow.tenant_id == "acme").values(size=1000))
    result = audit.verify("acme")
    assert {p["reason"] for p in result["problems"]} >= {"witness_mismatch", "checkpoint_invalid"}
    assert result["ok"] is False


def test_edited_witness_line_is_reported(audit: AuditLog, tmp_path: Path) -> None:
    record(audit, n=3)
    audit.verify("acme")
    path = tmp_path / "var" / "audit-witness" / "acme.jsonl"
    lines = path.read_text().splitlines()
    doc = json.loads(lines[0])
    doc["size"] = 2
    path.write_text("\n".join([json.dumps(doc), *lines[1:]]) + "\n")
    result = audit.verify("acme")
    assert (result["ok"], result["reason"]) == (False, "witness_mismatch")


def test_a_lost_witness_is_caught_up_from_the_database(audit: AuditLog, tmp_path: Path) -> None:
    record(audit, n=3)
    audit.verify("acme")
    path = tmp_path / "var" / "audit-witness" / "acme.jsonl"
    before = path.read_text()
    path.unlink()
    assert audit.verify("acme")["ok"]
    assert path.read_text() == before


def test_known_checkpoint_catches_a_full_rollback(audit: AuditLog, db: Database, tmp_path: Path) -> None:
    """An attacker who rewrites database and witness alike still cannot fool a client's pin."""
    record(audit, n=5)
    pin = audit.verify("acme")["checkpoint"]
    with db.session() as s:
        for model in (AuditEventRow, AuditCheckpointRow):
            s.execute(delete(model).where(model.tenant_id == "acme"))
        s.execute(delete(AuditChainHead).where(AuditChainHead.chain == "acme"))
    (tmp_path / "var" / "audit-witness" / "acme.jsonl").unlink()
    shorter = audit.verify("acme", known_size=pin["size"], known_hash=pin["head_hash"])
    assert summary(shorter) == (False, 1, "rollback")
    record(audit, n=7)  # re-grown past the pin
    result = audit.verify("acme", known_size=pin["size"], known_hash=pin["head_hash"])
    assert summary(result) == (False, 5, "forked")


# -- concurrency -----------------------------------------------------------------------------


def test_concurrent_appends_to_two_tenants_keep_both_chains_intact(db: Database, tmp_path: Path) -> None:
    # Checkpoints every 3 events from the background writer, concurrently with appends and verifications.
    audit = AuditLog(
        db, tmp_path / "var", checkpoint_every=3, checkpoint_interval=3600, background_checkpoints=True
    )
    threads, per_thread = 6, 12
    failures: list[BaseException] = []
    barrier = threading.Barrier(threads)

    def worker(n: int) -> None:
        tenant = ("acme", "globex")[n % 2]
        try:
            barrier.wait()
            for i in range(per_thread):
                audit.record(tenant, actor=f"usr_{n}", actor_kind="user", action="jobs:cancel",
                             resource=f"job:{i}", outcome="success", status=200, request_id=None)  # fmt: skip
        except BaseException as exc:  # noqa: BLE001
            failures.append(exc)

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    assert failures == []
    expected = threads // 2 * per_thread
    for tenant in ("acme", "globex"):  # while the background writer may still be at work
        assert audit.verify(tenant)["problems"] == []
    audit.close()
    for tenant in ("acme", "globex"):
        result = audit.verify(tenant)
        assert (result["ok"], result["checked"], result["problems"]) == (True, expected, []), result
        assert result["checkpoint"]["size"] == expected
        with db.session() as s:
            positions = list(s.scalars(select(AuditEventRow.position).where(AuditEventRow.tenant_id == tenant)
                                       .order_by(AuditEventRow.position)))  # fmt: skip
        assert positions == list(range(1, expected + 1))  # no gaps, no duplicates
        sizes = [r.size for r in checkpoint_rows(db, tenant)]
        # The background writer may coalesce every due checkpoint into one when the appends outrun it.
        assert sizes == sorted(set(sizes)) and sizes[-1] == expected


@pytest.mark.parametrize(
    "database_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
def test_a_locked_chain_does_not_block_other_tenants(audit: AuditLog, db: Database) -> None:
    """PostgreSQL: the head lock is per chain (row lock), held only by the transaction appending to it."""
    record(audit, "acme")
    record(audit, "globex")
    done: dict[str, float] = {}

    def append(tenant: str) -> None:
        record(audit, tenant)
        done[tenant] = time.monotonic()

    with db.engine.connect() as holder:  # another request mid-append on acme's chain
        holder.execute(update(AuditChainHead).where(AuditChainHead.chain == "acme").values(position=1))
        blocked = threading.Thread(target=append, args=("acme",))
        free = threading.Thread(target=append, args=("globex",))
        blocked.start()
        free.start()
        free.join(timeout=10)
        assert "globex" in done  # not waiting for acme's lock
        time.sleep(0.3)
        assert "acme" not in done  # acme's next append does wait for it
        holder.rollback()
    blocked.join(timeout=10)
    assert "acme" in done
    assert audit.verify("acme")["ok"] and audit.verify("globex")["ok"]


# -- the server-side CLI ---------------------------------------------------------------------


def test_cli_verify_all_reports_a_deleted_chain(
    audit: AuditLog, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    settings = Settings(var_dir=tmp_path / "var", database_url=db.url)
    monkeypatch.setattr(cli, "get_settings", lambda: settings)
    record(audit, "acme", n=3)
    record(audit, "globex", n=2)
    assert cli.main(["checkpoint", "--all"]) == 0
    assert "audit chain 'globex': checkpoint" in capsys.readouterr().out
    with db.session() as s:
        s.execute(delete(AuditEventRow).where(AuditEventRow.tenant_id == "globex"))
        s.execute(delete(AuditChainHead).where(AuditChainHead.chain == "globex"))
    assert cli.main(["verify", "--all"]) == 1
    out = capsys.readouterr().out
    assert "audit chain 'acme': OK (3 events verified, checkpoint" in out
    assert "audit chain 'globex': BROKEN at position 1 (truncated)" in out
