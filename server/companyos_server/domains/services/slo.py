"""SLO summaries: the current SLI and the error budget left over the objective's window.

The SLI comes from the service's SLI samples in the objective's window (``good`` of ``total`` events,
see :mod:`.sli`), else from the SLI stored on the service's objective, else there is none and the state
says so (``no_data``).
"""

from __future__ import annotations

from typing import Any

from companyos_server.domains.slos.budget import DEFAULT_WINDOW_DAYS, error_budget_remaining, state_for


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
    window = int(slo.get("window_days") or DEFAULT_WINDOW_DAYS)
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
