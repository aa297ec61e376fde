"""SecOps: security events in, Sigma detections out (streaming on ingest, batch over history), alerts.

Pure domain logic (no HTTP). Events arrive three ways: bulk ingest (validated one by one, the path's
tenant wins over any ``tenant_id`` field), and the audit chain (:func:`sync_audit`), which carries every
mutation, every denial and the identity provider's events. Each stored event goes through the tenant's
enabled rules at once (:class:`Detector`); a detection becomes (or updates) a ``security`` alert in the
alerts inbox, enriched with IntelGraph neighbours, carrying the principal's decayed risk score.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import math
import os
import threading
import time
import weakref
from datetime import UTC, datetime, timedelta
from importlib import resources
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.domains.alerts import detections as alert_detections
from companyos_server.domains.alerts import service as alerts_service
from companyos_server.domains.secops import engine, events, store
from companyos_server.domains.secops.store import SecopsRuleRow, SecurityEventRow
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, tenant_select, utcnow

log = logging.getLogger("companyos.secops")

MAX_BATCH_EVENTS = 5000
MAX_HISTORY = timedelta(days=31)
MAX_HISTORY_EVENTS = 200_000
RISK_HALF_LIFE_HOURS = 24.0
RATE_ENV = "COMPANYOS_SECOPS_INGEST_RATE"  # events per second per tenant (burst: 60 s worth)
_NAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789_-")


# -- built-in rules ------------------------------------------------------------------------------------
@functools.cache
def builtin_rules() -> dict[str, str]:
    folder = resources.files("companyos_server.domains.secops") / "rules"
    return {
        entry.name.removesuffix(".yml"): entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".yml")
    }


_seeded: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()


def ensure_builtins(session: Session, tenant_id: str) -> None:
    """Give the tenant the built-in rules it lacks (checked once per process and database)."""
    engine_of = session.get_bind()
    if tenant_id in _seeded.get(engine_of, ()):
        return
    known = set(
        session.scalars(select(SecopsRuleRow.name).where(SecopsRuleRow.tenant_id == tenant_id).distinct())
    )
    if known >= set(builtin_rules()):  # committed earlier: no need to look again
        _seeded.setdefault(engine_of, set()).add(tenant_id)
        return
    try:
        # A savepoint: when another request (or the audit-feed follower) seeds the same tenant at the same
        # moment, its rows win and this transaction goes on without its copies.
        with session.begin_nested():
            for name, text in builtin_rules().items():
                if name in known:
                    continue
                parsed = engine.parse(name, text)
                session.add(
                    SecopsRuleRow(
                        id=new_id("sru"), tenant_id=tenant_id, name=name, version=1, title=parsed.title[:300],
                        level=parsed.level, sigma=text, enabled=True, builtin=True, created_by="companyos",
                    )
                )  # fmt: skip
            session.flush()
    except IntegrityError:
        log.info("secops: built-in rules of %s were seeded by a concurrent transaction", tenant_id)


# -- the streaming detector (one per process) ---------------------------------------------------------
class Detector:
    """Per tenant: the compiled enabled rules and their correlation windows, rebuilt when rules change."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tenants: dict[str, tuple[str, engine.StreamingEvaluator]] = {}

    def evaluator(self, session: Session, tenant_id: str) -> engine.StreamingEvaluator:
        rows = [r for r in store.current_rules(session, tenant_id) if r.enabled]
        digest = hashlib.sha256("|".join(f"{r.name}:{r.version}" for r in rows).encode()).hexdigest()
        with self._lock:
            cached = self._tenants.get(tenant_id)
            if cached is not None and cached[0] == digest:
                return cached[1]
            evaluator = engine.StreamingEvaluator(engine.parse(r.name, r.sigma) for r in rows)
            self._tenants[tenant_id] = (digest, evaluator)
            return evaluator

    def reset(self) -> None:
        with self._lock:
            self._tenants.clear()


