"""The audit log: append signed, hash-chained events per tenant; list them; verify a chain.

Each event's ``hash`` is SHA-256 over a canonical JSON (sorted keys, no whitespace, UTF-8) of its
fields, its position and the previous event's hash (``prev_hash``; 64 zeros for the first one).
``signature`` is Ed25519 over the hash's ASCII hex, made with the key named by ``key_id``.
"""

from __future__ import annotations

import builtins
import hashlib
import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.platform.audit.models import GENESIS_HASH, PLATFORM_CHAIN, AuditChainHead, AuditEventRow
from companyos_server.platform.audit.signing import AuditKeyring
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.storage import Database, new_id, tenant_select, utcnow

__all__ = ["OUTCOMES", "AuditLog", "canonical_hash", "chain_key", "to_dict"]

log = logging.getLogger("companyos.audit")
OUTCOMES = ("success", "denied", "failure")
HASHED_FIELDS = (
    "id", "tenant_id", "position", "occurred_at", "actor", "actor_kind", "roles", "action", "resource",
    "outcome", "status", "request_id", "purpose", "details", "prev_hash",
)  # fmt: skip
VERIFY_BATCH = 1000


def chain_key(tenant_id: str | None) -> str:
    return tenant_id or PLATFORM_CHAIN


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_hash(fields: dict[str, Any]) -> str:
    """SHA-256 hex over the canonical JSON of the hashed fields (``occurred_at`` as ISO 8601 Z)."""
    doc = {name: fields.get(name) for name in HASHED_FIELDS}
    if isinstance(doc["occurred_at"], datetime):
        doc["occurred_at"] = _iso(doc["occurred_at"])
    doc["roles"] = list(doc["roles"] or [])
    doc["details"] = doc["details"] or {}
    raw = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _row_fields(row: AuditEventRow, **override: Any) -> dict[str, Any]:
    fields = {name: getattr(row, name) for name in HASHED_FIELDS}
    fields.update(override)
    return fields


def to_dict(row: AuditEventRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "tenant_id": row.tenant_id,
        "position": row.position,
        "occurred_at": row.occurred_at,
        "actor": row.actor,
        "actor_kind": row.actor_kind,
        "roles": list(row.roles or []),
        "action": row.action,
        "resource": row.resource,
        "outcome": row.outcome,
        "status": row.status,
        "request_id": row.request_id,
        "purpose": row.purpose,
        "details": dict(row.details or {}),
        "prev_hash": row.prev_hash,
        "hash": row.hash,
        "signature": row.signature,
        "key_id": row.key_id,
    }


