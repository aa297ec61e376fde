"""Policies: the catalog in force, recent decisions, tenant policies (versioned, dry-run) and exceptions.

Pure domain logic (no HTTP). Built-in policies come from the engine's text and are read-only;
tenant policies are structured rules rendered to Cedar (see :mod:`.catalog`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.domains.alerts import services_ref
from companyos_server.domains.policies import catalog, changes, hook, store, widening
from companyos_server.domains.policies.store import APPROVED, PENDING, PolicyExceptionRow, TenantPolicyRow
from companyos_server.domains.policies.widening import ActionTarget
from companyos_server.domains.tenants import store as tenants_store
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.policy import PolicyEngine
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.stepup import require_recent_mfa
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
        "requires_mfa": entry.requires_mfa,
        "status": APPROVED,
        "widening": [],
        "approved_by": None,
        "approved_at": None,
    }


def _tenant(row: TenantPolicyRow, latest: int | None = None) -> dict[str, Any]:
    """``latest``: the policy's highest version, to tell a pending version from a superseded one."""
    status = row.status
    if status == PENDING and latest is not None and row.version < latest:
        status = "superseded"
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
        "requires_mfa": row.effect == "forbid" and row.require_mfa,
        "status": status,
        "widening": list(row.widening or []),
        "approved_by": row.approved_by,
        "approved_at": row.approved_at,
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
        # The version in force; a policy whose only versions await approval shows the newest.
        in_force = next((r for r in rows if r.status == APPROVED), rows[0])
        return _tenant(in_force, rows[0].version)


def list_versions(db: Database, policy_text: str, ctx: TenantContext, policy_id: str) -> list[dict[str, Any]]:
    builtins = _builtins(policy_text)
    if policy_id in builtins:
        return [_builtin(builtins[policy_id])]
    with db.session() as session:
        rows = store.versions(session, ctx.tenant_id, policy_id)
        if not rows:
            raise errors.not_found("Policy", policy_id)
        return [_tenant(r, rows[0].version) for r in rows]


# -- editing (high-risk; the edge enforces step-up) -----------------------------------------------
def _text_fields(policy_id: str, rule: dict[str, Any]) -> None:
    """400 naming the field when anything that goes into the Cedar text carries control characters."""
    values = [("policy_id", policy_id), ("reason", rule["reason"])]
    values += [(f"actions[{i}]", a) for i, a in enumerate(rule["actions"])]
    values += [(f"roles[{i}]", r) for i, r in enumerate(rule["roles"])]
    problems = [
        errors.FieldError(name, problem, "control_character")
        for name, value in values
        if (problem := catalog.text_problem(value)) is not None
    ]
    if problems:
        fields = ", ".join(p.field for p in problems)
        raise errors.invalid_argument(
            f"Control characters are not allowed in policy text ({fields}).", problems
        )


