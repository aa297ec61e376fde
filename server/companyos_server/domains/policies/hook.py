"""What the platform layer calls: record a decision, and the tenant's own policies in force.

Both are ASGI-free and safe to call from the edge guard:

- :func:`record_decision` after ``runtime.policy.authorize(...)`` (one insert, own transaction;
  a failure is logged, never raised, so recording cannot break a request);
- :func:`policies_for` returns the Cedar text of the tenant's enabled policies ("" when none), to
  be evaluated together with the built-ins for resources of that tenant;
- :func:`exceptions_for` returns the tenant's approved, unexpired policy exceptions, which waive the
  forbid policies they name (see :class:`companyos_server.platform.policy.PolicyException`).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from companyos_server.domains.policies import catalog, store
from companyos_server.domains.policies.store import PolicyDecisionRow, PolicyExceptionRow
from companyos_server.platform.policy import Decision, PolicyException, Resource
from companyos_server.platform.principal import Principal
from companyos_server.platform.storage import Database, new_id, utcnow

log = logging.getLogger("companyos.policies")


def record_decision(
    db: Database,
    *,
    principal: Principal,
    action: str,
    resource: Resource,
    decision: Decision,
    mutation: bool,
    purpose: str | None = None,
    tenant_status: str = "active",
    request_id: str | None = None,
) -> str | None:
    """Store one decision of ``resource.tenant_id``; returns its id (None when it could not be stored)."""
    try:
        row = PolicyDecisionRow(
            id=new_id("pdc"),
            tenant_id=resource.tenant_id,
            at=utcnow(),
            principal=principal.subject,
            principal_kind=principal.kind,
            roles=list(principal.roles_in(resource.tenant_id)),
            scopes=sorted(principal.scopes),
            member=principal.is_member(resource.tenant_id),
            has_purpose=bool(purpose),
            tenant_status=tenant_status,
            acr=principal.acr or "",
            mutation=mutation,
            action=action,
            resource_type=resource.type,
            resource_id=resource.id,
            resource_attributes=dict(resource.attributes),
            allowed=decision.allowed,
            reasons=list(decision.reasons),
            policy_ids=list(decision.policy_ids),
            request_id=request_id,
        )
        with db.session() as session:
            store.add_decision(session, row)
        return row.id
    except Exception:
        log.exception("could not record the policy decision for %s on %s", action, resource.tenant_id)
        return None


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
