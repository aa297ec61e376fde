"""The normalised security event: validation of ingested events, the audit-chain mapping, geo, travel.

The flat view (:func:`view`) is what Sigma rules see: ``action``, ``outcome``, ``principal``,
``principal_kind``, ``roles`` (comma-joined), ``asset``, ``source``, ``category``, ``source_ip``,
``user_agent``, ``geo_country``, ``geo_city``, ``travel_km``, ``travel_kmh``, ``tenant_mismatch``
(``true`` when an ingested event named another tenant) and every scalar of ``details`` as
``details.<key>``.
"""

from __future__ import annotations

import ipaddress
import math
import os
import threading
from datetime import UTC, datetime
from typing import Any

from companyos_server.errors import FieldError

OUTCOMES = ("success", "failure", "denied", "unknown")
CATEGORIES = (
    "authentication", "authorization", "admin", "config", "deploy", "network", "supply_chain", "other",
)  # fmt: skip
GEOIP_ENV = "COMPANYOS_GEOIP_DATABASE"
_TEXT_LIMITS = {
    "action": 100, "principal": 200, "principal_kind": 20, "asset": 300, "source_ip": 64,
    "user_agent": 300, "request_id": 100, "roles": 300,
}  # fmt: skip
_ADMIN_PREFIXES = ("tenants:", "policies:", "tenant_config:", "alert_ingest_keys:", "identity:")
_CONFIG_PREFIXES = ("tenant_config:", "flags:", "policies:")
_DEPLOY_PREFIXES = ("deployments:", "releases:")
_MAX_DETAILS = 4000


def parse_time(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def categorize(action: str, outcome: str) -> str:
    if action.startswith("identity."):
        return "authentication"
    if action.startswith(_DEPLOY_PREFIXES):
        return "deploy"
    if action.startswith(_CONFIG_PREFIXES):
        return "config"
    if action.startswith(_ADMIN_PREFIXES):
        return "admin"
    if outcome == "denied":
        return "authorization"
    return "other"


def validate(raw: Any, index: int, path_tenant: str) -> tuple[dict[str, Any] | None, list[FieldError]]:
    """One ingested event → (normalised fields, problems). The path's tenant always wins."""
    where = f"events[{index}]"
    if not isinstance(raw, dict):
        return None, [FieldError(where, "must be a JSON object")]
    problems: list[FieldError] = []
    occurred = parse_time(raw.get("occurred_at"))
    if occurred is None:
        problems.append(FieldError(f"{where}.occurred_at", "is required, an RFC 3339 date-time", "required"))
    action = raw.get("action")
    if not isinstance(action, str) or not action.strip():
        problems.append(FieldError(f"{where}.action", "is required, a non-empty string", "required"))
    outcome = raw.get("outcome", "unknown")
    if outcome not in OUTCOMES:
        problems.append(FieldError(f"{where}.outcome", f"must be one of {', '.join(OUTCOMES)}"))
    category = raw.get("category")
    if category is not None and category not in CATEGORIES:
        problems.append(FieldError(f"{where}.category", f"must be one of {', '.join(CATEGORIES)}"))
    for name, limit in _TEXT_LIMITS.items():
        value = raw.get(name)
        if value is not None and (not isinstance(value, str) or len(value) > limit):
            problems.append(FieldError(f"{where}.{name}", f"must be a string of at most {limit} characters"))
    ip = raw.get("source_ip")
    if isinstance(ip, str) and ip:
        try:
            ipaddress.ip_address(ip)
        except ValueError:
            problems.append(FieldError(f"{where}.source_ip", "must be an IPv4 or IPv6 address"))
    details = raw.get("details", {})
    if not isinstance(details, dict) or len(str(details)) > _MAX_DETAILS:
        problems.append(
            FieldError(f"{where}.details", f"must be an object of at most {_MAX_DETAILS} characters")
        )
    geo = raw.get("geo")
    lat = lon = None
    if geo is not None:
        if not isinstance(geo, dict):
            problems.append(FieldError(f"{where}.geo", "must be an object"))
        else:
            lat, lon = geo.get("lat"), geo.get("lon")
            if not _coordinate(lat, 90) or not _coordinate(lon, 180):
                problems.append(FieldError(f"{where}.geo", "needs lat (-90..90) and lon (-180..180)"))
    claimed = raw.get("tenant_id")
    if claimed is not None and not isinstance(claimed, str):
        problems.append(FieldError(f"{where}.tenant_id", "must be a string"))
    if problems:
        return None, problems
    assert isinstance(action, str) and occurred is not None
    fields: dict[str, Any] = {
        "occurred_at": occurred,
        "source": "ingest",
        "action": action.strip(),
        "outcome": outcome,
        "category": category or categorize(action, outcome),
        "details": dict(details),
        "claimed_tenant": str(claimed)[:100] if claimed and claimed != path_tenant else None,
    }
    for name in _TEXT_LIMITS:
        if raw.get(name):
            fields[name] = raw[name]
    if geo is not None:
        fields.update(
            geo_lat=float(lat), geo_lon=float(lon),  # type: ignore[arg-type]
            geo_country=str(geo.get("country") or "")[:2] or None, geo_city=str(geo.get("city") or "")[:100] or None,
        )  # fmt: skip
    return fields, []


def _coordinate(value: Any, bound: float) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and -bound <= value <= bound
    )


