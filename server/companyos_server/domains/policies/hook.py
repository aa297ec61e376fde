"""What the platform layer calls: record a decision, and the tenant's own policies in force.

Both are ASGI-free and safe to call from the edge guard:

- :class:`DecisionRecorder` after ``runtime.policy.authorize(...)``: denials and mutations are written at
  once, allowed reads in batches off the request path; a failure is logged, never raised, so recording
  cannot break a request (:func:`flush_decisions` before reading decisions back);
- :func:`policies_for` returns the Cedar text of the tenant's enabled policies ("" when none), to
  be evaluated together with the built-ins for resources of that tenant;
- :func:`exceptions_for` returns the tenant's approved, unexpired policy exceptions, which waive the
  forbid policies they name (see :class:`companyos_server.platform.policy.PolicyException`).
"""

from __future__ import annotations

import logging
import threading
import weakref
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from companyos_server.domains.policies import catalog, store
from companyos_server.domains.policies.store import PolicyDecisionRow, PolicyExceptionRow
from companyos_server.platform.policy import Decision, PolicyException, Resource
from companyos_server.platform.principal import Principal
from companyos_server.platform.storage import Database, new_id, utcnow

log = logging.getLogger("companyos.policies")


FLUSH_SECONDS = 0.5
MAX_BUFFERED = 5_000


def decision_values(
    *,
    principal: Principal,
    action: str,
    resource: Resource,
    decision: Decision,
    mutation: bool,
    purpose: str | None = None,
    tenant_status: str = "active",
    request_id: str | None = None,
) -> dict[str, Any]:
    """One decision as a ``policy_decisions`` row; its id and time are taken now, when it was decided."""
    return {
        "id": new_id("pdc"),
        "tenant_id": resource.tenant_id,
        "at": utcnow(),
        "principal": principal.subject,
        "principal_kind": principal.kind,
        "roles": list(principal.roles_in(resource.tenant_id)),
        "scopes": sorted(principal.scopes),
        "member": principal.is_member(resource.tenant_id),
        "has_purpose": bool(purpose),
        "tenant_status": tenant_status,
        "acr": principal.acr or "",
        "mutation": mutation,
        "action": action,
        "resource_type": resource.type,
        "resource_id": resource.id,
        "resource_attributes": dict(resource.attributes),
        "allowed": decision.allowed,
        "reasons": list(decision.reasons),
        "policy_ids": list(decision.policy_ids),
        "request_id": request_id,
    }


class DecisionRecorder:
    """Records edge decisions: denials and every mutation's decision at once, allowed reads in batches.

    An allowed read waits in a bounded buffer that a background thread writes every ``flush_seconds``
    (one multi-row INSERT) and that :meth:`close` writes on shutdown, so no read request waits for, or
    queues behind, a database write. A full buffer is written by the request that fills it (backpressure,
    never loss). What a crash can lose: the allowed reads of at most the last ``flush_seconds``.
    Denials and mutations stay synchronous and durable: they are what an investigation needs first.
    """

    def __init__(
        self, db: Database, *, flush_seconds: float = FLUSH_SECONDS, max_buffered: int = MAX_BUFFERED
    ) -> None:
        self._db = db
        self._flush_seconds = flush_seconds
        self._max_buffered = max_buffered
        self._buffer: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()  # keeps batches in decision order
        self._wake = threading.Event()
        self._closed = False
        self._thread: threading.Thread | None = None

    def record(self, **decided: Any) -> None:
        """Record one decision (the keywords of :func:`decision_values`); never raises."""
        try:
            values = decision_values(**decided)
        except Exception:
            log.exception("could not record the policy decision for %s", decided.get("action"))
            return
        if not values["allowed"] or values["mutation"] or self._closed:
            self.write([values])
            return
        with self._lock:
            self._buffer.append(values)
            full = len(self._buffer) >= self._max_buffered
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="decision-recorder", daemon=True)
                self._thread.start()
        if full:
            self.flush()

    def record_in(self, session: Session, **decided: Any) -> None:
        """Insert one decision inside the caller's transaction (durable when, and only when, it commits);
        raises when it cannot be stored, so the caller's transaction fails rather than lose it."""
        session.execute(insert(PolicyDecisionRow).values(**decision_values(**decided)))

    def flush(self) -> int:
        """Write what is buffered now; returns how many decisions were written."""
        with self._write_lock:
            with self._lock:
                batch, self._buffer = self._buffer, []
            return self.write(batch)

    def close(self) -> None:
        self._closed = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self.flush()

    def _run(self) -> None:
        while not self._closed:
            self._wake.wait(self._flush_seconds)
            if not self._closed:
                self.flush()

    def write(self, rows: list[dict[str, Any]]) -> int:
        """Insert ``rows`` now, in one transaction; returns how many were written (0 on failure, logged)."""
        if not rows:
            return 0
        try:
            with self._db.session() as session:
                session.execute(insert(PolicyDecisionRow), rows)
        except Exception:
            log.exception("could not record %d policy decision(s)", len(rows))
            return 0
        return len(rows)