_DETECTORS: weakref.WeakKeyDictionary[Database, Detector] = weakref.WeakKeyDictionary()
_DETECTORS_LOCK = threading.Lock()


def detector_for(db: Database) -> Detector:
    """The streaming state belongs to one database (a process may serve several: tests, tools)."""
    with _DETECTORS_LOCK:
        found = _DETECTORS.get(db)
        if found is None:
            found = _DETECTORS[db] = Detector()
        return found


class _Bucket:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.tokens: dict[str, tuple[float, float]] = {}

    def take(self, tenant_id: str, count: int) -> int:
        """0 when ``count`` events may pass now, else the seconds to wait."""
        rate = float(os.environ.get(RATE_ENV, "2000"))
        burst = rate * 60
        now = time.monotonic()
        with self.lock:
            tokens, last = self.tokens.get(tenant_id, (burst, now))
            tokens = min(burst, tokens + (now - last) * rate)
            if count > tokens:
                self.tokens[tenant_id] = (tokens, now)
                return max(1, math.ceil((count - tokens) / rate))
            self.tokens[tenant_id] = (tokens - count, now)
            return 0


BUCKET = _Bucket()


# -- storing events and detecting -----------------------------------------------------------------------
def _store_event(session: Session, tenant_id: str, fields: dict[str, Any]) -> SecurityEventRow:
    fields = dict(fields)
    if fields.get("geo_lat") is None and fields.get("source_ip"):
        located = events.geo_lookup(fields["source_ip"])
        if located:
            fields.update(located)
    principal = fields.get("principal")
    if (
        principal
        and fields.get("action") == "identity.sign_in"
        and fields.get("outcome") == "success"
        and fields.get("geo_lat") is not None
    ):
        previous = store.last_located_sign_in(session, tenant_id, principal)
        if previous is not None and previous.geo_lat is not None and previous.geo_lon is not None:
            moved = events.travel(
                (previous.occurred_at, previous.geo_lat, previous.geo_lon),
                fields["occurred_at"], fields["geo_lat"], fields["geo_lon"],
            )  # fmt: skip
            if moved:
                fields["travel_km"], fields["travel_kmh"] = moved
    row = SecurityEventRow(id=new_id("sev"), tenant_id=tenant_id, **fields)
    session.add(row)
    return row


def _detect(
    db: Database,
    session: Session,
    graph: Any | None,
    tenant_id: str,
    rows: list[SecurityEventRow],
    now: datetime,
) -> tuple[list[dict[str, Any]], list[str]]:
    if not rows:
        return [], []
    session.flush()
    evaluator = detector_for(db).evaluator(session, tenant_id)
    views = [events.view(r) for r in sorted(rows, key=lambda r: (r.occurred_at, r.id))]
    by_id = {v["id"]: v for v in views}
    found: list[engine.Detection] = []
    for view in views:
        found.extend(evaluator.process(view))
    summaries, alert_ids = [], []
    for detection in found:
        principal = detection.principal(by_id)
        alert_id = raise_alert(session, graph, tenant_id, detection, principal, now)
        summaries.append(_detection_dict(detection, principal, alert_id))
        if alert_id not in alert_ids:
            alert_ids.append(alert_id)
    return summaries, alert_ids


def _detection_dict(
    detection: engine.Detection, principal: str | None, alert_id: str | None
) -> dict[str, Any]:
    return {
        "rule": detection.rule, "title": detection.title, "level": detection.level,
        "severity": engine.LEVEL_SEVERITY.get(detection.level, "warning"), "principal": principal,
        "group": {k: v for k, v in detection.group},
        "at": datetime.fromtimestamp(detection.at, UTC), "event_ids": list(detection.event_ids),
        "metric": detection.metric, "alert_id": alert_id,
    }  # fmt: skip


