"""Inspect one entity: neighbours, audit trail, what changed, observability links, and the
inline actions the caller may take (each with allowed, reasons and step-up)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from companyos_server import errors
from companyos_server.core.intelgraph.graph import IntelGraph
from companyos_server.domains.graph import service as graph_service
from companyos_server.domains.inspect.links import links_for
from companyos_server.domains.search.access import KindAccess
from companyos_server.platform.audit.log import AuditLog
from companyos_server.platform.spec import SpecIndex
from companyos_server.platform.stepup import satisfies_step_up

AUDIT_LIMIT = 20


def parse_time(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise errors.invalid_argument(
            f"'{value}' is not an RFC 3339 date-time.", [errors.FieldError("since/until", "not a date-time")]
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _tenant_entity(access: KindAccess, ref: str) -> dict[str, Any] | None:
    """The current tenant is always inspectable as ``tenant:<id>``, in the graph or not."""
    if ref != f"tenant:{access.ctx.tenant_id}" or not access.can_read("tenant"):
        return None
    return {
        "ref": ref, "kind": "tenant", "id": access.ctx.tenant_id, "name": access.ctx.tenant_id,
        "attributes": dict(access.attributes), "text": "", "exists": True, "created_at": None, "updated_at": None,
    }  # fmt: skip


def actions(spec: SpecIndex, access: KindAccess, entity: dict[str, Any]) -> list[dict[str, Any]]:
    resource = access.resource(entity["kind"], entity["id"], entity.get("attributes"))
    principal = access.ctx.principal
    out = []
    for action, info in spec.actions_for_resource(entity["kind"]).items():
        decision = access.policy.authorize(
            principal, action, resource, mutation=info.mutation, purpose=access.ctx.purpose,
            tenant_status=access.tenant_status,
        )  # fmt: skip
        out.append(
            {
                "action": action,
                "allowed": decision.allowed,
                "reasons": [] if decision.allowed else list(decision.reasons),
                "requires_step_up": info.high_risk and not satisfies_step_up(principal),
            }
        )
    return out


def inspect(
    graph: IntelGraph,
    audit: AuditLog,
    spec: SpecIndex,
    access: KindAccess,
    ref: str,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    depth: int = 1,
) -> dict[str, Any]:
    tenant_id = access.ctx.tenant_id
    start, end = graph_service.window(since, until)
    entity = _tenant_entity(access, ref)
    if entity is None:
        entity = graph_service.require_entity(graph, access, ref)
    neighbourhood = graph_service.visible_neighbourhood(access, graph.neighbours(tenant_id, ref, depth=depth))
    changes = [
        c
        for c in graph.what_changed(tenant_id, ref, since=start, until=end, depth=1)
        if access.can_read_ref(c["ref"])
    ]
    trail = audit.list(tenant_id, resource=ref, page_size=AUDIT_LIMIT).items
    return {
        "entity": entity,
        "neighbours": {"entities": neighbourhood["entities"], "edges": neighbourhood["edges"]},
        "audit": trail,
        "changes": changes,
        "links": links_for(tenant_id, entity),
        "actions": actions(spec, access, entity),
        "window": {"since": start, "until": end},
    }
