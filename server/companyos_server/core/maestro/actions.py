"""Built-in action types: what a plan step may do, how its parameters are checked, what it targets.

An action type names an effect of the platform adapter (``effect``), validates its parameters (field
errors, never exceptions), names its target (``svc_…``, ``dep_…``), describes what would change (for
dry runs), carries a default risk and the IntelGraph relation a run gets to its target. Executing an
action is the adapter's business (:mod:`.adapters`); plans only name action types, so a real adapter
plugs in without touching them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from companyos_server.errors import FieldError

ID_PATTERNS = {
    "service_id": re.compile(r"^svc_[0-9A-Za-z_-]{1,64}$"),
    "deployment_id": re.compile(r"^dep_[0-9A-Za-z_-]{1,64}$"),
    "to_deployment_id": re.compile(r"^dep_[0-9A-Za-z_-]{1,64}$"),
    "incident_id": re.compile(r"^inc_[0-9A-Za-z_-]{1,64}$"),
}
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
ENVIRONMENTS = ("production", "staging", "sandbox")
MAX_WAIT_SECONDS = 3600
MAX_REPLICAS = 1000


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # "id", "name", "int", "bool", "text", "number", "environment"
    required: bool = True
    minimum: float | None = None
    maximum: float | None = None


@dataclass(frozen=True)
class ActionType:
    name: str
    effect: str | None  # the adapter method; None for engine-level actions (``wait``)
    params: tuple[Param, ...]
    target_param: str | None
    target_kind: str | None  # IntelGraph entity kind of the target
    relation: str | None  # plan_run --relation--> target
    risk: str  # default risk: "high" needs step-up to execute
    summary: Callable[[dict[str, Any]], str]
    description: str

    def target(self, parameters: dict[str, Any]) -> str | None:
        if self.target_param is None:
            return None
        value = parameters.get(self.target_param)
        return str(value) if value is not None else None


def _check(param: Param, value: Any, field: str) -> FieldError | None:
    if param.kind == "id":
        pattern = ID_PATTERNS[param.name]
        if not isinstance(value, str) or not pattern.match(value):
            prefix = pattern.pattern[1:5]
            return FieldError(field, f"must be an id starting with '{prefix}'", "invalid_id")
    elif param.kind == "name":
        if not isinstance(value, str) or not NAME.match(value):
            return FieldError(field, "must be 1–128 letters, digits or _.- (starting alphanumeric)")
    elif param.kind == "text":
        if not isinstance(value, str) or not 1 <= len(value) <= 500:
            return FieldError(field, "must be a string of 1–500 characters")
    elif param.kind == "bool":
        if not isinstance(value, bool):
            return FieldError(field, "must be a boolean")
    elif param.kind == "environment":
        if value not in ENVIRONMENTS:
            return FieldError(field, f"must be one of {', '.join(ENVIRONMENTS)}")
    elif param.kind in ("int", "number"):
        ok_type = (int,) if param.kind == "int" else (int, float)
        if isinstance(value, bool) or not isinstance(value, ok_type):
            return FieldError(field, f"must be {'an integer' if param.kind == 'int' else 'a number'}")
        if param.minimum is not None and value < param.minimum:
            return FieldError(field, f"must be at least {param.minimum:g}")
        if param.maximum is not None and value > param.maximum:
            return FieldError(field, f"must be at most {param.maximum:g}")
    return None


def validate_parameters(action: ActionType, parameters: Any, field: str) -> list[FieldError]:
    if not isinstance(parameters, dict):
        return [FieldError(field, "must be an object")]
    problems: list[FieldError] = []
    known = {p.name for p in action.params}
    for extra in sorted(set(parameters) - known):
        problems.append(FieldError(f"{field}.{extra}", f"is not a parameter of '{action.name}'", "unknown"))
    for param in action.params:
        if param.name not in parameters:
            if param.required:
                problems.append(FieldError(f"{field}.{param.name}", "is required", "required"))
            continue
        problem = _check(param, parameters[param.name], f"{field}.{param.name}")
        if problem:
            problems.append(problem)
    return problems


def _rollback(p: dict[str, Any]) -> str:
    to = p.get("to_deployment_id") or "the previous good deployment"
    return f"Deployment {p.get('deployment_id')} is rolled back to {to}."


ACTIONS: dict[str, ActionType] = {
    a.name: a
    for a in (
        ActionType(
            "deployment.rollback",
            "rollback_deployment",
            (
                Param("deployment_id", "id"),
                Param("to_deployment_id", "id", required=False),
                Param("service_id", "id", required=False),
            ),
            "deployment_id",
            "deployment",
            "rolls_back",
            "high",
            _rollback,
            "Roll a deployment back to the previous good one (or to_deployment_id).",
        ),
        ActionType(
            "service.restart",
            "restart_service",
            (Param("service_id", "id"), Param("environment", "environment", required=False)),
            "service_id",
            "service",
            "remediates",
            "normal",
            lambda p: f"Every instance of service {p.get('service_id')} is restarted (rolling).",
            "Restart a service (rolling restart of every instance).",
        ),
        ActionType(
            "service.scale",
            "scale_service",
            (
                Param("service_id", "id"),
                Param("replicas", "int", minimum=0, maximum=MAX_REPLICAS),
                Param("environment", "environment", required=False),
            ),
            "service_id",
            "service",
            "remediates",
            "normal",
            lambda p: f"Service {p.get('service_id')} is scaled to {p.get('replicas')} replicas.",
            "Scale a service to a number of replicas.",
        ),
        ActionType(
            "flag.toggle",
            "toggle_flag",
            (
                Param("flag", "name"),
                Param("enabled", "bool"),
                Param("environment", "environment", required=False),
                Param("percentage", "int", required=False, minimum=0, maximum=100),
            ),
            "flag",
            "flag",
            "toggles",
            "normal",
            lambda p: (
                f"Feature flag {p.get('flag')} is turned {'on' if p.get('enabled') else 'off'}"
                + (
                    f" for {p['percentage']} % of {p.get('environment')}"
                    if p.get("percentage") is not None
                    else ""
                )
                + "."
            ),
            "Turn a feature flag on or off (with an environment and a percentage: a staged rollout).",
        ),
        ActionType(
            "account.lock",
            "lock_account",
            (Param("account_id", "name"), Param("reason", "text", required=False)),
            "account_id",
            "account",
            "locks",
            "high",
            lambda p: f"Account {p.get('account_id')} is locked; its sessions and tokens stop working.",
            "Lock an account (sign-ins and tokens refused until unlocked).",
        ),
        ActionType(
            "credential.rotate",
            "rotate_credential",
            (Param("credential_id", "name"),),
            "credential_id",
            "credential",
            "rotates",
            "high",
            lambda p: f"Credential {p.get('credential_id')} is rotated; the old secret is revoked.",
            "Rotate a credential (new secret issued, the old one revoked).",
        ),
        ActionType(
            "incident.task",
            "open_incident_task",
            (Param("incident_id", "id"), Param("title", "text"), Param("assignee", "name", required=False)),
            "incident_id",
            "incident",
            "tasks",
            "normal",
            lambda p: f"A task '{p.get('title')}' is opened on incident {p.get('incident_id')}.",
            "Open a task on an incident.",
        ),
        ActionType(
            "tenant.enforce_step_up",
            "enforce_step_up",
            (Param("hours", "number", minimum=0, maximum=720),),
            None,
            None,
            None,
            "high",
            lambda p: (
                f"Every change by a person in the tenant needs a recent multi-factor sign-in for {p.get('hours')} h."
                if p.get("hours")
                else "Enforced step-up for the tenant is lifted."
            ),
            "Enforce step-up for the whole tenant for some hours (0 lifts it: the compensation).",
        ),
        ActionType(
            "tenant.raise_logging",
            "raise_logging",
            (Param("hours", "number", minimum=0, maximum=720),),
            None,
            None,
            None,
            "high",  # lowering it again must not be open to a suspect with only a password
            lambda p: (
                f"The tenant's reads are audited too for {p.get('hours')} h."
                if p.get("hours")
                else "The tenant's audit logging is back to changes and denials."
            ),
            "Raise the tenant's audit logging to reads for some hours (0 restores it: the compensation).",
        ),
        ActionType(
            "service.isolate",
            "isolate_service",
            (
                Param("service_id", "id"),
                Param("reason", "text", required=False),
                Param("release", "bool", required=False),
            ),
            "service_id",
            "service",
            "isolates",
            "high",
            lambda p: (
                f"Service {p.get('service_id')} is released from isolation."
                if p.get("release")
                else f"Service {p.get('service_id')} is isolated: no new deployment, its flag rollouts stop."
            ),
            "Isolate a workload: new deployments refused, rollouts gated on it stopped (release: true undoes).",
        ),
        ActionType(
            "wait",
            None,
            (Param("seconds", "number", minimum=0, maximum=MAX_WAIT_SECONDS),),
            None,
            None,
            None,
            "normal",
            lambda p: f"The run pauses for {p.get('seconds')} s (e.g. to let a rollout settle).",
            "Pause the run (no effect on the platform).",
        ),
    )
}


def get(name: str) -> ActionType | None:
    return ACTIONS.get(name)


def catalog() -> list[dict[str, Any]]:
    return [
        {
            "name": a.name,
            "description": a.description,
            "risk": a.risk,
            "parameters": [{"name": p.name, "type": p.kind, "required": p.required} for p in a.params],
        }
        for a in ACTIONS.values()
    ]
