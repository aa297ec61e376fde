"""The analytics store's followers in every serving process.

The ops feed: new ops records are copied into the analytics store every
``COMPANYOS_ANALYTICS_OPS_SYNC_INTERVAL_SECONDS`` (default 60; 0 = off), so ops KPIs and exposures are
fresh without anyone calling ``POST …/analytics/ops-sync``. Each record's event id is deterministic and
the store keeps each id once, so followers in several workers (and a manual sync) never count twice.

The cold tier: every ``COMPANYOS_ANALYTICS_TIER_INTERVAL_SECONDS`` (default 3600; 0 = off) events older
than ``COMPANYOS_ANALYTICS_HOT_DAYS`` move to Parquet and small files are compacted
(:mod:`~companyos_server.domains.analytics.coldtier`). Each partition's pass takes a file lock without
waiting, so with several workers one of them tiers it and the others skip that round.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select

from companyos_server.domains.analytics import coldtier, opsfeed
from companyos_server.domains.analytics.service import keyring, warehouse
from companyos_server.domains.tenants.store import TenantRow
from companyos_server.platform.periodic import PeriodicPass, run_every

log = logging.getLogger("companyos.analytics")


def sync_every_tenant(runtime: Any) -> dict[str, dict[str, int]]:
    """One pass: each active tenant's new ops records; a tenant that fails is logged, the rest go on."""
    with runtime.db.session() as session:
        tenants = list(
            session.scalars(select(TenantRow.id).where(TenantRow.status == "active").order_by(TenantRow.id))
        )
    copied: dict[str, dict[str, int]] = {}
    for tenant_id in tenants:
        try:
            copied[tenant_id] = opsfeed.sync(runtime.db, warehouse(runtime), keyring(runtime), tenant_id)[
                "copied"
            ]
        except Exception:
            log.exception("analytics ops sync of tenant %s failed", tenant_id)
    return copied


def tier_every_partition(runtime: Any) -> list[coldtier.PassReport]:
    """One cold tier pass over every stored partition (a busy one is skipped, a failing one logged)."""
    reports: list[coldtier.PassReport] = []
    store = warehouse(runtime)
    for region in store.stored_regions():
        try:
            reports += coldtier.run(
                store, older_than_days=runtime.settings.analytics_hot_days, regions=[region]
            )
        except Exception:
            log.exception("analytics cold tier pass of partition %s failed", region)
    for report in reports:
        if report.moved_rows or report.compacted_files or report.healed_files or report.orphans_removed:
            log.info("analytics cold tier: %s", report.as_dict())
    return reports


def follow_ops_feed(runtime: Any) -> PeriodicPass | None:
    return run_every(
        runtime, "analytics-ops-feed", runtime.settings.analytics_ops_sync_interval_seconds,
        lambda: sync_every_tenant(runtime), log,
    )  # fmt: skip


def follow_cold_tier(runtime: Any) -> PeriodicPass | None:
    # The first pass waits one interval: a restart (every worker at once) must not start heavy moves.
    interval = runtime.settings.analytics_tier_interval_seconds
    return run_every(runtime, "analytics-cold-tier", interval, lambda: tier_every_partition(runtime), log,
                     first_delay=interval)  # fmt: skip
