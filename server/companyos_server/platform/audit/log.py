"""The audit log: append signed, hash-chained events per tenant; list them; verify a chain.

Each event's ``hash`` is SHA-256 over a canonical JSON (sorted keys, no whitespace, UTF-8) of its
fields, its position and the previous event's hash (``prev_hash``; 64 zeros for the first one).
``signature`` is Ed25519 over the hash's ASCII hex, made with the key named by ``key_id``.

Appends are serialized per chain, for exactly as long as the chain needs: the head row is locked by
the transaction's first statement and released at its commit, with only the hash, the signature and
two writes in between. :meth:`AuditLog.record_in` appends inside a caller's transaction instead (the
request's stored Idempotency-Key answer and its event commit together), locking the head for that
transaction's last statements and its commit. Every ``checkpoint_every`` appends (or ``checkpoint_interval`` seconds) a
signed checkpoint of the chain is written after the append's commit (see :mod:`.checkpoints`), and
:meth:`AuditLog.verify` checks the events against every checkpoint, then checkpoints what it verified.
"""

from __future__ import annotations

import builtins
import hashlib
import json
import logging
import math
import threading
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.platform.audit.checkpoints import (
    BackgroundWriter,
    Problem,
    Witness,
    check_checkpoints,
    checkpoint_hash,
    row_to_checkpoint,
)
from companyos_server.platform.audit.models import (
    GENESIS_HASH,
    PLATFORM_CHAIN,
    AuditChainHead,
    AuditCheckpointRow,
    AuditEventRow,
)
from companyos_server.platform.audit.signing import AuditKeyring
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.storage import Database, new_id, tenant_select, utcnow

__all__ = ["OUTCOMES", "AuditLog", "CheckpointRefused", "canonical_hash", "chain_key", "to_dict"]

log = logging.getLogger("companyos.audit")
OUTCOMES = ("success", "denied", "failure")
HASHED_FIELDS = (
    "id", "tenant_id", "position", "occurred_at", "actor", "actor_kind", "roles", "action", "resource",
    "outcome", "status", "request_id", "purpose", "details", "prev_hash",
)  # fmt: skip
VERIFY_BATCH = 1000
# A truncation can go unnoticed only within the events appended since the last checkpoint: at most
# this many per process, or this many seconds' worth (a verify checkpoints whatever it verified).
CHECKPOINT_EVERY = 100
CHECKPOINT_INTERVAL = 5.0
_ISSUE_ATTEMPTS = 5


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


class CheckpointRefused(Exception):
    """The chain no longer extends its last checkpoint (or its head event is not intact): nothing signed."""


