"""Seeding a sandbox tenant with a demo story: :func:`seed_sandbox`.

Deterministic: the same (profile, seed, now) gives the same rows, ids included (``ids.py``), the same
timestamps (all relative to ``now``, the sandbox's clock anchor, taken to the minute), the same dataset
file and the same analytics events; only the tenant id differs between two sandboxes seeded alike. The
:class:`SeedSummary` carries a content digest over what the tenant then holds (``digest.py``), so
determinism can be asserted and reported.

Only an existing, empty sandbox tenant is seeded: a production or staging tenant is refused, and one that
already holds data is reset (``reset.py``), not seeded over. The database rows go in one transaction;
the dataset file is written before it commits (reset removes a stray one), the analytics events after
it (their rows record the tenant's flags).
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.domains.sandbox import admin, digest, ops
from companyos_server.domains.sandbox.ids import IdSource
from companyos_server.domains.sandbox.profiles import Profile, ServiceSpec, profile
from companyos_server.domains.tenants.store import TenantRow
from companyos_server.platform import sandbox
from companyos_server.platform.runtime import Runtime
from companyos_server.platform.storage import Base

__all__ = ["SKIPPED", "SeedSummary", "Seeding", "anchor_of", "require_sandbox", "seed_into", "seed_sandbox"]

# Parts of the demo stories the sandbox seed leaves out, and why (reported in every summary).
SKIPPED: dict[str, str] = {
    "dataset_export": "an export is a job whose signed evidence pack is stamped at run time; the admin-heavy "
    "story requests one live (step 5)",
    "feature_rollouts": "staged rollouts advance through Maestro runs the scheduler starts; seeded ones would "
    "start running on their own",
    "feature_experiments": "exposures are recorded through the experiments service with ids of its own",
    "maestro_plans": "only the ops-heavy story's 'Roll back checkout-api' plan is made (by the sandbox service, a "
    "new version at each reset); plan runs and their evidence are kept across resets, not seeded",
    "security_detections": "the attack's events are seeded; SecOps raises its alerts when it evaluates or "
    "backtests its rules, not at seeding",
    "policy_exceptions": "exceptions need requests and approvals by identities the sandbox does not have",
    "analytics_ops_feed": "the analytics follower copies the seeded ops records into the warehouse itself",
}


@dataclass
class SeedSummary:
    tenant_id: str
    profile: str
    seed: int
    now: datetime
    counts: dict[str, int]
    skipped: dict[str, str]
    digest: str
    seconds: float = 0.0
    # seeded id (or derived value) -> its logical key: what digest.dump needs to compare two sandboxes
    keys: dict[str, str] = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {"tenant_id": self.tenant_id, "profile": self.profile, "seed": self.seed,
                "now": self.now.isoformat().replace("+00:00", "Z"), "counts": dict(sorted(self.counts.items())),
                "skipped": dict(self.skipped), "digest": self.digest, "seconds": round(self.seconds, 3)}  # fmt: skip


@dataclass
class Seeding:
    """One seeding of one tenant: its session, clock, id source, generators and what it wrote so far."""

    session: Session
    tenant_id: str
    profile: Profile
    seed: int
    anchor: datetime
    ids: IdSource
    counts: Counter[str] = field(default_factory=Counter)
    services: dict[str, str] = field(default_factory=dict)
    service_specs: dict[str, ServiceSpec] = field(default_factory=dict)
    alerts: dict[str, str] = field(default_factory=dict)
    entities: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    occurrence_rows: list[dict[str, Any]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    last_id: str = ""
    _pending: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    _models: dict[str, type[Any]] = field(default_factory=dict)

    def at(self, *, minutes_ago: float) -> datetime:
        return self.anchor - timedelta(minutes=minutes_ago)

    def rng(self, part: str) -> random.Random:
        """A generator per part of the story: adding a part never shifts another's numbers."""
        return random.Random(f"{self.seed}/{self.profile.name}/{part}")

    def int_seed(self, part: str) -> int:
        return int.from_bytes(hashlib.sha256(f"{self.seed}/{self.profile.name}/{part}".encode()).digest()[:8])

    def count(self, kind: str, n: int = 1) -> None:
        self.counts[kind] += n

    def add(self, model: type[Any], values: dict[str, Any]) -> None:
        """Queue a row (inserted by :meth:`flush` in foreign-key order)."""
        table = model.__tablename__
        self._models[table] = model
        self._pending.setdefault(table, []).append({"tenant_id": self.tenant_id, **values})
        self.last_id = str(values.get("id", ""))

    def bulk(self, model: type[Any], kind: str, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.session.execute(insert(model.__table__), rows)  # Core executemany: no ORM bookkeeping
        self.count(kind, len(rows))

    def edge(self, src: str, relation: str, dst: str, at: datetime) -> None:
        self.edges.append({
            "id": self.ids.make("edg", self.ids.logical(f"edge/{src}/{relation}/{dst}"), at), "tenant_id": self.tenant_id,
            "src": src, "relation": relation, "dst": dst, "attributes": {}, "created_at": at,
        })  # fmt: skip

    def flush(self) -> None:
        for table in Base.metadata.sorted_tables:  # parents before children
            rows = self._pending.pop(table.name, None)
            if rows:
                self.session.execute(insert(self._models[table.name]), rows)
                self.count(table.name, len(rows))
        self.session.flush()


def anchor_of(now: datetime) -> datetime:
    if now.tzinfo is None:
        raise errors.invalid_argument(
            "now must be timezone-aware (UTC).", [errors.FieldError("now", "naive")]
        )
    return now.astimezone(UTC).replace(second=0, microsecond=0)


def require_sandbox(session: Session, tenant_id: str, *, lock: bool = False) -> TenantRow:
    """The tenant, when it is a sandbox (locked for the transaction where the database can)."""
    query = select(TenantRow).where(TenantRow.id == tenant_id)
    row = session.scalars(query.with_for_update() if lock else query).first()
    if row is None:
        raise errors.not_found("Tenant", tenant_id)
    if row.environment != sandbox.SANDBOX:
        raise errors.failed_precondition(
            f"Tenant '{tenant_id}' is a {row.environment} tenant: only sandbox tenants are seeded or reset "
            "with demo data."
        )
    return row


def seed_into(session: Session, runtime: Runtime, tenant: TenantRow, spec: Profile, seed: int,
              anchor: datetime) -> Seeding:  # fmt: skip
    """Write the profile's database rows (and its dataset file) in ``session``; the caller commits."""
    s = Seeding(session, tenant.id, spec, seed, anchor, IdSource(seed, tenant.id))
    region = tenant.residency
    sandbox.check_quota(tenant.id, "services", len(spec.services) + int(spec.ledger), runtime.db)
    sandbox.check_quota(tenant.id, "dataset_rows", spec.dataset_rows, runtime.db)
    ops.seed_services(s, spec.services, region)
    ops.seed_deployments(s, spec.deployments)
    ops.seed_alerts(s, spec.alerts)
    ops.seed_incidents(s, spec.incidents)
    s.flush()
    if spec.ledger:
        ops.seed_ledger(s, region)
    if spec.attack:
        ops.seed_attack(s)
    admin.seed_config(s, region, spec.config_versions)
    admin.seed_flags(s, spec.flags)
    if spec.lifecycle:
        admin.seed_features(s)
    if spec.dataset_rows:
        from companyos_server.domains.datasets.lake import Lake

        admin.seed_dataset(s, Lake(runtime.settings.var_dir), region, spec.dataset_rows)
    s.flush()
    ops.flush_occurrences(s)
    ops.flush_graph(s, runtime.graph)
    return s


def seed_sandbox(
    runtime: Runtime, tenant_id: str, profile_name: str, seed: int, now: datetime
) -> SeedSummary:
    """Fill an existing, empty sandbox tenant with the profile's demo data (see the module's docstring)."""
    import time

    started = time.perf_counter()
    spec, anchor = profile(profile_name), anchor_of(now)
    with runtime.db.session() as session:
        tenant = require_sandbox(session, tenant_id, lock=True)
        held = digest.held_rows(session, tenant_id)
        if held:
            raise errors.failed_precondition(
                f"Sandbox tenant '{tenant_id}' already holds data ({', '.join(sorted(held))}): reset it instead."
            )
        s = seed_into(session, runtime, tenant, spec, seed, anchor)
    return finish(runtime, s, started)


def finish(runtime: Runtime, s: Seeding, started: float) -> SeedSummary:
    """After the rows committed: the analytics usage, then the digest of what the tenant holds."""
    import time

    if s.profile.analytics_users:
        s.count("analytics_events", admin.seed_analytics(s, runtime, s.profile.analytics_users))
    content = digest.compute(runtime, s.tenant_id, s.ids.keys)
    return SeedSummary(s.tenant_id, s.profile.name, s.seed, s.anchor, dict(s.counts), dict(SKIPPED), content,
                       time.perf_counter() - started, s.ids.keys)  # fmt: skip