_recorders: weakref.WeakKeyDictionary[Database, DecisionRecorder] = weakref.WeakKeyDictionary()


def recorder_for(db: Database, *, flush_seconds: float = FLUSH_SECONDS) -> DecisionRecorder:
    """The database's recorder (one per process and database), made on first use."""
    recorder = _recorders.get(db)
    if recorder is None:
        recorder = _recorders.setdefault(db, DecisionRecorder(db, flush_seconds=flush_seconds))
    return recorder


def record_decision(db: Database, **decided: Any) -> str | None:
    """Store one decision at once, outside the edge's batching; its id, or None when it was not stored."""
    values = decision_values(**decided)
    return values["id"] if recorder_for(db).write([values]) else None


def flush_decisions(db: Database) -> None:
    """Make this process's buffered decisions visible (before listing or re-evaluating decisions)."""
    recorder = _recorders.get(db)
    if recorder is not None:
        recorder.flush()


def policies_for(db: Database, tenant_id: str) -> str:
    """The Cedar text of ``tenant_id``'s enabled tenant policies ("" when it has none)."""
    with db.session() as session:
        rows = store.current_policies(session, tenant_id)
        return "\n\n".join(r.cedar for r in rows if r.enabled)


def exceptions_for(db: Database, tenant_id: str) -> list[PolicyException]:
    """``tenant_id``'s approved exceptions that have not expired yet (one query)."""
    with db.session() as session:
        return active_exceptions(session, tenant_id, utcnow())


def active_exceptions(session: Session, tenant_id: str, now: datetime) -> list[PolicyException]:
    return [to_engine(row) for row in store.active_exceptions_of_tenant(session, tenant_id, now)]


def to_engine(row: PolicyExceptionRow) -> PolicyException:
    """An exception row as the engine applies it: a built-in id, or the tenant policy's Cedar id."""
    return PolicyException(
        id=row.id,
        policy_id=row.policy_id,
        cedar_ids=(row.policy_id, catalog.cedar_id(row.tenant_id, row.policy_id)),
        service_id=row.service_id,
        approver=row.approver or "",
        expires_at=row.expires_at,
        reason=row.reason,
    )


def principal_of(row: PolicyDecisionRow) -> Principal:
    """The recorded request's principal, as far as the policies can see it."""
    kind: Any = row.principal_kind if row.principal_kind in ("user", "client") else "user"
    return Principal(
        subject=row.principal,
        kind=kind,
        tenants={row.tenant_id: tuple(row.roles or [])} if row.member else {},
        scopes=frozenset(row.scopes or []),
        acr=row.acr or None,
    )


def resource_of(row: PolicyDecisionRow) -> Resource:
    return Resource(row.resource_type, row.resource_id, row.tenant_id, dict(row.resource_attributes or {}))