def update_policy(
    db: Database,
    policy_text: str,
    ctx: TenantContext,
    policy_id: str,
    body: dict[str, Any],
    *,
    dry_run: bool,
    targets: Sequence[ActionTarget] = (),
) -> dict[str, Any]:
    """Create or edit a tenant policy (a new version). ``dry_run`` lists the decisions that would flip.

    A change that widens any role's permissions (``widening``, see :mod:`.widening`; ``targets`` says
    how the API uses each action) is stored ``pending`` and takes effect only when someone else, who
    holds none of the widened roles, approves it (:func:`approve_policy_version`). Nobody may propose
    widening a role they hold: that is refused outright (the dry run still lists the widening).
    """
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
    _text_fields(policy_id, rule)
    cedar = catalog.render(ctx.tenant_id, policy_id, rule)
    hook.flush_decisions(db)  # the dry run re-evaluates recent decisions: include buffered ones
    with db.session() as session:
        current = {r.policy_id: r for r in store.current_policies(session, ctx.tenant_id)}
        previous = current.get(policy_id)
        before, after = _engines(
            session, policy_text, ctx.tenant_id, current, policy_id, cedar, rule["enabled"]
        )
        impact = _flips(session, ctx.tenant_id, before, after)
        affected = set(rule["actions"]) | set(previous.actions if previous else ())
        widens = widening.widened(
            ctx.tenant_id, _attributes(session, ctx.tenant_id), before, after, affected, targets
        )
        own = sorted({w["role"] for w in widens} & set(ctx.roles))
        if own and not dry_run:
            raise errors.permission_denied(
                f"This change widens the permissions of a role you hold ({', '.join(own)}); "
                "nobody may widen their own roles' permissions.",
                [f"'{w['role']}' would newly be allowed '{w['action']}'" for w in widens if w["role"] in own],
            )
        row = TenantPolicyRow(
            id=new_id("tpol"),
            tenant_id=ctx.tenant_id,
            policy_id=policy_id,
            version=store.latest_version(session, ctx.tenant_id, policy_id) + 1,
            cedar=cedar,
            change_note=body.get("change_note") or "",
            created_by=ctx.principal.subject,
            created_at=utcnow(),
            status=PENDING if widens else APPROVED,
            widening=widens,
            **rule,
        )
        if not dry_run:
            session.add(row)
            session.flush()
            changes.version_created(session, row, previous)
        return {
            "dry_run": dry_run,
            "policy": _tenant(row),
            "previous_version": previous.version if previous else None,
            "approval_required": bool(widens),
            "widening": widens,
            **impact,
        }


def approve_policy_version(
    db: Database,
    policy_text: str,
    ctx: TenantContext,
    policy_id: str,
    version: int,
    *,
    targets: Sequence[ActionTarget] = (),
) -> dict[str, Any]:
    """Put a pending (widening) version in force: four eyes, and never by a holder of a widened role.

    The widening is computed again against the policies in force now (they may have changed since the
    proposal), and that is what the approver is checked against and what the version records.
    Step-up is the edge's (the operation is high-risk); it is checked here too, as a client can
    never satisfy it.
    """
    _require_mfa(ctx, f"Approving version {version} of policy '{policy_id}'")
    with db.session() as session:
        row = store.get_version(session, ctx.tenant_id, policy_id, version, lock=True)
        if row is None:
            raise errors.not_found("Policy version", f"{policy_id}@{version}")
        if row.status != PENDING:
            raise errors.failed_precondition(
                f"Version {version} of policy '{policy_id}' is {row.status}; only pending versions are approved."
            )
        latest = store.latest_version(session, ctx.tenant_id, policy_id)
        if latest != version:
            raise errors.failed_precondition(
                f"Version {version} of policy '{policy_id}' was superseded by version {latest}."
            )
        if row.created_by == ctx.principal.subject:
            raise errors.permission_denied(
                "The author of a policy change cannot approve it.",
                ["a change that widens permissions needs an approver other than its author"],
            )
        current = {r.policy_id: r for r in store.current_policies(session, ctx.tenant_id)}
        before, after = _engines(
            session, policy_text, ctx.tenant_id, current, policy_id, row.cedar, row.enabled
        )
        affected = set(row.actions) | set(current[policy_id].actions if policy_id in current else ())
        widens = widening.widened(
            ctx.tenant_id, _attributes(session, ctx.tenant_id), before, after, affected, targets
        )
        held = sorted({w["role"] for w in widens} & set(ctx.roles))
        if held:
            raise errors.permission_denied(
                f"The change widens the permissions of a role you hold ({', '.join(held)}); "
                "its approver must hold none of the widened roles.",
                [
                    f"'{w['role']}' would newly be allowed '{w['action']}'"
                    for w in widens
                    if w["role"] in held
                ],
            )
        pending = changes.summary(row)
        row.status, row.widening = APPROVED, widens
        row.approved_by, row.approved_at = ctx.principal.subject, utcnow()
        session.flush()
        changes.version_approved(session, row, pending)
        return _tenant(row, latest)


