"""Which entity kinds may the caller read? One policy decision per kind, per request, in one Cedar call.

A kind's read action comes from the contract first (the ``:read`` action the spec declares on that
resource type), then from :data:`KIND_READ_ACTIONS`, and otherwise is ``<kind>s:read``. A kind no
policy grants is simply denied (Cedar denies by default), so an unknown kind is never leaked.
Search, inspect and the graph operations all filter through :class:`KindAccess`.
"""

from __future__ import annotations

from typing import Any

from companyos_server import errors
from companyos_server.platform.cache.tenants import TenantInfo
from companyos_server.platform.policy import Decision, PolicyEngine, Resource
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.runtime import Runtime
from companyos_server.platform.spec import SpecIndex

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
    # A principal (an account a security event names) is SecOps data: whoever reads security events.
    "principal": "secops:read",
}


def read_action_for(spec: SpecIndex, kind: str) -> str:
    declared = spec.actions_for_resource(kind)
    reads = [a for a, info in declared.items() if not info.mutation and a.endswith(":read")]
    if reads:
        return reads[0]
    return KIND_READ_ACTIONS.get(kind, f"{kind}s:read")


class KindAccess:
    def __init__(self, tenant: TenantInfo, policy: PolicyEngine, spec: SpecIndex, ctx: TenantContext) -> None:
        self.policy, self.spec, self.ctx = policy, spec, ctx
        self.tenant_status = tenant.status
        self.attributes: dict[str, Any] = {"residency": tenant.residency, "tier": tenant.tier}
        self._decisions: dict[str, Decision] = {}

    @classmethod
    def of_request(cls, runtime: Runtime, ctx: TenantContext) -> KindAccess:
        """The access of the request's caller, from the tenant the edge guard already looked up."""
        tenant = runtime.tenants.get(ctx.tenant_id) if runtime.tenants is not None else None
        if tenant is None:
            raise errors.not_found("Tenant", ctx.tenant_id)
        return cls(tenant, runtime.policy, runtime.spec, ctx)

    def resource(self, kind: str, ident: str | None = None, extra: dict[str, Any] | None = None) -> Resource:
        attributes = dict(self.attributes)
        for key, value in (extra or {}).items():
            if isinstance(value, str | int | bool) and key in {"environment", "classification"}:
                attributes[key] = value
        return Resource(kind, ident or self.ctx.tenant_id, self.ctx.tenant_id, attributes)

    def decision(self, kind: str) -> Decision:
        if kind not in self._decisions:
            self._decide([kind])
        return self._decisions[kind]

    def _decide(self, kinds: list[str]) -> None:
        """Decide every kind not decided yet in one Cedar call."""
        todo = [k for k in dict.fromkeys(kinds) if k not in self._decisions]
        if not todo:
            return
        decisions = self.policy.authorize_batch(
            self.ctx.principal,
            [(read_action_for(self.spec, kind), self.resource(kind), False) for kind in todo],
            purpose=self.ctx.purpose,
            tenant_status=self.tenant_status,
        )
        self._decisions.update(zip(todo, decisions, strict=True))

    def can_read(self, kind: str) -> bool:
        return self.decision(kind).allowed

    def readable(self, kinds: list[str]) -> list[str]:
        self._decide(kinds)
        return [k for k in kinds if self.can_read(k)]

    def can_read_ref(self, ref: str) -> bool:
        return self.can_read(ref.partition(":")[0])
