"""Real targets for Maestro tests: services, deployments, flags and incidents with fixed ids.

Maestro refuses steps whose CompanyOS target (deployment, service, flag, incident) is not in the run's
tenant, so tests that run plans create the targets they name. Rows are written directly (fixed ids keep
the assertions readable); the domains read them like any other.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from companyos_server.domains.deployments.store import DeploymentRow
from companyos_server.domains.incidents.store import IncidentRow
from companyos_server.domains.services.store import ServiceRow
from companyos_server.domains.tenant_config import flags
from companyos_server.platform.storage import Database, utcnow

# What the unit and durability tests' plans name (acme's, unless a test says otherwise).
SERVICES = {"svc_checkout": "checkout-test", "svc_a": "service-a-test", "svc_payments": "payments-test"}
FLAGS = ("checkout.v2",)
INCIDENTS = {"inc_1": "Checkout errors (test)"}


def add_service(db: Database, tenant_id: str, service_id: str, name: str) -> None:
    now = utcnow()
    with db.session() as s:
        s.add(
            ServiceRow(id=service_id, tenant_id=tenant_id, name=name, description="", owner_team="payments",
                       owner_contact="#payments", tier="tier-1", environments=["production"], runbooks=[],
                       data_locations=[], slo=None, labels={}, revision=1, created_at=now, updated_at=now)
        )  # fmt: skip


def add_flag(db: Database, tenant_id: str, key: str, *, enabled: bool = True) -> None:
    with db.session() as s:
        flags.create_flag_in(s, tenant_id, {"key": key, "enabled": enabled})


def add_incident(db: Database, tenant_id: str, incident_id: str, title: str) -> None:
    now = utcnow()
    with db.session() as s:
        s.add(
            IncidentRow(id=incident_id, tenant_id=tenant_id, title=title, summary="", severity="sev2",
                        status="investigating", responders=[], dashboards=[], tasks=[], created_by="usr_alice",
                        created_at=now, updated_at=now)
        )  # fmt: skip


def add_deployment(
    db: Database, tenant_id: str, deployment_id: str, service_id: str, version: str, *, minutes_ago: int
) -> None:
    """A succeeded production deployment (so a later one can be rolled back to it)."""
    at = utcnow() - timedelta(minutes=minutes_ago)
    stages: list[dict[str, Any]] = [
        {"name": "deploy", "state": "succeeded", "started_at": at.isoformat(), "finished_at": at.isoformat()}
    ]
    with db.session() as s:
        s.add(
            DeploymentRow(id=deployment_id, tenant_id=tenant_id, service_id=service_id, environment="production",
                          version=version, commit=None, actor="ci", description=None, state="succeeded",
                          stages=stages, evidence_pack_ids=[], rollback_of=None, created_at=at, updated_at=at,
                          finished_at=at)
        )  # fmt: skip


def add_test_targets(db: Database, tenant_id: str) -> None:
    """The services, flags and incidents the Maestro unit and durability tests name, in ``tenant_id``."""
    for service_id, name in SERVICES.items():
        add_service(db, tenant_id, service_id, name)
    for key in FLAGS:
        add_flag(db, tenant_id, key)
    for incident_id, title in INCIDENTS.items():
        add_incident(db, tenant_id, incident_id, title)
