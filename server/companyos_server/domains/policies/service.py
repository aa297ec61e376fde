"""Policies: the catalog in force, recent decisions, tenant policies (versioned, dry-run) and exceptions.

Pure domain logic (no HTTP). Built-in policies come from the engine's text and are read-only;
tenant policies are structured rules rendered to Cedar (see :mod:`.catalog`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.domains.alerts import services_ref
from companyos_server.domains.policies import catalog, hook, store
from companyos_server.domains.policies.store import PolicyExceptionRow, TenantPolicyRow
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.policy import PolicyEngine
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, utcnow

DRY_RUN_WINDOW = 500  # most recent decisions re-evaluated by a dry run


# -- catalog --------------------------------------------------------------------------------------
def _builtin(entry: catalog.CatalogEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "cedar_id": entry.id,
        "source": "builtin",
        "effect": entry.effect,
        "reason": entry.reason,
        "text": entry.text,
        "editable": False,
        "enabled": True,
        "version": None,
        "rule": None,
        "updated_by": None,
        "updated_at": None,
    }


def _tenant(row: TenantPolicyRow) -> dict[str, Any]:
    return {
        "id": row.policy_id,
        "cedar_id": catalog.cedar_id(row.tenant_id, row.policy_id),
        "source": "tenant",
        "effect": row.effect,
        "reason": row.reason,
        "text": row.cedar,
        "editable": True,
        "enabled": row.enabled,
        "version": row.version,
        "rule": _rule(row),
        "updated_by": row.created_by,
        "updated_at": row.created_at,
    }


def _rule(row: TenantPolicyRow) -> dict[str, Any]:
    return {
        "effect": row.effect,
        "actions": list(row.actions),
        "roles": list(row.roles),
        "require_mfa": row.require_mfa,
        "mutations_only": row.mutations_only,
        "reason": row.reason,
        "enabled": row.enabled,
    }


def _builtins(policy_text: str) -> dict[str, catalog.CatalogEntry]:
    return {e.id: e for e in catalog.parse(catalog.builtin_text(policy_text))}


def list_policies(db: Database, policy_text: str, ctx: TenantContext) -> list[dict[str, Any]]:
    items = [_builtin(e) for e in _builtins(policy_text).values()]
    with db.session() as session:
        items += [_tenant(r) for r in store.current_policies(session, ctx.tenant_id)]
    return items


def get_policy(db: Database, policy_text: str, ctx: TenantContext, policy_id: str) -> dict[str, Any]:
    builtins = _builtins(policy_text)
    if policy_id in builtins:
        return _builtin(builtins[policy_id])
    with db.session() as session:
        rows = store.versions(session, ctx.tenant_id, policy_id)
        if not rows:
            raise errors.not_found("Policy", policy_id)
        return _tenant(rows[0])


def list_versions(db: Database, policy_text: str, ctx: TenantContext, policy_id: str) -> list[dict[str, Any]]:
    builtins = _builtins(policy_text)
    if policy_id in builtins:
        return [_builtin(builtins[policy_id])]
    with db.session() as session:
        rows = store.versions(session, ctx.tenant_id, policy_id)
        if not rows:
            raise errors.not_found("Policy", policy_id)
        return [_tenant(r) for r in rows]


# -- editing (high-risk; the edge enforces step-up) -----------------------------------------------
def update_policy(
    db: Database, policy_text: str, ctx: TenantContext, policy_id: str, body: dict[str, Any], *, dry_run: bool
) -> dict[str, Any]:
    """Create or edit a tenant policy (a new version). ``dry_run`` lists the decisions that would flip."""
    if policy_id in _builtins(policy_text):
        raise errors.failed_precondition(
            f"Policy '{policy_id}' is built in and read-only; add a tenant policy (or a forbid) instead."
        )
    rule = {
        "effect": body["effect"],
        "actions": list(dict.fromkeys(body["actions"])),
        "roles": list(dict.fromkeys(body.get("roles") or [])),
        "require_mfa": bool(body.get("require_mfa", False)),
        "mutations_only": bool(body.get("mutations_only", False)),
        "reason": body["reason"],
        "enabled": bool(body.get("enabled", True)),
    }
    cedar = catalog.render(ctx.tenant_id, policy_id, rule)
    builtin = catalog.builtin_text(policy_text)
    with db.session() as session:
        current = {r.policy_id: r for r in store.current_policies(session, ctx.tenant_id)}
        previous = current.get(policy_id)
        before_text = _combined(builtin, [r.cedar for r in current.values() if r.enabled])
        after_rows = [r.cedar for pid, r in current.items() if r.enabled and pid != policy_id]
        after_text = _combined(builtin, after_rows + ([cedar] if rule["enabled"] else []))
        impact = _flips(session, ctx.tenant_id, before_text, after_text)
        row = TenantPolicyRow(
            id=new_id("tpol"),
            tenant_id=ctx.tenant_id,
            policy_id=policy_id,
            version=(previous.version + 1) if previous else 1,
            cedar=cedar,
            change_note=body.get("change_note") or "",
            created_by=ctx.principal.subject,
            created_at=utcnow(),
            **rule,
        )
        if not dry_run:
            session.add(row)
            session.flush()
        return {
            "dry_run": dry_run,
            "policy": _tenant(row),
            "previous_version": previous.version if previous else None,
            **impact,
        }


def _combined(builtin: str, tenant_texts: list[str]) -> str:
    return "\n\n".join([builtin, *tenant_texts])


def _flips(session: Session, tenant_id: str, before_text: str, after_text: str) -> dict[str, Any]:
    """Re-evaluate the tenant's recent decisions under both policy sets; list those that change.

    Both sides apply the tenant's exceptions active now, as live decisions would: an exception for the
    edited policy keeps waiving it while it stays a forbid.
    """
    exceptions = hook.active_exceptions(session, tenant_id, utcnow())
    before, after = PolicyEngine(before_text), PolicyEngine(after_text)
    for engine in (before, after):
        engine.attach_exceptions(lambda _tenant: exceptions)
    rows = store.list_decisions(session, tenant_id, after=None, limit=DRY_RUN_WINDOW)
    flips = []
    for row in rows:
        principal, resource = hook.principal_of(row), hook.resource_of(row)
        purpose = "recorded" if row.has_purpose else None
        old, new = (
            engine.authorize(
                principal,
                row.action,
                resource,
                mutation=row.mutation,
                purpose=purpose,
                tenant_status=row.tenant_status,
            )
            for engine in (before, after)
        )
        if old.allowed != new.allowed:
            flips.append(
                {
                    "decision_id": row.id,
                    "at": row.at,
                    "principal": row.principal,
                    "roles": list(row.roles or []),
                    "action": row.action,
                    "resource": f"{row.resource_type}:{row.resource_id}",
                    "before": "allow" if old.allowed else "deny",
                    "after": "allow" if new.allowed else "deny",
                    "reasons": list(new.reasons),
                }
            )
    return {"evaluated": len(rows), "changed": len(flips), "flips": flips}


# -- decisions ------------------------------------------------------------------------------------
def _decision(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "at": row.at,
        "principal": row.principal,
        "principal_kind": row.principal_kind,
        "roles": list(row.roles or []),
        "action": row.action,
        "resource": f"{row.resource_type}:{row.resource_id}",
        "outcome": "allow" if row.allowed else "deny",
        "reasons": list(row.reasons or []),
        "policy_ids": list(row.policy_ids or []),
        "request_id": row.request_id,
    }


def list_decisions(
    db: Database,
    ctx: TenantContext,
    *,
    page_size: int | None = None,
    page_token: str | None = None,
    action: str | None = None,
    outcome: str | None = None,
) -> Page[dict[str, Any]]:
    allowed = None if outcome is None else outcome == "allow"
    filters = {"action": action, "outcome": outcome}
    with db.session() as session:
        page = paginate(
            lambda after, limit: store.list_decisions(
                session, ctx.tenant_id, after=after, limit=limit, action=action, allowed=allowed
            ),
            key=lambda row: row.id,
            page_size=page_size,
            page_token=page_token,
            filters=filters,
        )
        return Page([_decision(r) for r in page.items], page.next_page_token)


# -- exceptions -----------------------------------------------------------------------------------
def exception_status(row: PolicyExceptionRow, now: datetime) -> str:
    if row.expires_at <= now:
        return "expired"
    return "active" if row.approved_at is not None else "pending"


def _exception(row: PolicyExceptionRow, now: datetime) -> dict[str, Any]:
    return {
        "id": row.id,
        "policy_id": row.policy_id,
        "scope": "service" if row.service_id else "tenant",
        "service_id": row.service_id,
        "reason": row.reason,
        "requested_by": row.requested_by,
        "requested_at": row.requested_at,
        "expires_at": row.expires_at,
        "approver": row.approver,
        "approved_at": row.approved_at,
        "status": exception_status(row, now),
    }


def create_exception(
    db: Database, policy_text: str, ctx: TenantContext, body: dict[str, Any], *, now: datetime | None = None
) -> dict[str, Any]:
    now = now or utcnow()
    policy_id = body["policy_id"]
    with db.session() as session:
        effects = {e.id: e.effect for e in _builtins(policy_text).values()}
        effects.update({r.policy_id: r.effect for r in store.current_policies(session, ctx.tenant_id)})
        if policy_id not in effects:
            raise errors.not_found("Policy", policy_id)
        if effects[policy_id] != "forbid":
            # Forbids deny; an exception waives one. Waiving a permit would only take access away.
            raise errors.failed_precondition(
                f"Policy '{policy_id}' is a permit; exceptions waive forbid policies only."
            )
        service_id = body.get("service_id")
        if service_id and (
            not services_ref.available() or services_ref.by_id(session, ctx.tenant_id, service_id) is None
        ):
            raise errors.not_found("Service", service_id)
        row = PolicyExceptionRow(
            id=new_id("pex"),
            tenant_id=ctx.tenant_id,
            policy_id=policy_id,
            service_id=service_id or None,
            reason=body["reason"],
            requested_by=ctx.principal.subject,
            requested_at=now,
            expires_at=now + timedelta(hours=int(body["duration_hours"])),
        )
        session.add(row)
        session.flush()
        return _exception(row, now)


def approve_exception(
    db: Database, ctx: TenantContext, exception_id: str, *, now: datetime | None = None
) -> dict[str, Any]:
    """Four eyes: the approver must not be the requester. Expired or approved exceptions are final."""
    now = now or utcnow()
    with db.session() as session:
        row = store.get_exception(session, ctx.tenant_id, exception_id, lock=True)
        if row is None:
            raise errors.not_found("Policy exception", exception_id)
        if row.requested_by == ctx.principal.subject:
            raise errors.permission_denied(
                "The requester of an exception cannot approve it.",
                ["a policy exception needs an approver other than its requester"],
            )
        status = exception_status(row, now)
        if status != "pending":
            raise errors.failed_precondition(f"Policy exception '{exception_id}' is {status}.")
        row.approver, row.approved_at = ctx.principal.subject, now
        session.flush()
        return _exception(row, now)


def get_exception(
    db: Database, ctx: TenantContext, exception_id: str, *, now: datetime | None = None
) -> dict[str, Any]:
    with db.session() as session:
        row = store.get_exception(session, ctx.tenant_id, exception_id)
        if row is None:
            raise errors.not_found("Policy exception", exception_id)
        return _exception(row, now or utcnow())


def list_exceptions(
    db: Database,
    ctx: TenantContext,
    *,
    page_size: int | None = None,
    page_token: str | None = None,
    policy_id: str | None = None,
    service_id: str | None = None,
    status: str | None = None,
    now: datetime | None = None,
) -> Page[dict[str, Any]]:
    now = now or utcnow()
    filters = {"policy_id": policy_id, "service_id": service_id, "status": status}
    with db.session() as session:
        page = paginate(
            lambda after, limit: store.list_exceptions(
                session, ctx.tenant_id, after=after, limit=limit, now=now, **filters
            ),
            key=lambda row: row.id,
            page_size=page_size,
            page_token=page_token,
            filters=filters,
        )
        return Page([_exception(r, now) for r in page.items], page.next_page_token)
