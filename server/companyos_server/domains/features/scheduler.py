"""The rollout scheduler: a server process's thread that advances rollouts nobody has to click through.

Every ``COMPANYOS_ROLLOUT_SCHEDULE_INTERVAL_SECONDS`` (default 15; 0 = off) it takes each approved or
running rollout with ``auto_advance`` and steps it (:func:`rollouts.step`): a due stage runs after its
gates pass, a baking stage has its gates watched (a failure rolls the flag back at once), a finished
rollout completes. Each change it makes is audited in the change's transaction, with actor
``rollout-scheduler`` (``system``), ``scheduled: true`` and the approver whose approval it carries out as
``on_behalf_of``. A suspended tenant's rollouts wait. Several workers may run it: a change claims the
rollout's row by moving its revision, so a stage is applied once.
"""

from __future__ import annotations

import logging
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.domains.features import rollouts, store
from companyos_server.domains.tenants.store import load_info
from companyos_server.platform.periodic import PeriodicPass, run_every
from companyos_server.platform.principal import Principal, TenantContext
from companyos_server.platform.storage import Database

log = logging.getLogger("companyos.features")


SCHEDULER = "rollout-scheduler"


def _context(tenant_id: str, rollout_id: str) -> TenantContext:
    principal = Principal(subject=f"{SCHEDULER}:{rollout_id}", kind="client", tenants={tenant_id: ()})
    return TenantContext(tenant_id=tenant_id, principal=principal)


def run_due(db: Database, audit: Any | None, *, now: datetime | None = None) -> int:
    """One pass over every scheduled rollout; returns how many changed. A rollout that fails is logged
    and tried again at the next pass; the others go on."""
    with db.session() as session:
        scheduled = store.scheduled_rollouts(session, (rollouts.APPROVED, rollouts.RUNNING))
    changed = 0
    active: dict[str, bool] = {}
    for tenant_id, rollout_id in scheduled:
        if tenant_id not in active:  # a suspended tenant is frozen: its rollouts wait with it
            info = load_info(db, tenant_id)
            active[tenant_id] = info is not None and info.status == "active"
        if not active[tenant_id]:
            continue
        try:
            _, event = rollouts.step(
                db, _context(tenant_id, rollout_id), rollout_id, scheduled=True, now=now,
                on_change=None if audit is None else partial(_audit, audit),
            )  # fmt: skip
        except errors.DomainError as exc:  # e.g. the flag was deleted
            log.warning("rollout %s in %s not stepped: %s", rollout_id, tenant_id, exc.detail)
            continue
        except Exception:  # one rollout's failure must not stall the others
            log.exception("rollout %s in %s: step failed", rollout_id, tenant_id)
            continue
        changed += event is not None
    return changed


def _audit(audit: Any, session: Session, rollout: dict[str, Any], event: str) -> None:
    """In the change's transaction: the scheduler acted, on the approver's authority."""
    approver = next((a["approver"] for a in reversed(rollout["approvals"])), None)
    last = rollout["history"][-1]
    audit.record_in(
        session, rollout["tenant_id"], actor=SCHEDULER, actor_kind="system",
        action=f"features:rollout.{event}", resource=f"rollout:{rollout['id']}", outcome="success",
        status=None, request_id=None,
        details={"scheduled": True, "on_behalf_of": approver, "flag_key": rollout["flag_key"],
                 "environment": rollout["environment"],
                 "percentage": last.get("percentage", rollout["current_percentage"]),
                 "gates": {g["gate"]: g["status"] for g in last.get("gates", [])}},
    )  # fmt: skip


def follow_rollouts(runtime: Any) -> PeriodicPass | None:
    """Start the runtime's scheduler thread (closed with the runtime); None when the interval is 0."""
    return run_every(
        runtime, "rollout-scheduler", runtime.settings.rollout_schedule_interval_seconds,
        lambda: run_due(runtime.db, runtime.audit), log,
    )  # fmt: skip
