"""Resetting a sandbox tenant to its seeded state: :func:`reset_sandbox`.

One database transaction removes every row of the tenant that the seed or a user created and seeds the
profile again; then the tenant's dataset files that the new seed did not write are removed, its
analytics events and roll-ups are deleted and the seeded usage is ingested again. Idempotent: two resets
with the same (profile, seed, now) leave the same content (the same digest). The :class:`ResetSummary`
says what was removed, per table, for the reset's evidence pack.

Which tables: every table with a ``tenant_id`` column (found in the metadata, never a hand list), except
those in :data:`KEPT`, each kept for the reason it gives. A new tenant-owned table is therefore reset by
default; ``tests/integration/sandbox`` fails until it is classified here or in :data:`RESET` (so someone
decides whether a sandbox reset may remove it).
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, delete, text
from sqlalchemy.orm import Session

from companyos_server.core.intelgraph import search
from companyos_server.domains.sandbox import digest, stories
from companyos_server.domains.sandbox.profiles import profile
from companyos_server.domains.tenant_config import flags as tenant_flags
from companyos_server.platform.runtime import Runtime
from companyos_server.platform.storage import Base

__all__ = ["KEPT", "RESET", "ResetSummary", "remove_analytics", "reset_sandbox", "tenant_tables"]

KEPT: dict[str, str] = {
    "audit_events": "the tenant's signed, hash-chained audit trail: removing events breaks its verification, "
    "and the reset is itself audited",
    "audit_checkpoints": "checkpoints of that audit chain",
    "policy_decisions": "the decision log is audit evidence of what was allowed and denied",
    "jobs": "job history (imports, exports, plan runs), the reset's own job among them",
    "evidence_packs": "signed evidence packs (the reset's own among them) verify offline and stay resolvable",
    "lineage_records": "the Data Spine lineage the evidence packs refer to",
    "lineage_refs": "the Data Spine lineage the evidence packs refer to",
    "maestro_plans": "the reset runs as a Maestro plan: plans, their runs, steps, events and effects are run "
    "history and the effects ledger that keeps runs idempotent",
    "maestro_plan_versions": "as maestro_plans",
    "maestro_runs": "as maestro_plans",
    "maestro_run_steps": "as maestro_plans",
    "maestro_run_events": "as maestro_plans",
    "maestro_effects": "as maestro_plans",
    "idp_clients": "OAuth clients: the sandbox's credentials keep working after a reset",
    "alert_ingest_keys": "credentials an Alertmanager sends (hashes only): the partner's integration keeps working",
    "analytics_tenant_keys": "the tenant's sealed pseudonymisation key: kept, user pseudonyms stay stable",
    "idempotency_keys": "replay records of requests, the reset request's own in flight among them; they expire",
    "sandboxes": "the record of the sandbox's story, seed and clock anchor: what a reset restores",
}
# Tenant-owned tables a reset empties (the seeded ones, and what users create beside them). Analytics
# exports and schedules are a user's requests: a schedule kept would go on delivering from the reset tenant.
RESET = frozenset({
    "alert_occurrences", "alerts", "analytics_exports", "analytics_feed_cursors", "analytics_schedules",
    "analytics_schemas", "dataset_exports",
    "dataset_import_parts", "dataset_imports", "datasets", "deployments", "feature_experiments",
    "feature_exposure_metrics", "feature_exposures", "feature_rollouts", "feature_transitions", "features",
    "graph_changes", "graph_edges", "graph_entities", "incident_checklist_items", "incident_services",
    "incident_timeline", "incidents", "policy_exceptions", "secops_rules", "security_events",
    "service_dependencies", "services", "sli_samples", "slo_follow_ups", "slo_reports", "slos",
    "tenant_config_versions", "tenant_flags", "tenant_policies",
})  # fmt: skip


@dataclass
class ResetSummary:
    tenant_id: str
    removed: dict[str, int]  # table -> rows (tables with none left out)
    removed_files: int
    removed_analytics_events: int
    seeded: stories.SeedSummary

    @property
    def digest(self) -> str:
        return self.seeded.digest

    def to_dict(self) -> dict[str, Any]:
        return {"tenant_id": self.tenant_id, "removed": dict(sorted(self.removed.items())),
                "removed_files": self.removed_files, "removed_analytics_events": self.removed_analytics_events,
                "seeded": self.seeded.to_dict(), "digest": self.digest}  # fmt: skip


def tenant_tables() -> list[Table]:
    """Every table with a ``tenant_id`` column, children before parents (the order rows are removed in)."""
    import companyos_server.models  # noqa: F401 - every table module imported: the metadata is complete

    return [t for t in reversed(Base.metadata.sorted_tables) if "tenant_id" in t.c]


def remove_rows(session: Session, tenant_id: str) -> dict[str, int]:
    removed: dict[str, int] = {}
    tables = [t for t in tenant_tables() if t.name not in KEPT]
    if session.get_bind().dialect.name == "sqlite":  # the search index is a separate FTS5 table there
        search.ensure_index(session)
        session.execute(
            text(f"DELETE FROM {search.FTS_TABLE} WHERE rowid IN "  # noqa: S608 - a constant table name
                 "(SELECT pk FROM graph_entities WHERE tenant_id = :tenant)"),
            {"tenant": tenant_id},
        )  # fmt: skip
    for table in tables:
        result = session.execute(delete(table).where(table.c.tenant_id == tenant_id))
        count = int(getattr(result, "rowcount", 0) or 0)
        if count:
            removed[table.name] = count
    tenant_flags.changed(session, tenant_id)  # flag listeners (OFREP caches) hear of it on commit
    return removed


def remove_files(var_dir: Path, tenant_id: str, keep: list[Path]) -> int:
    """The tenant's files in the dataset lake, except ``keep`` (what the new seed wrote)."""
    kept = {p.resolve() for p in keep}
    removed = 0
    for directory in digest.lake_dirs(var_dir, tenant_id):
        if not directory.exists():
            continue
        for path in sorted(directory.rglob("*"), reverse=True):
            if path.is_file() and path.resolve() not in kept:
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        if not any(directory.iterdir()):
            shutil.rmtree(directory, ignore_errors=True)
    return removed


