"""OpenFeature Remote Evaluation Protocol (OFREP v1) over the tenant's flags.

Evaluation uses the SDK's pure evaluator (``companyos.flags.evaluator``), so the server and the
in-process provider agree by construction. Flags are read from a per-tenant snapshot kept in memory:

* a change committed in this process drops the tenant's snapshot at once (the flag store announces it);
* a snapshot is revalidated against the database (one aggregate query: flag count and latest
  ``updated_at``) when it is older than the platform's cache bound (0.25 s, the cache epoch's interval) and
  reloaded when it changed, so another worker's change is served within 0.25 s;
* a request carrying ``Cache-Control: max-age=N`` accepts a snapshot validated in the last ``N`` seconds
  without revalidating: context-independent results (``STATIC``) then say ``CACHED``;
* when revalidation fails (the database is unreachable) a previously loaded snapshot is served and
  every result says ``STALE`` (the value may be out of date); without a snapshot the request fails.

Bulk evaluation returns an ``ETag`` over the results; ``If-None-Match`` with it answers ``304``.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.exc import SQLAlchemyError

from companyos.flags import evaluator
from companyos_server.domains.tenant_config import flags as tenant_flags
from companyos_server.domains.tenant_config.store import FlagRow
from companyos_server.platform.cache.epoch import CHECK_SECONDS
from companyos_server.platform.storage import Database, tenant_select

_MAX_AGE = re.compile(r"(?:^|,)\s*max-age\s*=\s*(\d{1,6})\s*(?:,|$)", re.IGNORECASE)


@dataclass
class Snapshot:
    version: tuple[int, str]
    flags: dict[str, dict[str, Any]]
    validated_at: float
    prepared: dict[str, Mapping[str, Any] | evaluator.PreparedFlag] = field(init=False)
    bounded: bool = field(init=False)

    def __post_init__(self) -> None:
        self.prepared = {key: evaluator.prepare(flag) for key, flag in self.flags.items()}
        # Evaluating these flags takes bounded time whatever the caller sends (no regular expression):
        # safe to answer on the event loop.
        self.bounded = all(
            isinstance(flag, evaluator.PreparedFlag) and not flag.uses_regex
            for flag in self.prepared.values()
        )


_VERSION = select(func.count(FlagRow.id), func.max(FlagRow.updated_at)).where(
    FlagRow.tenant_id == bindparam("tenant_id")
)


class SnapshotCache:
    """The latest flag snapshot per (database, tenant), process-local."""

    def __init__(
        self, *, revalidate_seconds: float = CHECK_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._lock = threading.Lock()
        self._snapshots: dict[tuple[str, str], Snapshot] = {}
        # Per tenant, moved by forget: a load begun before a change stores nothing.
        self._generations: dict[str, int] = {}
        self.revalidate_seconds = revalidate_seconds
        self._clock = clock

    def ready(
        self, db: Database, tenant_id: str, max_age: float | None = None
    ) -> tuple[Snapshot, str] | None:
        """The snapshot when it answers without the database (``fresh`` or ``cached``), else None."""
        snap = self._snapshots.get((str(db.url), tenant_id))
        if snap is None:
            return None
        age = self._clock() - snap.validated_at
        if max_age is not None and age <= max_age:
            return snap, "cached"
        if age < self.revalidate_seconds:
            return snap, "fresh"
        return None

    def load(self, db: Database, tenant_id: str, max_age: float | None = None) -> tuple[Snapshot, str]:
        """The snapshot and how it was obtained: ``fresh``, ``cached`` (within max-age) or ``stale``."""
        answered = self.ready(db, tenant_id, max_age)
        if answered is not None:
            return answered
        slot = (str(db.url), tenant_id)
        now = self._clock()
        snap = self._snapshots.get(slot)
        with self._lock:
            generation = self._generations.get(tenant_id, 0)
        try:
            # The check is one aggregate on a plain connection (no ORM unit of work).
            with db.engine.connect() as conn:
                count, latest = conn.execute(_VERSION, {"tenant_id": tenant_id}).one()
            version = (int(count or 0), _stamp(latest))
            if snap is not None and snap.version == version:
                snap.validated_at = now
                return snap, "fresh"
            with db.session() as session:
                rows = session.scalars(tenant_select(FlagRow, tenant_id).order_by(FlagRow.key)).all()
                configs = {row.key: tenant_flags.config(row) for row in rows}
        except SQLAlchemyError:
            if snap is None:
                raise
            return snap, "stale"
        fresh = Snapshot(version=version, flags=configs, validated_at=now)
        with self._lock:
            if self._generations.get(tenant_id, 0) == generation:  # no change committed while loading
                self._snapshots[slot] = fresh
        return fresh, "fresh"

    def forget(self, tenant_id: str) -> None:
        """Drop the tenant's snapshots (its flags changed)."""
        with self._lock:
            self._generations[tenant_id] = self._generations.get(tenant_id, 0) + 1
            for slot in [slot for slot in self._snapshots if slot[1] == tenant_id]:
                del self._snapshots[slot]

    def clear(self) -> None:
        with self._lock:
            self._snapshots.clear()


