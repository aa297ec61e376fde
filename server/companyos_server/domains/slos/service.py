"""First-class SLOs: several per service, each with its SLI mapping and its current alerting rules.

Pure domain logic, no HTTP. The service's embedded ``slo`` (``ServiceSloSpec``) keeps working: a service
without first-class SLOs is analysed under that one (see :func:`objectives_of`).

Shapes (the API's, ``openapi/domains/slos.yaml``):

- ``sli_type``: ``availability`` and ``error_rate`` count good of total requests, ``latency`` counts requests
  faster than ``indicator.threshold_ms`` as good, ``freshness`` counts data younger than
  ``indicator.max_age_seconds`` (async flows, backlogs) as good;
- ``budgeting_method``: ``occurrences`` (good events over all events) or ``timeslices`` (share of good
  ``timeslice.window_minutes`` slices, a slice being good when its SLI reaches ``timeslice.target``);
- ``alerting``: the rules that page today, ``static_error_rate`` (error rate over a window) or ``burn_rate``
  (long and short window at a burn-rate threshold): what the doctor backtests against its proposals.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.domains.services import store as services_store
from companyos_server.domains.services.store import ServiceRow
from companyos_server.domains.slos import budget, store
from companyos_server.domains.slos.store import SloRow
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, utcnow

SLI_TYPES = ("availability", "latency", "error_rate", "freshness")
WINDOWS = (7, 28, 30)
BUDGETING = ("occurrences", "timeslices")
MAX_SLOS_PER_SERVICE = 50
EDITABLE = (
    "name",
    "display_name",
    "description",
    "sli_type",
    "objective",
    "window_days",
    "budgeting_method",
    "indicator",
    "timeslice",
    "alerting",
    "labels",
)


def require_service(session: Session, tenant_id: str, service_id: str) -> ServiceRow:
    row = services_store.get(session, tenant_id, service_id)
    if row is None:
        raise errors.not_found("Service", service_id)
    return row


def _require_slo(session: Session, tenant_id: str, service_id: str, slo_id: str) -> SloRow:
    require_service(session, tenant_id, service_id)
    row = store.get_slo(session, tenant_id, service_id, slo_id)
    if row is None:
        raise errors.not_found("SLO", slo_id)
    return row


def to_dict(row: SloRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "tenant_id": row.tenant_id,
        "service_id": row.service_id,
        "name": row.name,
        "display_name": row.display_name,
        "description": row.description,
        "sli_type": row.sli_type,
        "objective": row.objective,
        "window_days": row.window_days,
        "budgeting_method": row.budgeting_method,
        "indicator": dict(row.indicator or {}),
        "timeslice": dict(row.timeslice) if row.timeslice else None,
        "alerting": [dict(rule) for rule in row.alerting or []],
        "labels": dict(row.labels or {}),
        "revision": row.revision,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }


def validate(spec: dict[str, Any], field: str = "") -> list[errors.FieldError]:
    """The rules a JSON schema does not state: fields each type or method requires."""
    at = (lambda name: f"{field}.{name}") if field else (lambda name: name)
    problems: list[errors.FieldError] = []
    indicator = spec.get("indicator") or {}
    if spec.get("sli_type") not in SLI_TYPES:
        problems.append(errors.FieldError(at("sli_type"), f"must be one of {', '.join(SLI_TYPES)}"))
    objective = spec.get("objective")
    if not isinstance(objective, int | float) or not 0 < float(objective) < 100:
        problems.append(errors.FieldError(at("objective"), "must be a percentage above 0 and below 100"))
    if spec.get("window_days", 28) not in WINDOWS:
        problems.append(errors.FieldError(at("window_days"), "must be a rolling window of 7, 28 or 30 days"))
    if spec.get("budgeting_method", "occurrences") not in BUDGETING:
        problems.append(errors.FieldError(at("budgeting_method"), "must be occurrences or timeslices"))
    if spec.get("sli_type") == "latency" and not indicator.get("threshold_ms"):
        problems.append(errors.FieldError(at("indicator.threshold_ms"), "is required for a latency SLO"))
    if spec.get("sli_type") == "freshness" and not indicator.get("max_age_seconds"):
        problems.append(errors.FieldError(at("indicator.max_age_seconds"), "is required for a freshness SLO"))
    if spec.get("budgeting_method") == "timeslices" and not spec.get("timeslice"):
        problems.append(errors.FieldError(at("timeslice"), "is required with timeslices budgeting"))
    if spec.get("budgeting_method", "occurrences") == "occurrences" and spec.get("timeslice"):
        problems.append(errors.FieldError(at("timeslice"), "applies to timeslices budgeting only"))
    names: set[str] = set()
    for i, rule in enumerate(spec.get("alerting") or []):
        where = at(f"alerting[{i}]")
        if rule.get("name") in names:
            problems.append(errors.FieldError(f"{where}.name", "repeats another rule's name"))
        names.add(rule.get("name"))
        if rule.get("kind") == "static_error_rate":
            for need in ("error_rate", "window_minutes"):
                if rule.get(need) is None:
                    problems.append(errors.FieldError(f"{where}.{need}", "is required for a static rule"))
        elif rule.get("kind") == "burn_rate":
            for need in ("burn_rate", "long_window_minutes", "short_window_minutes"):
                if rule.get(need) is None:
                    problems.append(errors.FieldError(f"{where}.{need}", "is required for a burn-rate rule"))
            if (rule.get("short_window_minutes") or 0) > (rule.get("long_window_minutes") or 0):
                problems.append(
                    errors.FieldError(f"{where}.short_window_minutes", "must not exceed the long window")
                )
    return problems


def _apply(row: SloRow, body: dict[str, Any]) -> None:
    for name in EDITABLE:
        if name in body:
            value = body[name]
            if name in ("display_name", "description"):
                value = value or ""
            elif name == "objective":
                value = float(value)
            elif name == "alerting":
                value = [{"action": "page", **rule} for rule in value or []]
            elif name in ("indicator", "labels"):
                value = dict(value or {})
            setattr(row, name, value)


def create_in(session: Session, tenant_id: str, service_id: str, body: dict[str, Any]) -> SloRow:
    """Create in an open session (the API, the OpenSLO import and the seed)."""
    require_service(session, tenant_id, service_id)
    spec = {"window_days": 28, "budgeting_method": "occurrences", **body}
    problems = validate(spec)
    if problems:
        raise errors.invalid_argument(
            f"The SLO is invalid: {problems[0].field} {problems[0].message}.", problems
        )
    if store.slo_by_name(session, tenant_id, service_id, spec["name"]) is not None:
        raise errors.already_exists("SLO", spec["name"])
    if len(store.slos_of(session, tenant_id, service_id)) >= MAX_SLOS_PER_SERVICE:
        raise errors.failed_precondition(f"A service has at most {MAX_SLOS_PER_SERVICE} SLOs.")
    now = utcnow()
    row = SloRow(
        id=new_id("slo"),
        tenant_id=tenant_id,
        service_id=service_id,
        name=spec["name"],
        display_name="",
        description="",
        sli_type=spec["sli_type"],
        objective=float(spec["objective"]),
        window_days=spec["window_days"],
        budgeting_method=spec["budgeting_method"],
        indicator={},
        timeslice=None,
        alerting=[],
        labels={},
        revision=1,
        created_at=now,
        updated_at=now,
    )
    _apply(row, spec)
    session.add(row)
    session.flush()
    return row


def create_slo(db: Database, ctx: TenantContext, service_id: str, body: dict[str, Any]) -> dict[str, Any]:
    with db.session() as session:
        return to_dict(create_in(session, ctx.tenant_id, service_id, body))


def get_slo(db: Database, ctx: TenantContext, service_id: str, slo_id: str) -> dict[str, Any]:
    with db.session() as session:
        return to_dict(_require_slo(session, ctx.tenant_id, service_id, slo_id))


def list_slos(
    db: Database,
    ctx: TenantContext,
    service_id: str,
    *,
    page_size: int | None = None,
    page_token: str | None = None,
) -> Page[dict[str, Any]]:
    with db.session() as session:
        require_service(session, ctx.tenant_id, service_id)
        page = paginate(
            lambda after, limit: store.slo_page(session, ctx.tenant_id, service_id, after, limit),
            key=lambda row: row.name,
            page_size=page_size,
            page_token=page_token,
            filters={"tenant": ctx.tenant_id, "service": service_id},
        )
        return Page([to_dict(row) for row in page.items], page.next_page_token)


def update_slo(
    db: Database, ctx: TenantContext, service_id: str, slo_id: str, body: dict[str, Any]
) -> dict[str, Any]:
    with db.session() as session:
        row = _require_slo(session, ctx.tenant_id, service_id, slo_id)
        merged = {**to_dict(row), **body}
        problems = validate(merged)
        if problems:
            raise errors.invalid_argument(
                f"The SLO is invalid: {problems[0].field} {problems[0].message}.", problems
            )
        if body.get("name") not in (None, row.name) and store.slo_by_name(
            session, ctx.tenant_id, service_id, body["name"]
        ):
            raise errors.already_exists("SLO", body["name"])
        _apply(row, body)
        row.revision += 1
        row.updated_at = utcnow()
        session.flush()
        return to_dict(row)


def delete_slo(db: Database, ctx: TenantContext, service_id: str, slo_id: str) -> None:
    with db.session() as session:
        session.delete(_require_slo(session, ctx.tenant_id, service_id, slo_id))


# -- what the analyses read -------------------------------------------------------------------------------


def objectives_of(
    session: Session, tenant_id: str, service: ServiceRow, rows: list[SloRow] | None = None
) -> list[dict[str, Any]]:
    """The service's SLOs (``rows`` when already read) as the doctor analyses them; the embedded SLO (or
    the default) when it has none."""
    rows = store.slos_of(session, tenant_id, service.id) if rows is None else rows
    if rows:
        return [to_dict(row) for row in rows]
    embedded = service.slo or {}
    objective, source = budget.objective_or_default(embedded.get("objective"), embedded.get("window_days"))
    return [
        {
            "id": None,
            "name": "service-slo" if source == "service" else "default-slo",
            "sli_type": "availability",
            "objective": objective.percent,
            "window_days": objective.window_days,
            "budgeting_method": "occurrences",
            "indicator": {"name": embedded.get("indicator") or "availability"},
            "timeslice": None,
            "alerting": [],
        }
    ]


def objective(slo: dict[str, Any]) -> budget.Objective:
    return budget.Objective(float(slo["objective"]), int(slo["window_days"]))


def slo_series(slo: dict[str, Any], hist: Any) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """The per-minute good/total ``slo`` is judged on: its SLI's samples (``History.series_for``), budgeted."""
    good, total, _ = hist.series_for(slo.get("indicator") or {})
    return budgeted_series(slo, good, total)


def budgeted_series(
    slo: dict[str, Any], good: npt.NDArray[np.float64], total: npt.NDArray[np.float64]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Per-minute good/total as the SLO budgets them.

    Occurrences: the events themselves. Timeslices: each slice of ``window_minutes`` is good when its SLI
    reaches ``target`` percent; every minute with events of a slice counts one event, good or bad as its
    slice (so the per-minute machinery of budgets, burns and backtests applies unchanged).
    """
    if slo.get("budgeting_method") != "timeslices" or not slo.get("timeslice"):
        return good, total
    width = max(int(slo["timeslice"]["window_minutes"]), 1)
    target = float(slo["timeslice"]["target"]) / 100.0
    size = good.size
    padded = -(-size // width) * width
    g = np.zeros(padded)
    t = np.zeros(padded)
    g[:size], t[:size] = good, total
    slice_good = g.reshape(-1, width).sum(axis=1)
    slice_total = t.reshape(-1, width).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        ok = np.where(slice_total > 0, slice_good / np.where(slice_total > 0, slice_total, 1) >= target, True)
    has = (total > 0).astype(np.float64)
    good_minutes = has * np.repeat(ok, width)[:size]
    return good_minutes.astype(np.float64), has