def raise_alert(
    session: Session,
    graph: Any | None,
    tenant_id: str,
    detection: engine.Detection,
    principal: str | None,
    now: datetime,
) -> str:
    at = datetime.fromtimestamp(detection.at, UTC)
    severity = engine.LEVEL_SEVERITY.get(detection.level, "warning")
    risk = None
    if principal:
        risk = round(
            principal_risk(session, tenant_id, principal, now) + engine.LEVEL_WEIGHT.get(detection.level, 10),
            1,
        )
    body = {
        "title": detection.title, "level": detection.level, "group": {k: v for k, v in detection.group},
        "metric": detection.metric, "event_ids": list(detection.event_ids),
        "enrichment": enrich(session, graph, tenant_id, principal, at),
    }  # fmt: skip
    row, outcome = alert_detections.upsert_security_alert(
        session, tenant_id, rule=detection.rule, title=detection.title, severity=severity,
        principal=principal, group=detection.group, detection=body, risk=risk, at=at, now=now,
    )  # fmt: skip
    if graph is not None and outcome in ("created", "refired"):
        session.flush()
        ref = graph.upsert_entity(
            session, tenant_id=tenant_id, kind="alert", entity_id=row.id, name=row.name,
            attributes={"severity": row.severity, "status": row.status, "category": "security", "rule": row.rule},
            text=" ".join(filter(None, [row.name, row.severity, principal, detection.rule])), actor="secops",
        )  # fmt: skip
        if principal:
            target = graph.upsert_entity(
                session, tenant_id=tenant_id, kind="principal", entity_id=principal[:100], name=principal,
                attributes={"risk": risk}, text=principal, actor="secops",
            )  # fmt: skip
            graph.link(session, tenant_id=tenant_id, src=ref, relation="concerns", dst=target, actor="secops")
        graph.record_change(
            session, tenant_id=tenant_id, ref=ref, actor="secops", action=f"alert.{outcome}",
            summary=f"Security detection {detection.title}", at=now,
        )  # fmt: skip
    return row.id


def enrich(
    session: Session, graph: Any | None, tenant_id: str, principal: str | None, at: datetime
) -> dict[str, Any]:
    """Context for triage: recent deploys and config/policy changes, related alerts and incidents."""
    since = at - timedelta(hours=24)
    query = (
        tenant_select(SecurityEventRow, tenant_id)
        .where(
            SecurityEventRow.category.in_(["deploy", "config", "admin"]),
            SecurityEventRow.occurred_at >= since,
            SecurityEventRow.occurred_at <= at,
        )
        .order_by(SecurityEventRow.occurred_at.desc())
        .limit(10)
    )
    changes = [
        {"id": r.id, "occurred_at": r.occurred_at.isoformat(), "category": r.category, "action": r.action,
         "principal": r.principal, "asset": r.asset}
        for r in session.scalars(query)
    ]  # fmt: skip
    related: list[dict[str, Any]] = []
    if principal:
        for alert in alert_detections.security_alerts_of(session, tenant_id, principal)[:10]:
            related.append(
                {"id": alert.id, "name": alert.name, "status": alert.status, "incident_id": alert.incident_id}
            )
    return {"recent_changes": changes, "related_alerts": related}


def principal_risk(session: Session, tenant_id: str, principal: str, now: datetime) -> float:
    """Decayed sum of weighted detections: each security alert's weight times occurrences, halved per day."""
    total = 0.0
    for alert in alert_detections.security_alerts_of(session, tenant_id, principal):
        level = str((alert.detection or {}).get("level") or "medium")
        age_hours = max(0.0, (now - alert.last_received_at).total_seconds() / 3600)
        weight = engine.LEVEL_WEIGHT.get(level, 10.0)
        total += weight * alert.occurrences * 0.5 ** (age_hours / RISK_HALF_LIFE_HOURS)
    return round(total, 1)


