"""Capacity hints from the shape of a service's own history: does its error rate rise with its load?

A service that fails more when it is busier is short of capacity (or of a cache, a pool, a rate limit in
front of a dependency), and no alert tuning fixes that. The test is a rank correlation (Spearman, so a
few huge minutes do not dominate) between requests per minute and the error rate, over the minutes with
enough events, confirmed by comparing the busiest tenth of minutes with the rest: both must agree before
the doctor says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import stats

from companyos_server.domains.slos.budget import Objective

MIN_MINUTES = 120  # two hours of minutes with traffic before a correlation means anything
MIN_RHO = 0.3
MAX_P = 0.01
MIN_RATIO = 2.0  # the busiest tenth fails at least twice as often as the rest


@dataclass(frozen=True)
class LoadSensitivity:
    rho: float
    p_value: float
    busy_threshold: float  # events per minute from which a minute is in the busiest tenth
    busy_error_rate: float
    other_error_rate: float
    minutes: int

    @property
    def ratio(self) -> float:
        return self.busy_error_rate / self.other_error_rate if self.other_error_rate > 0 else float("inf")

    def as_dict(self) -> dict[str, Any]:
        return {
            "rho": round(self.rho, 3),
            "p_value": float(f"{self.p_value:.3g}"),
            "busy_events_per_minute": round(self.busy_threshold, 1),
            "busy_error_rate": round(self.busy_error_rate, 6),
            "other_error_rate": round(self.other_error_rate, 6),
            "ratio": None if np.isinf(self.ratio) else round(self.ratio, 2),
            "minutes": self.minutes,
        }


def load_sensitivity(
    good: npt.ArrayLike, total: npt.ArrayLike, objective: Objective, *, min_events: int = 10
) -> LoadSensitivity | None:
    """The load/error relation when it is strong enough to act on (and hurts the objective), else None."""
    good_a = np.asarray(good, dtype=np.float64)
    total_a = np.asarray(total, dtype=np.float64)
    busy_enough = total_a >= max(min_events, 1)
    if int(busy_enough.sum()) < MIN_MINUTES:
        return None
    load = total_a[busy_enough]
    bad = load - good_a[busy_enough]
    if np.ptp(load) == 0 or not bad.any():
        return None
    threshold = float(np.quantile(load, 0.9))
    busy = load >= threshold
    if busy.all():
        return None
    busy_rate = float(bad[busy].sum() / load[busy].sum())
    other_rate = float(bad[~busy].sum() / load[~busy].sum())
    if busy_rate <= objective.allowed_error or busy_rate < MIN_RATIO * other_rate:
        return None  # the cheap half of the test first: the rank correlation sorts every minute
    rho, p_value = stats.spearmanr(load, bad / load)
    found = LoadSensitivity(float(rho), float(p_value), threshold, busy_rate, other_rate, int(load.size))
    return found if found.rho >= MIN_RHO and found.p_value <= MAX_P else None
