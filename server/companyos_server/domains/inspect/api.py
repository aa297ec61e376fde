"""Handlers for the `inspect` tag."""

from __future__ import annotations

from typing import Any

from companyos_server.domains.inspect import service
from companyos_server.domains.search.access import KindAccess
from companyos_server.platform.requestctx import current_tenant_context
from companyos_server.platform.runtime import get_runtime


def inspect_entity(
    tenant_id: str, ref: str, since: str | None = None, until: str | None = None, depth: int = 1
) -> dict[str, Any]:
    runtime = get_runtime()
    access = KindAccess.of_request(runtime, current_tenant_context())
    return service.inspect(
        runtime.graph,
        runtime.audit,
        runtime.spec,
        access,
        ref,
        since=service.parse_time(since) if since else None,
        until=service.parse_time(until) if until else None,
        depth=depth,
    )
