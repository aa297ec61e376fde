"""Handlers for the `graph` tag (IntelGraph reads)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from companyos_server.domains.graph import service
from companyos_server.domains.search.access import KindAccess
from companyos_server.platform.requestctx import current_tenant_context
from companyos_server.platform.runtime import get_runtime


def _access() -> KindAccess:
    runtime = get_runtime()
    return KindAccess.of_request(runtime, current_tenant_context())


def _when(value: str | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    from companyos_server.domains.inspect.service import parse_time

    return parse_time(value)


def get_graph_neighbours(
    tenant_id: str, ref: str, depth: int = 1, kinds: str | None = None, relations: str | None = None
) -> dict[str, Any]:
    return service.neighbours(
        get_runtime().graph, _access(), ref, depth=depth, kinds=kinds, relations=relations
    )


def get_graph_changes(
    tenant_id: str, ref: str, since: str | None = None, until: str | None = None, depth: int = 0
) -> dict[str, Any]:
    return service.changes(
        get_runtime().graph, _access(), ref, since=_when(since), until=_when(until), depth=depth
    )


def get_graph_paths(
    tenant_id: str, src: str, dst: str, max_depth: int = 4, limit: int = 10
) -> dict[str, Any]:
    return service.paths(get_runtime().graph, _access(), src, dst, max_depth=max_depth, limit=limit)