def remove_analytics(runtime: Runtime, tenant_id: str, region: str) -> int:
    """Delete the tenant's rows from its warehouse partition: events and the daily roll-up (additive per
    tenant, so removing a tenant's roll-up rows with its events keeps the others' exact). Through the
    partition's own SQL rendering, so DuckDB and ClickHouse both take it; the tenant's cold Parquet files
    go too. Returns the events removed."""
    from sqlglot import exp

    from companyos_server.domains.analytics import coldtier
    from companyos_server.domains.analytics.service import warehouse
    from companyos_server.domains.analytics.warehouse import query

    store = warehouse(runtime)
    backend = store.partition(region)
    cold_rows = coldtier.remove_tenant(
        backend, tenant_id
    )  # first: the count below then reads the hot rows only
    before = query(backend, tenant_id, "SELECT count(*) AS n FROM events")
    with store.write_lock, backend.held():
        for table in ("events", "daily_usage"):
            statement = exp.delete(
                backend.qualify(table), where=exp.column("tenant_id").eq(exp.Literal.string(tenant_id))
            )
            backend.command(backend.render(statement))
    return cold_rows + (int(before[0]["n"]) if before else 0)


def reset_sandbox(
    runtime: Runtime, tenant_id: str, profile_name: str, seed: int, now: datetime
) -> ResetSummary:
    """Remove the tenant's data and seed the profile again (see the module's docstring)."""
    started = time.perf_counter()
    spec, anchor = profile(profile_name), stories.anchor_of(now)
    with runtime.db.session() as session:
        tenant = stories.require_sandbox(session, tenant_id, lock=True)
        region = tenant.residency
        removed = remove_rows(session, tenant_id)
        seeding = stories.seed_into(session, runtime, tenant, spec, seed, anchor)
    files = remove_files(Path(runtime.settings.var_dir), tenant_id, seeding.files)
    events = remove_analytics(runtime, tenant_id, region)
    return ResetSummary(tenant_id, removed, files, events, stories.finish(runtime, seeding, started))
