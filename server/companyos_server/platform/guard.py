"""The edge guard: tenancy, authorization and step-up, decided before body validation.

Runs after connexion's routing and security middleware (so the operation and the principal are
known) and before request validation, so a request naming a tenant the caller may not reach is
refused without its body being looked at. Services re-check what depends on data.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from typing import Any

import anyio.to_thread
from connexion.exceptions import ProblemException
from starlette.types import ASGIApp, Receive, Scope, Send

from companyos_server.platform import sandbox
from companyos_server.platform.middleware.idempotency import HEADER as _IDEMPOTENCY_HEADER
from companyos_server.platform.middleware.idempotency import PENDING_DECISION
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
from companyos_server.platform.telemetry import tag_tenant

PURPOSE_HEADER = b"x-companyos-purpose"
_DURABLE_DECISION = "companyos.durable_decision"
IDEMPOTENCY_HEADER = _IDEMPOTENCY_HEADER.encode()


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


PURPOSE_MIN, PURPOSE_MAX = 3, 200  # the contract's bounds (released in 1.0.0)


def _purpose(scope: Scope) -> str | None:
    """The stated purpose, checked: it is stored with audit events and shown to the tenant.

    The contract's bounds hold for the value as sent, and no control character may ride along into the
    audit trail (a tab aside). A blank header is no purpose.
    """
    raw = next(
        (value.decode("latin-1") for key, value in scope.get("headers", []) if key == PURPOSE_HEADER), None
    )
    if raw is None:
        return None
    if not PURPOSE_MIN <= len(raw) <= PURPOSE_MAX or not all(ch == "\t" or ch.isprintable() for ch in raw):
        raise _problem(
            400,
            "Bad Request",
            "invalid-purpose",
            f"X-CompanyOS-Purpose must state why in {PURPOSE_MIN} to {PURPOSE_MAX} printable characters "
            "(for example a ticket and a reason).",
            errors=[{"field": "X-CompanyOS-Purpose", "message": "is not a valid purpose", "code": "invalid"}],
        )
    return raw.strip() or None


def _keyed_post(scope: Scope, method: str) -> bool:
    """A POST carrying exactly one Idempotency-Key: the idempotency middleware opens a transaction first."""
    if method != "POST":
        return False
    return sum(1 for key, _ in scope.get("headers", []) if key.lower() == IDEMPOTENCY_HEADER) == 1


class GuardMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            state = scope_state(scope)
            try:
                self.check(scope)
            finally:
                durable = state.pop(_DURABLE_DECISION, None)
                if durable is not None:
                    # Written before the request goes on (or is refused), off the event loop.
                    await anyio.to_thread.run_sync(durable)
            if PENDING_DECISION not in state:
                await self.app(scope, receive, send)
                return
            try:
                await self.app(scope, receive, send)
            finally:
                # Left for the Idempotency-Key store's transaction, which the request never reached (a
                # rate limit, an invalid key): written now, as the request did not go on.
                pending = state.pop(PENDING_DECISION, None)
                if pending is not None:
                    with anyio.CancelScope(shield=True):
                        await anyio.to_thread.run_sync(pending[1])
            return
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

        if not info.tenant_scoped:
            self._require_step_up(info, principal)
            return

        tenant_id = str(scope.get("path_params", {}).get("tenant_id", ""))
        purpose = _purpose(scope)
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

        if runtime.tenants is None:
            raise RuntimeError("the tenant directory is not attached (build_app attaches it)")
        tenant = runtime.tenants.get(tenant_id)
        if tenant is None:
            raise _problem(404, "Not Found", "not-found", f"Tenant '{tenant_id}' was not found.")
        status = tenant.status
        attributes: dict[str, Any] = {
            "residency": tenant.residency, "tier": tenant.tier, "environment": tenant.environment,
        }  # fmt: skip
        state.setdefault("response_headers", {})[sandbox.ENVIRONMENT_HEADER] = tenant.environment

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
        tag_tenant(tenant_id)
        state["tenant_context"] = ctx
        state["tenant_tier"] = sandbox.RATE_TIER if tenant.environment == sandbox.SANDBOX else tenant.tier
        state["tenant"] = tenant

        if info.action:
            service_id = scope.get("path_params", {}).get("service_id")
            if service_id:  # lets service-scoped policy exceptions apply to the service's operations
                attributes = {**attributes, "service_id": str(service_id)}
            resource = Resource(info.resource_type or "tenant", tenant_id, tenant_id, attributes)
            reads = not info.mutation  # a safe POST (OFREP evaluation) is a read
            decision = runtime.policy.authorize(
                principal,
                info.action,
                resource,
                mutation=not reads,
                purpose=purpose,
                tenant_status=status,
            )
            state["decision"] = decision
            recorder = runtime.extras.get("record_decision")
            if recorder is not None:
                record = partial(
                    recorder,
                    principal=principal,
                    action=info.action,
                    resource=resource,
                    decision=decision,
                    mutation=not reads,
                    purpose=purpose,
                    tenant_status=status,
                    request_id=request_id_var.get(),
                )
                record_in = runtime.extras.get("record_decision_in")
                if decision.allowed and reads:
                    record()  # buffered: an allowed read never waits for a write
                elif decision.allowed and record_in is not None and _keyed_post(scope, info.method):
                    # Inserted by the Idempotency-Key store in the transaction that records the request
                    # in flight: durable before the handler runs, one commit for both.
                    state[PENDING_DECISION] = (partial(record_in, **record.keywords), record)
                else:
                    state[_DURABLE_DECISION] = record
            if not decision.allowed:
                raise _problem(
                    403,
                    "Forbidden",
                    "permission-denied",
                    f"The caller may not perform '{info.action}' in tenant '{tenant_id}'.",
                    reasons=list(decision.reasons),
                )
        # Permission first: a caller who may not act at all learns that (403), not that MFA would help.
        self._require_step_up(info, principal)
        # A security playbook enforced step-up for the tenant (domains/secops/controls.py): every change
        # by a person needs a fresh MFA sign-in. Clients cannot do MFA; their credentials are rotated.
        enforced = info.mutation and principal.kind != "client" and tenant.step_up_enforced()
        if enforced and not satisfies_step_up(principal):
            until = datetime.fromtimestamp(tenant.step_up_until or 0, UTC).isoformat()
            raise _problem(
                401,
                "Unauthorized",
                "step-up-required",
                f"Tenant '{tenant_id}' requires a recent multi-factor sign-in for every change until "
                f"{until} (enforced by a security playbook).",
                headers={"WWW-Authenticate": step_up_challenge()},
            )

    @staticmethod
    def _require_step_up(info: Any, principal: Principal) -> None:
        if info.risk == "high" and not satisfies_step_up(principal):
            raise _problem(
                401,
                "Unauthorized",
                "step-up-required",
                f"'{info.operation_id}' is a high-risk operation and needs a recent multi-factor sign-in.",
                headers={"WWW-Authenticate": step_up_challenge()},
            )
