"""Whether the CompanyOS objects a step names exist in the run's tenant.

Deployments, services (the catalog), feature flags and incidents belong to CompanyOS, so before any
adapter is asked to act on one (and in the dry run) the engine checks that it exists *in the run's
tenant*. An unknown id, or another tenant's, is a permanent failure (:class:`~.adapters.TargetNotFound`),
never an effect. This holds for every adapter: a Kubernetes adapter restarts pods outside CompanyOS, but
the service it restarts must still be in the tenant's catalog.

Checked parameters: ``deployment_id`` and ``to_deployment_id`` (deployments), ``service_id`` (the service
catalog), ``flag`` (the tenant's feature flags), ``incident_id`` (incidents). ``account.lock`` and
``credential.rotate`` name accounts and secrets of systems outside CompanyOS (no CompanyOS store holds
them), so they are not checked. A domain that is not installed cannot be asked and is not checked.

Reads only, in the caller's session (the dry run writes nothing; the recording adapter checks in the
effect's own transaction).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class MissingTarget:
    kind: str  # "deployment", "service", "flag", "incident"
    ref: str  # the id (or flag key) the step names
    parameter: str  # the step parameter that names it
    tenant_id: str

    @property
    def message(self) -> str:
        return f"{self.kind} {self.ref} does not exist in tenant {self.tenant_id}"


def _deployment_exists(session: Session, tenant_id: str, deployment_id: str) -> bool | None:
    try:
        from companyos_server.domains.deployments import store
    except ImportError:
        return None
    return store.get(session, tenant_id, deployment_id) is not None


def _service_exists(session: Session, tenant_id: str, service_id: str) -> bool | None:
    try:
        from companyos_server.domains.services import store
    except ImportError:
        return None
    return store.get(session, tenant_id, service_id) is not None


def _flag_exists(session: Session, tenant_id: str, key: str) -> bool | None:
    try:
        from companyos_server.domains.tenant_config import store
    except ImportError:
        return None
    return store.get_flag(session, tenant_id, key) is not None


def _incident_exists(session: Session, tenant_id: str, incident_id: str) -> bool | None:
    try:
        from companyos_server.domains.incidents import store
    except ImportError:
        return None
    return store.get(session, tenant_id, incident_id) is not None


Exists = Callable[[Session, str, str], bool | None]

# parameter → (kind, look-up); a look-up returns None when it cannot tell (domain not installed).
PARAMETERS: dict[str, tuple[str, Exists]] = {
    "deployment_id": ("deployment", _deployment_exists),
    "to_deployment_id": ("deployment", _deployment_exists),
    "service_id": ("service", _service_exists),
    "flag": ("flag", _flag_exists),
    "incident_id": ("incident", _incident_exists),
}

# action → the parameters naming CompanyOS objects (checked in this order when present).
CHECKED: dict[str, tuple[str, ...]] = {
    "deployment.rollback": ("deployment_id", "to_deployment_id", "service_id"),
    "service.restart": ("service_id",),
    "service.scale": ("service_id",),
    "flag.toggle": ("flag",),
    "incident.task": ("incident_id",),
    "service.isolate": ("service_id",),
}


def missing(session: Session, tenant_id: str, action: str, parameters: dict[str, Any]) -> list[MissingTarget]:
    """The CompanyOS objects the action's parameters name that the tenant does not have."""
    found: list[MissingTarget] = []
    for name in CHECKED.get(action, ()):
        value = parameters.get(name)
        if value is None:
            continue
        kind, exists = PARAMETERS[name]
        if exists(session, tenant_id, str(value)) is False:
            found.append(MissingTarget(kind, str(value), name, tenant_id))
    return found


def describe(problems: list[MissingTarget]) -> str:
    return "; ".join(p.message for p in problems)
