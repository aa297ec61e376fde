"""Tenant policy versions (created, approved) recorded in IntelGraph, in the writer's transaction.

One record on ``policy:<policy_id>``, linked to ``tenant:<tenant>`` (see
:meth:`IntelGraph.record_tenant_change`), with the rule before and after: policies hold no secrets.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from companyos_server.domains.policies.store import TenantPolicyRow

KIND = "policy"


def _graph() -> Any:
    from companyos_server.platform.runtime import get_runtime

    return get_runtime().graph


def summary(row: TenantPolicyRow) -> dict[str, Any]:
    return {
        "version": row.version,
        "status": row.status,
        "effect": row.effect,
        "actions": list(row.actions),
        "roles": list(row.roles),
        "require_mfa": row.require_mfa,
        "mutations_only": row.mutations_only,
        "enabled": row.enabled,
        "reason": row.reason,
    }


def _record(session: Session, row: TenantPolicyRow, actor: str, action: str, what: str, before: Any) -> None:
    _graph().record_tenant_change(
        session,
        tenant_id=row.tenant_id,
        kind=KIND,
        entity_id=row.policy_id,
        name=row.policy_id,
        actor=actor,
        action=action,
        summary=f"Policy '{row.policy_id}' {what}",
        before=before,
        after=summary(row),
        details={"widening": list(row.widening or [])} if row.widening else None,
        attributes={"effect": row.effect, "version": row.version, "status": row.status},
        text=row.reason,
    )


def version_created(session: Session, row: TenantPolicyRow, previous: TenantPolicyRow | None) -> None:
    """A new version; ``previous`` is the version in force before it (None for a new policy)."""
    state = "pending approval (widens permissions)" if row.widening else "in force"
    what = f"v{row.version} created, {state}"
    _record(
        session, row, row.created_by, "policy.version_created", what, summary(previous) if previous else None
    )


def version_approved(session: Session, row: TenantPolicyRow, before: dict[str, Any]) -> None:
    """A pending version put in force; ``before`` is its :func:`summary` while pending."""
    _record(
        session, row, row.approved_by or "", "policy.version_approved", f"v{row.version} approved", before
    )