# -- bulk ingest ---------------------------------------------------------------------------------------------
def ingest(
    db: Database, graph: Any | None, ctx: TenantContext, batch: list[Any], *, now: datetime | None = None
) -> dict[str, Any]:
    """Validate each event; store the valid ones (nothing dropped silently: each refusal is reported)."""
    now = now or utcnow()
    if len(batch) > MAX_BATCH_EVENTS:
        raise errors.payload_too_large(f"A batch holds at most {MAX_BATCH_EVENTS} events; split it.")
    wait = BUCKET.take(ctx.tenant_id, len(batch))
    if wait:
        raise errors.DomainError(
            f"This tenant's event budget is spent; retry in {wait} s. No event of this batch was stored.",
            429, "Too Many Requests", "rate-limited", headers={"Retry-After": str(wait)},
        )  # fmt: skip
    accepted: list[SecurityEventRow] = []
    problems: list[dict[str, Any]] = []
    mismatches = 0
    with db.session() as session:
        ensure_builtins(session, ctx.tenant_id)
        for index, raw in enumerate(batch):
            fields, found = events.validate(raw, index, ctx.tenant_id)
            if fields is None:
                problems.append({"index": index, "errors": [p.as_dict() for p in found]})
                continue
            if fields.get("claimed_tenant"):
                mismatches += 1
                fields["details"] = {**fields["details"], "tenant_mismatch": True}
            accepted.append(_store_event(session, ctx.tenant_id, fields))
        found_detections, alert_ids = _detect(db, session, graph, ctx.tenant_id, accepted, now)
        ids = [r.id for r in accepted]
    return {
        "received": len(batch), "accepted": len(ids), "rejected": len(problems), "event_ids": ids,
        "errors": problems, "tenant_mismatches": mismatches, "detections": found_detections, "alert_ids": alert_ids,
    }  # fmt: skip


def parse_ndjson(data: str | bytes) -> list[Any]:
    """One item per non-blank line: the parsed JSON, or a marker that ``events.validate`` refuses for a line
    that is not (UTF-8) JSON, so one bad line never costs the others."""
    import json

    out: list[Any] = []
    for number, line in enumerate(_text_lines(data), start=1):
        if line is not None and not line.strip():
            continue
        try:
            if line is None:
                raise ValueError("not UTF-8")
            out.append(json.loads(line))
        except ValueError:
            out.append({"__invalid_line__": number})
    return out


def _text_lines(data: str | bytes) -> list[str | None]:
    """The lines as text; None for a line that is not UTF-8."""
    if isinstance(data, str):
        return list(data.splitlines())
    lines: list[str | None] = []
    for raw in data.splitlines():
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(None)
    return lines


# -- the audit feed -----------------------------------------------------------------------------------------
_sync_lock = threading.Lock()


def sync_audit(db: Database, audit: Any, graph: Any | None, *, now: datetime | None = None) -> int:
    """Normalise audit events appended since the last sync (every chain); returns how many were stored.

    Identity events live on the platform chain and name the tenants of the account in ``details``; each
    such tenant gets its own copy. Only chains whose head is past the cursor are read, so a pass with
    nothing new costs two queries. Each batch stores its events, its detections and the cursor move in
    one transaction; the move is a compare-and-set on the position read, so when another process (a
    second server worker) synced the same batch first, this one's transaction rolls back instead of
    storing it twice.
    """
    now = now or utcnow()
    stored = 0
    with _sync_lock:
        heads = audit.heads()
        with db.session() as session:
            cursors = {
                chain: int(position)
                for chain, position in session.execute(
                    select(store.SecopsCursorRow.chain, store.SecopsCursorRow.position)
                )
            }
        for chain in sorted(c for c, position in heads.items() if position > cursors.get(c, 0)):
            after = cursors.get(chain, 0)
            for items in audit.iter_events(None if chain == "_platform" else chain, after_position=after):
                position = int(items[-1]["position"])
                try:
                    stored += _store_audit_batch(db, graph, chain, items, after, position, now)
                except (_CursorMoved, IntegrityError):
                    log.info("secops: chain %s was synced by another process", chain)
                    break
                after = position
    return stored


