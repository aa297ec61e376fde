"""What a run leaves behind: audit events per step, IntelGraph entities/edges/changes, an evidence pack.

The sinks are injected (the runtime's ``audit``, ``graph`` and ``evidence`` by default) so the engine can
be tested with fakes. Graph writes take a session and commit with nothing else: a failed graph write is
logged and noted on the step's output, never turned into a failed remediation after the effect happened.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from typing import Any

from companyos_server.core.maestro import actions
from companyos_server.core.maestro.models import EffectRow, RunRow, RunStepRow
from companyos_server.platform.storage import Database, tenant_select

log = logging.getLogger("companyos.maestro")
REF_UNSAFE = str.maketrans({c: "_" for c in ":/@ "})


def run_ref(run_id: str) -> str:
    return f"plan_run:{run_id}"


def target_ref(action: actions.ActionType, target: str | None) -> str | None:
    if action.target_kind is None or not target:
        return None
    return f"{action.target_kind}:{target.translate(REF_UNSAFE)}"


def _json(value: Any) -> bytes:
    def default(v: Any) -> Any:
        return v.isoformat().replace("+00:00", "Z") if isinstance(v, datetime) else str(v)

    return json.dumps(value, default=default, sort_keys=True, indent=2).encode("utf-8")


class Records:
    def __init__(self, db: Database, audit: Any, graph: Any, evidence: Any) -> None:
        self.db = db
        self.audit = audit
        self.graph = graph
        self.evidence = evidence

    # -- audit ---------------------------------------------------------------------------------
    def step_event(
        self, run: RunRow, step: RunStepRow, transition: str, outcome: str, **details: Any
    ) -> None:
        self.audit.record(
            run.tenant_id,
            actor=run.created_by,
            actor_kind=run.actor_kind,
            action="maestro:step",
            resource=run_ref(run.id),
            outcome=outcome,
            status=200 if outcome == "success" else 500,
            request_id=None,
            details={
                "transition": transition,
                "step_id": step.step_id,
                "action": step.action,
                "target": step.target,
                "attempt": step.attempts,
                "plan_id": run.plan_id,
                "plan_version": run.plan_version,
                **details,
            },
        )

    def run_event(self, run: RunRow, outcome: str, **details: Any) -> None:
        self.audit.record(
            run.tenant_id,
            actor=run.created_by,
            actor_kind=run.actor_kind,
            action="maestro:run",
            resource=run_ref(run.id),
            outcome=outcome,
            status=200 if outcome == "success" else 500,
            request_id=None,
            details={"state": run.state, "plan_id": run.plan_id, "plan_version": run.plan_version, **details},
        )

    # -- IntelGraph ------------------------------------------------------------------------------
    def graph_run(self, run: RunRow) -> None:
        try:
            with self.db.session() as session:
                self.graph.upsert_entity(
                    session,
                    tenant_id=run.tenant_id,
                    kind="plan_run",
                    entity_id=run.id,
                    name=f"{run.plan_name} v{run.plan_version}",
                    attributes={"state": run.state, "plan_id": run.plan_id, "plan_version": run.plan_version},
                    text=f"maestro run of {run.plan_name} {run.reason}".strip(),
                    actor=run.created_by,
                )
                self.graph.link(
                    session,
                    tenant_id=run.tenant_id,
                    src=run_ref(run.id),
                    relation="executes",
                    dst=f"plan:{run.plan_id}",
                    actor=run.created_by,
                )
        except Exception:
            log.exception("IntelGraph write for run %s failed", run.id)

    def graph_step(
        self, run: RunRow, step: RunStepRow, summary: str, *, compensation: bool = False
    ) -> str | None:
        """plan_run --relation--> target, and a change on the target; returns an error text on failure."""
        action = actions.get(step.action)
        ref = target_ref(action, step.target) if action else None
        if action is None or ref is None or action.relation is None:
            return None
        try:
            with self.db.session() as session:
                self.graph.link(
                    session,
                    tenant_id=run.tenant_id,
                    src=run_ref(run.id),
                    relation="compensates" if compensation else action.relation,
                    dst=ref,
                    attributes={"step_id": step.step_id, "action": step.action},
                    actor=run.created_by,
                )
                self.graph.record_change(
                    session,
                    tenant_id=run.tenant_id,
                    ref=ref,
                    actor=run.created_by,
                    action=f"maestro:{step.action}"[:60],
                    summary=summary,
                    details={"run_id": run.id, "step_id": step.step_id, "compensation": compensation},
                )
        except Exception as exc:
            log.exception("IntelGraph write for run %s step %s failed", run.id, step.step_id)
            return f"{type(exc).__name__}: {exc}"
        return None

    # -- Data Spine ------------------------------------------------------------------------------
    def evidence_pack(
        self, run: RunRow, plan: dict[str, Any], steps: list[dict[str, Any]], events: list[dict[str, Any]]
    ) -> str:
        from companyos_server.core.spine.store import EvidenceItem

        with self.db.session() as session:
            effects = [
                {
                    "id": e.id,
                    "step_id": e.step_id,
                    "kind": e.kind,
                    "target": e.target,
                    "parameters": e.parameters,
                    "result": e.result,
                    "idempotency_key": e.idempotency_key,
                    "applied_at": e.applied_at,
                }
                for e in session.scalars(
                    tenant_select(EffectRow, run.tenant_id)
                    .where(EffectRow.run_id == run.id)
                    .order_by(EffectRow.id)
                )
            ]
        targets = sorted(
            {
                ref
                for s in steps
                if (action := actions.get(s["action"])) is not None
                and (ref := target_ref(action, s.get("target"))) is not None
            }
        )
        inputs = {"plan": plan, "reason": run.reason, "inputs": run.inputs, "created_by": run.created_by}
        outputs = {"state": run.state, "steps": steps, "effects": effects}
        pack = self.evidence.create_pack(
            tenant_id=run.tenant_id,
            title=f"Maestro run {run.id}: {run.plan_name} v{run.plan_version} ({run.state})",
            subject=run_ref(run.id),
            items=[
                EvidenceItem("step-log.json", _json(events), "application/json"),
                EvidenceItem("inputs.json", _json(inputs), "application/json"),
                EvidenceItem("outputs.json", _json(outputs), "application/json"),
            ],
            lineage={
                "inputs": [f"plan_version:{run.plan_id}.{run.plan_version}", *targets],
                "process": f"maestro.run:{run.id}",
                "outputs": [run_ref(run.id), *(f"effect:{e['id']}" for e in effects)],
            },
            created_by=run.created_by,
        )
        return str(pack["id"])
