"""Inspect one entity: neighbours, audit trail, what changed, observability links, and the
inline actions the caller may take (each with allowed, reasons and step-up).

The inline actions are the contract's actions on the entity's kind, then the Maestro remediations
whose action type targets that kind (``maestro:<action type>``, e.g. ``maestro:deployment.rollback`` on
a deployment), taken from Maestro's action registry. A remediation from inspect is an ad-hoc plan: it
is created (``create_plan``) and run (``execute_plan``), so it is allowed when the policy engine allows
both operations' actions, evaluated exactly as the edge evaluates them; its step-up is Maestro's own
execution-time rule (a high-risk plan needs a recent multi-factor sign-in).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from companyos_server import errors
from companyos_server.core.intelgraph.graph import IntelGraph
from companyos_server.core.maestro import actions as maestro_actions
from companyos_server.core.maestro import plans as maestro_plans
from companyos_server.domains.graph import service as graph_service
from companyos_server.domains.inspect.links import links_for
from companyos_server.domains.search.access import KindAccess
from companyos_server.platform.audit.log import AuditLog
from companyos_server.platform.policy import Decision
from companyos_server.platform.principal import Principal
from companyos_server.platform.spec import SpecIndex
from companyos_server.platform.stepup import satisfies_step_up

AUDIT_LIMIT = 20
REMEDIATION_PREFIX = "maestro:"
# The operations an inline remediation goes through: create an ad-hoc plan, then run it.
REMEDIATION_OPERATIONS = ("create_plan", "execute_plan")


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


def remediations_for(kind: str) -> list[maestro_actions.ActionType]:
    """Maestro action types that act on an entity of ``kind`` (their target kind), registry order."""
    return [a for a in maestro_actions.ACTIONS.values() if a.effect is not None and a.target_kind == kind]


def remediation_requires_step_up(action: maestro_actions.ActionType, principal: Principal) -> bool:
    """Maestro's execution-time rule for a one-step plan of ``action``: high risk needs fresh MFA."""
    plan = {"risk": "normal", "steps": [{"action": action.name, "risk": "normal"}]}
    return maestro_plans.is_risky(plan) and not satisfies_step_up(principal)


def _remediation_decisions(spec: SpecIndex, access: KindAccess) -> list[Decision] | None:
    """The edge's decisions for creating and running a plan; None when the contract has no Maestro."""
    decisions = []
    for operation_id in REMEDIATION_OPERATIONS:
        info = spec.get(operation_id)
        if info is None or not info.action:
            return None
        decision = access.policy.authorize(
            access.ctx.principal, info.action, access.resource(info.resource_type or "tenant"),
            mutation=info.mutation, purpose=access.ctx.purpose, tenant_status=access.tenant_status,
        )  # fmt: skip
        decisions.append(decision)
    return decisions


def _remediation_actions(spec: SpecIndex, access: KindAccess, kind: str) -> list[dict[str, Any]]:
    remediations = remediations_for(kind)
    decisions = _remediation_decisions(spec, access) if remediations else None
    if not decisions:
        return []
    allowed = all(d.allowed for d in decisions)
    reasons = list(dict.fromkeys(r for d in decisions if not d.allowed for r in d.reasons))
    return [
        {
            "action": REMEDIATION_PREFIX + remediation.name,
            "allowed": allowed,
            "reasons": reasons,
            "requires_step_up": remediation_requires_step_up(remediation, access.ctx.principal),
        }
        for remediation in remediations
    ]


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
    return out + _remediation_actions(spec, access, entity["kind"])


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
