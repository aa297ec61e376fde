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

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

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
    end: int | None = None  # first minute back at another level (the next change point); None: it lasts

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
            "end": self.end,
        }


def described(
    found: Regression, at: Callable[[int], datetime], versions: Mapping[str, str]
) -> dict[str, object]:
    """A regression as the API shows it: instants instead of minute indices, the deploy's version."""
    return {
        "at": at(found.minute),
        "until": at(found.end) if found.end is not None else None,
        "error_rate_before": round(found.error_rate_before, 6),
        "error_rate_after": round(found.error_rate_after, 6),
        "ratio": round(found.ratio, 2),
        "deployment_id": found.deploy_id,
        "version": versions.get(found.deploy_id) if found.deploy_id else None,
        "lag_minutes": found.lag_minutes,
    }


def _recovery(
    bad: npt.NDArray[np.float64],
    total: npt.NDArray[np.float64],
    bounds: list[int],
    segment: int,
    before: float,
    min_ratio: float,
    allowed: float,
    resolution: int,
) -> int | None:
    """The first minute of the first later segment back under the raised level (None: it never came back);
    a noisy raised period can hold several change points before the rate really falls. A segment's level is
    its events' error rate; one without events (samples stopped, a quiet night) says nothing either way."""
    for start, end in zip(bounds[segment + 1 : -1], bounds[segment + 2 :], strict=True):
        events = float(total[start:end].sum())
        if events <= 0:
            continue
        level = float(bad[start:end].sum()) / events
        if level < min_ratio * before or level <= allowed:
            return start * resolution
    return None


def bucket_sums(
    good: npt.ArrayLike, total: npt.ArrayLike, resolution: int
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Bad and total events per bucket of ``resolution`` minutes (a partial last bucket is left out)."""
    good_a = np.asarray(good, dtype=np.float64)
    total_a = np.asarray(total, dtype=np.float64)
    usable = (good_a.size // resolution) * resolution
    total_b = total_a[:usable].reshape(-1, resolution).sum(axis=1)
    bad_b = total_b - good_a[:usable].reshape(-1, resolution).sum(axis=1)
    return bad_b, total_b


def bucketed_error_rate(
    good: npt.ArrayLike, total: npt.ArrayLike, resolution: int
) -> npt.NDArray[np.float64]:
    """Error rate per bucket of ``resolution`` minutes. A bucket without events repeats the rate before it
    (0 before any): missing data is not a change of level, so no change point is placed where samples stop."""
    bad_b, total_b = bucket_sums(good, total, resolution)
    have = total_b > 0
    raw = np.divide(bad_b, total_b, out=np.zeros_like(bad_b), where=have)
    last_seen = np.maximum.accumulate(np.where(have, np.arange(raw.size), 0)) if raw.size else raw.astype(int)
    rates: npt.NDArray[np.float64] = raw[last_seen]
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
    min_minutes: int = 60,
) -> list[Regression]:
    """Sustained rises of the error rate (at least ``min_ratio`` times the level before and over the
    objective's allowed rate), each with the deploy shortly before it, if any. A rise that came back down
    within ``min_minutes`` is a blip, not a regression; one still raised at the end of the history counts
    however recent."""
    rates = bucketed_error_rate(good, total, resolution)
    bad_b, total_b = bucket_sums(good, total, resolution)
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
        end = _recovery(bad_b, total_b, bounds, i + 1, before, min_ratio, objective.allowed_error, resolution)
        if end is not None and end - minute < min_minutes:
            continue
        candidates = [d for d in ordered if minute - max_lag <= d.minute < minute + resolution]
        deploy = candidates[-1] if candidates else None
        found.append(
            Regression(
                minute=minute,
                error_rate_before=before,
                error_rate_after=after,
                deploy_id=deploy.deploy_id if deploy else None,
                lag_minutes=minute - deploy.minute if deploy else None,
                end=end,
            )
        )
    return found
