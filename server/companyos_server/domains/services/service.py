"""The service catalog: CRUD, the dependency map, SLO summaries. Pure domain logic: no HTTP here."""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.domains.services import intel, sli, slo, store
from companyos_server.domains.services.store import ServiceDependencyRow, ServiceRecord, ServiceRow
from companyos_server.platform import sandbox
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, utcnow

ENVIRONMENTS = ("production", "staging", "sandbox")
MAX_DEPTH = 10


def etag(row: ServiceRow) -> str:
    return f'"{row.revision}"'


def slo_summary(session: Session, row: ServiceRecord) -> dict[str, Any]:
    return slo_summaries(session, [row])[row.id]


def slo_summaries(session: Session, rows: Sequence[ServiceRecord]) -> dict[str, dict[str, Any]]:
    """Each service's SLO summary; the SLIs of the whole batch come from one statement."""
    now = utcnow()
    since = {
        row.id: now - timedelta(days=int(row.slo.get("window_days") or 28))
        for row in rows
        if row.slo and row.slo.get("objective") is not None
    }
    samples = sli.sli_percents(session, rows[0].tenant_id, since) if since else {}
    return {row.id: slo.summarize(row.slo or None, samples.get(row.id)) for row in rows}


def to_dict(
    session: Session,
    row: ServiceRecord,
    dependencies: list[str] | None = None,
    slo_state: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The API shape. A list passes what it read for the whole page; a single read looks it up."""
    deps = dependencies if dependencies is not None else store.dependencies_of(session, row.tenant_id, row.id)
    owner = {"team": row.owner_team, **({"contact": row.owner_contact} if row.owner_contact else {})}
    return {
        "id": row.id,
        "tenant_id": row.tenant_id,
        "name": row.name,
        "description": row.description,
        "owner": owner,
        "tier": row.tier,
        "environments": list(row.environments or []),
        "dependencies": deps,
        "runbooks": [dict(r) for r in row.runbooks or []],
        "data_locations": list(row.data_locations or []),
        "slo": slo_state if slo_state is not None else slo_summary(session, row),
        "labels": dict(row.labels or {}),
        "revision": row.revision,
        "isolation": (
            {"since": row.isolated_at, "reason": row.isolation_reason or ""} if row.isolated_at else None
        ),
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }


def to_dicts(session: Session, rows: Sequence[ServiceRecord]) -> list[dict[str, Any]]:
    """:func:`to_dict` for a page: dependencies and SLIs read once for all rows, not once per row."""
    if not rows:
        return []
    deps = store.dependencies_of_many(session, rows[0].tenant_id, [r.id for r in rows])
    slos = slo_summaries(session, rows)
    return [to_dict(session, r, deps[r.id], slos[r.id]) for r in rows]


def _require(session: Session, tenant_id: str, service_id: str) -> ServiceRow:
    row = store.get(session, tenant_id, service_id)
    if row is None:
        raise errors.not_found("Service", service_id)
    return row


def _sync_graph(session: Session, row: ServiceRow, actor: str) -> str:
    text = " ".join(
        part
        for part in (row.name, row.name.replace("-", " "), row.description, row.owner_team, row.tier)
        if part
    )
    return intel.upsert(
        session,
        row.tenant_id,
        kind="service",
        entity_id=row.id,
        name=row.name,
        attributes={
            "tier": row.tier,
            "owner_team": row.owner_team,
            "environments": list(row.environments or []),
            "data_locations": list(row.data_locations or []),
        },
        text=text,
        actor=actor,
    )


def _set_dependencies(session: Session, row: ServiceRow, wanted: list[str], actor: str) -> None:
    if row.id in wanted:
        raise errors.failed_precondition(f"Service '{row.name}' cannot depend on itself.")
    found = store.get_many(session, row.tenant_id, wanted)
    missing = [d for d in wanted if d not in found]
    if missing:
        raise errors.not_found("Service", missing[0])
    current = set(store.dependencies_of(session, row.tenant_id, row.id))
    for dep in sorted(current - set(wanted)):
        store.remove_edge(session, row.tenant_id, row.id, dep)
        intel.unlink(session, row.tenant_id, f"service:{row.id}", "depends_on", f"service:{dep}", actor)
    for dep in wanted:
        if dep in current:
            continue
        store.add_edge(
            session,
            ServiceDependencyRow(
                id=new_id("sdp"),
                tenant_id=row.tenant_id,
                service_id=row.id,
                depends_on_id=dep,
                created_at=utcnow(),
            ),
        )
        intel.link(session, row.tenant_id, f"service:{row.id}", "depends_on", f"service:{dep}", actor)


def _apply(row: ServiceRow, body: dict[str, Any]) -> None:
    if "name" in body:
        row.name = body["name"]
    if "description" in body:
        row.description = body["description"]
    if "owner" in body:
        row.owner_team = body["owner"]["team"]
        row.owner_contact = body["owner"].get("contact", "")
    if "tier" in body:
        row.tier = body["tier"]
    if "environments" in body:
        row.environments = [e for e in ENVIRONMENTS if e in body["environments"]]
    if "runbooks" in body:
        row.runbooks = [{"title": r["title"], "url": r["url"]} for r in body["runbooks"]]
    if "data_locations" in body:
        row.data_locations = sorted(body["data_locations"])
    if "slo" in body:
        spec = body["slo"]
        row.slo = None if spec is None else {"window_days": 28, **spec}
    if "labels" in body:
        row.labels = dict(body["labels"])


def create_service_in(session: Session, tenant_id: str, body: dict[str, Any], actor: str) -> dict[str, Any]:
    """Create in an open session (used by the API and by the demo seed)."""
    if store.get_by_name(session, tenant_id, body["name"]) is not None:
        raise errors.already_exists("Service", body["name"])
    if sandbox.is_sandbox(tenant_id):
        held = session.scalar(
            select(func.count()).select_from(ServiceRow).where(ServiceRow.tenant_id == tenant_id)
        )
        sandbox.check_quota(tenant_id, "services", int(held or 0) + 1)
    now = utcnow()
    row = ServiceRow(
        id=new_id("svc"),
        tenant_id=tenant_id,
        name=body["name"],
        description="",
        owner_team="",
        owner_contact="",
        tier=body["tier"],
        environments=["production"],
        runbooks=[],
        data_locations=[],
        slo=None,
        labels={},
        revision=1,
        created_at=now,
        updated_at=now,
    )
    _apply(row, body)
    store.add(session, row)
    _sync_graph(session, row, actor)  # the graph records the creation itself
    _set_dependencies(session, row, list(body.get("dependencies", [])), actor)
    return to_dict(session, row)


def create_service(db: Database, ctx: TenantContext, body: dict[str, Any]) -> dict[str, Any]:
    with db.session() as session:
        return create_service_in(session, ctx.tenant_id, body, ctx.principal.subject)


def get_service(db: Database, ctx: TenantContext, service_id: str) -> dict[str, Any]:
    with db.session() as session:
        return to_dict(session, _require(session, ctx.tenant_id, service_id))


def update_service(
    db: Database, ctx: TenantContext, service_id: str, body: dict[str, Any], if_match: str | None = None
) -> dict[str, Any]:
    actor = ctx.principal.subject
    with db.session() as session:
        row = _require(session, ctx.tenant_id, service_id)
        if if_match is not None and if_match.strip() not in (etag(row), f"W/{etag(row)}", "*"):
            raise errors.failed_precondition(
                f"Service '{row.name}' changed since that version: its ETag is now {etag(row)}."
            )
        renamed = "name" in body and body["name"] != row.name
        if renamed and store.get_by_name(session, ctx.tenant_id, body["name"]) is not None:
            raise errors.already_exists("Service", body["name"])
        changed = sorted(body)
        _apply(row, body)
        if "dependencies" in body:
            _set_dependencies(session, row, list(body["dependencies"]), actor)
        row.revision += 1
        row.updated_at = utcnow()
        session.flush()
        ref = _sync_graph(session, row, actor)
        intel.record_change(
            session,
            ctx.tenant_id,
            ref,
            actor=actor,
            action="services:update",
            summary=f"Service {row.name} updated: {', '.join(changed)}",
            details={"fields": changed},
        )
        return to_dict(session, row)


def delete_service(db: Database, ctx: TenantContext, service_id: str) -> None:
    from companyos_server.domains.deployments import store as deployments_store

    actor = ctx.principal.subject
    with db.session() as session:
        row = _require(session, ctx.tenant_id, service_id)
        dependents = store.dependents_of(session, ctx.tenant_id, service_id)
        if dependents:
            names = [r.name for r in store.get_many(session, ctx.tenant_id, dependents).values()]
            raise errors.failed_precondition(
                f"Service '{row.name}' is still a dependency of: {', '.join(sorted(names))}."
            )
        for deployment_id in deployments_store.ids_for_service(session, ctx.tenant_id, service_id):
            intel.remove(session, ctx.tenant_id, f"deployment:{deployment_id}", actor)
        deployments_store.remove_for_service(session, ctx.tenant_id, service_id)
        store.remove(session, ctx.tenant_id, service_id)
        # Drops the entity, its search document and its edges, recording the change on each end.
        intel.remove(session, ctx.tenant_id, f"service:{service_id}", actor)


def list_services(
    db: Database,
    ctx: TenantContext,
    *,
    page_size: int | None = None,
    page_token: str | None = None,
    owner: str | None = None,
    tier: str | None = None,
    name_prefix: str | None = None,
    environment: str | None = None,
) -> Page[dict[str, Any]]:
    filters = {"owner": owner, "tier": tier, "name_prefix": name_prefix, "environment": environment}

    with db.session() as session:

        def fetch(after: str | None, limit: int) -> list[ServiceRecord]:
            # Environments live in a JSON list: the store narrows in SQL, each row is checked here, and
            # a page short of rows the check dropped reads on (see store.list_page).
            found: list[ServiceRecord] = []
            cursor = after
            while len(found) < limit:
                rows = store.list_page(
                    session,
                    ctx.tenant_id,
                    after=cursor,
                    limit=limit,
                    owner=owner,
                    tier=tier,
                    name_prefix=name_prefix,
                    environment=environment,
                )
                found += [r for r in rows if environment is None or environment in (r.environments or [])]
                if len(rows) < limit:
                    break
                cursor = rows[-1].name
            return found[:limit]

        page = paginate(
            fetch, key=lambda r: r.name, page_size=page_size, page_token=page_token, filters=filters
        )
        return Page(to_dicts(session, page.items), page.next_page_token)


# -- the dependency map --------------------------------------------------------------------------
def _node(row: ServiceRow, slo_state: str, depth: int | None = None) -> dict[str, Any]:
    node: dict[str, Any] = {
        "id": row.id,
        "name": row.name,
        "tier": row.tier,
        "owner_team": row.owner_team,
        "environments": list(row.environments or []),
        "slo_state": slo_state,
    }
    if depth is not None:
        node["depth"] = depth
    return node


def service_map(db: Database, ctx: TenantContext, environment: str | None = None) -> dict[str, Any]:
    with db.session() as session:
        rows = [
            r
            for r in store.all_services(session, ctx.tenant_id)
            if environment is None or environment in r.environments
        ]
        ids = {r.id for r in rows}
        edges = [
            {"source": e.service_id, "target": e.depends_on_id, "relation": "depends_on"}
            for e in store.edges(session, ctx.tenant_id)
            if e.service_id in ids and e.depends_on_id in ids
        ]
        slos = slo_summaries(session, rows)
        nodes = [_node(r, slos[r.id]["state"]) for r in rows]
        return {"tenant_id": ctx.tenant_id, "nodes": nodes, "edges": edges}


def dependency_graph(
    db: Database, ctx: TenantContext, service_id: str, *, depth: int = 1, direction: str = "downstream"
) -> dict[str, Any]:
    """Breadth-first along ``depends_on`` edges (reversed for ``upstream``); cycles are visited once."""
    depth = max(1, min(int(depth), MAX_DEPTH))
    with db.session() as session:
        root = _require(session, ctx.tenant_id, service_id)
        adjacency: dict[str, list[str]] = {}
        for e in store.edges(session, ctx.tenant_id):
            src, dst = (
                (e.service_id, e.depends_on_id)
                if direction == "downstream"
                else (e.depends_on_id, e.service_id)
            )
            adjacency.setdefault(src, []).append(dst)
        seen = {root.id: 0}
        edges: list[dict[str, Any]] = []
        queue = deque([root.id])
        while queue:
            current = queue.popleft()
            if seen[current] >= depth:
                continue
            for nxt in adjacency.get(current, []):
                pair = (current, nxt) if direction == "downstream" else (nxt, current)
                edges.append({"source": pair[0], "target": pair[1], "relation": "depends_on"})
                if nxt not in seen:
                    seen[nxt] = seen[current] + 1
                    queue.append(nxt)
        rows = store.get_many(session, ctx.tenant_id, list(seen))
        slos = slo_summaries(session, list(rows.values()))
        nodes = [
            _node(rows[i], slos[i]["state"], d)
            for i, d in sorted(seen.items(), key=lambda kv: (kv[1], rows[kv[0]].name))
        ]
        return {"service_id": root.id, "direction": direction, "depth": depth, "nodes": nodes, "edges": edges}
