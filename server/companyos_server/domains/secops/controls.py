"""Security playbook controls: enforce step-up for a tenant, raise its audit logging, isolate a service.

Maestro's ``tenant.enforce_step_up``, ``tenant.raise_logging`` and ``service.isolate`` effects call these in
the effect's transaction; each is undone by the same action (``hours: 0``, ``release: true``), which is
how a playbook compensates. What they change is enforced elsewhere, on every request:

* enforced step-up: the edge guard answers every change (a mutating operation) by a person without a
  multi-factor sign-in in the last 15 minutes with the RFC 9470 step-up challenge (401), as for a
  high-risk operation. Service clients cannot sign in with MFA and are not affected: rotate their
  credentials (``credential.rotate``) to contain them.
* raised logging: the audit middleware records the tenant's reads too (``details.raised_logging``), not
  only its changes and denials, so an investigation sees what a suspect principal looked at.
* an isolated service takes no new deployment (a rollback still runs: it is containment), and a flag
  rollout whose SLO gate names it fails the gate, so its rollouts stop.

The tenant's controls travel with the cached tenant attributes; a change bumps the shared cache epoch so
every worker sees it within the epoch's check interval. A request for fewer hours than are left keeps the
longer control; ``hours: 0`` (and ``release``) lifts whatever is in force, whoever set it, which is why
these actions, and any compensation using them, are high-risk (step-up).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from companyos_server.platform.storage import utcnow

MAX_HOURS = 720  # 30 days: a control meant to last longer is a policy, not a playbook step


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _bump(session: Session) -> None:
    from companyos_server.platform.runtime import get_runtime

    get_runtime().cache_epoch.bump(session)


def _set_until(session: Session, tenant_id: str, column: str, hours: float) -> dict[str, Any] | None:
    from companyos_server.domains.tenants.store import TenantRow

    tenant = session.get(TenantRow, tenant_id)
    if tenant is None:
        return None
    before = getattr(tenant, column)
    until = utcnow() + timedelta(hours=hours) if hours > 0 else None
    if until is not None and before is not None and before > until:
        until = before  # a shorter request never cuts short a control already in force
    setattr(tenant, column, until)
    _bump(session)
    return {column: _iso(until), "previous": _iso(before)}


def enforce_step_up(session: Session, tenant_id: str, hours: float) -> dict[str, Any] | None:
    """Every change by a person needs a recent MFA sign-in for ``hours`` (0 lifts it); None: no tenant."""
    return _set_until(session, tenant_id, "step_up_enforced_until", hours)


def raise_logging(session: Session, tenant_id: str, hours: float) -> dict[str, Any] | None:
    """The tenant's reads are audited too for ``hours`` (0 restores the usual logging)."""
    return _set_until(session, tenant_id, "audit_reads_until", hours)


def isolate_service(
    session: Session, tenant_id: str, service_id: str, *, reason: str, release: bool = False
) -> dict[str, Any] | None:
    """Mark the service isolated (or release it); None when the tenant has no such service."""
    from companyos_server.domains.services import store

    service = store.get(session, tenant_id, service_id)
    if service is None:
        return None
    was = service.isolated_at is not None
    if release:
        service.isolated_at, service.isolation_reason = None, None
    elif not was:
        service.isolated_at, service.isolation_reason = utcnow(), reason
    service.updated_at = utcnow()
    service.revision = (service.revision or 0) + 1  # the response changed: its ETag must too
    return {"service_id": service_id, "isolated": not release, "was_isolated": was,
            "isolated_at": _iso(service.isolated_at)}  # fmt: skip