def from_audit(event: dict[str, Any]) -> dict[str, Any]:
    """An audit-chain event → normalised fields (the tenant is decided by the caller)."""
    details = dict(event.get("details") or {})
    action = str(event["action"])
    outcome = str(event["outcome"])
    if action.startswith("identity.") and outcome == "success" and details.get("result") == "failure":
        outcome = "failure"
    fields: dict[str, Any] = {
        "occurred_at": event["occurred_at"],
        "source": "identity" if action.startswith("identity.") else "audit",
        "action": action[:100],
        "outcome": outcome if outcome in OUTCOMES else "unknown",
        "category": categorize(action, outcome),
        "principal": details.get("principal")
        or (event.get("actor") if event.get("actor") != "anonymous" else None),
        "principal_kind": event.get("actor_kind"),
        "roles": ",".join(event.get("roles") or []) or None,
        "asset": str(event.get("resource") or "")[:300] or None,
        "source_ip": details.get("source") or details.get("source_ip"),
        "user_agent": (details.get("user_agent") or None),
        "request_id": event.get("request_id"),
        "origin_id": event.get("id"),
        "details": {k: v for k, v in details.items() if k not in ("principal", "tenants")},
    }
    ip = fields["source_ip"]
    if ip is not None:
        try:
            ipaddress.ip_address(str(ip))
        except ValueError:
            fields["source_ip"] = None
    return fields


# -- geo -----------------------------------------------------------------------------------------------
_readers: dict[str, Any] = {}
_reader_lock = threading.Lock()


def geo_lookup(ip: str | None, database: str | None = None) -> dict[str, Any] | None:
    """City-level location of ``ip`` from a MaxMind-format database (``COMPANYOS_GEOIP_DATABASE``)."""
    path = database or os.environ.get(GEOIP_ENV)
    if not ip or not path:
        return None
    with _reader_lock:
        reader = _readers.get(path)
        if reader is None:
            import geoip2.database

            try:
                reader = _readers[path] = geoip2.database.Reader(path)
            except (OSError, ValueError):
                return None
    try:
        found = reader.city(ip)
    except Exception:  # noqa: BLE001 — geoip2.errors.AddressNotFoundError, malformed input
        return None
    if found.location.latitude is None or found.location.longitude is None:
        return None
    return {
        "geo_lat": float(found.location.latitude),
        "geo_lon": float(found.location.longitude),
        "geo_country": found.country.iso_code,
        "geo_city": found.city.name,
    }


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def travel(
    previous: tuple[datetime, float, float] | None, at: datetime, lat: float, lon: float
) -> tuple[float, float] | None:
    """(km, km/h) from the previous located sign-in; None without one."""
    if previous is None:
        return None
    when, plat, plon = previous
    km = haversine_km(plat, plon, lat, lon)
    hours = max((at - when).total_seconds(), 1.0) / 3600
    return round(km, 1), round(km / hours, 1)


def view(row: Any) -> dict[str, Any]:
    """The flat event Sigma rules see (``id`` and ``ts`` for the evaluators)."""
    out: dict[str, Any] = {
        "id": row.id, "ts": row.occurred_at.timestamp(), "source": row.source, "category": row.category,
        "action": row.action, "outcome": row.outcome, "principal": row.principal,
        "principal_kind": row.principal_kind, "roles": row.roles, "asset": row.asset,
        "source_ip": row.source_ip, "user_agent": row.user_agent, "geo_country": row.geo_country,
        "geo_city": row.geo_city, "travel_km": row.travel_km, "travel_kmh": row.travel_kmh,
        "tenant_mismatch": row.claimed_tenant is not None,
    }  # fmt: skip
    for key, value in (row.details or {}).items():
        if isinstance(value, str | int | float | bool) or value is None:
            out[f"details.{key}"] = value
    return {k: v for k, v in out.items() if v is not None}


def to_dict(row: Any) -> dict[str, Any]:
    geo = None
    if row.geo_lat is not None and row.geo_lon is not None:
        geo = {"lat": row.geo_lat, "lon": row.geo_lon, "country": row.geo_country, "city": row.geo_city}
    return {
        "id": row.id, "tenant_id": row.tenant_id, "occurred_at": row.occurred_at, "source": row.source,
        "category": row.category, "action": row.action, "outcome": row.outcome, "principal": row.principal,
        "principal_kind": row.principal_kind, "asset": row.asset, "source_ip": row.source_ip,
        "user_agent": row.user_agent, "geo": geo, "travel_km": row.travel_km, "travel_kmh": row.travel_kmh,
        "request_id": row.request_id, "claimed_tenant": row.claimed_tenant, "details": dict(row.details or {}),
    }  # fmt: skip
