"""The ops feed follower: every serving process copies new ops records into the analytics store every
``COMPANYOS_ANALYTICS_OPS_SYNC_INTERVAL_SECONDS`` (default 60; 0 = off), so ops KPIs and exposures are
fresh without anyone calling ``POST …/analytics/ops-sync``. Each record's event id is deterministic and
the store keeps each id once, so followers in several workers (and a manual sync) never count twice.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select

from companyos_server.domains.analytics import opsfeed
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


def follow_ops_feed(runtime: Any) -> PeriodicPass | None:
    return run_every(
        runtime, "analytics-ops-feed", runtime.settings.analytics_ops_sync_interval_seconds,
        lambda: sync_every_tenant(runtime), log,
    )  # fmt: skip
