"""Feature flags: definitions and their effective value per environment, with what decided it.

Precedence: the tenant-level ``override``, else the first rule naming the environment, else the
flag's default (``enabled`` / ``default_variant``). ``reason`` follows OpenFeature's OFREP
vocabulary: ``TARGETING_MATCH`` (override or rule), ``DEFAULT`` and ``DISABLED`` (the flag is off by
default and nothing turned it on).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.domains.tenant_config import changes, store
from companyos_server.domains.tenant_config.store import FlagRow
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, utcnow

ENVIRONMENTS = ("production", "staging", "sandbox")


def _value(row: FlagRow, enabled: bool, variant: str | None) -> Any:
    if variant is not None and enabled:
        return (row.variants or {}).get(variant)
    return enabled


def evaluate(row: FlagRow, environment: str) -> dict[str, Any]:
    override = row.override
    if override:
        enabled = bool(override["enabled"])
        variant = override.get("variant", row.default_variant) if enabled else None
        return {
            "flag_key": row.key,
            "environment": environment,
            "enabled": enabled,
            "variant": variant,
            "value": _value(row, enabled, variant),
            "reason": "TARGETING_MATCH",
            "decided_by": "override",
            "explanation": f"Tenant override ({'on' if enabled else 'off'}): {override.get('reason', '')}".strip(),
        }
    for rule in row.rules or []:
        if environment in rule.get("environments", []):
            enabled = bool(rule.get("enabled", True))
            variant = rule.get("variant", row.default_variant) if enabled else None
            return {
                "flag_key": row.key,
                "environment": environment,
                "enabled": enabled,
                "variant": variant,
                "value": _value(row, enabled, variant),
                "reason": "TARGETING_MATCH",
                "decided_by": f"rule:{rule['name']}",
                "explanation": f"Rule '{rule['name']}' applies to {environment} and turns the flag "
                f"{'on' if enabled else 'off'}.",
            }
    variant = row.default_variant if row.enabled else None
    return {
        "flag_key": row.key,
        "environment": environment,
        "enabled": row.enabled,
        "variant": variant,
        "value": _value(row, row.enabled, variant),
        "reason": "DEFAULT" if row.enabled else "DISABLED",
        "decided_by": "default",
        "explanation": f"No override and no rule for {environment}: the flag's default "
        f"({'on' if row.enabled else 'off'}) applies.",
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
    for field, variant in named:
        if variant is not None and variant not in variants:
            known = ", ".join(sorted(variants)) or "none"
            raise errors.failed_precondition(
                f"{field} names variant '{variant}', which the flag does not define (variants: {known})."
            )


def _apply(row: FlagRow, body: dict[str, Any]) -> None:
    for field in ("description", "enabled", "default_variant"):
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


def create_flag_in(session: Session, tenant_id: str, body: dict[str, Any]) -> dict[str, Any]:
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
        created_at=now,
        updated_at=now,
    )
    _apply(row, body)
    _validate(row)
    store.add_flag(session, row)
    return to_dict(row)


def create_flag(db: Database, ctx: TenantContext, body: dict[str, Any]) -> dict[str, Any]:
    with db.session() as session:
        created = create_flag_in(session, ctx.tenant_id, body)
        row = _require(session, ctx.tenant_id, created["key"])
        changes.flag_changed(
            session, ctx.tenant_id, ctx.principal.subject, row.key, None, changes.flag_summary(row)
        )
        return created


def update_flag(db: Database, ctx: TenantContext, key: str, body: dict[str, Any]) -> dict[str, Any]:
    with db.session() as session:
        row = _require(session, ctx.tenant_id, key)
        before = changes.flag_summary(row)
        _apply(row, body)
        _validate(row)
        row.updated_at = utcnow()
        session.flush()
        changes.flag_changed(
            session, ctx.tenant_id, ctx.principal.subject, key, before, changes.flag_summary(row)
        )
        return to_dict(row)


def toggle_for_run(
    session: Session, tenant_id: str, key: str, enabled: bool, environment: str | None, run_id: str
) -> dict[str, Any] | None:
    """Maestro's ``flag.toggle`` action, in the caller's transaction; None when there is no such flag.

    Without an environment it sets the tenant override (the kill switch, above every rule); with one it
    puts a rule for that environment first (replacing an earlier Maestro rule of that environment).
    The result says what the flag now evaluates to, which an override may still decide.
    """
    row = store.get_flag(session, tenant_id, key)
    if row is None:
        return None
    shown = environment or "production"
    before = evaluate(row, shown)["enabled"]
    reason = f"Maestro run {run_id}"
    if environment is None:
        row.override = {**(row.override or {}), "enabled": enabled, "reason": reason}
    else:
        kept = [
            r
            for r in row.rules or []
            if not (r["name"].startswith("maestro-") and r.get("environments") == [environment])
        ]
        row.rules = [{"name": f"maestro-{run_id}", "environments": [environment], "enabled": enabled}, *kept]
    _validate(row)
    row.updated_at = utcnow()
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
