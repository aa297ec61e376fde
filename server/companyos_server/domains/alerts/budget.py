"""Error-budget impact of an alert: what the alert's burn rate costs the service's SLO.

The math is :mod:`companyos_server.domains.slos.budget`'s (documented in docs/alerts.md):

- the burn rate stands for the alert's severity, after the Workbook's multi-window burn-rate alerts for a
  30-day window: critical 14.4 (2 % of the budget per hour), warning 6 (5 % per 6 h), info 1 (on budget);
- the SLO is the service's when it has one, else the default objective and window;
- budget consumed = burn_rate x firing_duration / window (capped at 1), where firing_duration runs from
  ``startsAt`` to ``endsAt`` (resolved) or to now (still open); time to exhaustion = window / burn_rate.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from companyos_server.domains.slos import budget as slo_budget


def impact(
    *,
    severity: str,
    burn: float,
    objective: float,
    window_days: int,
    source: str,
    starts_at: datetime,
    ends_at: datetime | None,
    now: datetime,
) -> dict[str, Any]:
    slo = slo_budget.Objective(objective, window_days)
    end = min(ends_at, now) if ends_at is not None else now
    firing_hours = max((end - starts_at).total_seconds(), 0.0) / 3600.0
    consumed = min(slo_budget.budget_consumed(burn, firing_hours, slo), 1.0)
    to_exhaustion = slo_budget.hours_to_exhaustion(burn, slo)
    return {
        "severity": severity,
        "burn_rate": burn,
        "slo_objective": objective,
        "slo_window_days": window_days,
        "slo_source": source,
        "allowed_error_percent": round(100.0 - objective, 6),
        "budget_percent_per_hour": round(100.0 * slo_budget.budget_consumed(burn, 1.0, slo), 4),
        "firing_minutes": round(firing_hours * 60.0, 1),
        "budget_consumed_percent": round(100.0 * consumed, 4),
        "hours_to_exhaustion": round(to_exhaustion, 1) if to_exhaustion is not None else None,
    }
