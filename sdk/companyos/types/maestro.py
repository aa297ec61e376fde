"""Types of the ``maestro`` tag (TypedDicts of the spec's schemas)."""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict

__all__ = [
    "MaestroChecklistItem",
    "MaestroCompensation",
    "MaestroDryRun",
    "MaestroEnvironment",
    "MaestroPlan",
    "MaestroRetryPolicy",
    "MaestroRisk",
    "MaestroRun",
    "MaestroRunEvent",
    "MaestroRunState",
    "MaestroServiceVerification",
    "MaestroSliSide",
    "MaestroStep",
    "MaestroStepError",
    "MaestroStepImpact",
    "MaestroVerification",
]

MaestroRisk = Literal["normal", "high"]

MaestroStep = dict[str, Any]  # a oneOf: see the spec

MaestroCompensation = dict[str, Any]  # a oneOf: see the spec

MaestroEnvironment = Literal["production", "staging", "sandbox"]

MaestroRunState = Literal[
    "queued", "running", "compensating", "succeeded", "compensated", "failed", "cancelled"
]


class MaestroPlan(TypedDict):
    id: str
    name: str
    description: str
    version: int
    risk: MaestroRisk
    effective_risk: MaestroRisk
    steps: list[MaestroStep]
    created_by: str
    created_at: str
    updated_at: str


class MaestroRetryPolicy(TypedDict):
    max_attempts: NotRequired[int]
    base_delay: NotRequired[float]
    max_delay: NotRequired[float]


class MaestroStepImpact(TypedDict):
    step_id: str
    action: str
    target: str | None
    change: str
    risk: MaestroRisk
    requires_step_up: bool
    timeout_seconds: int
    max_attempts: int
    compensation: str | None


class MaestroDryRun(TypedDict):
    plan_id: str
    plan_version: int
    plan_name: str
    risk: MaestroRisk
    requires_step_up: bool
    adapter: str
    steps: list[MaestroStepImpact]
    changes_made: bool


class MaestroRun(TypedDict):
    id: str
    tenant_id: str
    plan_id: str
    plan_version: int
    plan_name: str
    state: MaestroRunState
    risk: MaestroRisk
    current_step: str | None
    progress: dict[str, Any]
    steps: list[dict[str, Any]]
    reason: str
    inputs: dict[str, Any]
    job_id: str | None
    created_by: str
    created_at: str
    started_at: str | None
    finished_at: str | None
    cancel_requested: bool
    recoveries: int
    error: str | None
    evidence_pack_id: str | None


class MaestroStepError(TypedDict):
    attempt: int
    message: str
    at: str


class MaestroSliSide(TypedDict):
    good: int
    total: int
    error_rate: float | None
    burn_rate: float | None


class MaestroServiceVerification(TypedDict):
    service_id: str
    state: Literal["ok", "no_data"]
    message: NotRequired[str]
    objective: float
    objective_source: Literal["service", "default"]
    before: NotRequired[MaestroSliSide]
    after: NotRequired[MaestroSliSide]
    error_budget: NotRequired[dict[str, Any]]
    burn_down: NotRequired[list[dict[str, Any]]]
    verdict: NotRequired[Literal["improved", "unchanged", "degraded"] | None]


class MaestroVerification(TypedDict):
    run_id: str
    run_state: MaestroRunState
    state: Literal["ok", "no_data"]
    window: dict[str, Any]
    services: list[MaestroServiceVerification]
    checklist: dict[str, Any]


class MaestroChecklistItem(TypedDict):
    id: str
    text: str
    done: bool
    done_by: str | None
    done_at: str | None


class MaestroRunEvent(TypedDict):
    """The ``data:`` of one run event (``client.maestro.runs.events``)."""

    seq: int
    at: str
    type: str
    run_id: str
    step_id: str | None
    state: str
    data: dict[str, Any]
