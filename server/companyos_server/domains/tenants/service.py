"""Tenant lifecycle and the caller's permissions. Pure domain logic: no HTTP here."""

from __future__ import annotations

from typing import Any

from companyos_server import errors
from companyos_server.domains.tenants import store
from companyos_server.domains.tenants.store import TenantRow
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.policy import Decision, PolicyEngine, Resource
from companyos_server.platform.principal import Principal, TenantContext
from companyos_server.platform.spec import SpecIndex
from companyos_server.platform.stepup import satisfies_step_up, step_up_challenge
from companyos_server.platform.storage import Database, utcnow

ADMIN_ONLY_FIELDS = ("tier", "status")


def to_dict(row: TenantRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "display_name": row.display_name,
        "tier": row.tier,
        "residency": row.residency,
        "status": row.status,
        "environment": row.environment,
        "labels": dict(row.labels or {}),
        "security_controls": _controls(row),
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }


def _controls(row: TenantRow) -> dict[str, Any]:
    """Security playbook controls in force now (domains/secops/controls.py); a lapsed one reads null."""
    now = utcnow()
    return {
        name: until if until is not None and until > now else None
        for name, until in (
            ("step_up_enforced_until", row.step_up_enforced_until),
            ("audit_reads_until", row.audit_reads_until),
        )
    }


def resource_for(row: TenantRow) -> Resource:
    return Resource(
        "tenant",
        row.id,
        row.id,
        {"residency": row.residency, "tier": row.tier, "environment": row.environment},
    )


def list_tenants(
    db: Database,
    principal: Principal,
    *,
    page_size: int | None = None,
    page_token: str | None = None,
    tier: str | None = None,
    status: str | None = None,
    environment: str | None = None,
) -> Page[dict[str, Any]]:
    visible = None if principal.is_platform_admin else sorted(principal.tenants)
    filters = {"tier": tier, "status": status, "environment": environment, "visible": visible}
    with db.session() as session:
        page = paginate(
            lambda after, limit: store.list_page(
                session,
                visible_ids=visible,
                after=after,
                limit=limit,
                tier=tier,
                status=status,
                environment=environment,
            ),
            key=lambda row: row.id,
            page_size=page_size,
            page_token=page_token,
            filters=filters,
        )
        return Page([to_dict(r) for r in page.items], page.next_page_token)


def get_tenant(db: Database, ctx: TenantContext) -> dict[str, Any]:
    with db.session() as session:
        row = store.get(session, ctx.tenant_id)
        if row is None:
            raise errors.not_found("Tenant", ctx.tenant_id)
        return to_dict(row)


def create_tenant(db: Database, principal: Principal, body: dict[str, Any]) -> dict[str, Any]:
    if not principal.is_platform_admin:
        raise errors.permission_denied(
            "Only platform admins may create tenants.", ["scope platform:admin is required to create tenants"]
        )
    with db.session() as session:
        if store.get(session, body["id"]) is not None:
            raise errors.already_exists("Tenant", body["id"])
        now = utcnow()
        row = TenantRow(
            id=body["id"],
            display_name=body["display_name"],
            tier=body.get("tier", "standard"),
            residency=body.get("residency", "us"),
            status="active",
            environment=body.get("environment", "production"),
            labels=body.get("labels", {}),
            created_at=now,
            updated_at=now,
        )
        store.add(session, row)
        return to_dict(row)


def update_tenant(db: Database, ctx: TenantContext, patch: dict[str, Any]) -> dict[str, Any]:
    # Field-level rule that depends on the request body, so it lives here, not in the edge policy.
    restricted = [f for f in ADMIN_ONLY_FIELDS if f in patch]
    if restricted and not ctx.principal.is_platform_admin:
        raise errors.permission_denied(
            f"Only platform admins may change {', '.join(restricted)}.",
            [f"field '{f}' is managed by platform admins" for f in restricted],
        )
    if "status" in patch and not satisfies_step_up(ctx.principal):
        raise errors.step_up_required(
            step_up_challenge(), "Changing a tenant's status needs a recent multi-factor sign-in."
        )
    with db.session() as session:
        row = store.get(session, ctx.tenant_id)
        if row is None:
            raise errors.not_found("Tenant", ctx.tenant_id)
        for field in ("display_name", "tier", "status"):
            if field in patch:
                setattr(row, field, patch[field])
        if "labels" in patch:
            row.labels = dict(patch["labels"])
        row.updated_at = utcnow()
        session.flush()
        return to_dict(row)


def _resource_from_reference(db: Database, ctx: TenantContext, reference: str) -> tuple[Resource, str]:
    kind, _, ident = reference.partition(":")
    with db.session() as session:
        tenant = store.get(session, ctx.tenant_id)
        if tenant is None:
            raise errors.not_found("Tenant", ctx.tenant_id)
        if kind == "tenant" and ident and ident != ctx.tenant_id:
            raise errors.not_found("Resource", f"tenant:{ident}")
        attributes = {"residency": tenant.residency, "tier": tenant.tier, "environment": tenant.environment}
        return Resource(kind, ident or ctx.tenant_id, ctx.tenant_id, attributes), tenant.status


def permissions(
    db: Database, policy: PolicyEngine, spec: SpecIndex, ctx: TenantContext, reference: str
) -> dict[str, Any]:
    kind = reference.partition(":")[0]
    catalog = spec.actions_for_resource(kind)
    if not catalog:
        # A schema-valid reference to something that does not exist: not found, with the known types.
        known = ", ".join(spec.resource_types())
        raise errors.DomainError(
            f"No resource type '{kind}' exists. Known types: {known}.", 404, "Not Found", "not-found"
        )
    resource, status = _resource_from_reference(db, ctx, reference)
    results = []
    for action, info in catalog.items():
        decision: Decision = policy.authorize(
            ctx.principal,
            action,
            resource,
            mutation=info.mutation,
            purpose=ctx.purpose,
            tenant_status=status,
        )
        step_up = info.high_risk and not satisfies_step_up(ctx.principal)
        results.append(
            {
                "action": action,
                "allowed": decision.allowed,
                "reasons": [] if decision.allowed else list(decision.reasons),
                "requires_step_up": step_up,
            }
        )
    return {"resource": reference, "principal": ctx.principal.subject, "actions": results}
