"""Per-request context shared between middleware, handlers and logging (contextvars).

anyio copies contextvars into the worker thread that runs a sync handler, so values set by
middleware are visible to handlers and to the services they call.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from contextvars import ContextVar
from typing import Any

from companyos_server.platform.principal import Principal, TenantContext

request_id_var: ContextVar[str | None] = ContextVar("companyos_request_id", default=None)
principal_var: ContextVar[Principal | None] = ContextVar("companyos_principal", default=None)
tenant_context_var: ContextVar[TenantContext | None] = ContextVar("companyos_tenant_context", default=None)

SCOPE_KEY = "companyos"


def scope_state(scope: MutableMapping[str, Any]) -> dict[str, Any]:
    """CompanyOS's slot in the ASGI scope; survives across connexion's middleware chain."""
    return scope.setdefault("extensions", {}).setdefault(SCOPE_KEY, {})


def current_request_id() -> str | None:
    return request_id_var.get()


def current_principal() -> Principal:
    principal = principal_var.get()
    if principal is None:
        raise RuntimeError("no authenticated principal in this request")
    return principal


def current_tenant_context() -> TenantContext:
    ctx = tenant_context_var.get()
    if ctx is None:
        raise RuntimeError("no tenant context in this request (the operation is not tenant-scoped)")
    return ctx
