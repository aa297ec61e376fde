"""Feature flags: definitions and their effective value per environment, with what decided it.

Precedence: the tenant-level ``override``, else the first rule naming the environment, else the
flag's default (``enabled`` / ``default_variant``). ``reason`` follows OpenFeature's OFREP
vocabulary: ``TARGETING_MATCH`` (override or rule), ``DEFAULT`` and ``DISABLED`` (the flag is off by
default and nothing turned it on).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from companyos.flags import evaluator
from companyos_server import errors
from companyos_server.domains.tenant_config import changes, store
from companyos_server.domains.tenant_config.store import FlagRow
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, utcnow

ENVIRONMENTS = ("production", "staging", "sandbox")
_PENDING = "companyos.flags_changed"  # Session.info key: tenants whose flags this transaction changed
_listeners: list[Callable[[str], None]] = []


def on_change(listener: Callable[[str], None]) -> None:
    """``listener(tenant_id)`` runs in this process once a transaction that changed the tenant's flags has
    committed (never for one rolled back). Other processes learn of it by revalidating (see
    ``features.ofrep``)."""
    _listeners.append(listener)


def changed(session: Session, tenant_id: str) -> None:
    """Record that ``session``'s transaction changed the tenant's flags: every writer of flags calls this,
    so that :func:`on_change` listeners hear of it when the transaction commits."""
    pending = session.info.get(_PENDING)
    if pending is None:
        pending = session.info[_PENDING] = set()
        event.listen(session, "after_commit", _announce)
        event.listen(session, "after_rollback", _forget_pending)
    pending.add(tenant_id)


def _announce(session: Session) -> None:
    pending = session.info.get(_PENDING) or set()
    tenants = sorted(pending)
    pending.clear()
    for tenant_id in tenants:
        for listener in list(_listeners):
            listener(tenant_id)


def _forget_pending(session: Session) -> None:
    session.info.get(_PENDING, set()).clear()


def config(row: FlagRow) -> dict[str, Any]:
    """The flag as the shared evaluator (``companyos.flags.evaluator``) and the SDK's cache read it."""
    return {
        "key": row.key,
        "enabled": bool(row.enabled),
        "variants": dict(row.variants or {}),
        "default_variant": row.default_variant,
        "rules": [dict(r) for r in row.rules or []],
        "override": dict(row.override) if row.override else None,
    }


def evaluate(row: FlagRow, environment: str) -> dict[str, Any]:
    """The flag in one environment without an evaluation context (rules with conditions or rollouts skip).

    ``reason`` keeps this operation's vocabulary (TARGETING_MATCH, DEFAULT, DISABLED); the OFREP
    endpoints report the full OpenFeature reasons for a context.
    """
    res = evaluator.evaluate(config(row), environment, None)
    reason = "TARGETING_MATCH" if res.decided_by != "default" else "DEFAULT" if res.enabled else "DISABLED"
    return {
        "flag_key": row.key,
        "environment": environment,
        "enabled": res.enabled,
        "variant": res.variant if res.enabled else None,
        "value": res.value if res.enabled else False,
        "reason": reason,
        "decided_by": res.decided_by,
        "explanation": res.explanation,
    }


def to_dict(row: FlagRow) -> dict[str, Any]:
    return {
        "key": row.key,
        "tenant_id": row.tenant_id,
        "description": row.description,
        "enabled": row.enabled,
        "variants": dict(row.variants or {}),
        "default_variant": row.default_variant,
        "rules": [dict(r) for r in row.rules or []],
        "override": dict(row.override) if row.override else None,
        "type": evaluator.flag_type(config(row)),
        "temporary": bool(row.temporary),
        "effective": [evaluate(row, env) for env in ENVIRONMENTS],
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }


def _validate(row: FlagRow) -> None:
    variants = row.variants or {}
    named = [("default_variant", row.default_variant)]
    named += [(f"rules[{i}].variant", r.get("variant")) for i, r in enumerate(row.rules or [])]
    if row.override:
        named.append(("override.variant", row.override.get("variant")))
    for i, rule in enumerate(row.rules or []):
        split = rule.get("split") or []
        named += [(f"rules[{i}].split[{j}].variant", part.get("variant")) for j, part in enumerate(split)]
        if split and sum(int(part.get("weight", 0)) for part in split) != 100:
            raise errors.failed_precondition(f"rules[{i}].split weights must add up to 100.")
        for j, cond in enumerate(rule.get("conditions") or []):
            if cond.get("operator") == "matches":
                for pattern in cond.get("values") or []:
                    try:
                        re.compile(str(pattern))
                    except re.error as exc:
                        raise errors.failed_precondition(
                            f"rules[{i}].conditions[{j}]: '{pattern}' is not a regular expression ({exc})."
                        ) from None
    for field, variant in named:
        if variant is not None and variant not in variants:
            known = ", ".join(sorted(variants)) or "none"
            raise errors.failed_precondition(
                f"{field} names variant '{variant}', which the flag does not define (variants: {known})."
            )


def _apply(row: FlagRow, body: dict[str, Any]) -> None:
    for field in ("description", "enabled", "default_variant", "temporary"):
        if field in body:
            setattr(row, field, body[field])
    if "variants" in body:
        row.variants = dict(body["variants"])
    if "rules" in body:
        row.rules = [{"enabled": True, **r} for r in body["rules"]]
    if "override" in body:
        row.override = dict(body["override"]) if body["override"] else None


