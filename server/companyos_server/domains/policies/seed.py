"""Demo policy exceptions for both demo tenants: one approved (active), one pending. Idempotent.

Approved exceptions take effect (they waive the forbid they name), so the demo ones are scoped to a
service: a tenant-wide waiver of ``residency-eu-export`` would let every acme exporter skip MFA.
"""

from __future__ import annotations

import time
from dataclasses import replace

from sqlalchemy import select

from companyos_server.domains.alerts.seed import seed_context
from companyos_server.domains.alerts.services_ref import by_name
from companyos_server.domains.policies import service
from companyos_server.domains.policies.store import PolicyExceptionRow
from companyos_server.platform.principal import ACR_MFA, TenantContext
from companyos_server.platform.runtime import Runtime

SEED_ORDER = 40

Actor = tuple[str, tuple[str, ...]]
# tenant → [(policy id, service name or None, reason, hours, requester, approver or None)]
DEMO_EXCEPTIONS: dict[str, list[tuple[str, str | None, str, int, Actor, Actor | None]]] = {
    "acme": [
        ("residency-eu-export", "analytics-ingest",
         "Quarterly export of analytics-ingest data for the external auditor (ticket SEC-412)", 72,
         ("carol", ("platform_engineer",)), ("dave", ("security_analyst",))),
        ("suspended-tenant-frozen", "checkout-api", "Hotfix window for checkout-api during the billing migration", 24,
         ("alice", ("sre",)), None),
    ],
    "globex": [
        ("residency-eu-export", "reporting-api", "Merchant sales report export for the EU subsidiary", 168,
         ("gabe", ("platform_engineer",)), ("gina", ("tenant_admin",))),
    ],
}  # fmt: skip


def seed_demo(runtime: Runtime) -> None:
    text = runtime.policy.policy_text
    for tenant_id, exceptions in DEMO_EXCEPTIONS.items():
        for policy_id, service_name, reason, hours, (requester, roles), approver in exceptions:
            with runtime.db.session() as session:
                exists = session.scalars(
                    select(PolicyExceptionRow.id).where(
                        PolicyExceptionRow.tenant_id == tenant_id, PolicyExceptionRow.reason == reason
                    )
                ).first()
                svc = by_name(session, tenant_id, service_name) if service_name else None
            if exists or (service_name and svc is None):
                continue
            # The demo people signed in with MFA: exceptions to an MFA policy need it to request and approve.
            ctx = _with_mfa(seed_context(runtime, tenant_id, requester, roles))
            body = {"policy_id": policy_id, "reason": reason, "duration_hours": hours}
            if svc is not None:
                body["service_id"] = svc.id
            created = service.create_exception(runtime.db, text, ctx, body)
            if approver is not None:
                service.approve_exception(
                    runtime.db, text, _with_mfa(seed_context(runtime, tenant_id, *approver)), created["id"]
                )


def _with_mfa(ctx: TenantContext) -> TenantContext:
    principal = replace(ctx.principal, acr=ACR_MFA, auth_time=int(time.time()))
    return replace(ctx, principal=principal)
