"""The edge guard: tenancy, authorization and step-up, decided before body validation.

Runs after connexion's routing and security middleware (so the operation and the principal are
known) and before request validation, so a request naming a tenant the caller may not reach is
refused without its body being looked at. Services re-check what depends on data.
"""

from __future__ import annotations

from typing import Any

from connexion.exceptions import ProblemException
from starlette.types import ASGIApp, Receive, Scope, Send

from companyos_server.domains.tenants import store as tenants_store
from companyos_server.platform.policy import Resource
from companyos_server.platform.principal import Principal, TenantContext
from companyos_server.platform.requestctx import (
    principal_var,
    request_id_var,
    scope_state,
    tenant_context_var,
)
from companyos_server.platform.runtime import get_runtime
from companyos_server.platform.security import PROBLEM_BASE
from companyos_server.platform.stepup import satisfies_step_up, step_up_challenge

PURPOSE_HEADER = b"x-companyos-purpose"


def _problem(status: int, title: str, slug: str, detail: str, **extra: Any) -> ProblemException:
    headers = extra.pop("headers", None)
    return ProblemException(
        status=status,
        title=title,
        detail=detail,
        type=PROBLEM_BASE + slug,
        headers=headers,
        ext=extra or None,
    )


def _principal_from(scope: Scope) -> Principal | None:
    state = scope_state(scope)
    if "principal" in state:
        return state["principal"]
    token_info = scope.get("extensions", {}).get("connexion_context", {}).get("token_info")
    if isinstance(token_info, dict):
        return token_info.get("principal")
    return None


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1").strip() or None
    return None


class GuardMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            self.check(scope)
        await self.app(scope, receive, send)

    def check(self, scope: Scope) -> None:
        runtime = get_runtime()
        operation_id = scope.get("extensions", {}).get("connexion_routing", {}).get("operation_id")
        info = runtime.spec.get(operation_id) if operation_id else None
        if info is None or info.public:
            return
        principal = _principal_from(scope)
        if principal is None:  # security middleware refuses first; this is belt and braces
            raise _problem(401, "Unauthorized", "unauthenticated", "Authentication is required.")
        principal_var.set(principal)
        state = scope_state(scope)
        state["operation"] = info

        if info.risk == "high" and not satisfies_step_up(principal):
            raise _problem(
                401,
                "Unauthorized",
                "step-up-required",
                f"'{operation_id}' is a high-risk operation and needs a recent multi-factor sign-in.",
                headers={"WWW-Authenticate": step_up_challenge()},
            )
        if not info.tenant_scoped:
            return

        tenant_id = str(scope.get("path_params", {}).get("tenant_id", ""))
        purpose = _header(scope, PURPOSE_HEADER)
        member = principal.is_member(tenant_id)
        cross = not member and principal.can_cross_tenants
        if not member:
            if not cross and not principal.is_platform_admin:
                # Not revealing whether another tenant exists: same answer as a missing one.
                raise _problem(404, "Not Found", "not-found", f"Tenant '{tenant_id}' was not found.")
            # A platform admin administers the tenant record itself (tenants:*) without a purpose; any
            # other access to a tenant's data from outside it states why, platform admins included.
            administering = principal.is_platform_admin and (info.action or "").startswith("tenants:")
            if not purpose and not administering:
                raise _problem(
                    403,
                    "Forbidden",
                    "purpose-required",
                    "Cross-tenant access needs an X-CompanyOS-Purpose header stating why.",
                    reasons=[
                        "access to another tenant's data requires an elevated scope (tenants:cross or "
                        "platform:admin) and a stated purpose"
                    ],
                )

        with runtime.db.session() as session:
            tenant = tenants_store.get(session, tenant_id)
            status = tenant.status if tenant else None
            attributes = {"residency": tenant.residency, "tier": tenant.tier} if tenant else {}
        if tenant is None:
            raise _problem(404, "Not Found", "not-found", f"Tenant '{tenant_id}' was not found.")

        ctx = TenantContext(
            tenant_id=tenant_id,
            principal=principal,
            environment=scope.get("path_params", {}).get("environment"),
            purpose=purpose,
            request_id=request_id_var.get(),
            cross_tenant=not member,
            roles=principal.roles_in(tenant_id),
        )
        tenant_context_var.set(ctx)
        state["tenant_context"] = ctx
        state["tenant_tier"] = attributes.get("tier")

        if info.action:
            service_id = scope.get("path_params", {}).get("service_id")
            if service_id:  # lets service-scoped policy exceptions apply to the service's operations
                attributes = {**attributes, "service_id": str(service_id)}
            resource = Resource(info.resource_type or "tenant", tenant_id, tenant_id, attributes)
            decision = runtime.policy.authorize(
                principal,
                info.action,
                resource,
                mutation=info.method != "GET",
                purpose=purpose,
                tenant_status=status or "active",
            )
            state["decision"] = decision
            recorder = runtime.extras.get("record_decision")
            if recorder is not None:
                recorder(
                    principal=principal,
                    action=info.action,
                    resource=resource,
                    decision=decision,
                    mutation=info.method != "GET",
                    purpose=purpose,
                    tenant_status=status or "active",
                    request_id=request_id_var.get(),
                )
            if not decision.allowed:
                raise _problem(
                    403,
                    "Forbidden",
                    "permission-denied",
                    f"The caller may not perform '{info.action}' in tenant '{tenant_id}'.",
                    reasons=list(decision.reasons),
                )
