"""The tenant overview, composed from the domain services' public functions (no tables of its own).

Each section is read only when the caller may read its kind (the same policy decision the section's own
list operation takes); a section the caller may not read comes back empty and is named in ``withheld``
with the policy's reasons, so a client can say why rather than show a silent gap.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from companyos_server.domains.alerts import service as alerts_service
from companyos_server.domains.deployments import service as deployments_service
from companyos_server.domains.incidents import service as incidents_service
from companyos_server.domains.search.access import KindAccess
from companyos_server.domains.services import service as services_service
from companyos_server.domains.tenant_config import admin_actions as admin_actions_service
from companyos_server.domains.tenant_config import flags as flags_service
from companyos_server.domains.tenant_config import service as config_service
from companyos_server.domains.tenants import service as tenants_service
from companyos_server.platform.audit.log import AuditLog
from companyos_server.platform.pagination import Page
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, utcnow

SEVERITIES = ("sev1", "sev2", "sev3", "sev4")
OPEN_STATUSES = ("investigating", "identified", "monitoring")
# Worst first: what needs attention leads the service health list.
SLO_ORDER = {"exhausted": 0, "at_risk": 1, "no_data": 2, "healthy": 3, "not_configured": 4}
SPOTLIGHT = 5
SCAN_PAGE = 500

# section -> (the read action its own list operation authorizes, the resource type it names)
SECTIONS: dict[str, tuple[str, str]] = {
    "services": ("services:read", "service"),
    "alerts": ("alerts:read", "alert"),
    "deployments": ("deployments:read", "deployment"),
    "incidents": ("incidents:read", "incident"),
    "config_changes": ("config:read", "tenant"),
    "active_flags": ("flags:read", "tenant"),
    "admin_actions": ("admin_actions:read", "tenant"),
}


def _all(fetch: Callable[[str | None], Page[dict[str, Any]]]) -> Iterator[dict[str, Any]]:
    token: str | None = None
    while True:
        page = fetch(token)
        yield from page.items
        token = page.next_page_token
        if not token:
            return


def _allowed(access: KindAccess) -> tuple[set[str], list[dict[str, Any]]]:
    """Which sections the caller may read (one Cedar batch), and the reasons for those withheld."""
    names = list(SECTIONS)
    decisions = access.policy.authorize_batch(
        access.ctx.principal,
        [(SECTIONS[n][0], access.resource(SECTIONS[n][1]), False) for n in names],
        purpose=access.ctx.purpose,
        tenant_status=access.tenant_status,
    )
    allowed = {n for n, d in zip(names, decisions, strict=True) if d.allowed}
    withheld = [
        {"section": n, "action": SECTIONS[n][0], "reasons": list(d.reasons)}
        for n, d in zip(names, decisions, strict=True)
        if not d.allowed
    ]
    return allowed, withheld


def overview(
    db: Database,
    audit: AuditLog,
    access: KindAccess,
    ctx: TenantContext,
    *,
    environment: str = "production",
    service_limit: int = 100,
    deployment_limit: int = 10,
    incident_limit: int = 10,
) -> dict[str, Any]:
    allowed, withheld = _allowed(access)

    firing: list[dict[str, Any]] = []
    if "alerts" in allowed:
        firing = list(
            _all(
                lambda t: alerts_service.list_alerts(
                    db, ctx, status="firing", page_size=SCAN_PAGE, page_token=t
                )
            )
        )
    firing_by_service = Counter(a.get("service_id") for a in firing if a.get("service_id"))

    health: list[dict[str, Any]] = []
    by_state: Counter[str] = Counter()
    if "services" in allowed:
        for s in _all(
            lambda t: services_service.list_services(
                db, ctx, environment=environment, page_size=SCAN_PAGE, page_token=t
            )
        ):
            slo = s.get("slo") or {"state": "not_configured"}
            by_state[str(slo.get("state"))] += 1
            health.append(
                {
                    "id": s["id"],
                    "name": s["name"],
                    "tier": s["tier"],
                    "owner_team": (s.get("owner") or {}).get("team", ""),
                    "slo": slo,
                    "firing_alerts": firing_by_service.get(s["id"], 0),
                }
            )
    health.sort(key=lambda h: (SLO_ORDER.get(h["slo"].get("state"), 9), -h["firing_alerts"], h["name"]))

    deployments: list[dict[str, Any]] = []
    if "deployments" in allowed:
        page = deployments_service.list_deployments(
            db, ctx, environment=environment, page_size=deployment_limit
        )
        deployments = page.items

    open_incidents: list[dict[str, Any]] = []
    if "incidents" in allowed:
        for status in OPEN_STATUSES:
            open_incidents += _all(
                lambda t, s=status: incidents_service.list_incidents(  # type: ignore[misc]
                    db, ctx, status=s, page_size=SCAN_PAGE, page_token=t
                )
            )
    open_incidents.sort(key=lambda i: (i["severity"], str(i["created_at"])))
    by_severity = Counter(i["severity"] for i in open_incidents)

    config_changes = (
        config_service.list_versions(db, ctx, page_size=SPOTLIGHT).items
        if "config_changes" in allowed
        else []
    )
    active_flags = (
        [
            f
            for f in _all(lambda t: flags_service.list_flags(db, ctx, page_size=SCAN_PAGE, page_token=t))
            if f.get("enabled")
        ]
        if "active_flags" in allowed
        else []
    )
    admin_actions = (
        admin_actions_service.list_admin_actions(audit, ctx, page_size=SPOTLIGHT)[0]
        if "admin_actions" in allowed
        else []
    )
    return {
        "tenant": tenants_service.get_tenant(db, ctx),
        "environment": environment,
        "generated_at": utcnow(),
        "services": {
            "total": len(health),
            "by_slo_state": {state: by_state.get(state, 0) for state in SLO_ORDER},
            "items": health[:service_limit],
        },
        "alerts": {
            "firing_total": len(firing),
            "by_severity": dict(sorted(Counter(str(a.get("severity")) for a in firing).items())),
        },
        "deployments": {"items": deployments},
        "incidents": {
            "open_total": len(open_incidents),
            "by_severity": {sev: by_severity.get(sev, 0) for sev in SEVERITIES},
            "items": [_incident_summary(i) for i in open_incidents[:incident_limit]],
        },
        "spotlight": {
            "config_changes": config_changes,
            "active_flags": [_flag_summary(f) for f in active_flags],
            "admin_actions": admin_actions,
        },
        "withheld": withheld,
    }


def _incident_summary(incident: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "title", "severity", "status", "service_ids", "created_at", "updated_at")
    return {k: incident[k] for k in keys}


def _flag_summary(flag: dict[str, Any]) -> dict[str, Any]:
    return {
        "key": flag["key"],
        "description": flag.get("description") or "",
        "enabled": bool(flag.get("enabled")),
    }
