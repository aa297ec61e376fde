"""IntelGraph: typed entities and edges in SQL, written by every domain through one API.

Writes take the caller's SQLAlchemy session, so graph changes commit (or roll back) with the domain
change that caused them. Reads open their own session. Every statement is filtered by tenant.

Refs are ``"<kind>:<id>"`` (``service:svc_…``); relations are lowercase verbs (``depends_on``).
Traversals (:meth:`IntelGraph.neighbours`, :meth:`IntelGraph.paths`,
:meth:`IntelGraph.what_changed` with depth) are recursive CTEs that run unchanged on SQLite and
PostgreSQL; edges are followed in both directions and each result edge keeps its direction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, insert, or_, select, text
from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.core.intelgraph import search
from companyos_server.core.intelgraph.models import GraphChangeRow, GraphEdgeRow, GraphEntityRow
from companyos_server.platform.storage import Database, new_id, tenant_select, utcnow

REF_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,39}:[A-Za-z0-9_.\-]{1,160}$")
RELATION_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,59}$")
MAX_DEPTH = 6
MAX_NODES = 500


def split_ref(ref: str) -> tuple[str, str]:
    if not isinstance(ref, str) or not REF_PATTERN.match(ref):
        raise errors.invalid_argument(
            f"'{ref}' is not an entity ref ('<kind>:<id>').",
            [errors.FieldError("ref", "must look like 'service:svc_123'")],
        )
    kind, _, ident = ref.partition(":")
    return kind, ident


def make_ref(kind: str, entity_id: str) -> str:
    ref = f"{kind}:{entity_id}"
    split_ref(ref)
    return ref


def _check_tenant(tenant_id: str) -> None:
    if not tenant_id:
        raise ValueError("tenant_id is required for IntelGraph calls")


def entity_to_dict(row: GraphEntityRow) -> dict[str, Any]:
    return {
        "ref": row.ref,
        "kind": row.kind,
        "id": row.entity_id,
        "name": row.name,
        "attributes": dict(row.attributes or {}),
        "text": row.text or "",
        "exists": True,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }


def _stub(ref: str) -> dict[str, Any]:
    """An entity named by an edge but never upserted (or since removed)."""
    kind, _, ident = ref.partition(":")
    return {
        "ref": ref,
        "kind": kind,
        "id": ident,
        "name": ident,
        "attributes": {},
        "text": "",
        "exists": False,
        "created_at": None,
        "updated_at": None,
    }


def edge_to_dict(row: GraphEdgeRow) -> dict[str, Any]:
    return {
        "src": row.src,
        "relation": row.relation,
        "dst": row.dst,
        "attributes": dict(row.attributes or {}),
        "created_at": row.created_at,
    }


def change_to_dict(row: GraphChangeRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "ref": row.ref,
        "actor": row.actor,
        "action": row.action,
        "summary": row.summary,
        "details": dict(row.details or {}),
        "at": row.at,
    }


def _relation(relation: str) -> str:
    if not RELATION_PATTERN.match(relation or ""):
        raise errors.invalid_argument(
            f"'{relation}' is not a relation (lowercase verb such as 'depends_on').",
            [errors.FieldError("relation", "must be lowercase letters, digits and underscores")],
        )
    return relation


class IntelGraph:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- writes (caller's session) ---------------------------------------------------------
    def upsert_entity(
        self,
        session: Session,
        *,
        tenant_id: str,
        kind: str,
        entity_id: str,
        name: str,
        attributes: dict[str, Any] | None = None,
        text: str = "",
        actor: str | None = None,
        record: bool = True,
    ) -> str:
        """Create or update an entity and (re)index it for search; returns its ref.

        ``record=False``: the caller records the change itself (see :meth:`record_tenant_change`).
        """
        _check_tenant(tenant_id)
        ref = make_ref(kind, entity_id)
        attrs = dict(attributes or {})
        row = session.scalars(
            tenant_select(GraphEntityRow, tenant_id).where(GraphEntityRow.ref == ref)
        ).first()
        now = utcnow()
        if row is None:
            row = GraphEntityRow(
                tenant_id=tenant_id,
                ref=ref,
                kind=kind,
                entity_id=entity_id,
                name=name,
                attributes=attrs,
                text=text or "",
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            change: tuple[str, str, dict[str, Any]] | None = ("created", f"{kind} '{name}' created", {})
        else:
            changed = [f for f, v in (("name", name), ("text", text or "")) if getattr(row, f) != v]
            old_attrs = dict(row.attributes or {})
            changed_keys = sorted(k for k in set(old_attrs) | set(attrs) if old_attrs.get(k) != attrs.get(k))
            if not changed and not changed_keys:
                return ref
            details: dict[str, Any] = {"fields": changed}
            if changed_keys:
                details["attributes"] = {
                    k: {"from": old_attrs.get(k), "to": attrs.get(k)} for k in changed_keys[:20]
                }
            row.name, row.text, row.attributes, row.updated_at = name, text or "", attrs, now
            what = ", ".join(changed + [f"attributes.{k}" for k in changed_keys[:5]])
            change = ("updated", f"{kind} '{name}' updated: {what}", details)
        env = attrs.get("environment")
        row.environment = str(env)[:40] if isinstance(env, str) else None
        row.name_norm = search.normalise(name)[:300]
        row.name_len = len(row.name_norm)
        row.search_body = search.document_body(entity_id, text or "", attrs)
        session.flush()
        search.index_document(session, row.pk, row.name_norm, row.search_body)
        if change and record:
            self.record_change(
                session, tenant_id=tenant_id, ref=ref, actor=actor, action=change[0], summary=change[1],
                details=change[2], at=now,
            )  # fmt: skip
        return ref

    def bulk_upsert_entities(
        self, session: Session, *, tenant_id: str, entities: Sequence[dict[str, Any]]
    ) -> int:
        """Insert many new entities at once (imports, benchmarks); no change records. Returns count.

        Each dict carries ``kind``, ``entity_id``, ``name`` and optionally ``attributes``, ``text``.
        Existing refs are skipped.
        """
        _check_tenant(tenant_id)
        now = utcnow()
        refs = [make_ref(e["kind"], e["entity_id"]) for e in entities]
        existing = set(
            session.scalars(
                select(GraphEntityRow.ref).where(GraphEntityRow.tenant_id == tenant_id, GraphEntityRow.ref.in_(refs))
            )
        ) if len(refs) <= 5000 else set()  # fmt: skip
        rows = []
        for ref, e in zip(refs, entities, strict=True):
            if ref in existing:
                continue
            existing.add(ref)
            attrs = dict(e.get("attributes") or {})
            env = attrs.get("environment")
            rows.append(
                {
                    "tenant_id": tenant_id, "ref": ref, "kind": e["kind"], "entity_id": e["entity_id"],
                    "name": e["name"], "attributes": attrs, "text": e.get("text", ""),
                    "environment": env if isinstance(env, str) else None,
                    "name_norm": (name_norm := search.normalise(e["name"])[:300]), "name_len": len(name_norm),
                    "search_body": search.document_body(e["entity_id"], e.get("text", ""), attrs),
                    "created_at": now, "updated_at": now,
                }
            )  # fmt: skip
        if not rows:
            return 0
        session.execute(insert(GraphEntityRow), rows)
        found = session.execute(
            select(GraphEntityRow.ref, GraphEntityRow.pk).where(
                GraphEntityRow.tenant_id == tenant_id, GraphEntityRow.ref.in_([r["ref"] for r in rows])
            )
        )
        pks = {ref: pk for ref, pk in found}
        search.index_documents(
            session, [{"pk": pks[r["ref"]], "name": r["name_norm"], "body": r["search_body"]} for r in rows]
        )
        return len(rows)

    def remove_entity(self, session: Session, *, tenant_id: str, ref: str, actor: str | None = None) -> None:
        """Delete an entity, its search document and its edges (a change is recorded on each end)."""
        _check_tenant(tenant_id)
        split_ref(ref)
        row = session.scalars(
            tenant_select(GraphEntityRow, tenant_id).where(GraphEntityRow.ref == ref)
        ).first()
        edges = list(
            session.scalars(
                tenant_select(GraphEdgeRow, tenant_id).where(
                    or_(GraphEdgeRow.src == ref, GraphEdgeRow.dst == ref)
                )
            )
        )
        for edge in edges:
            other = edge.dst if edge.src == ref else edge.src
            self.record_change(
                session, tenant_id=tenant_id, ref=other, actor=actor, action="unlinked",
                summary=f"{edge.relation} edge to removed {ref} dropped",
                details={"src": edge.src, "relation": edge.relation, "dst": edge.dst},
            )  # fmt: skip
            session.delete(edge)
        if row is not None:
            search.unindex_document(session, row.pk)
            self.record_change(
                session, tenant_id=tenant_id, ref=ref, actor=actor, action="removed",
                summary=f"{row.kind} '{row.name}' removed",
            )  # fmt: skip
            session.delete(row)
        session.flush()

    def link(
        self,
        session: Session,
        *,
        tenant_id: str,
        src: str,
        relation: str,
        dst: str,
        attributes: dict[str, Any] | None = None,
        actor: str | None = None,
        record: bool = True,
    ) -> None:
        """Idempotent per (src, relation, dst): a repeat updates attributes, records nothing new.

        ``record=False`` records no ``linked`` change (a structural edge the caller's change explains).
        """
        _check_tenant(tenant_id)
        split_ref(src)
        split_ref(dst)
        _relation(relation)
        existing = session.scalars(
            tenant_select(GraphEdgeRow, tenant_id).where(
                GraphEdgeRow.src == src, GraphEdgeRow.relation == relation, GraphEdgeRow.dst == dst
            )
        ).first()
        if existing is not None:
            if attributes is not None and dict(existing.attributes or {}) != attributes:
                existing.attributes = dict(attributes)
                session.flush()
            return
        now = utcnow()
        session.add(
            GraphEdgeRow(
                id=new_id("edg"), tenant_id=tenant_id, src=src, relation=relation, dst=dst,
                attributes=dict(attributes or {}), created_at=now,
            )
        )  # fmt: skip
        if not record:
            session.flush()
            return
        details = {"src": src, "relation": relation, "dst": dst}
        self.record_change(
            session, tenant_id=tenant_id, ref=src, actor=actor, action="linked",
            summary=f"{src} {relation} {dst}", details=details, at=now,
        )  # fmt: skip
        if dst != src:
            self.record_change(
                session, tenant_id=tenant_id, ref=dst, actor=actor, action="linked",
                summary=f"{src} {relation} {dst}", details=details, at=now,
            )  # fmt: skip
        session.flush()

    def unlink(
        self, session: Session, *, tenant_id: str, src: str, relation: str, dst: str, actor: str | None = None
    ) -> None:
        _check_tenant(tenant_id)
        result = session.execute(
            delete(GraphEdgeRow).where(
                GraphEdgeRow.tenant_id == tenant_id,
                GraphEdgeRow.src == src,
                GraphEdgeRow.relation == relation,
                GraphEdgeRow.dst == dst,
            )
        )
        if not getattr(result, "rowcount", 0):
            return
        details = {"src": src, "relation": relation, "dst": dst}
        for ref in dict.fromkeys((src, dst)):
            self.record_change(
                session, tenant_id=tenant_id, ref=ref, actor=actor, action="unlinked",
                summary=f"{src} no longer {relation} {dst}", details=details,
            )  # fmt: skip
        session.flush()

    def record_change(
        self,
        session: Session,
        *,
        tenant_id: str,
        ref: str,
        actor: str | None,
        action: str,
        summary: str,
        details: dict[str, Any] | None = None,
        at: datetime | None = None,
    ) -> None:
        _check_tenant(tenant_id)
        split_ref(ref)
        session.add(
            GraphChangeRow(
                id=new_id("chg"), tenant_id=tenant_id, ref=ref, actor=actor, action=action[:60],
                summary=summary[:500], details=dict(details or {}), at=at or utcnow(),
            )
        )  # fmt: skip

    def record_tenant_change(
        self,
        session: Session,
        *,
        tenant_id: str,
        kind: str,
        entity_id: str,
        name: str,
        actor: str | None,
        action: str,
        summary: str,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
        details: dict[str, Any] | None = None,
        attributes: dict[str, Any] | None = None,
        text: str = "",
    ) -> str:
        """A change to tenant-wide settings (configuration, a flag, a policy), in the caller's session.

        The setting is an entity (``<kind>:<id>``) linked ``configures`` to ``tenant:<tenant_id>``, and
        the change is one record on it, with the actor and ``details`` holding ``before`` / ``after``
        summaries (None where the setting did not / no longer exists). A deleted setting leaves the
        search index and the entity table, but its edge to the tenant stays (the graph's stub for a
        removed entity), so the tenant's changes (``what_changed(tenant:<id>, depth=1)``) keep showing it.
        Callers pass summaries, never secret values: the record is readable by anyone who may read
        the setting's kind. Returns the setting's ref.
        """
        _check_tenant(tenant_id)
        ref = make_ref(kind, entity_id)
        now = utcnow()
        if after is None:
            row = session.scalars(
                tenant_select(GraphEntityRow, tenant_id).where(GraphEntityRow.ref == ref)
            ).first()
            if row is not None:
                search.unindex_document(session, row.pk)
                session.delete(row)
        else:
            self.upsert_entity(
                session, tenant_id=tenant_id, kind=kind, entity_id=entity_id, name=name,
                attributes=attributes, text=text, actor=actor, record=False,
            )  # fmt: skip
        self.link(
            session, tenant_id=tenant_id, src=ref, relation="configures", dst=make_ref("tenant", tenant_id),
            actor=actor, record=False,
        )  # fmt: skip
        self.record_change(
            session, tenant_id=tenant_id, ref=ref, actor=actor, action=action, summary=summary,
            details={**(details or {}), "before": before, "after": after}, at=now,
        )  # fmt: skip
        session.flush()
        return ref

    # -- reads (own session) ---------------------------------------------------------------
    def get(self, tenant_id: str, ref: str) -> dict[str, Any] | None:
        _check_tenant(tenant_id)
        with self.db.session() as session:
            row = session.scalars(
                tenant_select(GraphEntityRow, tenant_id).where(GraphEntityRow.ref == ref)
            ).first()
            return entity_to_dict(row) if row is not None else None

    def _walk(
        self, session: Session, tenant_id: str, root: str, depth: int, relations: list[str] | None
    ) -> dict[str, int]:
        """ref → shortest distance from ``root`` (both edge directions), up to ``depth``."""
        depth = max(0, min(int(depth), MAX_DEPTH))
        rel_clause = " AND e.relation IN :relations" if relations else ""
        sql = (
            "WITH RECURSIVE walk(ref, depth) AS ("  # noqa: S608 - constant SQL fragments; values are bound
            " SELECT CAST(:root AS VARCHAR(200)), 0"
            " UNION"
            " SELECT CASE WHEN e.src = w.ref THEN e.dst ELSE e.src END, w.depth + 1"
            " FROM walk w JOIN graph_edges e ON e.tenant_id = :tenant AND (e.src = w.ref OR e.dst = w.ref)"
            f"{rel_clause}"
            " WHERE w.depth < :depth"
            ") SELECT ref, MIN(depth) AS depth FROM walk GROUP BY ref ORDER BY MIN(depth), ref LIMIT :cap"
        )
        stmt = text(sql)
        params: dict[str, Any] = {"root": root, "tenant": tenant_id, "depth": depth, "cap": MAX_NODES + 1}
        if relations:
            stmt = stmt.bindparams(bindparam("relations", expanding=True))
            params["relations"] = list(relations)
        return {r.ref: int(r.depth) for r in session.execute(stmt, params)}

    def neighbours(
        self,
        tenant_id: str,
        ref: str,
        *,
        depth: int = 1,
        kinds: list[str] | None = None,
        relations: list[str] | None = None,
    ) -> dict[str, Any]:
        """``{"root", "entities", "edges"}`` within ``depth`` hops; ``kinds`` filters the entities
        returned (traversal passes through any kind), ``relations`` the edges followed."""
        _check_tenant(tenant_id)
        split_ref(ref)
        with self.db.session() as session:
            distances = self._walk(session, tenant_id, ref, depth, relations)
            refs = list(distances)
            rows = {
                r.ref: r
                for r in session.scalars(
                    tenant_select(GraphEntityRow, tenant_id).where(GraphEntityRow.ref.in_(refs))
                )
            }
            root = entity_to_dict(rows[ref]) if ref in rows else _stub(ref)
            entities = []
            for other in refs:
                if other == ref:
                    continue
                kind = other.partition(":")[0]
                if kinds and kind not in kinds:
                    continue
                item = entity_to_dict(rows[other]) if other in rows else _stub(other)
                item["depth"] = distances[other]
                entities.append(item)
            keep = {ref, *(e["ref"] for e in entities)}
            edge_query = tenant_select(GraphEdgeRow, tenant_id).where(
                GraphEdgeRow.src.in_(list(keep)), GraphEdgeRow.dst.in_(list(keep))
            )
            if relations:
                edge_query = edge_query.where(GraphEdgeRow.relation.in_(relations))
            edges = [edge_to_dict(e) for e in session.scalars(edge_query.order_by(GraphEdgeRow.id))]
            return {"root": root, "entities": entities, "edges": edges, "truncated": len(refs) > MAX_NODES}

    def what_changed(
        self, tenant_id: str, ref: str, *, since: datetime, until: datetime, depth: int = 0, limit: int = 500
    ) -> list[dict[str, Any]]:
        """Changes of ``ref`` (and entities within ``depth`` hops) in [since, until), newest first."""
        _check_tenant(tenant_id)
        split_ref(ref)
        if since > until:
            raise errors.invalid_argument(
                "since must not be after until.", [errors.FieldError("since", "must not be after until")]
            )
        with self.db.session() as session:
            refs = list(self._walk(session, tenant_id, ref, depth, None)) if depth > 0 else [ref]
            query = (
                tenant_select(GraphChangeRow, tenant_id)
                .where(GraphChangeRow.ref.in_(refs), GraphChangeRow.at >= since, GraphChangeRow.at < until)
                .order_by(GraphChangeRow.at.desc(), GraphChangeRow.id.desc())
                .limit(limit)
            )
            return [change_to_dict(r) for r in session.scalars(query)]

    def paths(
        self, tenant_id: str, src: str, dst: str, *, max_depth: int = 4, limit: int = 10
    ) -> list[list[dict[str, Any]]]:
        """Simple paths (no repeated entity) from ``src`` to ``dst``, shortest first.

        Each path is the list of edges walked, each with its stored direction.
        """
        _check_tenant(tenant_id)
        split_ref(src)
        split_ref(dst)
        if src == dst:
            return []
        max_depth = max(1, min(int(max_depth), MAX_DEPTH))
        limit = max(1, min(int(limit), 100))
        with self.db.session() as session:
            nxt = "(CASE WHEN e.src = p.node THEN e.dst ELSE e.src END)"
            needle = f"'|' || {nxt} || '|'"
            unseen = (
                f"instr(p.visited, {needle}) = 0"
                if self.db.dialect == "sqlite"
                else f"strpos(p.visited, {needle}) = 0"
            )
            sql = (
                "WITH RECURSIVE p(node, visited, edges, depth) AS ("  # noqa: S608 - constant SQL fragments; values are bound
                " SELECT CAST(:src AS VARCHAR(200)), CAST('|' || :src || '|' AS VARCHAR(4000)),"
                "  CAST('' AS VARCHAR(4000)), 0"
                " UNION ALL"
                f" SELECT {nxt}, CAST(p.visited || {nxt} || '|' AS VARCHAR(4000)),"
                "  CAST(p.edges || e.id || '|' AS VARCHAR(4000)), p.depth + 1"
                " FROM p JOIN graph_edges e ON e.tenant_id = :tenant AND (e.src = p.node OR e.dst = p.node)"
                f" WHERE p.depth < :max_depth AND p.node <> :dst AND {unseen}"
                ") SELECT edges, depth FROM p WHERE node = :dst ORDER BY depth, edges LIMIT :limit"
            )
            params = {"src": src, "dst": dst, "tenant": tenant_id, "max_depth": max_depth, "limit": limit}
            found = [(r.edges, r.depth) for r in session.execute(text(sql), params)]
            ids = {i for edges, _ in found for i in edges.split("|") if i}
            by_id = {
                e.id: e
                for e in session.scalars(
                    tenant_select(GraphEdgeRow, tenant_id).where(GraphEdgeRow.id.in_(ids))
                )
            }
            return [[edge_to_dict(by_id[i]) for i in edges.split("|") if i] for edges, _ in found]

    def kinds(self, tenant_id: str) -> list[str]:
        _check_tenant(tenant_id)
        with self.db.session() as session:
            return search.kinds_present(session, tenant_id)
