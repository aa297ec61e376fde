"""Read-only look-ups of the tenant's services (``domains/services``, owned by the services domain).

Found through the ORM registry by table name, so alerts, incidents and policies depend only on the
``services`` table's ``id``, ``tenant_id`` and ``name`` columns (and an SLO, when the row has one).
Absent table (services domain not installed) → nothing is found.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from companyos_server.platform.storage import Base, tenant_select

SERVICES_TABLE = "services"


@dataclass(frozen=True)
class ServiceRef:
    id: str
    name: str
    slo_objective: float | None = None  # percent, e.g. 99.9
    slo_window_days: int | None = None

    @property
    def ref(self) -> str:
        return f"service:{self.id}"


def _model() -> Any | None:
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if getattr(cls, "__tablename__", None) == SERVICES_TABLE:
            return cls
    return None


def _slo(row: Any) -> tuple[float | None, int | None]:
    """The first SLO's objective (percent) and window (days), in whichever shape the row keeps it."""
    slo: Any = None
    for attr in ("slo", "slos", "slo_summary"):
        value = getattr(row, attr, None)
        if value:
            slo = value[0] if isinstance(value, list) else value
            break
    if not isinstance(slo, dict):
        objective = getattr(row, "slo_objective", None) or getattr(row, "slo_target", None)
        window = getattr(row, "slo_window_days", None)
        return (float(objective) if objective else None, int(window) if window else None)
    objective = slo.get("objective", slo.get("target"))
    if isinstance(objective, int | float) and objective <= 1:
        objective = float(objective) * 100  # OpenSLO style 0.999
    window = slo.get("window_days")
    if window is None and isinstance(slo.get("window"), str) and slo["window"].endswith("d"):
        window = int(slo["window"][:-1] or 0) or None
    return (float(objective) if objective else None, int(window) if window else None)


def _ref(row: Any) -> ServiceRef:
    objective, window = _slo(row)
    return ServiceRef(str(row.id), str(row.name), objective, window)


def by_name(session: Session, tenant_id: str, name: str) -> ServiceRef | None:
    model = _model()
    if model is None or not name:
        return None
    row = session.scalars(tenant_select(model, tenant_id).where(model.name == name)).first()
    return _ref(row) if row is not None else None


def by_id(session: Session, tenant_id: str, service_id: str) -> ServiceRef | None:
    model = _model()
    if model is None or not service_id:
        return None
    row = session.scalars(tenant_select(model, tenant_id).where(model.id == service_id)).first()
    return _ref(row) if row is not None else None


def resolve_many(session: Session, tenant_id: str, refs: set[str]) -> dict[str, ServiceRef]:
    """Each of ``refs`` that is a service's id or name in the tenant → that service (an id wins over a
    name). One query per 500 refs, however many rows name them."""
    model = _model()
    found: dict[str, ServiceRef] = {}
    if model is None or not refs:
        return found
    ordered = sorted(refs)
    by_name: dict[str, ServiceRef] = {}
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        query = tenant_select(model, tenant_id).where(model.id.in_(chunk) | model.name.in_(chunk))
        for row in session.scalars(query):
            ref = _ref(row)
            found[ref.id] = ref
            by_name.setdefault(ref.name, ref)
    return {ref: found.get(ref) or by_name[ref] for ref in ordered if ref in found or ref in by_name}


def intelgraph(runtime: Any) -> Any | None:
    """``runtime.graph`` (IntelGraph), or None while ``core.intelgraph.graph`` is not installed."""
    try:
        return runtime.graph
    except ModuleNotFoundError:
        return None


def available() -> bool:
    """Whether the services table is installed (when it is not, service ids cannot be checked)."""
    return _model() is not None
