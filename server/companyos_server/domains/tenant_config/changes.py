"""Configuration and flag changes, recorded in IntelGraph in the writer's transaction.

Each change is one record on the setting (``config:<tenant>``, ``flag:<key>``), linked to
``tenant:<tenant>``, so "what changed?" around the tenant includes it (see
:meth:`IntelGraph.record_tenant_change`). The summaries name what changed, never a value of the
configuration document (it may hold credentials in URLs): a configuration change lists the RFC 6902
operations' paths; a flag change its definition (flags hold no secrets: keys, variants, rules and the
override's stated reason).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from companyos_server.domains.tenant_config import patch
from companyos_server.domains.tenant_config.store import FlagRow

MAX_PATHS = 50
CONFIG_KIND = "config"
FLAG_KIND = "flag"


def _graph() -> Any:
    """The process's IntelGraph (the server, the CLI and the seed set the runtime)."""
    from companyos_server.platform.runtime import get_runtime

    return get_runtime().graph


def config_saved(
    session: Session,
    tenant_id: str,
    actor: str,
    before: tuple[int, dict[str, Any]] | None,
    saved: dict[str, Any],
) -> None:
    """Version ``saved`` replaced ``before`` (its version and document; None for the first version)."""
    old_version, old_document = before if before is not None else (0, {})
    operations = patch.diff(old_document, saved["document"])
    paths = [{k: v for k, v in op.items() if k in ("op", "path", "from")} for op in operations]
    _graph().record_tenant_change(
        session,
        tenant_id=tenant_id,
        kind=CONFIG_KIND,
        entity_id=tenant_id,
        name="Configuration",
        actor=actor,
        action="config.created" if before is None else "config.updated",
        summary=f"Configuration v{old_version} → v{saved['version']}: {saved['message']}"
        f" ({len(operations)} change{'' if len(operations) == 1 else 's'})",
        before={"version": old_version} if before is not None else None,
        after={"version": saved["version"], "message": saved["message"]},
        details={"operations": paths[:MAX_PATHS], "operation_count": len(operations)},
        attributes={"version": saved["version"]},
    )


def flag_summary(row: FlagRow) -> dict[str, Any]:
    """A flag's definition as recorded before and after a change."""
    override = row.override
    return {
        "enabled": row.enabled,
        "default_variant": row.default_variant,
        "variants": sorted(row.variants or {}),
        "rules": [
            {
                k: r[k]
                for k in ("name", "environments", "enabled", "variant", "conditions", "rollout", "split")
                if k in r
            }
            for r in row.rules or []
        ],
        "override": {k: override[k] for k in ("enabled", "variant", "reason") if k in override}
        if override
        else None,
        "description": row.description,
    }


def flag_changed(
    session: Session,
    tenant_id: str,
    actor: str,
    key: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """Record a flag's creation (``before`` None), update or deletion (``after`` None); no-ops record nothing."""
    if before == after:
        return
    if before is None:
        action, what = "flag.created", "created"
    elif after is None:
        action, what = "flag.deleted", "deleted"
    else:
        changed = [k for k in after if before.get(k) != after.get(k)]
        action, what = "flag.updated", "updated: " + ", ".join(changed)
    current = after or before or {}
    _graph().record_tenant_change(
        session,
        tenant_id=tenant_id,
        kind=FLAG_KIND,
        entity_id=key,
        name=key,
        actor=actor,
        action=action,
        summary=f"Flag '{key}' {what}",
        before=before,
        after=after,
        attributes={"enabled": current.get("enabled"), "default_variant": current.get("default_variant")},
        text=str(current.get("description") or ""),
    )
