"""The rollout scheduler: a server process's thread that advances rollouts nobody has to click through.

Every ``COMPANYOS_ROLLOUT_SCHEDULE_INTERVAL_SECONDS`` (default 15; 0 = off) it takes each approved or
running rollout with ``auto_advance`` and steps it (:func:`rollouts.step`): a due stage runs after its
gates pass, a baking stage has its gates watched (a failure rolls the flag back at once), a finished
rollout completes. It acts on the approver's authority, so each change it makes is audited with the
approver as actor and ``scheduled: true``. Several workers may run it: a rollout's row is locked and its
state compared before a change, so a stage is applied once.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from companyos_server import errors
from companyos_server.domains.features import rollouts, store
from companyos_server.platform.periodic import PeriodicPass, run_every
from companyos_server.platform.principal import Principal, TenantContext
from companyos_server.platform.storage import Database

log = logging.getLogger("companyos.features")


def _context(tenant_id: str, rollout_id: str) -> TenantContext:
    principal = Principal(subject=f"rollout-scheduler:{rollout_id}", kind="client", tenants={tenant_id: ()})
    return TenantContext(tenant_id=tenant_id, principal=principal)


def run_due(db: Database, audit: Any | None, *, now: datetime | None = None) -> int:
    """One pass over every scheduled rollout; returns how many changed."""
    with db.session() as session:
        scheduled = store.scheduled_rollouts(session, (rollouts.APPROVED, rollouts.RUNNING))
    changed = 0
    for tenant_id, rollout_id in scheduled:
        try:
            rollout, event = rollouts.step(
                db, _context(tenant_id, rollout_id), rollout_id, scheduled=True, now=now
            )
        except errors.DomainError as exc:  # e.g. the flag was deleted: the next pass tries again
            log.warning("rollout %s in %s not stepped: %s", rollout_id, tenant_id, exc.detail)
            continue
        if event is None:
            continue
        changed += 1
        if audit is not None:
            _audit(audit, rollout, event)
    return changed


def _audit(audit: Any, rollout: dict[str, Any], event: str) -> None:
    approver = next((a["approver"] for a in reversed(rollout["approvals"])), rollout["requester"])
    last = rollout["history"][-1]
    audit.record(
        rollout["tenant_id"], actor=approver, actor_kind="user", action=f"features:rollout.{event}",
        resource=f"rollout:{rollout['id']}", outcome="success", status=None, request_id=None,
        details={"scheduled": True, "flag_key": rollout["flag_key"], "environment": rollout["environment"],
                 "percentage": last.get("percentage", rollout["current_percentage"]),
                 "gates": {g["gate"]: g["status"] for g in last.get("gates", [])}},
    )  # fmt: skip


def follow_rollouts(runtime: Any) -> PeriodicPass | None:
    """Start the runtime's scheduler thread (closed with the runtime); None when the interval is 0."""
    return run_every(
        runtime, "rollout-scheduler", runtime.settings.rollout_schedule_interval_seconds,
        lambda: run_due(runtime.db, runtime.audit), log,
    )  # fmt: skip
