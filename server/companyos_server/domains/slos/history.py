"""A service's per-minute history: SLI samples summed per minute, and its deploys, over a period."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from companyos_server.core.maestro.models import SERVICE_WIDE, SliSampleRow
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
    # The samples as read (timestamps, counts, labels), for an SLO whose SLI is a slice of the service.
    samples: tuple[FloatArray, FloatArray, FloatArray, list[dict[str, str]]] | None = None

    @property
    def minutes(self) -> int:
        return int(self.total.size)

    def _label(self, name: str) -> npt.NDArray[np.object_]:
        """Each sample's value of label ``name`` ("" without it), read once per History."""
        cache: dict[str, npt.NDArray[np.object_]] = self.__dict__.setdefault("_label_values", {})
        if name not in cache:
            labels = self.samples[3] if self.samples else []
            cache[name] = np.fromiter((lbl.get(name, "") for lbl in labels), dtype=object, count=len(labels))
        return cache[name]

    def series_for(self, indicator: dict[str, Any]) -> tuple[FloatArray, FloatArray, str]:
        """The per-minute good/total an SLO with this ``indicator`` is judged on, and where they come from:

        - ``sli:<name>``: the samples labelled with the indicator's name (a service with several SLIs —
          availability, latency — labels each sample with the SLI it measures);
        - ``endpoint:<e>`` / ``task:<t>``: the service-wide samples (no ``sli`` label) of the endpoint or
          task the indicator names;
        - ``service``: every service-wide sample (the service as a whole, as before labels).
        """
        if self.samples is None or not self.samples[0].size:
            return self.good, self.total, "service"
        stamps, goods, totals, _ = self.samples
        sli = self._label("sli")
        choices = []
        if indicator.get("name"):
            choices.append((f"sli:{indicator['name']}", sli == indicator["name"]))
        for dimension in ("endpoint", "task"):
            if indicator.get(dimension):
                own = self._label(dimension) == indicator[dimension]
                choices.append((f"{dimension}:{indicator[dimension]}", own & (sli == "")))
        for source, mask in choices:
            if mask.any():
                good, total = _minute_sums(stamps[mask], goods[mask], totals[mask], self.since, self.minutes)
                return good, total, source
        return self.good, self.total, "service"

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
    labels = [dict(row[4] or {}) for row in rows]
    # The service-wide series leaves out samples labelled with an SLI: they measure one of several SLIs
    # (core.maestro.models.SERVICE_WIDE says the same in SQL for the summary and Maestro's verification).
    service_wide = np.fromiter(("sli" not in lbl for lbl in labels), dtype=bool, count=len(labels))
    good, total = _minute_sums(
        stamps[service_wide], goods[service_wide], totals[service_wide], since, minutes
    )
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
        labelled=_labelled(
            [row[3] for row in rows],
            [{k: v for k, v in lbl.items() if k != "sli"} or None for lbl in labels],
            goods,
            totals,
            keep=service_wide,
        ),
        samples=(stamps, goods, totals, labels),
    )


def _labelled(
    series: list[str],
    labels: list[dict[str, str] | None],
    good: FloatArray,
    total: FloatArray,
    *,
    keep: npt.NDArray[np.bool_],
) -> list[LabelledCounts]:
    """The period's good/total per label set of the service-wide samples (``keep``; labelled ones only),
    summed with numpy. The ``sli`` label is not a slice of the traffic, so it never makes a hotspot."""
    series = [key for key, kept in zip(series, keep.tolist(), strict=True) if kept]
    labels = [lbl for lbl, kept in zip(labels, keep.tolist(), strict=True) if kept]
    good, total = good[keep], total[keep]
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
            SERVICE_WIDE,
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
