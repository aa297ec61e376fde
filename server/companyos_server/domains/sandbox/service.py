"""Seeded sandboxes as a resource: seed one, read it, reset it (with an evidence pack of what went).

The rows come from :mod:`.stories` and :mod:`.reset`; this module keeps the record (``sandboxes``: story,
seed, clock anchor, digest), audits each seeding and reset, and signs the reset's evidence.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from companyos_server import errors
from companyos_server.core.spine.store import EvidenceItem, canonical_json
from companyos_server.domains.sandbox import reset as resets
from companyos_server.domains.sandbox import stories
from companyos_server.domains.sandbox.profiles import PROFILES
from companyos_server.domains.sandbox.store import SandboxRow
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import utcnow

__all__ = ["get_sandbox", "reset_sandbox", "seed_sandbox"]

MAX_SEED = 2**31 - 1


def to_dict(row: SandboxRow) -> dict[str, Any]:
    return {
        "tenant_id": row.tenant_id,
        "profile": row.profile,
        "seed": row.seed,
        "anchor": row.anchor,
        "digest": row.digest,
        "counts": dict(row.counts),
        "skipped": dict(row.skipped),
        "seconds": round(row.seconds, 3),
        "seeded_at": row.seeded_at,
        "reset_at": row.reset_at,
        "resets": row.resets,
    }


def _audit(runtime: Any, ctx: TenantContext, event: str, details: dict[str, Any]) -> None:
    runtime.audit.record(
        ctx.tenant_id, actor=ctx.principal.subject, actor_kind=ctx.principal.kind, action=f"sandbox:{event}",
        resource=f"sandbox:{ctx.tenant_id}", outcome="success", status=None, request_id=ctx.request_id,
        details=details,
    )  # fmt: skip


def seed_sandbox(runtime: Any, ctx: TenantContext, body: dict[str, Any]) -> dict[str, Any]:
    profile, seed = body.get("profile"), body.get("seed", 1)
    if profile not in PROFILES:
        raise errors.invalid_argument("Unknown profile.", [errors.FieldError("profile", ", ".join(PROFILES))])
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= MAX_SEED:
        raise errors.invalid_argument(
            "seed is an integer 0..2^31-1.", [errors.FieldError("seed", "0..2147483647")]
        )
    # The record goes first (digest empty until the story is in): a second seeding meets it (409), and a
    # seeding that fails half-way (its rows committed, the analytics events not) can still be reset.
    now = utcnow()
    try:
        with runtime.db.session() as session:
            if session.get(SandboxRow, ctx.tenant_id) is not None:
                raise errors.failed_precondition(
                    f"Sandbox '{ctx.tenant_id}' is seeded already: reset it instead."
                )
            session.add(SandboxRow(tenant_id=ctx.tenant_id, profile=str(profile), seed=seed, anchor=now,
                                   first_anchor=now, digest="", counts={}, skipped={}, seconds=0.0,
                                   seeded_at=now, resets=0))  # fmt: skip
    except IntegrityError:  # a concurrent seeding of the same tenant
        raise errors.failed_precondition(f"Sandbox '{ctx.tenant_id}' is being seeded already.") from None
    try:
        summary = stories.seed_sandbox(runtime, ctx.tenant_id, str(profile), seed, now)
    except errors.DomainError:  # refused before a row was written (not a sandbox, holds data, quota)
        with runtime.db.session() as session:
            session.execute(delete(SandboxRow).where(SandboxRow.tenant_id == ctx.tenant_id))
        raise
    with runtime.db.session() as session:
        row = session.get(SandboxRow, ctx.tenant_id)
        assert row is not None
        row.anchor = row.first_anchor = summary.now
        row.digest, row.counts, row.skipped = summary.digest, dict(summary.counts), dict(summary.skipped)
        row.seconds = summary.seconds
        session.flush()
        out = to_dict(row)
    ensure_rollback_plan(runtime, ctx.tenant_id, ctx.principal.subject)
    _audit(runtime, ctx, "seed", {"profile": summary.profile, "seed": summary.seed, "digest": summary.digest})
    return out


ROLLBACK_SERVICE = (
    "checkout-api"  # the ops-heavy story's bad deploy (``companyos demo run ops-heavy`` step 6)
)


def ensure_rollback_plan(runtime: Any, tenant_id: str, actor: str) -> str | None:
    """The story's Maestro plan "Roll back checkout-api", pointed at checkout-api's newest deployment:
    created on the first seeding, a new version after a reset (plans and their runs outlive resets)."""
    from companyos_server.core.maestro import plans
    from companyos_server.core.maestro.models import PlanRow
    from companyos_server.core.maestro.seed import latest_deployment, rollback_plan
    from companyos_server.domains.services.store import ServiceRow

    with runtime.db.session() as session:
        service_id = session.scalar(
            select(ServiceRow.id).where(
                ServiceRow.tenant_id == tenant_id, ServiceRow.name == ROLLBACK_SERVICE
            )
        )
        deployment_id = latest_deployment(session, tenant_id, service_id) if service_id else None
        if service_id is None or deployment_id is None:
            return None  # a story without that deploy (admin-heavy)
        body = plans.validate_definition(rollback_plan(service_id, ROLLBACK_SERVICE, deployment_id))
        found = session.scalars(
            select(PlanRow).where(PlanRow.tenant_id == tenant_id, PlanRow.name == body["name"])
        ).first()
        row = (
            plans.create(session, tenant_id, body, actor)
            if found is None
            else plans.update(session, tenant_id, found.id, body, actor)
        )
        return str(row.id)


def get_sandbox(runtime: Any, ctx: TenantContext) -> dict[str, Any]:
    with runtime.db.session() as session:
        row = session.get(SandboxRow, ctx.tenant_id)
        if row is None:
            raise errors.not_found("Sandbox", ctx.tenant_id)
        return to_dict(row)


def reset_sandbox(runtime: Any, ctx: TenantContext, body: dict[str, Any] | None) -> dict[str, Any]:
    """Back to the story: with the clock moved to now, or kept (the first seeding's rows, same digest)."""
    body = body or {}
    keep_clock = body.get("keep_clock", False)
    if not isinstance(keep_clock, bool):
        raise errors.invalid_argument(
            "keep_clock is a boolean.", [errors.FieldError("keep_clock", "boolean")]
        )
    before = get_sandbox(runtime, ctx)
    with runtime.db.session() as session:
        first_anchor = session.get(SandboxRow, ctx.tenant_id).first_anchor  # type: ignore[union-attr]
    now: datetime = first_anchor if keep_clock else utcnow()
    summary = resets.reset_sandbox(runtime, ctx.tenant_id, before["profile"], before["seed"], now)
    seeded = summary.seeded
    with runtime.db.session() as session:
        session.execute(
            update(SandboxRow)
            .where(SandboxRow.tenant_id == ctx.tenant_id)
            .values(anchor=seeded.now, digest=seeded.digest, counts=dict(seeded.counts), seconds=seeded.seconds,
                    reset_at=utcnow(), resets=SandboxRow.resets + 1)
        )  # fmt: skip
    plan_id = ensure_rollback_plan(runtime, ctx.tenant_id, ctx.principal.subject)
    after = get_sandbox(runtime, ctx)
    document = {
        "schema": "companyos.sandbox-reset/v1",
        "tenant_id": ctx.tenant_id,
        "profile": after["profile"],
        "seed": after["seed"],
        "reason": str(body.get("reason") or ""),
        "requested_by": ctx.principal.subject,
        "before": {"digest": before["digest"], "anchor": _iso(before["anchor"])},
        "after": {"digest": after["digest"], "anchor": _iso(after["anchor"]), "counts": after["counts"]},
        "removed": dict(sorted(summary.removed.items())),
        "removed_files": summary.removed_files,
        "removed_events": summary.removed_analytics_events,
        "kept": dict(sorted(resets.KEPT.items())),
        "rollback_plan_id": plan_id,
        "created_at": _iso(utcnow()),
    }
    pack = runtime.evidence.create_pack(
        tenant_id=ctx.tenant_id, title=f"Sandbox {ctx.tenant_id} reset to {after['profile']} (seed {after['seed']})",
        subject=f"tenant:{ctx.tenant_id}", items=[EvidenceItem("reset.json", canonical_json(document))],
        lineage={"inputs": [f"tenant:{ctx.tenant_id}"], "process": "sandbox:reset", "outputs": [f"tenant:{ctx.tenant_id}"]},
        created_by=ctx.principal.subject,
    )  # fmt: skip
    _audit(runtime, ctx, "reset", {"digest": after["digest"], "keep_clock": keep_clock, "evidence_pack_id": pack["id"],
                                   "removed": sum(summary.removed.values())})  # fmt: skip
    return {"sandbox": after, "removed": document["removed"], "removed_files": summary.removed_files,
            "removed_events": summary.removed_analytics_events, "evidence_pack_id": pack["id"]}  # fmt: skip


def _iso(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")