class _CursorMoved(Exception):
    """Another process moved the chain's cursor while this one was storing the same events."""


def _store_audit_batch(
    db: Database, graph: Any | None, chain: str, items: list[dict[str, Any]], after: int, position: int,
    now: datetime,
) -> int:  # fmt: skip
    wanted = [(tenant, item) for item in items for tenant in _tenants_of(chain, item)]
    with db.session() as session:
        known: set[tuple[str, str]] = set()
        if wanted:
            found = session.execute(
                select(SecurityEventRow.tenant_id, SecurityEventRow.origin_id).where(
                    SecurityEventRow.tenant_id.in_({tenant for tenant, _ in wanted}),
                    SecurityEventRow.origin_id.in_([item["id"] for item in items]),
                )
            )
            known = {(tenant, str(origin)) for tenant, origin in found}
        by_tenant: dict[str, list[SecurityEventRow]] = {}
        for tenant, item in wanted:
            if (tenant, item["id"]) in known:
                continue
            if tenant not in by_tenant:
                ensure_builtins(session, tenant)
            by_tenant.setdefault(tenant, []).append(_store_event(session, tenant, events.from_audit(item)))
        for tenant, rows in by_tenant.items():
            _detect(db, session, graph, tenant, rows, now)
        moved = session.execute(
            update(store.SecopsCursorRow)
            .where(store.SecopsCursorRow.chain == chain, store.SecopsCursorRow.position == after)
            .values(position=position, updated_at=now)
        )
        if getattr(moved, "rowcount", 0) != 1:
            if after or session.get(store.SecopsCursorRow, chain) is not None:
                raise _CursorMoved(chain)
            session.add(store.SecopsCursorRow(chain=chain, position=position, updated_at=now))
            try:
                session.flush()
            except IntegrityError as exc:
                raise _CursorMoved(chain) from exc
        return sum(len(rows) for rows in by_tenant.values())


def _tenants_of(chain: str, item: dict[str, Any]) -> list[str]:
    if chain != "_platform":
        return [chain]
    named = (item.get("details") or {}).get("tenants") or []
    return [str(t)[:64] for t in named if isinstance(t, str) and t]


# -- reads ---------------------------------------------------------------------------------------------------
def list_events(
    db: Database,
    ctx: TenantContext,
    *,
    page_size: int | None = None,
    page_token: str | None = None,
    principal: str | None = None,
    action: str | None = None,
    category: str | None = None,
) -> Page[dict[str, Any]]:
    filters = {"principal": principal, "action": action, "category": category}

    def fetch(after: str | None, limit: int) -> list[SecurityEventRow]:
        query = (
            tenant_select(SecurityEventRow, ctx.tenant_id).order_by(SecurityEventRow.id.desc()).limit(limit)
        )
        if after:
            query = query.where(SecurityEventRow.id < after)
        for name, value in filters.items():
            if value:
                query = query.where(getattr(SecurityEventRow, name) == value)
        return list(session.scalars(query))

    with db.session() as session:
        page = paginate(
            fetch, key=lambda r: r.id, page_size=page_size, page_token=page_token, filters=filters
        )
        return Page([events.to_dict(r) for r in page.items], page.next_page_token)


# -- rules ---------------------------------------------------------------------------------------------------
def _rule_dict(row: SecopsRuleRow) -> dict[str, Any]:
    return {
        "name": row.name, "version": row.version, "title": row.title, "level": row.level, "sigma": row.sigma,
        "enabled": row.enabled, "builtin": row.builtin, "created_by": row.created_by, "created_at": row.created_at,
    }  # fmt: skip


def _problem(exc: engine.RuleProblem, field: str = "sigma") -> errors.DomainError:
    where = f" (line {exc.line})" if exc.line else ""
    error = errors.invalid_argument(
        f"The Sigma rule is malformed{where}: {exc.message}",
        [errors.FieldError(field, exc.message, "malformed_sigma")],
    )
    if exc.line:
        error.extra["line"] = exc.line
    return error


