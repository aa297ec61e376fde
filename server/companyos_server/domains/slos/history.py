"""A service's per-minute history: SLI samples summed per minute, and its deploys, over a period."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from operator import itemgetter
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
from sqlalchemy import Text, cast, func, select
from sqlalchemy.orm import Session

from companyos_server.core.maestro.models import SERVICE_WIDE, SliSampleRow
from companyos_server.domains.deployments.store import DeploymentRow
from companyos_server.domains.slos import regressions
from companyos_server.domains.slos.attribution import LabelledCounts
from companyos_server.platform.storage import epoch_seconds

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Samples:
    stamps: FloatArray  # epoch seconds
    good: FloatArray
    total: FloatArray
    codes: npt.NDArray[np.intp]  # each sample's index into label_sets
    label_sets: list[dict[str, str]]


@dataclass
class History:
    since: datetime
    until: datetime
    good: FloatArray
    total: FloatArray
    deploys: list[regressions.Deploy] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)
    labelled: list[LabelledCounts] = field(default_factory=list)  # labelled samples per label set
    # The samples as read, for an SLO whose SLI is a slice of the service: timestamps (epoch seconds),
    # counts, and each sample's label set as an index into the distinct label sets.
    samples: Samples | None = None

    @property
    def minutes(self) -> int:
        return int(self.total.size)

    def _where(self, name: str, value: str) -> npt.NDArray[np.bool_]:
        """Which samples carry label ``name`` = ``value`` ("" matches the samples without it), decided
        once per distinct label set."""
        assert self.samples is not None
        per_set = np.fromiter(
            (lbl.get(name, "") == value for lbl in self.samples.label_sets),
            dtype=bool,
            count=len(self.samples.label_sets),
        )
        mask: npt.NDArray[np.bool_] = per_set[self.samples.codes]
        return mask

    def series_for(self, indicator: dict[str, Any]) -> tuple[FloatArray, FloatArray, str]:
        """The per-minute good/total an SLO with this ``indicator`` is judged on, and where they come from:

        - ``sli:<name>``: the samples labelled with the indicator's name (a service with several SLIs —
          availability, latency — labels each sample with the SLI it measures);
        - ``endpoint:<e>`` / ``task:<t>``: the service-wide samples (no ``sli`` label) of the endpoint or
          task the indicator names;
        - ``service``: every service-wide sample (the service as a whole, as before labels).

        Summed once per source: the report asks again for each chart and follow-up.
        """
        if self.samples is None or not self.samples.stamps.size:
            return self.good, self.total, "service"
        cache: dict[str, tuple[FloatArray, FloatArray]] = self.__dict__.setdefault("_series", {})
        choices: list[tuple[str, Any]] = []
        if indicator.get("name"):
            choices.append((f"sli:{indicator['name']}", lambda: self._where("sli", indicator["name"])))
        for dimension in ("endpoint", "task"):
            if indicator.get(dimension):
                choices.append(
                    (
                        f"{dimension}:{indicator[dimension]}",
                        lambda d=dimension: self._where(d, indicator[d]) & self._where("sli", ""),
                    )
                )
        for source, mask_of in choices:
            if source not in cache:
                mask = mask_of()
                s = self.samples
                cache[source] = (
                    _minute_sums(s.stamps[mask], s.good[mask], s.total[mask], self.since, self.minutes)
                    if mask.any()
                    else (np.zeros(0), np.zeros(0))
                )
            good, total = cache[source]
            if total.size:
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
        inside = (index >= 0) & (index < minutes)  # the query's bounds, whatever a timestamp's rounding
        np.add.at(good_m, index[inside], good[inside])
        np.add.at(total_m, index[inside], total[inside])
    return good_m, total_m


def _window(days: int, now: datetime) -> tuple[datetime, datetime, int]:
    until = now.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return until - timedelta(days=days), until, days * 24 * 60


def load(session: Session, tenant_id: str, service_id: str, *, days: int, now: datetime) -> History:
    """One query for the samples (timestamps as epoch seconds, labels as text: nothing is parsed per row)
    and one for the deploys."""
    since, until, minutes = _window(days, now)
    where = (
        SliSampleRow.tenant_id == tenant_id,
        SliSampleRow.service_ref == service_id,
        SliSampleRow.ts >= since,
        SliSampleRow.ts < until,
    )
    # The driver's own tuples, one column at a time: SQLAlchemy's Row objects cost more than the query here
    # (a 50-SLO service reads 2 million samples for 30 days), and no column needs a result processor.
    result = session.connection().execute(
        select(
            epoch_seconds(SliSampleRow.ts),
            SliSampleRow.good,
            SliSampleRow.total,
            cast(SliSampleRow.labels, Text),
        ).where(*where)
    )
    # Unbuffered (no stream_results here), so every row is still on the DBAPI cursor.
    rows = result.cursor.fetchall() if result.cursor is not None else result.all()
    result.close()
    stamps, goods, totals = (
        np.fromiter(map(itemgetter(i), rows), dtype=np.float64, count=len(rows)) for i in range(3)
    )
    texts = np.fromiter(map(itemgetter(3), rows), dtype=object, count=len(rows))
    codes, distinct = pd.factorize(texts, use_na_sentinel=False)  # unlabelled (NULL) is a set of its own
    index = [str(text) if isinstance(text, str) else "" for text in distinct]
    # decoded once per distinct text (equal labels stored in another key order only make a twin set)
    label_sets = [dict(json.loads(text)) if text and text != "null" else {} for text in index]
    # The service-wide series leaves out samples labelled with an SLI: they measure one of several SLIs
    # (core.maestro.models.SERVICE_WIDE says the same in SQL for the summary and Maestro's verification).
    wide_sets = np.fromiter(("sli" not in lbl for lbl in label_sets), dtype=bool, count=len(label_sets))
    service_wide = wide_sets[codes] if rows else np.zeros(0, dtype=bool)
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
        labelled=_labelled(label_sets, codes, goods, totals, keep=service_wide),
        samples=Samples(stamps, goods, totals, codes, label_sets),
    )


def _labelled(
    label_sets: list[dict[str, str]],
    codes: npt.NDArray[np.intp],
    good: FloatArray,
    total: FloatArray,
    *,
    keep: npt.NDArray[np.bool_],
) -> list[LabelledCounts]:
    """The period's good/total per label set of the service-wide samples (``keep``; labelled ones only),
    summed with numpy. The ``sli`` label is not a slice of the traffic, so it never makes a hotspot."""
    if not label_sets or not keep.any():
        return []
    good_by = np.bincount(codes[keep], weights=good[keep], minlength=len(label_sets))
    total_by = np.bincount(codes[keep], weights=total[keep], minlength=len(label_sets))
    return [
        LabelledCounts({k: v for k, v in labels.items() if k != "sli"}, int(g), int(t))
        for labels, g, t in zip(label_sets, good_by.tolist(), total_by.tolist(), strict=True)
        if labels and t > 0
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
