"""Ingest: validate self-describing events, check consent, minimise PII, enrich, route to a region partition.

A batch is accepted event by event: valid events are stored, each invalid one comes back with its errors
(``code``, ``field``, ``message``). Nothing about a rejected event is stored.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlglot import exp

from companyos_server import errors
from companyos_server.domains.analytics import registry, store, taxonomy
from companyos_server.domains.analytics.warehouse import COLUMN_NAMES, Warehouse, events_source
from companyos_server.domains.tenant_config import flags as flag_service
from companyos_server.domains.tenant_config import store as config_store
from companyos_server.domains.tenants import store as tenants_store
from companyos_server.platform import sandbox
from companyos_server.platform.encryption import SecretKeyring
from companyos_server.platform.principal import ROLES, TenantContext
from companyos_server.platform.storage import Database, new_id, utcnow

MAX_BATCH = 1000
FUTURE_SKEW = timedelta(minutes=5)
ENVIRONMENTS = ("production", "staging", "sandbox")
_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
}


def max_age() -> timedelta:
    """How old an event may be (``COMPANYOS_ANALYTICS_MAX_EVENT_AGE_DAYS``, default 30)."""
    try:
        days = int(os.environ.get("COMPANYOS_ANALYTICS_MAX_EVENT_AGE_DAYS", "30"))
    except ValueError:
        days = 30
    return timedelta(days=max(1, days))


# -- per-tenant pseudonymisation key (sealed with the platform secrets keyring) ---------------------------
_keys: dict[tuple[str, str], bytes] = {}
_keys_lock = threading.Lock()


def _key_context(tenant_id: str) -> str:
    return f"analytics_tenant_keys.sealed_key:{tenant_id}"


def tenant_key(db: Database, keyring: SecretKeyring, tenant_id: str) -> bytes:
    cache_key = (str(keyring.directory), tenant_id)
    with _keys_lock:
        if cache_key in _keys:
            return _keys[cache_key]
    with db.session() as session:
        row = session.get(store.TenantHashKeyRow, tenant_id)
        sealed = row.sealed_key if row else None
    if sealed is None:
        material = secrets.token_hex(32)
        try:
            with db.session() as session:
                session.add(
                    store.TenantHashKeyRow(
                        tenant_id=tenant_id,
                        sealed_key=keyring.encrypt(material, context=_key_context(tenant_id)),
                        created_at=utcnow(),
                    )
                )
        except IntegrityError:  # another writer created it first: use theirs
            pass
        with db.session() as session:
            row = session.get(store.TenantHashKeyRow, tenant_id)
            assert row is not None
            sealed = row.sealed_key
    key = bytes.fromhex(keyring.decrypt(sealed, context=_key_context(tenant_id)))
    with _keys_lock:
        _keys[cache_key] = key
    return key


def pseudonym(key: bytes, value: str) -> str:
    return "h_" + hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


# -- the tenant's ingest context --------------------------------------------------------------------------
@dataclass
class TenantProfile:
    tenant_id: str
    region: str
    tier: str
    consent_required: bool
    flags_on: dict[str, str] = field(default_factory=dict)  # environment -> ",flag,flag,"


def profile(session: Session, tenant_id: str) -> TenantProfile:
    tenant = tenants_store.get(session, tenant_id)
    if tenant is None:
        raise errors.not_found("Tenant", tenant_id)
    config = config_store.latest(session, tenant_id)
    document = (config.document or {}) if config else {}
    found = document.get("analytics")
    analytics_cfg: dict[str, Any] = found if isinstance(found, dict) else {}
    flag_rows = config_store.flags_page(session, tenant_id, after=None, limit=10_000)
    flags_on = {
        env: ","
        + ",".join(sorted(r.key for r in flag_rows if flag_service.evaluate(r, env)["enabled"]))
        + ","
        for env in ENVIRONMENTS
    }
    return TenantProfile(
        tenant_id=tenant_id,
        region=tenant.residency,
        tier=tenant.tier,
        consent_required=bool(analytics_cfg.get("consent_required", False)),
        flags_on=flags_on,
    )


def _err(code: str, field_name: str, message: str) -> dict[str, str]:
    return {"code": code, "field": field_name, "message": message}


def _parse_ts(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


@dataclass
class Prepared:
    rows: list[dict[str, Any]]
    rejected: list[dict[str, Any]]


def prepare(
    events: list[dict[str, Any]],
    *,
    tenant: TenantProfile,
    schemas: dict[str, dict[str, taxonomy.Schema]],
    key: bytes,
    caller_role: str,
    now: datetime,
    trusted: bool = False,
) -> Prepared:
    """Validate and shape events into store rows. Pure: no I/O."""
    oldest = now - max_age()
    batch_id = new_id("evt")  # generated ids: the batch's id plus the event's index (one clock read a batch)
    hashed: dict[str, str] = {}  # users repeat within a batch: one HMAC each

    def hash_once(value: str) -> str:
        found = hashed.get(value)
        if found is None:
            found = hashed[value] = pseudonym(key, value)
        return found

    rows: list[dict[str, Any]] = []
    rejected: list[dict[str, Any]] = []
    for index, event in enumerate(events):
        problems: list[dict[str, str]] = []
        if not isinstance(event, dict):
            rejected.append(
                {"index": index, "event_id": None, "errors": [_err("invalid", "", "not an object")]}
            )
            continue
        event_id = event.get("id") if isinstance(event.get("id"), str) else None
        named_tenant = event.get("tenant_id")
        if named_tenant is not None and named_tenant != tenant.tenant_id:
            problems.append(
                _err("tenant_mismatch", "tenant_id", "the event names another tenant than the path")
            )
        name, version = event.get("schema"), event.get("version")
        versions = schemas.get(name) if isinstance(name, str) else None
        schema = None
        if versions is None:
            problems.append(_err("unknown_schema", "schema", f"no event schema named {name!r} is registered"))
        elif version not in versions:
            known = ", ".join(sorted(versions, key=lambda v: taxonomy.parse_version(v) or (0, 0, 0)))
            problems.append(
                _err("unknown_version", "version", f"{name} has no version {version!r} (known: {known})")
            )
        else:
            schema = versions[version]
        ts = _parse_ts(event.get("ts"))
        if ts is None:
            problems.append(_err("invalid", "ts", "must be an ISO 8601 date-time with a UTC offset"))
        elif ts > now + FUTURE_SKEW:
            problems.append(_err("from_future", "ts", "lies more than 5 minutes in the future"))
        elif ts < oldest and not trusted:
            days = max_age().days
            problems.append(_err("too_old", "ts", f"is older than {days} days (the ingest window)"))
        environment = event.get("environment") or "production"
        if environment not in ENVIRONMENTS:
            problems.append(_err("invalid", "environment", f"must be one of {', '.join(ENVIRONMENTS)}"))
        client_type = event.get("client_type") or "api"
        if client_type not in taxonomy.CLIENT_TYPES:
            problems.append(
                _err("invalid", "client_type", f"must be one of {', '.join(taxonomy.CLIENT_TYPES)}")
            )
        role = event.get("user_role") or caller_role
        if role not in ROLES and role not in ("unknown", "system"):
            problems.append(_err("invalid", "user_role", f"must be one of {', '.join(ROLES)}"))
        consent = event.get("consent")
        if schema is not None and schema.kind == "product":
            if consent == "denied":
                problems.append(_err("consent_denied", "consent", "the user declined analytics"))
            elif tenant.consent_required and consent != "granted":
                problems.append(_err("consent_missing", "consent", "this tenant requires consent: granted"))
        properties = event.get("properties") or {}
        if not isinstance(properties, dict):
            problems.append(_err("invalid", "properties", "must be an object"))
            properties = {}
        kept: dict[str, Any] = {}
        if schema is not None:
            for prop_name, value in properties.items():
                spec = schema.properties.get(prop_name)
                if spec is None:
                    problems.append(
                        _err(
                            "unknown_property",
                            f"properties.{prop_name}",
                            f"{name} {version} does not define it",
                        )
                    )
                    continue
                types = _PY_TYPES[spec["type"]]
                if not isinstance(value, types) or (spec["type"] != "boolean" and isinstance(value, bool)):
                    problems.append(_err("invalid", f"properties.{prop_name}", f"must be a {spec['type']}"))
                    continue
                if spec.get("pii") == "drop":
                    continue
                if spec.get("pii") == "hash":
                    value = hash_once(str(value))
                kept[prop_name] = value
            for prop_name, spec in schema.properties.items():
                if spec.get("required") and prop_name not in properties:
                    problems.append(_err("missing_property", f"properties.{prop_name}", "is required"))
        for text_field, limit in (("feature", 100), ("app_version", 50), ("user_id", 200), ("id", 64)):
            value = event.get(text_field)
            if value is not None and (not isinstance(value, str) or len(value) > limit):
                problems.append(
                    _err("invalid", text_field, f"must be a string of at most {limit} characters")
                )
        if problems:
            rejected.append({"index": index, "event_id": event_id, "errors": problems})
            continue
        assert schema is not None and ts is not None
        user_id = event.get("user_id")
        rows.append(
            {
                "tenant_id": tenant.tenant_id,
                "region": tenant.region,
                "event_id": event_id or f"{batch_id}{index:04d}",
                "name": schema.name,
                "version": schema.version,
                "kind": schema.kind,
                "ts": ts.replace(tzinfo=None),
                "day": ts.date(),
                "received_at": now.replace(tzinfo=None),
                "user_hash": hash_once(user_id) if user_id else "",
                "role": role,
                "feature": event.get("feature") or "",
                "environment": environment,
                "client_type": client_type,
                "app_version": event.get("app_version") or "",
                "residency_tier": tenant.tier,
                "flags_on": tenant.flags_on.get(environment, ","),
                "properties": json.dumps(kept, sort_keys=True, separators=(",", ":")) if kept else "{}",
                "latency_ms": float(kept["latency_ms"]) if "latency_ms" in kept else None,
                "good": int(kept["good"]) if "good" in kept else None,
                "total": int(kept["total"]) if "total" in kept else None,
            }
        )
    return Prepared(rows, rejected)


def write(warehouse: Warehouse, region: str, rows: list[dict[str, Any]]) -> int:
    """Append ``rows``, each event once: an ``event_id`` the tenant already stored (an SDK retry, the
    offline queue replaying, two ops syncs racing) or repeated within the batch is skipped. Returns how
    many were written. The lookup is bounded to the batch's days, where a resent event must fall, and
    covers the cold tier's files of those days too (an event resent after it went cold)."""
    if not rows:
        return 0
    backend = warehouse.partition(region)
    with warehouse.write_lock, backend.held():
        stored = _stored_event_ids(backend, rows)
        fresh: list[dict[str, Any]] = []
        for row in rows:
            key = (row["tenant_id"], row["event_id"])
            if key not in stored:
                stored.add(key)
                fresh.append(row)
        if not fresh:
            return 0
        seq = warehouse.next_seq()
        for row in fresh:
            row["seq"] = seq
        backend.insert("events", fresh, COLUMN_NAMES)
    return len(fresh)


