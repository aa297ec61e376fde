"""Demo Maestro data for both demo tenants: remediation plans on their real demo services and
deployments, and 24 h of SLI samples per service (so verification has data). Idempotent."""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select

from companyos_server.core.maestro import plans
from companyos_server.core.maestro.models import PlanRow, SliSampleRow
from companyos_server.platform.runtime import Runtime
from companyos_server.platform.storage import new_id, utcnow

SEED_ORDER = 50
ACTOR = "seed"
TENANTS = ("acme", "globex")
PRIMARY = {"acme": "checkout-api", "globex": "order-service"}
SAMPLE_EVERY = timedelta(minutes=5)
SAMPLE_HOURS = 24


def _services(session: Any, tenant_id: str) -> list[tuple[str, str]]:
    try:
        from companyos_server.domains.services import store as services_store
    except ImportError:
        return []
    return [(row.id, row.name) for row in services_store.all_services(session, tenant_id)]


def latest_deployment(session: Any, tenant_id: str, service_id: str) -> str | None:
    try:
        from companyos_server.domains.deployments.store import DeploymentRow
    except ImportError:
        return None
    query = (
        select(DeploymentRow.id)
        .where(DeploymentRow.tenant_id == tenant_id, DeploymentRow.service_id == service_id)
        .order_by(DeploymentRow.created_at.desc())
        .limit(1)
    )
    return session.scalar(query)


def rollback_plan(service_id: str, name: str, deployment_id: str) -> dict[str, Any]:
    """The demo stories' "Roll back <service>" plan (the development seed's and a sandbox's)."""
    return {
        "name": f"Roll back {name}",
        "description": f"Roll {name} back to its previous good deployment, then restart it.",
        "steps": [
            {"id": "rollback", "action": "deployment.rollback",
             "parameters": {"deployment_id": deployment_id, "service_id": service_id},
             "retries": {"max_attempts": 3, "base_delay": 1, "max_delay": 10}},
            {"id": "restart", "action": "service.restart", "parameters": {"service_id": service_id}},
        ],
    }  # fmt: skip


def _plan_bodies(
    tenant_id: str, service_id: str, name: str, deployment_id: str | None
) -> list[dict[str, Any]]:
    restart = {"id": "restart", "action": "service.restart", "parameters": {"service_id": service_id}}
    bodies: list[dict[str, Any]] = [
        {
            "name": f"Restart and scale out {name}",
            "description": f"Rolling restart of {name}, then scale out; scales back if a later step fails.",
            "steps": [
                {**restart, "retries": {"max_attempts": 3, "base_delay": 2, "max_delay": 20}},
                {"id": "scale-out", "action": "service.scale",
                 "parameters": {"service_id": service_id, "replicas": 6},
                 "compensation": {"action": "service.scale", "parameters": {"service_id": service_id, "replicas": 3}}},
                {"id": "settle", "action": "wait", "parameters": {"seconds": 30}},
            ],
        },
        {
            "name": "Contain a compromised account",
            "description": "Lock the account and rotate the API credential it used.",
            "steps": [
                {"id": "lock", "action": "account.lock", "parameters": {"account_id": f"{tenant_id}-svc-robot"}},
                {"id": "rotate", "action": "credential.rotate", "parameters": {"credential_id": f"{tenant_id}-api-key-1"}},
            ],
        },
        {
            "name": "Lock down the tenant",
            "description": "During a suspected account takeover: every change needs a fresh MFA sign-in for a day, "
                           "and reads are audited for three days. A later failing step lifts both.",
            "steps": [
                {"id": "step-up", "action": "tenant.enforce_step_up", "parameters": {"hours": 24},
                 "compensation": {"action": "tenant.enforce_step_up", "parameters": {"hours": 0}}},
                {"id": "logging", "action": "tenant.raise_logging", "parameters": {"hours": 72},
                 "compensation": {"action": "tenant.raise_logging", "parameters": {"hours": 0}}},
            ],
        },
        {
            "name": f"Isolate {name}",
            "description": f"A compromised workload: no new deployment of {name}, its flag rollouts stop.",
            "steps": [
                {"id": "isolate", "action": "service.isolate",
                 "parameters": {"service_id": service_id, "reason": "Suspected compromise (security playbook)"},
                 "compensation": {"action": "service.isolate", "parameters": {"service_id": service_id, "release": True}}},
            ],
        },
    ]  # fmt: skip
    if deployment_id:
        bodies.insert(0, rollback_plan(service_id, name, deployment_id))
    return bodies


def _samples(tenant_id: str, service_id: str, index: int, primary: bool) -> list[SliSampleRow]:
    now = utcnow().replace(second=0, microsecond=0)
    rows = []
    steps = int(SAMPLE_HOURS * 3600 / SAMPLE_EVERY.total_seconds())
    for i in range(steps):
        ts = now - SAMPLE_EVERY * (steps - i)
        total = 1200 + int(400 * math.sin(i / 24 + index)) + 37 * index
        bad = max(int(total * (0.0004 + 0.0002 * (i % 5) / 4)), 0)
        if primary and steps - 18 <= i < steps - 6:  # a bad deploy 90 to 30 minutes ago
            bad = int(total * 0.02)
        rows.append(SliSampleRow(id=new_id("sli"), tenant_id=tenant_id, service_ref=service_id, ts=ts,
                                 good=total - bad, total=total))  # fmt: skip
    return rows


def seed_demo(runtime: Runtime) -> None:
    for tenant_id in TENANTS:
        with runtime.db.session() as session:
            services = _services(session, tenant_id)
            if not services:
                continue
            primary = next((s for s in services if s[1] == PRIMARY[tenant_id]), services[0])
            deployment_id = latest_deployment(session, tenant_id, primary[0])
            for body in _plan_bodies(tenant_id, primary[0], primary[1], deployment_id):
                exists = session.scalar(
                    select(func.count())
                    .select_from(PlanRow)
                    .where(PlanRow.tenant_id == tenant_id, PlanRow.name == body["name"])
                )
                if not exists:
                    plans.create(session, tenant_id, plans.validate_definition(body), ACTOR)
            for index, (service_id, _) in enumerate(services):
                has = session.scalar(
                    select(func.count())
                    .select_from(SliSampleRow)
                    .where(SliSampleRow.tenant_id == tenant_id, SliSampleRow.service_ref == service_id)
                )
                if not has:
                    session.add_all(_samples(tenant_id, service_id, index, service_id == primary[0]))
