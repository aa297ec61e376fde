"""A hand-computable event set for two tenants sharing one partition (see the numbers in test_reports.py)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from companyos_server.domains.analytics import ingest
from companyos_server.domains.analytics.warehouse import Warehouse

PV, FU, RE = "Page Viewed", "Feature Used", "Report Exported"


def row(tenant: str, name: str, user: str, day: str, hour: int, *, feature: str = "", latency: float | None = None,
        flags: str = ",", role: str = "viewer", kind: str = "product", good: int | None = None,
        total: int | None = None) -> dict[str, Any]:  # fmt: skip
    ts = datetime.fromisoformat(f"2026-03-{day}T{hour:02d}:00:00")
    return {
        "tenant_id": tenant, "region": "eu", "event_id": f"{tenant}-{user}-{day}-{hour}-{name}", "name": name,
        "version": "1-0-0", "kind": kind, "ts": ts, "day": ts.date(), "received_at": ts, "user_hash": user,
        "role": role, "feature": feature, "environment": "production", "client_type": "web", "app_version": "1.0",
        "residency_tier": "standard", "flags_on": flags, "properties": json.dumps({"k": user}),
        "latency_ms": latency, "good": good, "total": total,
    }  # fmt: skip


T1 = [
    row("t1", PV, "a", "01", 8),
    row("t1", FU, "a", "01", 12, feature="x", latency=10),
    row("t1", RE, "a", "02", 9),
    row("t1", FU, "a", "02", 12, feature="x", latency=20),
    row("t1", FU, "a", "08", 12, feature="y", latency=30),
    row("t1", PV, "b", "01", 9),
    row("t1", RE, "b", "01", 10),
    row("t1", FU, "b", "01", 12, feature="y", latency=40),
    row("t1", FU, "b", "03", 12, feature="x", latency=50, flags=",x,"),
    row("t1", FU, "c", "02", 12, feature="y", latency=60, role="sre"),
    row("t1", FU, "d", "08", 12, feature="x", latency=70, flags=",x,"),
    row("t1", PV, "c", "10", 8),
    row(
        "t1",
        "Sli Sample Recorded",
        "",
        "01",
        0,
        feature="svc1",
        kind="ops",
        good=990,
        total=1000,
        role="system",
    ),
    row(
        "t1",
        "Sli Sample Recorded",
        "",
        "02",
        0,
        feature="svc1",
        kind="ops",
        good=1000,
        total=1000,
        role="system",
    ),
    row("t1", "Deployment Finished", "", "02", 3, feature="svc1", kind="ops", role="system"),
]
# The other tenant in the same partition: its rows carry markers a leak would show.
T2 = [
    row("t2", FU, "zz-leak", "02", 12, feature="x", latency=999, flags=",x,"),
    row("t2", PV, "zz-leak", "01", 8),
    row(
        "t2",
        "Sli Sample Recorded",
        "",
        "01",
        0,
        feature="svc1",
        kind="ops",
        good=0,
        total=1000,
        role="system",
    ),
]
LEAK_MARKERS = ("t2", "zz-leak", 999, 999.0)


def load(warehouse: Warehouse) -> None:
    ingest.write(warehouse, "eu", [dict(r) for r in T1[:8]])  # two batches: the roll-up refreshes in steps
    ingest.write(warehouse, "eu", [dict(r) for r in T1[8:] + T2])
