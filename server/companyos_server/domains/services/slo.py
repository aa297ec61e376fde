"""SLO summaries: the current SLI and the error budget left over the objective's window.

The SLI comes from the service's SLI samples in the objective's window (``good`` of ``total`` events,
see :mod:`.sli`), else from the SLI stored on the service's objective, else there is none and the state
says so (``no_data``).
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger("companyos.services.slo")

AT_RISK_BELOW = 0.25


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
