"""Which entity kinds may the caller read? One policy decision per kind, per request.

A kind's read action comes from the contract first (the ``:read`` action the spec declares on that
resource type), then from :data:`KIND_READ_ACTIONS`, and otherwise is ``<kind>s:read``. A kind no
policy grants is simply denied (Cedar denies by default), so an unknown kind is never leaked.
Search, inspect and the graph operations all filter through :class:`KindAccess`.
"""

from __future__ import annotations

from typing import Any

from companyos_server.domains.tenants import store as tenants_store
from companyos_server.platform.policy import Decision, PolicyEngine, Resource
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.spec import SpecIndex
from companyos_server.platform.storage import Database

KIND_READ_ACTIONS = {
    "tenant": "tenants:read",
    "service": "services:read",
    "deployment": "deployments:read",
    "incident": "incidents:read",
    "alert": "alerts:read",
    "policy": "policies:read",
    "policy_exception": "policies:read",
    "plan": "plans:read",
    "plan_run": "plans:read",
    "evidence_pack": "evidence:read",
    "flag": "flags:read",
    "config_version": "config:read",
}


def read_action_for(spec: SpecIndex, kind: str) -> str:
    declared = spec.actions_for_resource(kind)
    reads = [a for a, info in declared.items() if not info.mutation and a.endswith(":read")]
    if reads:
        return reads[0]
    return KIND_READ_ACTIONS.get(kind, f"{kind}s:read")


class KindAccess:
    def __init__(self, db: Database, policy: PolicyEngine, spec: SpecIndex, ctx: TenantContext) -> None:
        self.policy, self.spec, self.ctx = policy, spec, ctx
        with db.session() as session:
            tenant = tenants_store.get(session, ctx.tenant_id)
            self.tenant_status = tenant.status if tenant else "active"
            self.attributes: dict[str, Any] = (
                {"residency": tenant.residency, "tier": tenant.tier} if tenant else {}
            )
        self._decisions: dict[str, Decision] = {}

    def resource(self, kind: str, ident: str | None = None, extra: dict[str, Any] | None = None) -> Resource:
        attributes = dict(self.attributes)
        for key, value in (extra or {}).items():
            if isinstance(value, str | int | bool) and key in {"environment", "classification"}:
                attributes[key] = value
        return Resource(kind, ident or self.ctx.tenant_id, self.ctx.tenant_id, attributes)

    def decision(self, kind: str) -> Decision:
        if kind not in self._decisions:
            self._decisions[kind] = self.policy.authorize(
                self.ctx.principal,
                read_action_for(self.spec, kind),
                self.resource(kind),
                mutation=False,
                purpose=self.ctx.purpose,
                tenant_status=self.tenant_status,
            )
        return self._decisions[kind]

    def can_read(self, kind: str) -> bool:
        return self.decision(kind).allowed

    def readable(self, kinds: list[str]) -> list[str]:
        return [k for k in kinds if self.can_read(k)]

    def can_read_ref(self, ref: str) -> bool:
        return self.can_read(ref.partition(":")[0])