def _engines(
    session: Session,
    policy_text: str,
    tenant_id: str,
    current: dict[str, TenantPolicyRow],
    policy_id: str,
    cedar: str,
    enabled: bool,
) -> tuple[PolicyEngine, PolicyEngine]:
    """Engines for the policies in force and for them with ``policy_id`` replaced by ``cedar``.

    Both apply the tenant's exceptions active now, as live decisions would: an exception for the
    edited policy keeps waiving it while it stays a forbid.
    """
    builtin = catalog.builtin_text(policy_text)
    before_text = _combined(builtin, [r.cedar for r in current.values() if r.enabled])
    after_rows = [r.cedar for pid, r in current.items() if r.enabled and pid != policy_id]
    after_text = _combined(builtin, after_rows + ([cedar] if enabled else []))
    exceptions = hook.active_exceptions(session, tenant_id, utcnow())
    before, after = PolicyEngine(before_text), PolicyEngine(after_text)
    for engine in (before, after):
        engine.attach_exceptions(lambda _tenant: exceptions)
    return before, after


def _attributes(session: Session, tenant_id: str) -> dict[str, str]:
    """The tenant's attributes the policies read, as the edge passes them (residency, tier)."""
    tenant = tenants_store.get(session, tenant_id)
    return {"residency": tenant.residency, "tier": tenant.tier} if tenant else {}


def _combined(builtin: str, tenant_texts: list[str]) -> str:
    return "\n\n".join([builtin, *tenant_texts])


def _flips(session: Session, tenant_id: str, before: PolicyEngine, after: PolicyEngine) -> dict[str, Any]:
    """Re-evaluate the tenant's recent decisions under both policy sets; list those that change."""
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
    hook.flush_decisions(db)
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
        policy = _policies_in_force(session, policy_text, ctx.tenant_id).get(policy_id)
        if policy is None:
            raise errors.not_found("Policy", policy_id)
        effect, requires_mfa = policy
        if effect != "forbid":
            # Forbids deny; an exception waives one. Waiving a permit would only take access away.
            raise errors.failed_precondition(
                f"Policy '{policy_id}' is a permit; exceptions waive forbid policies only."
            )
        if requires_mfa:
            _require_mfa(ctx, f"Requesting an exception to policy '{policy_id}', which requires MFA,")
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
    db: Database, policy_text: str, ctx: TenantContext, exception_id: str, *, now: datetime | None = None
) -> dict[str, Any]:
    """Four eyes: the approver must not be the requester. Expired or approved exceptions are final.

    An exception to a policy that requires MFA (judged on the policy in force now) needs the approver's
    recent multi-factor sign-in, like its request did.
    """
    now = now or utcnow()
    with db.session() as session:
        row = store.get_exception(session, ctx.tenant_id, exception_id, lock=True)
        if row is None:
            raise errors.not_found("Policy exception", exception_id)
        _effect, requires_mfa = _policies_in_force(session, policy_text, ctx.tenant_id).get(
            row.policy_id, ("forbid", False)
        )
        if requires_mfa:
            _require_mfa(ctx, f"Approving an exception to policy '{row.policy_id}', which requires MFA,")
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


def _policies_in_force(session: Session, policy_text: str, tenant_id: str) -> dict[str, tuple[str, bool]]:
    """Policy id → (effect, whether it is a forbid that requires MFA), built-ins and the tenant's."""
    found = {e.id: (e.effect, e.requires_mfa) for e in _builtins(policy_text).values()}
    for r in store.current_policies(session, tenant_id):
        found[r.policy_id] = (r.effect, r.effect == "forbid" and r.require_mfa)
    return found


def _require_mfa(ctx: TenantContext, what: str) -> None:
    """An exception never grants what the caller's own authentication could not get, so whoever
    requests or approves one for an MFA policy signs in with MFA."""
    require_recent_mfa(ctx.principal, what)


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