def _stored_event_ids(backend: Any, rows: list[dict[str, Any]]) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    by_tenant: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_tenant.setdefault(row["tenant_id"], []).append(row)
    for tenant_id, mine in by_tenant.items():
        days = [row["day"] for row in mine]
        stored = events_source(backend, tenant_id, since=min(days), until=max(days)).subquery("e")
        query = (
            exp.select("event_id")
            .from_(stored)
            .where(exp.column("day").between(_day(min(days)), _day(max(days))))
            .where(
                exp.column("event_id").isin(
                    *sorted({exp.Literal.string(r["event_id"]) for r in mine}, key=str)
                )
            )
        )
        _, result = backend.execute(backend.render(query))
        found.update((tenant_id, str(event_id)) for (event_id,) in result)
    return found


def _day(value: Any) -> exp.Expression:
    return exp.cast(exp.Literal.string(value.isoformat()), exp.DataType.build("date"))


def ingest(
    db: Database,
    warehouse: Warehouse,
    keyring: SecretKeyring,
    ctx: TenantContext,
    events: list[dict[str, Any]],
    *,
    dry_run: bool = False,
) -> dict[str, Any]:
    if len(events) > MAX_BATCH:
        raise errors.DomainError(
            f"A batch holds at most {MAX_BATCH} events ({len(events)} sent); split it.",
            413,
            "Payload Too Large",
            "payload-too-large",
        )
    sandbox.check_quota(ctx.tenant_id, "analytics_events_per_batch", len(events), db)
    with db.session() as session:
        tenant = profile(session, ctx.tenant_id)
        schemas = registry.catalog(session, ctx.tenant_id)
    key = tenant_key(db, keyring, ctx.tenant_id)
    roles = ctx.roles or ctx.principal.roles_in(ctx.tenant_id)
    caller_role = roles[0] if roles else "unknown"
    prepared = prepare(events, tenant=tenant, schemas=schemas, key=key, caller_role=caller_role, now=utcnow())
    written = len(prepared.rows) if dry_run else write(warehouse, tenant.region, prepared.rows)
    return {
        "accepted": len(prepared.rows),
        "duplicates": len(prepared.rows) - written,
        "rejected": len(prepared.rejected),
        "dry_run": dry_run,
        "partition": tenant.region,
        "errors": prepared.rejected,
    }
