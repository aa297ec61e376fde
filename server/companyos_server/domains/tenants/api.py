"""Handlers for the `tenants` tag: parse, call the service, shape the response."""

from __future__ import annotations

from typing import Any

from companyos_server.domains.tenants import service
from companyos_server.platform.requestctx import current_principal, current_tenant_context
from companyos_server.platform.runtime import get_runtime


def list_tenants(
    page_size: int | None = None,
    page_token: str | None = None,
    tier: str | None = None,
    status: str | None = None,
    environment: str | None = None,
) -> dict[str, Any]:
    page = service.list_tenants(
        get_runtime().db,
        current_principal(),
        page_size=page_size,
        page_token=page_token,
        tier=tier,
        status=status,
        environment=environment,
    )
    return {"items": page.items, "next_page_token": page.next_page_token}


def create_tenant(body: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
    tenant = service.create_tenant(get_runtime().db, current_principal(), body)
    return tenant, 201, {"Location": f"/v1/tenants/{tenant['id']}"}


def get_tenant(tenant_id: str) -> dict[str, Any]:
    return service.get_tenant(get_runtime().db, current_tenant_context())


def update_tenant(tenant_id: str, body: dict[str, Any]) -> dict[str, Any]:
    runtime = get_runtime()
    tenant = service.update_tenant(runtime.db, current_tenant_context(), body)
    runtime.cache_epoch.bump()  # every worker's edge guard sees the new status, tier or residency
    return tenant


def get_tenant_permissions(tenant_id: str, resource: str) -> dict[str, Any]:
    runtime = get_runtime()
    return service.permissions(runtime.db, runtime.policy, runtime.spec, current_tenant_context(), resource)
