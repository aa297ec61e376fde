"""Error-budget impact of an alert: a burn-rate estimate from severity and the service's SLO.

Formula (documented in docs/alerts.md):

- burn rate from severity, after the multiwindow burn-rate alerts of the Google SRE workbook:
  critical 14.4 (2 % of a 30-day budget per hour), warning 6 (5 % per 6 h), info 1 (on budget);
- the SLO (objective, window) is the service's when it has one, else 99.9 % over 30 days;
- budget consumed by the alert = burn_rate x firing_duration / window (a fraction, capped at 1),
  where firing_duration runs from ``startsAt`` to ``endsAt`` (resolved) or to now (still open);
- budget per hour = burn_rate / (window_days x 24); time to exhaustion = window / burn_rate.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

BURN_RATES = {"critical": 14.4, "warning": 6.0, "info": 1.0}
DEFAULT_OBJECTIVE = 99.9
DEFAULT_WINDOW_DAYS = 30


def burn_rate(severity: str) -> float:
    return BURN_RATES.get(severity, 1.0)


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
    window_hours = max(window_days, 1) * 24.0
    end = min(ends_at, now) if ends_at is not None else now
    firing_hours = max((end - starts_at).total_seconds(), 0.0) / 3600.0
    consumed = min(burn * firing_hours / window_hours, 1.0)
    allowed_error = round(100.0 - objective, 6)
    return {
        "severity": severity,
        "burn_rate": burn,
        "slo_objective": objective,
        "slo_window_days": window_days,
        "slo_source": source,
        "allowed_error_percent": allowed_error,
        "budget_percent_per_hour": round(100.0 * burn / window_hours, 4),
        "firing_minutes": round(firing_hours * 60.0, 1),
        "budget_consumed_percent": round(100.0 * consumed, 4),
        "hours_to_exhaustion": round(window_hours / burn, 1) if burn > 0 else None,
    }