def list_rules(db: Database, ctx: TenantContext) -> list[dict[str, Any]]:
    with db.session() as session:
        ensure_builtins(session, ctx.tenant_id)
        return [_rule_dict(r) for r in store.current_rules(session, ctx.tenant_id)]


def get_rule(db: Database, ctx: TenantContext, name: str) -> dict[str, Any]:
    with db.session() as session:
        ensure_builtins(session, ctx.tenant_id)
        versions = store.rule_versions(session, ctx.tenant_id, name)
        if not versions:
            raise errors.not_found("rule", name)
        out = _rule_dict(versions[0])
        out["versions"] = [
            {"version": v.version, "created_at": v.created_at, "created_by": v.created_by} for v in versions
        ]
        return out


def put_rule(db: Database, ctx: TenantContext, body: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """A new rule, or a new version of one (the previous versions are kept)."""
    name = str(body.get("name") or "")
    if not (1 <= len(name) <= 100) or not set(name) <= _NAME_CHARS:
        raise errors.invalid_argument(
            "Invalid rule name.", [errors.FieldError("name", "must be 1–100 of a-z 0-9 _ -")]
        )
    try:
        parsed = engine.parse(name, str(body.get("sigma") or ""))
    except engine.RuleProblem as exc:
        raise _problem(exc) from None
    with db.session() as session:
        ensure_builtins(session, ctx.tenant_id)
        versions = store.rule_versions(session, ctx.tenant_id, name)
        enabled = body.get("enabled", versions[0].enabled if versions else True)
        row = SecopsRuleRow(
            id=new_id("sru"), tenant_id=ctx.tenant_id, name=name, version=(versions[0].version + 1) if versions else 1,
            title=parsed.title[:300], level=parsed.level, sigma=parsed.text, enabled=bool(enabled),
            builtin=False, created_by=ctx.principal.subject,
        )  # fmt: skip
        session.add(row)
        session.flush()
        return _rule_dict(row), not versions


def set_rule_enabled(db: Database, ctx: TenantContext, name: str, enabled: bool) -> dict[str, Any]:
    with db.session() as session:
        ensure_builtins(session, ctx.tenant_id)
        versions = store.rule_versions(session, ctx.tenant_id, name)
        if not versions:
            raise errors.not_found("rule", name)
        for row in versions:
            row.enabled = enabled
        return _rule_dict(versions[0])


def _sample_views(samples: Any) -> tuple[list[dict[str, Any]], list[errors.FieldError]]:
    if not isinstance(samples, list) or not samples or len(samples) > MAX_BATCH_EVENTS:
        raise errors.invalid_argument(
            "events must be a list of 1–5000 events.", [errors.FieldError("events", "1–5000 events")]
        )
    views, problems = [], []
    for index, raw in enumerate(samples):
        fields, found = events.validate(raw, index, "")
        if fields is None:
            problems.extend(found)
            continue
        view = {
            k: v
            for k, v in fields.items()
            if k not in ("details", "occurred_at", "claimed_tenant", "geo_lat", "geo_lon")
        }
        view.update(
            {f"details.{k}": v for k, v in fields["details"].items() if not isinstance(v, dict | list)}
        )
        for extra in ("travel_km", "travel_kmh"):
            if isinstance(raw.get(extra), int | float):
                view[extra] = raw[extra]
        view["id"], view["ts"] = raw.get("id") or f"sample-{index}", fields["occurred_at"].timestamp()
        views.append(view)
    return views, problems


def test_rule(db: Database, ctx: TenantContext, body: dict[str, Any]) -> dict[str, Any]:
    """Would this rule fire on these events? Streaming and batch side by side."""
    text, name = body.get("sigma"), body.get("rule")
    if text is None and name:
        text = get_rule(db, ctx, str(name))["sigma"]
    if not isinstance(text, str):
        raise errors.invalid_argument(
            "Give sigma (the rule text) or rule (a rule's name).", [errors.FieldError("sigma", "required")]
        )
    try:
        parsed = engine.parse(str(name or "test"), text)
    except engine.RuleProblem as exc:
        raise _problem(exc) from None
    # Like ingest: an invalid sample is reported (``rejected``) and the rule runs over the others.
    views, rejected = _sample_views(body.get("events"))
    evaluator = engine.StreamingEvaluator([parsed])
    streamed = [d for v in sorted(views, key=lambda v: (v["ts"], str(v["id"]))) for d in evaluator.process(v)]
    try:
        batched = engine.run_batch(parsed, views)
    except engine.RuleProblem as exc:
        raise _problem(exc) from None
    return {
        "fires": bool(streamed),
        "detections": [_detection_dict(d, d.principal(), None) for d in streamed],
        "batch_detections": len(batched),
        "agree": {d.key for d in streamed} == {d.key for d in batched},
        "sql": engine.compile_sql(parsed),
        "rejected": [problem.as_dict() for problem in rejected],
    }


def run_history(
    db: Database, ctx: TenantContext, body: dict[str, Any], *, now: datetime | None = None
) -> dict[str, Any]:
    """Batch evaluation of rules over a time-bounded slice of the tenant's history (compiled SQL)."""
    now = now or utcnow()
    since, until = events.parse_time(body.get("since")), events.parse_time(body.get("until"))
    if since is None:
        raise errors.invalid_argument(
            "A history run needs a time bound: since (and until, default now).",
            [errors.FieldError("since", "is required: rules never scan unbounded history", "unbounded")],
        )
    if until is None:
        until = max(now, since)  # a since in the future is an empty slice, not an error
    if since > until:
        raise errors.invalid_argument(
            "since must not be after until.", [errors.FieldError("since", "must not be after until")]
        )
    # Bounded: at most the last 31 days before until are scanned (the result's since says where it began).
    if until - since > MAX_HISTORY:
        since = until - MAX_HISTORY
    wanted = body.get("rules")
    with db.session() as session:
        ensure_builtins(session, ctx.tenant_id)
        rows = [
            r
            for r in store.current_rules(session, ctx.tenant_id)
            if (r.name in wanted if wanted else r.enabled)
        ]
        history = store.events_between(session, ctx.tenant_id, since, until, MAX_HISTORY_EVENTS + 1)
        views = [events.view(r) for r in history]
    if len(views) > MAX_HISTORY_EVENTS:
        raise errors.invalid_argument(f"More than {MAX_HISTORY_EVENTS} events in the range; narrow it.")
    out: list[dict[str, Any]] = []
    by_id = {v["id"]: v for v in views}
    for row in rows:
        for detection in engine.run_batch(engine.parse(row.name, row.sigma), views):
            out.append(_detection_dict(detection, detection.principal(by_id), None))
    return {
        "since": since,
        "until": until,
        "events": len(views),
        "rules": [r.name for r in rows],
        "detections": out,
    }


# -- principals ------------------------------------------------------------------------------------------------
def principal_profile(
    db: Database, ctx: TenantContext, principal: str, *, now: datetime | None = None
) -> dict[str, Any]:
    now = now or utcnow()
    with db.session() as session:
        risk = principal_risk(session, ctx.tenant_id, principal, now)
        alerts = [
            alerts_service.to_dict(a, now)
            for a in alert_detections.security_alerts_of(session, ctx.tenant_id, principal)[:20]
        ]
        recent = session.scalars(
            tenant_select(SecurityEventRow, ctx.tenant_id)
            .where(SecurityEventRow.principal == principal)
            .order_by(SecurityEventRow.occurred_at.desc())
            .limit(20)
        )
        timeline = [events.to_dict(r) for r in recent]
    from companyos_server.domains.secops import response

    return {"principal": principal, "risk": risk, "alerts": alerts, "recent_events": timeline,
            "containment": response.verify(db, ctx.tenant_id, principal)}  # fmt: skip
