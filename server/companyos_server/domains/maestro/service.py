"""Maestro's API-facing logic: tenant context in, plain dicts out. No HTTP here.

Step-up is decided per plan, here rather than at the edge: executing a plan whose effective risk is
high (the plan says so, or any step or its action type is high-risk, e.g. ``deployment.rollback``) needs a
multi-factor sign-in from the last 15 minutes; a normal-risk plan (restart a service) does not. So the
execute operation is not ``x-companyos-risk: high`` in the spec. Dry runs never need step-up; they say
whether the real run would.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from companyos_server import errors
from companyos_server.core.maestro import plans, verification
from companyos_server.core.maestro.engine import Maestro
from companyos_server.platform import sandbox
from companyos_server.platform.pagination import Page
from companyos_server.platform.policy import Resource
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.runtime import get_runtime
from companyos_server.platform.stepup import satisfies_step_up, step_up_challenge


def _page(page: Page[dict[str, Any]]) -> dict[str, Any]:
    return {"items": page.items, "next_page_token": page.next_page_token}


def create_plan(m: Maestro, ctx: TenantContext, body: dict[str, Any]) -> dict[str, Any]:
    return m.create_plan(ctx.tenant_id, body, ctx.principal.subject)


def update_plan(m: Maestro, ctx: TenantContext, plan_id: str, body: dict[str, Any]) -> dict[str, Any]:
    return m.update_plan(ctx.tenant_id, plan_id, body, ctx.principal.subject)


def get_plan(m: Maestro, ctx: TenantContext, plan_id: str) -> dict[str, Any]:
    return m.get_plan(ctx.tenant_id, plan_id)


def get_plan_version(m: Maestro, ctx: TenantContext, plan_id: str, version: int) -> dict[str, Any]:
    return m.get_plan(ctx.tenant_id, plan_id, version)


def list_plans(m: Maestro, ctx: TenantContext, **kwargs: Any) -> dict[str, Any]:
    return _page(m.list_plans(ctx.tenant_id, **kwargs))


def list_plan_versions(m: Maestro, ctx: TenantContext, plan_id: str, **kwargs: Any) -> dict[str, Any]:
    return _page(m.list_plan_versions(ctx.tenant_id, plan_id, **kwargs))


def dry_run(m: Maestro, ctx: TenantContext, plan_id: str, version: int | None = None) -> dict[str, Any]:
    return m.dry_run(ctx.tenant_id, plan_id, version=version, principal=ctx.principal)


def execute(m: Maestro, ctx: TenantContext, plan_id: str, body: dict[str, Any] | None) -> dict[str, Any]:
    """Start a run of one pinned plan version; step-up is judged on that very version.

    The risk is not taken from a separate dry run of "the latest" version: a plan edited between that
    classification and the start would run a version nobody classified (a high-risk one without MFA).
    """
    body = body or {}

    def admit(plan: dict[str, Any], risk: str) -> None:
        _sandbox_guardrails(ctx, plan_id, plan)
        if risk == "high" and not satisfies_step_up(ctx.principal):
            risky = plans.risky_steps(plan)
            raise errors.step_up_required(
                step_up_challenge(),
                f"Plan '{plan_id}' version {plan['version']} is high-risk "
                f"(steps: {', '.join(risky) or 'plan-level'}) and needs a recent multi-factor sign-in.",
            )

    return m.start_run(
        ctx.tenant_id,
        plan_id,
        actor=ctx.principal.subject,
        actor_kind=ctx.principal.kind,
        reason=body.get("reason", ""),
        inputs=body.get("inputs") or {},
        version=body.get("plan_version"),
        admit=admit,
    )


def _sandbox_guardrails(ctx: TenantContext, plan_id: str, plan: dict[str, Any]) -> None:
    """In a sandbox tenant, the plan's effects meet the sandbox guardrails (``sandbox.cedar``) first: the
    edge decided ``maestro:execute`` without knowing which effects the pinned version has."""
    attributes = sandbox.attributes(ctx.tenant_id)
    if attributes["environment"] != sandbox.SANDBOX:
        return
    effects = sorted({str(step.get("action", "")) for step in plan.get("steps", [])})
    decision = get_runtime().policy.authorize(
        ctx.principal, "maestro:execute", Resource("plan", plan_id, ctx.tenant_id, {**attributes, "effects": effects}),
        mutation=True, purpose=ctx.purpose,
    )  # fmt: skip
    if not decision.allowed:
        raise errors.DomainError(
            f"Plan '{plan_id}' version {plan.get('version')} may not run in sandbox tenant '{ctx.tenant_id}' "
            f"({', '.join(decision.policy_ids) or 'no permit'}).",
            403, "Forbidden", "permission-denied",
            extra={"reasons": list(decision.reasons), "policy_ids": list(decision.policy_ids)},
        )  # fmt: skip


def list_runs(m: Maestro, ctx: TenantContext, **kwargs: Any) -> dict[str, Any]:
    return _page(m.list_runs(ctx.tenant_id, **kwargs))


def get_run(m: Maestro, ctx: TenantContext, run_id: str) -> dict[str, Any]:
    return m.get_run(ctx.tenant_id, run_id)


def cancel_run(m: Maestro, ctx: TenantContext, run_id: str) -> dict[str, Any]:
    return m.cancel_run(ctx.tenant_id, run_id, ctx.principal.subject)


def verify_run(
    m: Maestro, ctx: TenantContext, run_id: str, since: datetime | None, until: datetime | None
) -> dict[str, Any]:
    return verification.verify(m.db, ctx.tenant_id, run_id, since=since, until=until)
