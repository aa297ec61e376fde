"""HTTP adapters of the SLO operations (thin: the domain lives in :mod:`.analysis`)."""

from __future__ import annotations

from typing import Any

from companyos_server.domains.slos import analysis
from companyos_server.platform.requestctx import current_tenant_context
from companyos_server.platform.runtime import get_runtime


def analyze_service_slo(
    tenant_id: str,
    service_id: str,
    days: int = 7,
    compare_error_rate: float | None = None,
    compare_window_minutes: int = 5,
    min_events: int = 0,
) -> dict[str, Any]:
    return analysis.analyze(
        get_runtime().db,
        current_tenant_context(),
        service_id,
        days=days,
        compare_error_rate=compare_error_rate,
        compare_window_minutes=compare_window_minutes,
        min_events=min_events,
    )