class AuditLog:
    def __init__(
        self,
        db: Database,
        var_dir: Path,
        *,
        witness_dir: Path | None = None,
        checkpoint_every: int = CHECKPOINT_EVERY,
        checkpoint_interval: float = CHECKPOINT_INTERVAL,
        background_checkpoints: bool = False,
    ) -> None:
        """``background_checkpoints``: write due checkpoints from a worker thread instead of the appending
        thread (the server does; call :meth:`close` before the database goes). Off, they are written
        synchronously after the append's commit, which keeps scripts and tests deterministic."""
        self.db = db
        self.keyring = AuditKeyring(Path(var_dir) / "keys" / "audit")
        self.witness = Witness(Path(witness_dir) if witness_dir else Path(var_dir) / "audit-witness")
        self.checkpoint_every = checkpoint_every
        self.checkpoint_interval = checkpoint_interval
        self._due_lock = threading.Lock()
        # chain -> (appends by this process since its last checkpoint, monotonic time of that checkpoint)
        self._since_checkpoint: dict[str, tuple[int, float]] = {}
        self._checkpointer = BackgroundWriter(self._due_checkpoint) if background_checkpoints else None

    def close(self) -> None:
        """Write the checkpoints still due and stop the background writer (appends after this checkpoint
        synchronously)."""
        if self._checkpointer is not None:
            self._checkpointer.close()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until no background checkpoint is pending; False if ``timeout`` ran out first."""
        return self._checkpointer.flush(timeout) if self._checkpointer is not None else True

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
        fields = self._prepare(
            tenant_id, actor=actor, actor_kind=actor_kind, roles=roles, action=action, resource=resource,
            outcome=outcome, status=status, request_id=request_id, purpose=purpose, details=details,
        )  # fmt: skip
        with self.db.session() as session:
            self._append(session, fields)
        return self.committed(fields)

    def record_in(
        self,
        session: Session,
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
        """Append one event inside the caller's transaction (``session``), which commits it with the
        caller's other writes, atomically. The chain's head stays locked until that commit: make this the
        transaction's last write. After the commit, pass the returned event to :meth:`committed` (it
        schedules the chain's checkpoint); after a rollback, nothing was appended."""
        fields = self._prepare(
            tenant_id, actor=actor, actor_kind=actor_kind, roles=roles, action=action, resource=resource,
            outcome=outcome, status=status, request_id=request_id, purpose=purpose, details=details,
        )  # fmt: skip
        self._append(session, fields)
        return {name: fields[name] for name in (*HASHED_FIELDS, "hash", "signature", "key_id")}

    def committed(self, event: dict[str, Any]) -> dict[str, Any]:
        """An appended event's transaction has committed: checkpoint its chain when due. Returns the event."""
        self._checkpoint_if_due(event["tenant_id"], event["position"])
        return {name: event[name] for name in (*HASHED_FIELDS, "hash", "signature", "key_id")}

    def _prepare(
        self,
        tenant_id: str | None,
        *,
        actor: str,
        actor_kind: str,
        roles: list[str] | tuple[str, ...],
        action: str,
        resource: str,
        outcome: str,
        status: int | None,
        request_id: str | None,
        purpose: str | None,
        details: dict[str, Any] | None,
    ) -> dict[str, Any]:
        if outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {OUTCOMES}, not {outcome!r}")
        # Everything that does not depend on the chain's position happens before its lock is taken:
        # the JSON round trip (so the hash is over exactly what is stored), the id, and loading (on
        # first use, generating) the signing key.
        fields: dict[str, Any] = {
            "id": new_id("aud"), "tenant_id": chain_key(tenant_id), "actor": actor, "actor_kind": actor_kind,
            "roles": list(roles), "action": action, "resource": resource, "outcome": outcome,
            "status": status, "request_id": request_id, "purpose": purpose,
            "details": json.loads(json.dumps(details or {}, default=str)),
        }  # fmt: skip
        self.keyring.current()
        return fields

    def _append(self, session: Session, fields: dict[str, Any]) -> None:
        """Claim the chain's next position, hash, sign and store the event (``fields`` completed)."""
        chain = fields["tenant_id"]
        position, prev_hash = self._advance_head(session, chain)
        # Taken under the lock, so occurred_at never decreases along a chain.
        fields.update(position=position, prev_hash=prev_hash, occurred_at=utcnow())
        digest = canonical_hash(fields)
        key_id, signature = self.keyring.sign(digest.encode("ascii"))
        fields.update(hash=digest, signature=signature, key_id=key_id)
        session.execute(insert(AuditEventRow).values(**fields))
        session.execute(
            update(AuditChainHead)
            .where(AuditChainHead.chain == chain)
            .values(hash=digest, updated_at=fields["occurred_at"])
            .execution_options(synchronize_session=False)
        )

    def _advance_head(self, session: Session, chain: str) -> tuple[int, str]:
        """Claim the chain's next position inside this transaction; returns (position, prev hash).

        One ``UPDATE … SET position = position + 1 … RETURNING`` is the transaction's first statement:
        on PostgreSQL it takes the row lock on this chain's head only (other chains never wait), held
        until commit; on SQLite, being a write, it takes the database write lock before anything is
        read, so no append ever works from a stale head. The head row of a new chain is created the
        first time (``INSERT … ON CONFLICT DO NOTHING``, then the same update).
        """
        advance = (
            update(AuditChainHead)
            .where(AuditChainHead.chain == chain)
            .values(position=AuditChainHead.position + 1)
            .returning(AuditChainHead.position, AuditChainHead.hash)
            .execution_options(synchronize_session=False)
        )
        head = session.execute(advance).one_or_none()
        if head is None:
            dialect = self.db.dialect
            values = {"chain": chain, "position": 0, "hash": GENESIS_HASH, "updated_at": utcnow()}
            if dialect == "postgresql":
                stmt: Any = postgresql.insert(AuditChainHead).values(**values).on_conflict_do_nothing()
            elif dialect == "sqlite":
                stmt = sqlite.insert(AuditChainHead).values(**values).on_conflict_do_nothing()
            else:  # pragma: no cover - other dialects are not supported
                raise RuntimeError(f"audit chains are not supported on {dialect}")
            session.execute(stmt)
            head = session.execute(advance).one()
        return int(head.position), str(head.hash)

    # -- checkpoints -----------------------------------------------------------------------
    def _checkpoint_if_due(self, chain: str, position: int) -> None:
        """After an append has committed: checkpoint the chain at that position when this process has
        appended ``checkpoint_every`` events to it, or ``checkpoint_interval`` seconds have passed, since
        its last checkpoint (handed to the background writer when there is one). A failure is logged,
        never raised: the event itself is stored."""
        now = time.monotonic()
        with self._due_lock:
            count, last = self._since_checkpoint.get(chain, (0, -math.inf))
            count += 1
            due = count >= self.checkpoint_every or now - last >= self.checkpoint_interval
            self._since_checkpoint[chain] = (0, now) if due else (count, last)
        if not due:
            return
        if self._checkpointer is None or not self._checkpointer.submit(chain, position):
            self._due_checkpoint(chain, position)

    def _due_checkpoint(self, chain: str, position: int) -> None:
        try:
            self._checkpoint(chain, position)
        except CheckpointRefused as exc:
            log.critical("AUDIT CHAIN %s NOT CHECKPOINTED: %s", chain, exc)
        except Exception:
            log.error("could not checkpoint audit chain %s at %d", chain, position, exc_info=True)

    def checkpoint(self, tenant_id: str | None, *, size: int | None = None) -> dict[str, Any] | None:
        """Sign a checkpoint of the chain at ``size`` events (default: its head) unless one at or beyond
        it exists. Returns the newest checkpoint afterwards, or None for a chain never written to.

        Raises :class:`CheckpointRefused` when the chain no longer holds the event its last checkpoint
        names, or the event at ``size`` is missing or not intact: those are for ``verify`` to report,
        never to be signed over.
        """
        return self._checkpoint(chain_key(tenant_id), size)

    def checkpoint_all(self) -> dict[str, dict[str, Any] | None]:
        """Checkpoint every chain at its head (for a schedule): chain -> newest checkpoint.

        A refused chain maps to None and is logged at CRITICAL; run ``verify`` on it.
        """
        with self.db.session() as session:
            chains = list(session.scalars(select(AuditChainHead.chain).order_by(AuditChainHead.chain)))
        done: dict[str, dict[str, Any] | None] = {}
        for chain in chains:
            try:
                done[chain] = self._checkpoint(chain, None)
            except CheckpointRefused as exc:
                log.critical("AUDIT CHAIN %s NOT CHECKPOINTED: %s", chain, exc)
                done[chain] = None
        return done

    def _checkpoint(self, chain: str, size: int | None) -> dict[str, Any] | None:
        for _ in range(_ISSUE_ATTEMPTS):
            try:
                return self._issue(chain, size)
            except IntegrityError:
                continue  # another process took this sequence number: read again, then decide again
        raise RuntimeError(f"could not checkpoint audit chain {chain}: {_ISSUE_ATTEMPTS} conflicting writers")

    def _issue(self, chain: str, size: int | None) -> dict[str, Any] | None:
        # No chain lock: the new checkpoint's sequence number is claimed by the unique (chain, seq)
        # constraint, and what it signs is an event already committed, so appends never wait on it.
        with self.db.session() as session:
            latest = session.scalars(
                tenant_select(AuditCheckpointRow, chain).order_by(AuditCheckpointRow.seq.desc()).limit(1)
            ).first()
            if size is None:
                head = session.scalar(select(AuditChainHead.position).where(AuditChainHead.chain == chain))
                size = int(head or 0)
            if latest is not None and latest.size >= size:
                return row_to_checkpoint(latest)
            if size <= 0:
                return None
            if latest is not None:
                anchor = self._event_at(session, chain, latest.size)
                if anchor is None or anchor.hash != latest.head_hash:
                    raise CheckpointRefused(
                        f"the event at position {latest.size} is not the one checkpoint {latest.seq} signed"
                    )
            event = self._event_at(session, chain, size)
            if event is None or not self._intact(event):
                raise CheckpointRefused(f"the event at position {size} is missing or not intact")
            doc: dict[str, Any] = {
                "chain": chain,
                "seq": latest.seq + 1 if latest else 1,
                "size": size,
                "head_hash": event.hash,
                "prev_hash": latest.hash if latest else GENESIS_HASH,
                "issued_at": utcnow(),
            }

            def message(key_id: str) -> bytes:
                doc.update(key_id=key_id, hash=checkpoint_hash({**doc, "key_id": key_id}))
                return str(doc["hash"]).encode("ascii")

            _, doc["signature"] = self.keyring.sign_as_current(message)
            row = AuditCheckpointRow(
                id=new_id("ack"), tenant_id=chain, **{k: v for k, v in doc.items() if k != "chain"}
            )
            session.add(row)
            session.flush()
            issued = row_to_checkpoint(row)
        try:
            self.witness.append(chain, [issued])
        except OSError:
            # The checkpoint is committed; the next verify copies whatever the witness lacks.
            log.error(
                "could not append audit checkpoint %s/%d to the witness", chain, issued["seq"], exc_info=True
            )
        return issued

    def _event_at(self, session: Session, chain: str, position: int) -> AuditEventRow | None:
        return session.scalars(
            tenant_select(AuditEventRow, chain).where(AuditEventRow.position == position)
        ).first()

    def _intact(self, row: AuditEventRow) -> bool:
        return canonical_hash(_row_fields(row)) == row.hash and self.keyring.verify(
            row.key_id, row.signature, row.hash.encode("ascii")
        )

    def chains(self) -> builtins.list[str]:
        """Every chain known anywhere: with a head row, with checkpoints, or only in the witness (a chain
        deleted from the database together with its head and checkpoints)."""
        with self.db.session() as session:
            found = set(session.scalars(select(AuditChainHead.chain)))
            found.update(session.scalars(select(AuditCheckpointRow.tenant_id).distinct()))
        found.update(self.witness.chains())
        return sorted(found)

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
        where: Sequence[ColumnElement[bool]] = (),
        where_key: str | None = None,
    ) -> Page[dict[str, Any]]:
        """A page of the tenant's events, newest first (descending chain position).

        ``where``: further conditions on :class:`AuditEventRow` columns for a caller's own view of the
        trail (the page token is bound to ``where_key``, which names them).
        """
        filters = {
            "tenant": tenant_id, "actor": actor, "action": action, "outcome": outcome, "resource": resource,
            "since": since.isoformat() if since else None, "until": until.isoformat() if until else None,
        }  # fmt: skip
        if where_key:
            filters["where"] = where_key
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
            query = query.where(*where)
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

    def heads(self) -> dict[str, int]:
        """Every chain with a head row and its newest position: one query, for followers of the trail."""
        with self.db.session() as session:
            return {chain: int(position) for chain, position in session.execute(
                select(AuditChainHead.chain, AuditChainHead.position)
            )}  # fmt: skip

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
    def verify(
        self, tenant_id: str | None, *, known_size: int | None = None, known_hash: str | None = None
    ) -> dict[str, Any]:
        """Check the whole chain against itself, its head and its checkpoints; report every problem.

        Event reasons (the walk stops at the first): ``edited`` (an event's fields no longer match its
        hash), ``missing`` (a position gap, a dangling ``prev_hash``, or fewer events than the head row
        says), ``reordered`` (an intact event sits at another position or after the wrong predecessor),
        ``bad_signature`` (the hash is consistent but not signed by one of our keys), ``forked`` (the
        event at a checkpoint's position is not the one it signed: the tail was cut and re-grown).
        Checkpoint reasons: ``truncated`` (the chain ends before the newest checkpoint's size; a deleted
        chain ends at 0), ``rollback`` (checkpoints in the witness are gone from the database, or the
        chain is shorter than ``known_size``, the size the caller last verified),
        ``checkpoint_invalid`` (a checkpoint's hash, signature, numbering or link is wrong),
        ``witness_mismatch`` (the witness copy disagrees with the database or is unreadable).

        ``known_size``/``known_hash``: a checkpoint the caller verified before; the event at that
        position must still hash to ``known_hash``. ``checked`` counts events found intact before the
        first break (all events when the chain is intact). When everything is intact, what was just
        verified is checkpointed and ``checkpoint`` is that newest checkpoint.
        """
        chain = chain_key(tenant_id)
        problems: list[Problem] = []
        checkpoints = self._trusted_checkpoints(chain, problems)
        # position -> (hash it must have, who says so)
        pinned: dict[int, tuple[str, str]] = {
            c["size"]: (c["head_hash"], f"checkpoint {c['seq']} ({c['issued_at']})") for c in checkpoints
        }
        if known_size is not None and known_hash is not None and known_size > 0:
            pinned.setdefault(known_size, (known_hash, "the checkpoint you verified before"))
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
            last_stored = int(
                session.scalar(
                    select(func.max(AuditEventRow.position)).where(AuditEventRow.tenant_id == chain)
                )
                or 0
            )
            head = session.get(AuditChainHead, chain)
            head_position, head_hash = (head.position, head.hash) if head else (0, GENESIS_HASH)

        checked, tip_hash, walk_problem = self._walk(chain, known, pinned)
        if walk_problem is not None:
            problems.append(walk_problem)
        else:
            if head_position > checked:
                problems.append(
                    Problem(
                        "missing",
                        f"the chain head is at position {head_position}, events end at {checked}",
                        checked + 1,
                    )
                )
            elif head_position == checked and head_hash != tip_hash:
                problems.append(
                    Problem("edited", "the last event does not match the chain head", checked or 1)
                )
        newest = checkpoints[-1] if checkpoints else None
        if newest is not None and newest["size"] > last_stored:
            problems.append(
                Problem(
                    "truncated",
                    f"checkpoint {newest['seq']} ({newest['issued_at']}) counts {newest['size']} events, "
                    f"the chain ends at {last_stored}",
                    last_stored + 1,
                )
            )
        if known_size is not None and known_size > last_stored:
            problems.append(
                Problem(
                    "rollback",
                    f"you verified {known_size} events before, the chain ends at {last_stored}",
                    last_stored + 1,
                )
            )
        if not problems and checked and (newest is None or newest["size"] < checked):
            try:
                issued = self._checkpoint(chain, checked)
            except CheckpointRefused as exc:  # changed since the walk: the next verify will say how
                log.critical("AUDIT CHAIN %s NOT CHECKPOINTED: %s", chain, exc)
            else:
                # A concurrent writer may have checkpointed further than this walk went: report only
                # what was verified here.
                if issued is not None and issued["size"] <= checked:
                    newest = issued

        problems.sort(key=lambda p: (p.position is None, p.position or 0))
        first = problems[0] if problems else None
        return {
            "tenant_id": chain,
            "ok": not problems,
            "checked": checked,
            "first_broken_position": first.position if first else None,
            "reason": first.reason if first else None,
            "detail": first.detail if first else None,
            "checkpoint": newest,
            "problems": [p.to_dict() for p in problems],
        }

    def _walk(
        self, chain: str, known: dict[str, str], pinned: dict[int, tuple[str, str]]
    ) -> tuple[int, str, Problem | None]:
        """Walk the events in position order: (events intact before the first break, the last intact
        event's hash, the break or None)."""
        expected, prev = 1, GENESIS_HASH

        def broken(reason: str, detail: str, position: int | None = None) -> tuple[int, str, Problem]:
            return expected - 1, prev, Problem(reason, detail, position or expected)

        for batch in self._rows(chain):
            for row in batch:
                if row.position > expected:
                    return broken("missing", f"no event at position {expected} (next is {row.position})")
                if row.position < expected:  # pragma: no cover - the unique constraint prevents it
                    return broken("reordered", f"position {row.position} appears twice", row.position)
                if canonical_hash(_row_fields(row)) != row.hash:
                    moved = self._original_position(row, known)
                    if moved is not None and moved != row.position:
                        return broken(
                            "reordered", f"event {row.id} belongs at position {moved}, found at {expected}"
                        )
                    return broken("edited", f"event {row.id} does not match its hash")
                if not self.keyring.verify(row.key_id, row.signature, row.hash.encode("ascii")):
                    return broken(
                        "bad_signature", f"event {row.id} is not signed by audit key {row.key_id!r}"
                    )
                if row.prev_hash != prev:
                    if row.prev_hash in known or row.prev_hash == GENESIS_HASH:
                        return broken("reordered", f"event {row.id} follows the wrong event")
                    return broken("missing", f"the event before {row.id} is missing")
                expected_hash, signer = pinned.get(row.position, (row.hash, ""))
                if row.hash != expected_hash:
                    return broken(
                        "forked",
                        f"event {row.id} at position {row.position} is not the event {signer} signed "
                        "(the chain was cut and re-grown)",
                    )
                expected, prev = expected + 1, row.hash
        return expected - 1, prev, None

    def _trusted_checkpoints(
        self, chain: str, problems: builtins.list[Problem]
    ) -> builtins.list[dict[str, Any]]:
        """The chain's checkpoints from the database and the witness, reconciled and validated.

        Both copies are merged by ``seq``; a checkpoint the witness holds but the database lost is a
        rollback (still trusted: it is signed), two different ones under one ``seq`` are a mismatch.
        Returns the valid prefix of the merged sequence. Checkpoints only the database holds (the
        witness append failed, or a process stopped between commit and append) are copied to the
        witness once they validate.
        """
        # The witness first: a checkpoint reaches it only after its row committed, so everything read
        # from it is in the table read next unless the table lost it (a line appended in between only
        # makes the table read newer, never older).
        witnessed_list, witness_problems = self.witness.read(chain)
        with self.db.session() as session:
            rows = session.scalars(tenant_select(AuditCheckpointRow, chain).order_by(AuditCheckpointRow.seq))
            stored = {row.seq: row_to_checkpoint(row) for row in rows}
        problems.extend(witness_problems)
        witnessed = {doc["seq"]: doc for doc in witnessed_list}
        lost = sorted(set(witnessed) - set(stored))
        if lost:
            span = str(lost[0]) if len(lost) == 1 else f"{lost[0]}-{lost[-1]}"
            problems.append(
                Problem("rollback", f"checkpoint(s) {span} are in the witness but gone from the database")
            )
        for seq in sorted(set(witnessed) & set(stored)):
            if witnessed[seq] != stored[seq]:
                problems.append(
                    Problem(
                        "witness_mismatch", f"checkpoint {seq} in the database differs from its witness copy"
                    )
                )
        merged = [stored.get(seq) or witnessed[seq] for seq in sorted(set(stored) | set(witnessed))]
        valid, invalid = check_checkpoints(merged, chain, self.keyring, "audit")
        problems.extend(invalid)
        missing = [doc for doc in valid if doc["seq"] not in witnessed]
        if missing:
            log.warning("copying %d audit checkpoint(s) of %s to the witness", len(missing), chain)
            try:
                self.witness.append(chain, missing)
            except OSError:
                log.error("could not catch the audit witness of %s up", chain, exc_info=True)
        return valid

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
