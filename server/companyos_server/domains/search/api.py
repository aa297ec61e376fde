"""Handlers for the `search` tag."""

from __future__ import annotations

from typing import Any

from companyos_server.domains.search import service
from companyos_server.domains.search.access import KindAccess
from companyos_server.platform.requestctx import current_tenant_context
from companyos_server.platform.runtime import get_runtime


def search_entities(
    tenant_id: str,
    q: str,
    kinds: str | None = None,
    environment: str | None = None,
    page_size: int | None = None,
    page_token: str | None = None,
) -> dict[str, Any]:
    runtime = get_runtime()
    access = KindAccess.of_request(runtime, current_tenant_context())
    return service.search(
        runtime.db,
        access,
        q=q,
        kinds=kinds,
        environment=environment,
        page_size=page_size,
        page_token=page_token,
    )
