"""A service's SLO analysis over its own recent history: burn rates now, the Workbook policy's state,
significant budget burns, regressions aligned to deploys, and an alerting backtest.

The history is the service's SLI samples (``good`` of ``total`` events) placed at the minute of their
timestamp, and its deployments (the instant a deployment finished, else when it started). The objective is
the service's SLO, else the default one (``objective.source`` says which).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import numpy as np

from companyos_server import errors
from companyos_server.domains.services import store as services_store
from companyos_server.domains.slos import budget, history, quality, regressions
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, utcnow

MAX_DAYS = 30
BURN_WINDOWS = (("5m", 5), ("30m", 30), ("1h", 60), ("6h", 360), ("3d", 4320))


def analyze(
    db: Database,
    ctx: TenantContext,
    service_id: str,
    *,
    days: int = 7,
    compare_error_rate: float | None = None,
    compare_window_minutes: int = 5,
    min_events: int = 0,
    now: datetime | None = None,
) -> dict[str, Any]:
    if not 1 <= days <= MAX_DAYS:
        raise errors.invalid_argument(
            f"days must be between 1 and {MAX_DAYS}.", [errors.FieldError("days", f"must be 1 to {MAX_DAYS}")]
        )
    with db.session() as session:
        service = services_store.get(session, ctx.tenant_id, service_id)
        if service is None:
            raise errors.not_found("Service", service_id)
        slo = service.slo or {}
        objective, source = budget.objective_or_default(slo.get("objective"), slo.get("window_days"))
        hist = history.load(session, ctx.tenant_id, service_id, days=days, now=now or utcnow())
    since, until, minutes = hist.since, hist.until, hist.minutes
    good, total = hist.good, hist.total
    base: dict[str, Any] = {
        "service_id": service_id,
        "objective": {"percent": objective.percent, "window_days": objective.window_days, "source": source},
        "period": {
            "since": since,
            "until": until,
            "minutes": minutes,
            "events": int(total.sum()),
            "bad_events": int((total - good).sum()),
        },
    }
    if total.sum() == 0:
        return {**base, "state": "no_data", **_empty()}
    at = _minute_of(since)
    burns = quality.significant_burns(good, total, objective)
    compared_rule = (
        quality.StaticThresholdRule(
            "compared", compare_error_rate, timedelta(minutes=compare_window_minutes), min_events
        )
        if compare_error_rate is not None
        else None
    )
    # One evaluation of the policy serves both "firing now" and the backtest (which replays its page rules).
    firing = budget.evaluate_policy(good, total, objective, min_events=min_events)
    paged = np.logical_or.reduce(
        [firing[rule.name] for rule in budget.WORKBOOK_POLICY if rule.action == "page"]
    )
    workbook = quality.score(paged, burns)
    compared = (
        quality.score(quality.replay(good, total, objective, [compared_rule], min_events=min_events), burns)
        if compared_rule
        else None
    )
    versions, deploy_points = hist.versions, hist.deploys
    return {
        **base,
        "state": "ok",
        "budget_remaining": budget.remaining_from_counts(
            int((total - good).sum()), int(total.sum()), objective
        ),
        "burn_rates": [
            {"window": name, "minutes": width, "burn_rate": _last(good, total, width, objective, min_events)}
            for name, width in BURN_WINDOWS
        ],
        "policy": [
            {
                "name": rule.name,
                "action": rule.action,
                "long_window_minutes": int(rule.long / timedelta(minutes=1)),
                "short_window_minutes": int(rule.short / timedelta(minutes=1)),
                "burn_rate_threshold": round(rule.threshold(objective), 4),
                "firing": bool(firing[rule.name][-1]),
            }
            for rule in budget.WORKBOOK_POLICY
        ],
        "significant_burns": [
            {"start": at(burn.start), "end": at(burn.end), "minutes": burn.minutes} for burn in burns
        ],
        "regressions": [
            regressions.described(found, at, versions)
            for found in regressions.regressions(good, total, objective, deploy_points)
        ],
        "backtest": {
            "workbook": workbook.as_dict(),
            "compared": compared.as_dict() if compared else None,
            "compared_rule": (
                {"error_rate": compare_error_rate, "window_minutes": compare_window_minutes}
                if compared_rule
                else None
            ),
            "page_reduction": (
                round(quality.Backtest(compared, workbook).page_reduction or 0.0, 4)
                if compared and compared.pages
                else None
            ),
        },
    }


def _empty() -> dict[str, Any]:
    return {
        "budget_remaining": None,
        "burn_rates": [{"window": name, "minutes": width, "burn_rate": None} for name, width in BURN_WINDOWS],
        "policy": [],
        "significant_burns": [],
        "regressions": [],
        "backtest": {"workbook": None, "compared": None, "compared_rule": None, "page_reduction": None},
    }


def _minute_of(since: datetime) -> Any:
    return lambda minute: since + timedelta(minutes=int(minute))


def _last(
    good: np.ndarray, total: np.ndarray, width: int, objective: budget.Objective, min_events: int
) -> float | None:
    rates = budget.rolling_burn_rates(
        good[-width:], total[-width:], timedelta(minutes=width), objective, min_events=min_events
    )
    value = float(rates[-1])
    return None if np.isnan(value) else round(value, 4)
