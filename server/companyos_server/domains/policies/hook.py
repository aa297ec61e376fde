"""What the platform layer calls: record a decision, and the tenant's own policies in force.

Both are ASGI-free and safe to call from the edge guard:

- :func:`record_decision` after ``runtime.policy.authorize(...)`` (one insert, own transaction;
  a failure is logged, never raised, so recording cannot break a request);
- :func:`policies_for` returns the Cedar text of the tenant's enabled policies ("" when none), to
  be evaluated together with the built-ins for resources of that tenant.
"""

from __future__ import annotations

import logging
from typing import Any

from companyos_server.domains.policies import store
from companyos_server.domains.policies.store import PolicyDecisionRow
from companyos_server.platform.policy import Decision, Resource
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
