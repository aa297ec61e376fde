"""The content digest of a seeded sandbox: SHA-256 over a canonical dump of what the tenant holds.

Read back from where it lives, not from what the seed meant to write: every row of the tenant in the
tables the seed writes (:data:`SEEDED_TABLES`), the tenant's files in the dataset lake, and its product
events in the analytics warehouse. So a leftover the reset missed, or a row a user added, changes it.

Canonical: tables and rows in a fixed order (a row: the ``repr`` of its values, JSON documents with sorted
keys where they hold ids, times as SQLite stores them or in UTC ISO 8601 elsewhere); the tenant id
reads ``<tenant>`` and each seeded id (or value derived from one, such as an alert fingerprint over a
service id) reads as its logical key (``svc:service/checkout-api``), so two
sandboxes seeded alike have equal digests although their ids differ. Left out: what the database derives
(IntelGraph's autoincrement ``pk`` and PostgreSQL tsvectors), the pseudonymised user hashes and ingest
sequence numbers of analytics events (keyed per tenant, clocked per write), and rows platform followers
add on their own (security events the audit feed copies).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, String, Table, Text, cast, select, type_coerce
from sqlalchemy.orm import Session

from companyos_server.domains.sandbox.ids import ID_PATTERN
from companyos_server.platform.runtime import Runtime
from companyos_server.platform.storage import Base, UTCDateTime

__all__ = ["SEEDED_TABLES", "compute", "dump", "held_rows", "lake_dirs"]

SEEDED_TABLES = (
    "alert_occurrences", "alerts", "datasets", "deployments", "feature_transitions", "features",
    "graph_edges", "graph_entities", "incident_checklist_items", "incident_services", "incident_timeline",
    "incidents", "security_events", "service_dependencies", "services", "sli_samples", "slos",
    "tenant_config_versions", "tenant_flags",
)  # fmt: skip
# IntelGraph's search columns are derived from an entity's id, name, text and attributes (all dumped).
_DERIVED_COLUMNS = {"tenant_id", "search_body", "search_tsv", "name_tsv"}
_EVENT_COLUMNS = ("event_id, name, version, kind, ts, day, role, feature, environment, client_type, app_version, "
                  "flags_on, properties, latency_ms, good, total")  # fmt: skip


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _scope(table: Table, tenant_id: str) -> Any:
    query = select(table).where(table.c.tenant_id == tenant_id)
    if table.name == "security_events":  # the audit feed's copies are the platform's, not the seed's
        query = query.where(table.c.source != "audit")
    return query


def held_rows(session: Session, tenant_id: str) -> list[str]:
    """The seeded tables in which the tenant already has rows (an empty sandbox has none)."""
    return [
        name
        for name in SEEDED_TABLES
        if session.execute(_scope(_table(name), tenant_id).limit(1)).first() is not None
    ]


def _canonical(value: Any, tenant_id: str, keys: dict[str, str]) -> Any:
    if isinstance(value, str):
        if value == tenant_id:
            return "<tenant>"
        if value in keys:
            return keys[value]
        if "_" in value:
            return ID_PATTERN.sub(lambda m: keys.get(m.group(0), m.group(0)), value)
        return value
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _canonical(v, tenant_id, keys) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_canonical(v, tenant_id, keys) for v in value]
    return value


def _lines(rows: Iterable[dict[str, Any]], tenant_id: str, keys: dict[str, str]) -> list[str]:
    return sorted(
        json.dumps(_canonical(row, tenant_id, keys), sort_keys=True, separators=(",", ":"), default=str)
        for row in rows
    )


_PLAIN = frozenset({int, float, bool, type(None)})


def _column_values(column: Any, values: tuple[Any, ...], tenant_id: str, keys: dict[str, str],
                   raw_times: bool) -> list[Any] | tuple[Any, ...]:  # fmt: skip
    """One column's canonical values, converted for the whole column at once (a seeded tenant holds
    ~50,000 rows: per-value calls are what a digest costs)."""
    if isinstance(column.type, UTCDateTime):
        if raw_times:  # SQLite's stored text (naive UTC, one format): compared as stored, not parsed
            return values
        return [None if v is None else v.astimezone(UTC).isoformat() for v in values]
    if isinstance(column.type, JSON):  # selected as its stored text: parsed only if it may hold ids
        return [
            v if v is None or ("_" not in v and tenant_id not in v)
            else json.dumps(_canonical(json.loads(v), tenant_id, keys), sort_keys=True, separators=(",", ":"))
            for v in values
        ]  # fmt: skip
    if isinstance(column.type, String):
        # a seeded id (most of them) reads as its logical key in one dictionary look-up per value
        return [
            key if key is not None
            else v if v is None or not isinstance(v, str) or ("_" not in v and v != tenant_id)
            else _canonical(v, tenant_id, keys)
            for key, v in zip(map(keys.get, values), values, strict=True)
        ]  # fmt: skip
    return [
        v if type(v) in _PLAIN
        else json.dumps(_canonical(v, tenant_id, keys), sort_keys=True, separators=(",", ":"), default=str)
        for v in values
    ]  # fmt: skip


def _table_lines(session: Session, name: str, tenant_id: str, keys: dict[str, str]) -> list[str]:
    """A header (the column names), then one line per row: the ``repr`` of the row's canonical values (a
    tuple of strings, numbers and None), lines sorted."""
    table = _table(name)
    skip = _DERIVED_COLUMNS | ({"pk"} if name == "graph_entities" else set())
    columns = [c for c in table.c if c.name not in skip]
    raw_times = session.get_bind().dialect.name == "sqlite"
    # JSON documents come back as their stored text, and on SQLite times as their stored text too:
    # decoding ~50,000 of them is most of a digest's time.
    selected = [
        cast(c, Text).label(c.name) if isinstance(c.type, JSON)
        else type_coerce(c, String).label(c.name) if raw_times and isinstance(c.type, UTCDateTime)
        else c
        for c in columns
    ]  # fmt: skip
    result = session.connection().execute(_scope(table, tenant_id).with_only_columns(*selected))
    # The driver's tuples as they come: a Row object per row costs more than the rest of the dump; values
    # are already plain (JSON and, on SQLite, times selected as text).
    rows = result.cursor.fetchall() if result.cursor is not None else [tuple(r) for r in result]
    result.close()
    if not rows:
        return []
    converted = [
        _column_values(column, values, tenant_id, keys, raw_times)
        for column, values in zip(columns, zip(*rows, strict=True), strict=True)
    ]
    return [json.dumps([c.name for c in columns]), *sorted(map(repr, zip(*converted, strict=True)))]


def lake_dirs(var_dir: Path, tenant_id: str) -> list[Path]:
    """Every directory of the dataset lake holding the tenant's files (datasets/lake.py's layout)."""
    from companyos_server.domains.datasets.lake import Lake

    lake = Lake(var_dir)
    return [
        lake.root / f"tenant={tenant_id}",
        lake.root / "_staging" / tenant_id,
        lake.root / "_quarantine" / tenant_id,
        lake.staging_area(tenant_id),
    ]


def _files(runtime: Runtime, tenant_id: str, keys: dict[str, str]) -> list[str]:
    root = Path(runtime.settings.var_dir)
    out = []
    for directory in lake_dirs(root, tenant_id):
        for path in sorted(directory.rglob("*")) if directory.exists() else []:
            if path.is_file():
                relative = "/".join(
                    "<tenant>"
                    if part == tenant_id
                    else "tenant=<tenant>"
                    if part == f"tenant={tenant_id}"
                    else part
                    for part in path.relative_to(root).parts
                )
                out.append(
                    f"{_canonical(relative, tenant_id, keys)} {hashlib.sha256(path.read_bytes()).hexdigest()}"
                )
    return sorted(out)


def _events(runtime: Runtime, tenant_id: str, keys: dict[str, str]) -> list[str]:
    from companyos_server.domains.analytics.service import warehouse
    from companyos_server.domains.analytics.warehouse import query
    from companyos_server.domains.tenants.store import get

    with runtime.db.session() as session:
        tenant = get(session, tenant_id)
        region = tenant.residency if tenant is not None else "us"
    backend = warehouse(runtime).partition(region)
    rows = query(backend, tenant_id, f"SELECT {_EVENT_COLUMNS} FROM events WHERE kind = 'product'")  # noqa: S608 - constant SQL
    return _lines(rows, tenant_id, keys)


def dump(runtime: Runtime, tenant_id: str, keys: dict[str, str]) -> dict[str, list[str]]:
    """The canonical dump, per part: ``table:<name>`` rows, ``lake`` files, ``warehouse`` events."""
    out: dict[str, list[str]] = {}
    with runtime.db.session() as session:
        for name in SEEDED_TABLES:
            out[f"table:{name}"] = _table_lines(session, name, tenant_id, keys)
    out["lake"] = _files(runtime, tenant_id, keys)
    out["warehouse"] = _events(runtime, tenant_id, keys)
    return out


def compute(runtime: Runtime, tenant_id: str, keys: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for part, lines in sorted(dump(runtime, tenant_id, keys).items()):
        digest.update(f"{part}\n".encode())
        if lines:  # each line, then a newline: one update per part
            digest.update(("\n".join(lines) + "\n").encode())
    return digest.hexdigest()