class AuditLog:
    def __init__(self, db: Database, var_dir: Path) -> None:
        self.db = db
        self.keyring = AuditKeyring(Path(var_dir) / "keys" / "audit")

    # -- append ----------------------------------------------------------------------------
    def record(
        self,
        tenant_id: str | None,
        *,
        actor: str,
        actor_kind: str,
        roles: list[str] | tuple[str, ...] = (),
        action: str,
        resource: str,
        outcome: str,
        status: int | None,
        request_id: str | None,
        purpose: str | None = None,
        details: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Append one event to the tenant's chain (``_platform`` when ``tenant_id`` is None)."""
        if outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {OUTCOMES}, not {outcome!r}")
        chain = chain_key(tenant_id)
        # Round-trip details through JSON now, so the hash is over exactly what is stored.
        clean_details = json.loads(json.dumps(details or {}, default=str))
        with self.db.session() as session:
            position, prev_hash = self._lock_head(session, chain)
            row = AuditEventRow(
                id=new_id("aud"),
                tenant_id=chain,
                position=position,
                occurred_at=utcnow(),
                actor=actor,
                actor_kind=actor_kind,
                roles=list(roles),
                action=action,
                resource=resource,
                outcome=outcome,
                status=status,
                request_id=request_id,
                purpose=purpose,
                details=clean_details,
                prev_hash=prev_hash,
            )
            row.hash = canonical_hash(_row_fields(row))
            row.key_id, row.signature = self.keyring.sign(row.hash.encode("ascii"))
            session.add(row)
            session.execute(
                update(AuditChainHead)
                .where(AuditChainHead.chain == chain)
                .values(position=position, hash=row.hash, updated_at=row.occurred_at)
            )
            session.flush()
            return to_dict(row)

    def _lock_head(self, session: Session, chain: str) -> tuple[int, str]:
        """Lock the chain's head row for this transaction; returns (next position, prev hash).

        The insert-if-missing is the transaction's first statement, so on SQLite it takes the
        database write lock before anything is read (no stale snapshot), and on PostgreSQL the
        ``SELECT … FOR UPDATE`` holds the head row until commit. Either way appends serialize.
        """
        dialect = self.db.dialect
        values = {"chain": chain, "position": 0, "hash": GENESIS_HASH, "updated_at": utcnow()}
        if dialect == "postgresql":
            stmt: Any = postgresql.insert(AuditChainHead).values(**values).on_conflict_do_nothing()
        elif dialect == "sqlite":
            stmt = sqlite.insert(AuditChainHead).values(**values).on_conflict_do_nothing()
        else:  # pragma: no cover - other dialects are not supported
            raise RuntimeError(f"audit chains are not supported on {dialect}")
        session.execute(stmt)
        head = session.execute(
            select(AuditChainHead.position, AuditChainHead.hash)
            .where(AuditChainHead.chain == chain)
            .with_for_update()
        ).one()
        return head.position + 1, head.hash

    # -- read ------------------------------------------------------------------------------
    def list(
        self,
        tenant_id: str,
        *,
        actor: str | None = None,
        action: str | None = None,
        outcome: str | None = None,
        resource: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        page_size: int | None = None,
        page_token: str | None = None,
    ) -> Page[dict[str, Any]]:
        """A page of the tenant's events, newest first (descending chain position)."""
        filters = {
            "tenant": tenant_id, "actor": actor, "action": action, "outcome": outcome, "resource": resource,
            "since": since.isoformat() if since else None, "until": until.isoformat() if until else None,
        }  # fmt: skip
        if since and until and since > until:
            raise errors.invalid_argument(
                "since must not be after until.", [errors.FieldError("since", "must not be after until")]
            )

        def fetch(after: str | None, limit: int) -> list[AuditEventRow]:
            query = tenant_select(AuditEventRow, chain_key(tenant_id))
            if actor:
                query = query.where(AuditEventRow.actor == actor)
            if action:
                query = query.where(AuditEventRow.action == action)
            if outcome:
                query = query.where(AuditEventRow.outcome == outcome)
            if resource:
                query = query.where(AuditEventRow.resource == resource)
            if since:
                query = query.where(AuditEventRow.occurred_at >= since)
            if until:
                query = query.where(AuditEventRow.occurred_at < until)
            if after:
                query = query.where(AuditEventRow.position < int(after))
            return list(session.scalars(query.order_by(AuditEventRow.position.desc()).limit(limit)))

        with self.db.session() as session:
            page = paginate(
                fetch,
                key=lambda r: str(r.position),
                page_size=page_size,
                page_token=page_token,
                filters=filters,
            )
            return Page([to_dict(r) for r in page.items], page.next_page_token)

    def count(self, tenant_id: str | None) -> int:
        with self.db.session() as session:
            head = session.get(AuditChainHead, chain_key(tenant_id))
            return head.position if head else 0

    def iter_events(
        self, tenant_id: str | None, *, after_position: int = 0, batch: int = 500
    ) -> Iterator[builtins.list[dict[str, Any]]]:
        """The chain in position order, in batches (each batch read in its own short session)."""
        chain = chain_key(tenant_id)
        cursor = after_position
        while True:
            with self.db.session() as session:
                rows = list(
                    session.scalars(
                        tenant_select(AuditEventRow, chain)
                        .where(AuditEventRow.position > cursor)
                        .order_by(AuditEventRow.position)
                        .limit(batch)
                    )
                )
                items = [to_dict(r) for r in rows]
            if not items:
                return
            cursor = items[-1]["position"]
            yield items

    # -- verify ----------------------------------------------------------------------------
    def verify(self, tenant_id: str | None) -> dict[str, Any]:
        """Check the whole chain; report the first broken position and why.

        Reasons: ``edited`` (an event's fields no longer match its hash), ``missing`` (a position
        gap, a dangling ``prev_hash`` or a truncated tail), ``reordered`` (an intact event sits at
        another position or after the wrong predecessor), ``bad_signature`` (the hash is
        consistent but not signed by one of our keys). ``checked`` counts events found intact
        before the first break (all events when the chain is intact).
        """
        chain = chain_key(tenant_id)
        with self.db.session() as session:
            # hash -> prev_hash of every stored event: the links as written, whatever the positions say.
            known: dict[str, str] = {
                h: p
                for h, p in session.execute(
                    select(AuditEventRow.hash, AuditEventRow.prev_hash).where(
                        AuditEventRow.tenant_id == chain
                    )
                )
            }
            head = session.get(AuditChainHead, chain)
            head_position, head_hash = (head.position, head.hash) if head else (0, GENESIS_HASH)

        result: dict[str, Any] = {
            "tenant_id": chain, "ok": True, "checked": 0, "first_broken_position": None, "reason": None,
            "detail": None,
        }  # fmt: skip

        def broken(position: int, reason: str, detail: str) -> dict[str, Any]:
            result.update(ok=False, first_broken_position=position, reason=reason, detail=detail)
            return result

        expected, prev = 1, GENESIS_HASH
        for batch in self._rows(chain):
            for row in batch:
                if row.position > expected:
                    return broken(
                        expected, "missing", f"no event at position {expected} (next is {row.position})"
                    )
                if row.position < expected:  # pragma: no cover - the unique constraint prevents it
                    return broken(row.position, "reordered", f"position {row.position} appears twice")
                if canonical_hash(_row_fields(row)) != row.hash:
                    moved = self._original_position(row, known)
                    if moved is not None and moved != row.position:
                        return broken(
                            expected,
                            "reordered",
                            f"event {row.id} belongs at position {moved}, found at {expected}",
                        )
                    return broken(expected, "edited", f"event {row.id} does not match its hash")
                if not self.keyring.verify(row.key_id, row.signature, row.hash.encode("ascii")):
                    return broken(
                        expected, "bad_signature", f"event {row.id} is not signed by audit key {row.key_id!r}"
                    )
                if row.prev_hash != prev:
                    if row.prev_hash in known or row.prev_hash == GENESIS_HASH:
                        return broken(expected, "reordered", f"event {row.id} follows the wrong event")
                    return broken(expected, "missing", f"the event before {row.id} is missing")
                result["checked"] += 1
                expected, prev = expected + 1, row.hash
        last = expected - 1
        if head_position > last:
            return broken(
                expected, "missing", f"the chain head is at position {head_position}, events end at {last}"
            )
        if head_position == last and head_hash != prev:
            return broken(last or 1, "edited", "the last event does not match the chain head")
        return result

    def _rows(self, chain: str) -> Iterator[builtins.list[AuditEventRow]]:
        cursor = 0
        while True:
            with self.db.session() as session:
                rows = list(
                    session.scalars(
                        tenant_select(AuditEventRow, chain)
                        .where(AuditEventRow.position > cursor)
                        .order_by(AuditEventRow.position)
                        .limit(VERIFY_BATCH)
                    )
                )
            if not rows:
                return
            cursor = rows[-1].position
            yield rows

    @staticmethod
    def _original_position(row: AuditEventRow, known: dict[str, str]) -> int | None:
        """Where an intact event was written: its distance from genesis along the prev_hash links.

        None when the links do not reach genesis (a predecessor is gone) or the event does not
        hash correctly at that position either (then it was edited, not moved).
        """
        depth, current, seen = 1, row.prev_hash, set()
        while current != GENESIS_HASH:
            if current not in known or current in seen:
                return None
            seen.add(current)
            current = known[current]
            depth += 1
        if canonical_hash(_row_fields(row, position=depth)) == row.hash:
            return depth
        return None
