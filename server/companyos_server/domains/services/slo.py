"""SLO summaries: the current SLI and the error budget left over the objective's window.

The SLI comes from SLI samples when the platform has an ``sli_samples`` table with rows for the
service in the window (good/total counts, or per-sample values in percent), else from the SLI stored
on the service's objective, else there is none and the state says so (``no_data``).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from companyos_server.platform.storage import Base, utcnow

log = logging.getLogger("companyos.services.slo")

AT_RISK_BELOW = 0.25
SAMPLES_TABLE = "sli_samples"
_TIME_COLUMNS = ("observed_at", "at", "timestamp", "ts", "window_end", "recorded_at")


def error_budget_remaining(objective: float, sli: float) -> float:
    """Fraction of the error budget left: 1 untouched, 0 spent, negative overspent."""
    budget = 100.0 - objective
    if budget <= 0:
        return 1.0 if sli >= objective else 0.0
    return round(1.0 - (100.0 - sli) / budget, 4)


def state_for(remaining: float) -> str:
    if remaining <= 0:
        return "exhausted"
    if remaining < AT_RISK_BELOW:
        return "at_risk"
    return "healthy"


def sli_from_samples(
    session: Session, tenant_id: str, service_id: str, window_days: int, now: datetime | None = None
) -> float | None:
    """The SLI (percent) over the window from the ``sli_samples`` table, when it exists and has data."""
    table = Base.metadata.tables.get(SAMPLES_TABLE)
    if table is None or "tenant_id" not in table.c or "service_id" not in table.c:
        return None
    time_column = next((table.c[name] for name in _TIME_COLUMNS if name in table.c), None)
    start = (now or utcnow()) - timedelta(days=window_days)
    where = [table.c.tenant_id == tenant_id, table.c.service_id == service_id]
    if time_column is not None:
        where.append(time_column >= start)
    try:
        if "good" in table.c and "total" in table.c:
            good, total = session.execute(
                select(func.sum(table.c.good), func.sum(table.c.total)).where(*where)
            ).one()
            if not total:
                return None
            return round(100.0 * float(good or 0) / float(total), 4)
        for name in ("sli", "value"):
            if name in table.c:
                value = session.execute(select(func.avg(table.c[name])).where(*where)).scalar()
                return None if value is None else round(float(value), 4)
    except SQLAlchemyError:  # a table of another shape than expected: fall back to stored values
        log.warning("could not read %s for %s/%s", SAMPLES_TABLE, tenant_id, service_id, exc_info=True)
    return None


def summarize(slo: dict[str, Any] | None, samples_sli: float | None = None) -> dict[str, Any]:
    if not slo or slo.get("objective") is None:
        return {
            "state": "not_configured",
            "objective": None,
            "window_days": None,
            "indicator": None,
            "sli": None,
            "error_budget_remaining": None,
            "source": "none",
        }
    objective = float(slo["objective"])
    window = int(slo.get("window_days") or 28)
    base = {"objective": objective, "window_days": window, "indicator": slo.get("indicator")}
    if samples_sli is not None:
        sli, source = samples_sli, "samples"
    elif slo.get("sli") is not None:
        sli, source = float(slo["sli"]), "stored"
    else:
        return {**base, "state": "no_data", "sli": None, "error_budget_remaining": None, "source": "none"}
    remaining = error_budget_remaining(objective, sli)
    return {
        **base,
        "state": state_for(remaining),
        "sli": sli,
        "error_budget_remaining": remaining,
        "source": source,
    }
