"""Regression windows aligned to deploys: change points in a service's error rate, each attributed to the
deploy that shortly preceded it.

Change points come from ``ruptures`` (PELT, least-squares cost) on the error rate in buckets of
``resolution`` minutes, with a BIC-style penalty scaled to the series' own noise (the median absolute
deviation of its first differences), so a flat but noisy service yields none. A change point is a
**regression** when the error rate after it is at least ``min_ratio`` times the rate before it (and above
the objective's allowed rate: a rise that stays within budget is not worth a finding); it is attributed to
the latest deploy at most ``max_lag`` before it (or within one bucket after, as bucketing can round the
change point down).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import ruptures

from companyos_server.domains.slos.budget import Objective


@dataclass(frozen=True)
class Deploy:
    deploy_id: str
    minute: int
    """Index of the deploy in the per-minute series."""


@dataclass(frozen=True)
class Regression:
    minute: int
    error_rate_before: float
    error_rate_after: float
    deploy_id: str | None
    lag_minutes: int | None

    @property
    def ratio(self) -> float:
        return self.error_rate_after / max(self.error_rate_before, 1e-12)

    def as_dict(self) -> dict[str, object]:
        return {
            "minute": self.minute,
            "error_rate_before": round(self.error_rate_before, 6),
            "error_rate_after": round(self.error_rate_after, 6),
            "ratio": round(self.ratio, 2),
            "deploy_id": self.deploy_id,
            "lag_minutes": self.lag_minutes,
        }


def bucketed_error_rate(
    good: npt.ArrayLike, total: npt.ArrayLike, resolution: int
) -> npt.NDArray[np.float64]:
    """Error rate per bucket of ``resolution`` minutes (0 for a bucket without events)."""
    good_a = np.asarray(good, dtype=np.float64)
    total_a = np.asarray(total, dtype=np.float64)
    usable = (good_a.size // resolution) * resolution
    total_b = total_a[:usable].reshape(-1, resolution).sum(axis=1)
    bad_b = total_b - good_a[:usable].reshape(-1, resolution).sum(axis=1)
    rates: npt.NDArray[np.float64] = np.divide(bad_b, total_b, out=np.zeros_like(bad_b), where=total_b > 0)
    return rates


def change_points(series: npt.ArrayLike, *, min_size: int = 3, sensitivity: float = 1.0) -> list[int]:
    """Indices where the level of ``series`` changes (each the first index of a new segment)."""
    signal = np.asarray(series, dtype=np.float64)
    if signal.size < 2 * min_size:
        return []
    diffs = np.diff(signal)
    noise = 1.4826 * float(np.median(np.abs(diffs - np.median(diffs)))) / np.sqrt(2)
    noise = max(noise, 1e-6 * max(float(np.abs(signal).max()), 1e-12))
    penalty = sensitivity * 8.0 * np.log(signal.size) * noise**2
    breaks = (
        ruptures.KernelCPD(kernel="linear", min_size=min_size).fit(signal.reshape(-1, 1)).predict(pen=penalty)
    )
    return [int(b) for b in breaks if b < signal.size]


def regressions(
    good: npt.ArrayLike,
    total: npt.ArrayLike,
    objective: Objective,
    deploys: Sequence[Deploy] = (),
    *,
    resolution: int = 10,
    min_ratio: float = 2.0,
    max_lag: int = 60,
) -> list[Regression]:
    rates = bucketed_error_rate(good, total, resolution)
    points = change_points(rates)
    bounds = [0, *points, rates.size]
    found: list[Regression] = []
    ordered = sorted(deploys, key=lambda d: d.minute)
    for i, point in enumerate(points):
        before = float(rates[bounds[i] : point].mean())
        after = float(rates[point : bounds[i + 2]].mean())
        if after < min_ratio * before or after <= objective.allowed_error:
            continue
        minute = point * resolution
        candidates = [d for d in ordered if minute - max_lag <= d.minute < minute + resolution]
        deploy = candidates[-1] if candidates else None
        found.append(
            Regression(
                minute=minute,
                error_rate_before=before,
                error_rate_after=after,
                deploy_id=deploy.deploy_id if deploy else None,
                lag_minutes=minute - deploy.minute if deploy else None,
            )
        )
    return found