def _stamp(value: datetime | str | None) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value or "")


CACHE = SnapshotCache()
tenant_flags.on_change(CACHE.forget)


def max_age(cache_control: str | None) -> float | None:
    """``max-age`` of a request's ``Cache-Control`` header, in seconds (None when absent)."""
    match = _MAX_AGE.search(cache_control or "")
    return float(match.group(1)) if match else None


class ContextProblem(Exception):
    def __init__(self, code: str, details: str) -> None:
        super().__init__(details)
        self.code = code
        self.details = details


def context_of(body: Any) -> dict[str, Any]:
    """The evaluation context of an OFREP request body (``{"context": {...}}``, both optional)."""
    if body is None:
        return {}
    if not isinstance(body, dict):
        raise ContextProblem("PARSE_ERROR", "The request body must be a JSON object.")
    context = body.get("context", {})
    if context is None:
        return {}
    if not isinstance(context, dict):
        raise ContextProblem("INVALID_CONTEXT", "`context` must be a JSON object.")
    key = context.get("targetingKey")
    if key is not None and not isinstance(key, str):
        raise ContextProblem("INVALID_CONTEXT", "`context.targetingKey` must be a string.")
    return context


def _adjust(result: dict[str, Any], mode: str) -> dict[str, Any]:
    if "errorCode" in result:
        return result
    if mode == "stale":
        return {**result, "reason": "STALE"}
    if mode == "cached" and result["reason"] == "STATIC":
        return {**result, "reason": "CACHED"}
    return result


def evaluate_one(
    db: Database,
    tenant_id: str,
    environment: str,
    key: str,
    body: Any,
    cache_control: str | None = None,
    *,
    snapshot: tuple[Snapshot, str] | None = None,
) -> tuple[dict[str, Any], int]:
    """One flag: (OFREP body, HTTP status) — 200, 400 (error code) or 404 (FLAG_NOT_FOUND).

    ``snapshot``: what :meth:`SnapshotCache.ready` gave (no database access then)."""
    try:
        context = context_of(body)
    except ContextProblem as exc:
        return {"key": key, "errorCode": exc.code, "errorDetails": exc.details}, 400
    snap, mode = snapshot or CACHE.load(db, tenant_id, max_age(cache_control))
    flag = snap.prepared.get(key)
    if flag is None:
        return {
            "key": key,
            "errorCode": "FLAG_NOT_FOUND",
            "errorDetails": f"Tenant '{tenant_id}' has no flag '{key}'.",
        }, 404
    result = _safe(flag, environment, context)
    return _adjust(result, mode), 400 if "errorCode" in result else 200


def _safe(
    flag: Mapping[str, Any] | evaluator.PreparedFlag, environment: str, context: dict[str, Any]
) -> dict[str, Any]:
    try:
        return evaluator.ofrep_result(evaluator.evaluate(flag, environment, context))
    except Exception as exc:  # noqa: BLE001 (a flag that cannot be evaluated is an OFREP GENERAL error)
        return {
            "key": str(flag.key if isinstance(flag, evaluator.PreparedFlag) else flag["key"]),
            "errorCode": "GENERAL",
            "errorDetails": f"Evaluation failed: {type(exc).__name__}.",
        }


def evaluate_all(
    db: Database,
    tenant_id: str,
    environment: str,
    body: Any,
    *,
    if_none_match: str | None = None,
    cache_control: str | None = None,
    snapshot: tuple[Snapshot, str] | None = None,
) -> tuple[dict[str, Any] | None, int, dict[str, str]]:
    """Every flag: (OFREP bulk body or None for 304, status, headers with the ETag); ``snapshot`` as for
    :func:`evaluate_one`."""
    try:
        context = context_of(body)
    except ContextProblem as exc:
        return {"errorCode": exc.code, "errorDetails": exc.details}, 400, {}
    snap, mode = snapshot or CACHE.load(db, tenant_id, max_age(cache_control))
    results = [_adjust(_safe(flag, environment, context), mode) for _, flag in sorted(snap.prepared.items())]
    digest = hashlib.sha256(
        json.dumps({"environment": environment, "flags": results}, sort_keys=True, default=str).encode()
    ).hexdigest()[:32]
    etag = f'"{digest}"'
    headers = {"ETag": etag}
    if if_none_match and etag in [t.strip().removeprefix("W/") for t in if_none_match.split(",")]:
        return None, 304, headers
    return {"flags": results}, 200, headers


def configuration(db: Database, tenant_id: str) -> dict[str, Any]:
    """The tenant's flag configuration for in-process evaluation (the SDK provider's cache)."""
    snap, _ = CACHE.load(db, tenant_id)
    digest = hashlib.sha256(json.dumps(snap.flags, sort_keys=True, default=str).encode()).hexdigest()[:32]
    return {"tenant_id": tenant_id, "etag": digest, "flags": [snap.flags[k] for k in sorted(snap.flags)]}
