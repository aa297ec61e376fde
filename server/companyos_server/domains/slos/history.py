"""A service's per-minute history: SLI samples summed per minute, and its deploys, over a period."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from companyos_server.core.maestro.models import SliSampleRow
from companyos_server.domains.deployments.store import DeploymentRow
from companyos_server.domains.slos import regressions
from companyos_server.domains.slos.attribution import LabelledCounts

FloatArray = npt.NDArray[np.float64]


@dataclass
class History:
    since: datetime
    until: datetime
    good: FloatArray
    total: FloatArray
    deploys: list[regressions.Deploy] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)
    labelled: list[LabelledCounts] = field(default_factory=list)  # labelled samples per label set

    @property
    def minutes(self) -> int:
        return int(self.total.size)

    def at(self, minute: int) -> datetime:
        return self.since + timedelta(minutes=int(minute))


def _minute_sums(
    stamps: npt.NDArray[np.float64], good: FloatArray, total: FloatArray, since: datetime, minutes: int
) -> tuple[FloatArray, FloatArray]:
    """Samples summed into the period's minutes (several labelled samples may share a minute)."""
    good_m, total_m = np.zeros(minutes), np.zeros(minutes)
    if stamps.size:
        index = ((stamps - since.timestamp()) // 60).astype(np.int64)
        np.add.at(good_m, index, good)
        np.add.at(total_m, index, total)
    return good_m, total_m


def _window(days: int, now: datetime) -> tuple[datetime, datetime, int]:
    until = now.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return until - timedelta(days=days), until, days * 24 * 60


def load(session: Session, tenant_id: str, service_id: str, *, days: int, now: datetime) -> History:
    since, until, minutes = _window(days, now)
    rows = session.execute(
        select(
            SliSampleRow.ts, SliSampleRow.good, SliSampleRow.total, SliSampleRow.series, SliSampleRow.labels
        ).where(
            SliSampleRow.tenant_id == tenant_id,
            SliSampleRow.service_ref == service_id,
            SliSampleRow.ts >= since,
            SliSampleRow.ts < until,
        )
    ).all()
    stamps = np.fromiter((row[0].timestamp() for row in rows), dtype=np.float64, count=len(rows))
    goods = np.fromiter((row[1] for row in rows), dtype=np.float64, count=len(rows))
    totals = np.fromiter((row[2] for row in rows), dtype=np.float64, count=len(rows))
    good, total = _minute_sums(stamps, goods, totals, since, minutes)
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
        labelled=_labelled([row[3] for row in rows], [row[4] for row in rows], goods, totals),
    )


def _labelled(
    series: list[str], labels: list[dict[str, str] | None], good: FloatArray, total: FloatArray
) -> list[LabelledCounts]:
    """The period's good/total per label set (labelled samples only), summed with numpy."""
    if not series:
        return []
    keys, first, inverse = np.unique(np.asarray(series, dtype=object), return_index=True, return_inverse=True)
    good_by = np.bincount(inverse, weights=good, minlength=keys.size)
    total_by = np.bincount(inverse, weights=total, minlength=keys.size)
    return [
        LabelledCounts(dict(labels[index] or {}), int(g), int(t))
        for key, index, g, t in zip(
            keys.tolist(), first.tolist(), good_by.tolist(), total_by.tolist(), strict=True
        )
        if key
    ]


def series_of(
    session: Session, tenant_id: str, service_ids: list[str], *, days: int, now: datetime
) -> dict[str, tuple[FloatArray, FloatArray]]:
    """Per-minute good/total of several services over the same period as :func:`load`, in one query that
    sums each service's label sets per timestamp in the database."""
    since, until, minutes = _window(days, now)
    rows = session.execute(
        select(
            SliSampleRow.service_ref,
            SliSampleRow.ts,
            func.sum(SliSampleRow.good),
            func.sum(SliSampleRow.total),
        )
        .where(
            SliSampleRow.tenant_id == tenant_id,
            SliSampleRow.service_ref.in_(service_ids),
            SliSampleRow.ts >= since,
            SliSampleRow.ts < until,
        )
        .group_by(SliSampleRow.service_ref, SliSampleRow.ts)
    ).all()
    by_service: dict[str, list[Any]] = {service_id: [] for service_id in service_ids}
    for row in rows:
        by_service[row[0]].append(row)
    found: dict[str, tuple[FloatArray, FloatArray]] = {}
    for service_id, mine in by_service.items():
        found[service_id] = _minute_sums(
            np.fromiter((row[1].timestamp() for row in mine), dtype=np.float64, count=len(mine)),
            np.fromiter((float(row[2] or 0) for row in mine), dtype=np.float64, count=len(mine)),
            np.fromiter((float(row[3] or 0) for row in mine), dtype=np.float64, count=len(mine)),
            since,
            minutes,
        )
    return found
