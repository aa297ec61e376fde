"""The one error-budget and burn-rate module: the service SLO summary, the alerts inbox's budget impact
and Maestro's post-action verification all compute with it.

Definitions (Google SRE Workbook, ch. 5 "Alerting on SLOs"):

- an objective of ``p`` percent over ``window_days`` allows an error rate of ``1 - p/100`` (the budget);
- the **burn rate** of a period is its error rate divided by the allowed error rate: 1 spends the budget
  exactly over the window, 14.4 spends a 30-day budget's 2 % in one hour;
- budget **consumed** by burning at ``b`` for ``h`` hours is ``b * h / (window_days * 24)``;
- budget **remaining** from counts is ``1 - bad / (total * allowed)`` (negative: overspent);
- the **multi-window, multi-burn-rate** policy pages when both a long and a short window burn faster than
  the rate that would consume a set share of the budget over the long window: 2 % in 1 h (short 5 min) and
  5 % in 6 h (short 30 min) page, 10 % in 3 days (short 6 h) opens a ticket. The burn thresholds follow
  from the window: 14.4, 6 and 1 for 30 days.

Objectives are in percent (99.9), error rates and budget shares are fractions. Rolling windows over
per-minute series are vectorised with numpy (cumulative sums), never a Python loop per sample.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

import numpy as np
import numpy.typing as npt

DEFAULT_OBJECTIVE = 99.9
"""Percent; what a service without an SLO is held to."""
DEFAULT_WINDOW_DAYS = 28
"""The SLO window when none is given (the spec's ``ServiceSloSpec.window_days`` default)."""
AT_RISK_BELOW = 0.25
"""A budget with less than this share left is ``at_risk``."""
_TINY = 1e-9


@dataclass(frozen=True)
class Objective:
    percent: float
    window_days: int = DEFAULT_WINDOW_DAYS

    @property
    def allowed_error(self) -> float:
        """The error rate the objective allows (the budget as a rate), never zero."""
        return max(1.0 - self.percent / 100.0, _TINY)

    @property
    def window_hours(self) -> float:
        return max(self.window_days, 1) * 24.0


def objective_or_default(percent: float | None, window_days: int | None = None) -> tuple[Objective, str]:
    """The service's objective (source ``service``), else the default one (source ``default``)."""
    window = int(window_days) if window_days else DEFAULT_WINDOW_DAYS
    if percent:
        return Objective(float(percent), window), "service"
    return Objective(DEFAULT_OBJECTIVE, window), "default"


def error_budget_remaining(objective_percent: float, sli_percent: float) -> float:
    """Share of the budget left for an SLI measured over the window: 1 untouched, 0 spent, < 0 overspent."""
    budget = 100.0 - objective_percent
    if budget <= 0:
        return 1.0 if sli_percent >= objective_percent else 0.0
    return round(1.0 - (100.0 - sli_percent) / budget, 4)


def remaining_from_counts(bad: int, total: int, objective: Objective) -> float | None:
    """Budget left after ``bad`` of ``total`` events; None without events."""
    if total <= 0:
        return None
    return round(1.0 - bad / (total * objective.allowed_error), 4)


def burn_rate(bad: int, total: int, objective: Objective) -> float | None:
    """Error rate over allowed error rate; None without events."""
    if total <= 0:
        return None
    return (bad / total) / objective.allowed_error


def budget_consumed(burn: float, hours: float, objective: Objective) -> float:
    """Share of the window's budget spent by burning at ``burn`` for ``hours`` (uncapped)."""
    return max(burn, 0.0) * max(hours, 0.0) / objective.window_hours


def hours_to_exhaustion(burn: float, objective: Objective) -> float | None:
    """Hours until a full budget is spent at ``burn``; None when nothing burns."""
    return objective.window_hours / burn if burn > 0 else None


def state_for(remaining: float) -> str:
    if remaining <= 0:
        return "exhausted"
    if remaining < AT_RISK_BELOW:
        return "at_risk"
    return "healthy"


# -- multi-window, multi-burn-rate alerting ---------------------------------------------------------------


@dataclass(frozen=True)
class BurnRateRule:
    """Fire when both windows burn at least ``threshold(objective)``, i.e. when the long window alone would
    consume ``budget_share`` of the budget."""

    name: str
    action: Literal["page", "ticket"]
    long: timedelta
    short: timedelta
    budget_share: float
    min_events: int = 0  # the rule's own low-traffic guard: a window with fewer events never fires

    def threshold(self, objective: Objective) -> float:
        return self.budget_share * objective.window_hours / (self.long.total_seconds() / 3600.0)


WORKBOOK_POLICY: tuple[BurnRateRule, ...] = (
    BurnRateRule("page-fast", "page", timedelta(hours=1), timedelta(minutes=5), 0.02),
    BurnRateRule("page-slow", "page", timedelta(hours=6), timedelta(minutes=30), 0.05),
    BurnRateRule("ticket", "ticket", timedelta(days=3), timedelta(hours=6), 0.10),
)
"""The Workbook's recommended policy (its table 5-8)."""

_THIRTY_DAYS = Objective(DEFAULT_OBJECTIVE, 30)
SEVERITY_BURN_RATES: dict[str, float] = {
    "critical": round(WORKBOOK_POLICY[0].threshold(_THIRTY_DAYS), 6),  # 14.4
    "warning": round(WORKBOOK_POLICY[1].threshold(_THIRTY_DAYS), 6),  # 6
    "info": round(WORKBOOK_POLICY[2].threshold(_THIRTY_DAYS), 6),  # 1
}
"""The burn rate an alert of each severity stands for: the Workbook's rates for a 30-day window."""


def severity_burn_rate(severity: str) -> float:
    return SEVERITY_BURN_RATES.get(severity, 1.0)


FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


def cumulative(values: npt.ArrayLike) -> FloatArray:
    """``[0, v0, v0+v1, …]``: computed once, any number of trailing windows read from it."""
    series = np.asarray(values, dtype=np.float64)
    out: FloatArray = np.empty(series.size + 1)
    out[0] = 0.0
    np.cumsum(series, out=out[1:])
    return out


def window_sums(cumulative_: FloatArray, width: int) -> FloatArray:
    """Trailing sums of ``width`` from :func:`cumulative` output (fewer values at the start)."""
    if width < 1:
        raise ValueError("a window covers at least one step")
    n = cumulative_.size - 1
    out: FloatArray = np.empty(n)
    head = min(width, n)
    out[:head] = cumulative_[1 : head + 1]
    if n > width:
        np.subtract(cumulative_[width + 1 :], cumulative_[1 : n - width + 1], out=out[width:])
    return out


def trailing_sums(values: npt.ArrayLike, width: int) -> FloatArray:
    """Sum of the last ``width`` values at each position (fewer at the start of the series)."""
    if width < 1:
        raise ValueError("a window covers at least one step")
    return window_sums(cumulative(values), width)


def _burn_rates_from(
    good_c: FloatArray, total_c: FloatArray, width: int, objective: Objective, min_events: int
) -> FloatArray:
    good_sums = window_sums(good_c, width)
    total_sums = window_sums(total_c, width)
    enough = (total_sums > 0) & (total_sums >= min_events)
    rates: FloatArray = np.full(total_sums.size, np.nan)
    np.divide(total_sums - good_sums, total_sums, out=rates, where=enough)
    rates /= objective.allowed_error
    return rates


def rolling_burn_rates(
    good: npt.ArrayLike,
    total: npt.ArrayLike,
    window: timedelta,
    objective: Objective,
    *,
    step: timedelta = timedelta(minutes=1),
    min_events: int = 0,
) -> FloatArray:
    """Burn rate over the trailing ``window`` at each step of a good/total series.

    Positions whose window holds fewer than ``min_events`` events (the low-traffic guard) or none at all are
    NaN: too little traffic to tell a burn from noise.
    """
    width = max(round(window / step), 1)
    return _burn_rates_from(cumulative(good), cumulative(total), width, objective, min_events)


def evaluate_policy(
    good: npt.ArrayLike,
    total: npt.ArrayLike,
    objective: Objective,
    *,
    policy: Sequence[BurnRateRule] = WORKBOOK_POLICY,
    step: timedelta = timedelta(minutes=1),
    min_events: int = 0,
) -> dict[str, BoolArray]:
    """For each rule, whether it fires at each step (both windows at or above the rule's threshold)."""
    firing: dict[str, BoolArray] = {}
    good_c, total_c = cumulative(good), cumulative(total)  # once for every window of every rule
    for rule in policy:
        threshold = rule.threshold(objective)
        guard = max(min_events, rule.min_events)
        long_rates = _burn_rates_from(good_c, total_c, max(round(rule.long / step), 1), objective, guard)
        short_rates = _burn_rates_from(good_c, total_c, max(round(rule.short / step), 1), objective, guard)
        with np.errstate(invalid="ignore"):  # NaN (too little traffic) compares False: never fires
            firing[rule.name] = (long_rates >= threshold) & (short_rates >= threshold)
    return firing
