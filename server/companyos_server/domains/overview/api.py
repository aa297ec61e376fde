"""Handlers for the `overview` tag."""

from __future__ import annotations

from typing import Any

from companyos_server.domains.overview import service
from companyos_server.domains.search.access import KindAccess
from companyos_server.platform.requestctx import current_tenant_context
from companyos_server.platform.runtime import get_runtime


def get_tenant_overview(
    tenant_id: str,
    environment: str = "production",
    service_limit: int = 100,
    deployment_limit: int = 10,
    incident_limit: int = 10,
) -> dict[str, Any]:
    runtime = get_runtime()
    ctx = current_tenant_context()
    return service.overview(
        runtime.db,
        runtime.audit,
        KindAccess.of_request(runtime, ctx),
        ctx,
        environment=environment,
        service_limit=service_limit,
        deployment_limit=deployment_limit,
        incident_limit=incident_limit,
    )
