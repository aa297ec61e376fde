"""A service's per-minute history: SLI samples summed per minute, and its deploys, over a period."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
import numpy.typing as npt
from sqlalchemy import select
from sqlalchemy.orm import Session

from companyos_server.core.maestro.models import SliSampleRow
from companyos_server.domains.deployments.store import DeploymentRow
from companyos_server.domains.slos import regressions

FloatArray = npt.NDArray[np.float64]


@dataclass
class History:
    since: datetime
    until: datetime
    good: FloatArray
    total: FloatArray
    deploys: list[regressions.Deploy] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)

    @property
    def minutes(self) -> int:
        return int(self.total.size)

    def at(self, minute: int) -> datetime:
        return self.since + timedelta(minutes=int(minute))


def load(session: Session, tenant_id: str, service_id: str, *, days: int, now: datetime) -> History:
    until = now.replace(second=0, microsecond=0) + timedelta(minutes=1)
    since = until - timedelta(days=days)
    minutes = days * 24 * 60
    rows = session.execute(
        select(SliSampleRow.ts, SliSampleRow.good, SliSampleRow.total).where(
            SliSampleRow.tenant_id == tenant_id,
            SliSampleRow.service_ref == service_id,
            SliSampleRow.ts >= since,
            SliSampleRow.ts < until,
        )
    ).all()
    good = np.zeros(minutes)
    total = np.zeros(minutes)
    if rows:
        base = since.timestamp()
        stamps = np.fromiter((ts.timestamp() for ts, _, _ in rows), dtype=np.float64, count=len(rows))
        index = ((stamps - base) // 60).astype(np.int64)
        np.add.at(good, index, np.fromiter((g for _, g, _ in rows), dtype=np.float64, count=len(rows)))
        np.add.at(total, index, np.fromiter((t for _, _, t in rows), dtype=np.float64, count=len(rows)))
    deploys = session.execute(
        select(DeploymentRow.id, DeploymentRow.version, DeploymentRow.created_at, DeploymentRow.finished_at)
        .where(DeploymentRow.tenant_id == tenant_id, DeploymentRow.service_id == service_id)
        .where(DeploymentRow.created_at < until)
    ).all()
    return History(
        since=since,
        until=until,
        good=good,
        total=total,
        deploys=[
            regressions.Deploy(
                row.id, int(((row.finished_at or row.created_at) - since).total_seconds() // 60)
            )
            for row in deploys
        ],
        versions={row.id: row.version for row in deploys},
    )