def _require(session: Session, tenant_id: str, key: str) -> FlagRow:
    row = store.get_flag(session, tenant_id, key)
    if row is None:
        raise errors.not_found("Flag", key)
    return row


def create_flag_in(
    session: Session, tenant_id: str, body: dict[str, Any], *, actor: str | None = None
) -> dict[str, Any]:
    """Create a flag in the caller's transaction; with ``actor``, also record it in IntelGraph (as every
    writer that stands for a person or the seed should: an unrecorded flag cannot be inspected)."""
    if store.get_flag(session, tenant_id, body["key"]) is not None:
        raise errors.already_exists("Flag", body["key"])
    now = utcnow()
    row = FlagRow(
        id=new_id("flg"),
        tenant_id=tenant_id,
        key=body["key"],
        description="",
        enabled=False,
        variants={},
        default_variant=None,
        rules=[],
        override=None,
        temporary=False,
        created_at=now,
        updated_at=now,
    )
    _apply(row, body)
    _validate(row)
    store.add_flag(session, row)
    changed(session, tenant_id)
    if actor is not None:
        session.flush()
        changes.flag_changed(session, tenant_id, actor, row.key, None, changes.flag_summary(row))
    return to_dict(row)


def create_flag(db: Database, ctx: TenantContext, body: dict[str, Any]) -> dict[str, Any]:
    with db.session() as session:
        return create_flag_in(session, ctx.tenant_id, body, actor=ctx.principal.subject)


def update_flag(db: Database, ctx: TenantContext, key: str, body: dict[str, Any]) -> dict[str, Any]:
    with db.session() as session:
        row = _require(session, ctx.tenant_id, key)
        before = changes.flag_summary(row)
        _apply(row, body)
        _validate(row)
        row.updated_at = utcnow()
        session.flush()
        changed(session, ctx.tenant_id)
        changes.flag_changed(
            session, ctx.tenant_id, ctx.principal.subject, key, before, changes.flag_summary(row)
        )
        return to_dict(row)


def toggle_for_run(
    session: Session,
    tenant_id: str,
    key: str,
    enabled: bool,
    environment: str | None,
    run_id: str,
    *,
    percentage: int | None = None,
) -> dict[str, Any] | None:
    """Maestro's ``flag.toggle`` action, in the caller's transaction; None when there is no such flag.

    Without an environment it sets the tenant override (the kill switch, above every rule); with one it
    puts a rule for that environment first (replacing an earlier Maestro rule of that environment), limited
    to ``percentage`` % of the contexts (deterministic bucketing) when given below 100.
    The result says what the flag now evaluates to, which an override may still decide.
    """
    row = store.get_flag(session, tenant_id, key)
    if row is None:
        return None
    shown = environment or "production"
    before = evaluate(row, shown)["enabled"]
    definition_before = changes.flag_summary(row)
    reason = f"Maestro run {run_id}"
    if environment is None:
        row.override = {**(row.override or {}), "enabled": enabled, "reason": reason}
    else:
        kept = [
            r
            for r in row.rules or []
            if not (r["name"].startswith("maestro-") and r.get("environments") == [environment])
        ]
        rule: dict[str, Any] = {
            "name": f"maestro-{run_id}",
            "environments": [environment],
            "enabled": enabled,
        }
        if percentage is not None and percentage < 100:
            # A staged rollout: contexts whose bucket is within the percentage (monotonic as it rises).
            rule["rollout"] = {"percentage": int(percentage), "stickiness": "targetingKey"}
        row.rules = [rule, *kept]
    _validate(row)
    row.updated_at = utcnow()
    session.flush()
    changed(session, tenant_id)
    changes.flag_changed(
        session, tenant_id, f"maestro:{run_id}", key, definition_before, changes.flag_summary(row)
    )
    after = evaluate(row, shown)
    return {
        "environment": shown,
        "was_enabled": before,
        "now_enabled": after["enabled"],
        "decided_by": after["decided_by"],
    }


def get_flag(db: Database, ctx: TenantContext, key: str) -> dict[str, Any]:
    with db.session() as session:
        return to_dict(_require(session, ctx.tenant_id, key))


def delete_flag(db: Database, ctx: TenantContext, key: str) -> None:
    with db.session() as session:
        before = changes.flag_summary(_require(session, ctx.tenant_id, key))
        store.remove_flag(session, ctx.tenant_id, key)
        changed(session, ctx.tenant_id)
        changes.flag_changed(session, ctx.tenant_id, ctx.principal.subject, key, before, None)


def evaluate_flag(
    db: Database, ctx: TenantContext, key: str, environment: str = "production"
) -> dict[str, Any]:
    with db.session() as session:
        return evaluate(_require(session, ctx.tenant_id, key), environment)


def list_flags(
    db: Database, ctx: TenantContext, *, page_size: int | None = None, page_token: str | None = None
) -> Page[dict[str, Any]]:
    with db.session() as session:
        page = paginate(
            lambda after, limit: store.flags_page(session, ctx.tenant_id, after=after, limit=limit),
            key=lambda r: r.key,
            page_size=page_size,
            page_token=page_token,
            filters={},
        )
        return Page([to_dict(r) for r in page.items], page.next_page_token)
