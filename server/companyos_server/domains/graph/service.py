"""IntelGraph reads for the API: existence and per-kind read permission applied to every result."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from companyos_server import errors
from companyos_server.core.intelgraph.graph import IntelGraph
from companyos_server.domains.search.access import KindAccess
from companyos_server.domains.search.service import parse_list
from companyos_server.platform.storage import utcnow

DEFAULT_WINDOW = timedelta(hours=24)


def window(since: datetime | None, until: datetime | None) -> tuple[datetime, datetime]:
    end = until or utcnow()
    start = since or end - DEFAULT_WINDOW
    if start > end:
        raise errors.invalid_argument(
            "since must not be after until.", [errors.FieldError("since", "must not be after until")]
        )
    return start, end


def tenant_entity(access: KindAccess, ref: str) -> dict[str, Any] | None:
    """The current tenant as ``tenant:<id>``, whether or not the graph holds it: its settings link to it."""
    if ref != f"tenant:{access.ctx.tenant_id}" or not access.can_read("tenant"):
        return None
    return {
        "ref": ref, "kind": "tenant", "id": access.ctx.tenant_id, "name": access.ctx.tenant_id,
        "attributes": dict(access.attributes), "text": "", "exists": True, "created_at": None, "updated_at": None,
    }  # fmt: skip


def require_entity(graph: IntelGraph, access: KindAccess, ref: str) -> dict[str, Any]:
    """The entity, or 404 when it does not exist or the caller may not read its kind.

    The current tenant always exists (``tenant:<id>``): "what changed in this tenant?" starts there.
    """
    entity = graph.get(access.ctx.tenant_id, ref) if access.can_read_ref(ref) else None
    if entity is None:
        entity = tenant_entity(access, ref)
    if entity is None:
        raise errors.not_found("Entity", ref)
    return entity


def neighbours(
    graph: IntelGraph,
    access: KindAccess,
    ref: str,
    *,
    depth: int = 1,
    kinds: str | None = None,
    relations: str | None = None,
) -> dict[str, Any]:
    require_entity(graph, access, ref)
    found = graph.neighbours(
        access.ctx.tenant_id, ref, depth=depth, kinds=parse_list(kinds), relations=parse_list(relations)
    )
    return visible_neighbourhood(access, found)


def visible_neighbourhood(access: KindAccess, found: dict[str, Any]) -> dict[str, Any]:
    entities = [e for e in found["entities"] if access.can_read(e["kind"])]
    keep = {found["root"]["ref"], *(e["ref"] for e in entities)}
    edges = [e for e in found["edges"] if e["src"] in keep and e["dst"] in keep]
    return {"root": found["root"], "entities": entities, "edges": edges, "truncated": found["truncated"]}


def changes(
    graph: IntelGraph,
    access: KindAccess,
    ref: str,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    depth: int = 0,
) -> dict[str, Any]:
    require_entity(graph, access, ref)
    start, end = window(since, until)
    items = graph.what_changed(access.ctx.tenant_id, ref, since=start, until=end, depth=depth)
    return {
        "ref": ref,
        "since": start,
        "until": end,
        "items": [c for c in items if access.can_read_ref(c["ref"])],
    }


def paths(
    graph: IntelGraph, access: KindAccess, src: str, dst: str, *, max_depth: int = 4, limit: int = 10
) -> dict[str, Any]:
    require_entity(graph, access, src)
    require_entity(graph, access, dst)
    found = graph.paths(access.ctx.tenant_id, src, dst, max_depth=max_depth, limit=limit)
    visible = [
        path
        for path in found
        if all(access.can_read_ref(e["src"]) and access.can_read_ref(e["dst"]) for e in path)
    ]
    return {"src": src, "dst": dst, "paths": visible}
