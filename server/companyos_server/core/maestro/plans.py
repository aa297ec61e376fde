"""Plan definitions: validation, normalisation, and the versioned store.

A plan is a named list of steps. Every update makes a new version (``version`` + 1); every version is
kept in ``maestro_plan_versions`` and stays readable, and a run pins the version it executes.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.core.maestro import actions
from companyos_server.core.maestro.models import PlanRow, PlanVersionRow
from companyos_server.errors import FieldError
from companyos_server.platform.storage import new_id, tenant_select, utcnow

STEP_ID = re.compile(r"^[a-z][a-z0-9_-]{0,62}$")
MAX_STEPS = 50
DEFAULT_TIMEOUT = 300
MAX_TIMEOUT = 3600
DEFAULT_RETRIES = {"max_attempts": 1, "base_delay": 1.0, "max_delay": 30.0}
RISKS = ("normal", "high")


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _retries(raw: Any, field: str, problems: list[FieldError]) -> dict[str, Any]:
    if raw is None:
        return dict(DEFAULT_RETRIES)
    if not isinstance(raw, dict):
        problems.append(FieldError(field, "must be an object"))
        return dict(DEFAULT_RETRIES)
    out = {**DEFAULT_RETRIES, **raw}
    attempts, base, cap = out["max_attempts"], out["base_delay"], out["max_delay"]
    for extra in sorted(set(raw) - set(DEFAULT_RETRIES)):
        problems.append(FieldError(f"{field}.{extra}", "is not a retry setting", "unknown"))
    if isinstance(attempts, bool) or not isinstance(attempts, int) or not 1 <= attempts <= 10:
        problems.append(FieldError(f"{field}.max_attempts", "must be an integer from 1 to 10"))
    if not _number(base) or not 0 <= base <= 600:
        problems.append(FieldError(f"{field}.base_delay", "must be a number of seconds from 0 to 600"))
    if not _number(cap) or not 0 <= cap <= 3600:
        problems.append(FieldError(f"{field}.max_delay", "must be a number of seconds from 0 to 3600"))
    return {"max_attempts": attempts, "base_delay": base, "max_delay": cap}


def _action_call(raw: Any, field: str, problems: list[FieldError]) -> tuple[actions.ActionType | None, dict]:
    name = raw.get("action") if isinstance(raw, dict) else None
    action = actions.get(name) if isinstance(name, str) else None
    if action is None:
        known = ", ".join(actions.ACTIONS)
        problems.append(
            FieldError(f"{field}.action", f"unknown action type {name!r}; known: {known}", "unknown")
        )
        return None, {}
    parameters = raw.get("parameters", {})
    problems.extend(actions.validate_parameters(action, parameters, f"{field}.parameters"))
    return action, dict(parameters) if isinstance(parameters, dict) else {}


def validate_definition(body: dict[str, Any]) -> dict[str, Any]:
    """A normalised definition (defaults filled in), or 400 with a field error per problem."""
    problems: list[FieldError] = []
    name = body.get("name")
    if not isinstance(name, str) or not 1 <= len(name.strip()) <= 200:
        problems.append(FieldError("name", "must be a non-blank string of at most 200 characters"))
    description = body.get("description", "")
    if not isinstance(description, str) or len(description) > 2000:
        problems.append(FieldError("description", "must be a string of at most 2000 characters"))
    risk = body.get("risk", "normal")
    if risk not in RISKS:
        problems.append(FieldError("risk", "must be 'normal' or 'high'"))
    raw_steps = body.get("steps")
    steps: list[dict[str, Any]] = []
    if not isinstance(raw_steps, list) or not 1 <= len(raw_steps) <= MAX_STEPS:
        problems.append(FieldError("steps", f"must be a list of 1 to {MAX_STEPS} steps"))
        raw_steps = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_steps):
        field = f"steps[{i}]"
        if not isinstance(raw, dict):
            problems.append(FieldError(field, "must be an object"))
            continue
        step_id = raw.get("id")
        if not isinstance(step_id, str) or not STEP_ID.match(step_id):
            problems.append(FieldError(f"{field}.id", "must match ^[a-z][a-z0-9_-]{0,62}$"))
        elif step_id in seen:
            problems.append(FieldError(f"{field}.id", f"duplicate step id '{step_id}'", "duplicate"))
        else:
            seen.add(step_id)
        action, parameters = _action_call(raw, field, problems)
        timeout = raw.get("timeout_seconds", DEFAULT_TIMEOUT)
        if isinstance(timeout, bool) or not isinstance(timeout, int) or not 1 <= timeout <= MAX_TIMEOUT:
            problems.append(
                FieldError(f"{field}.timeout_seconds", f"must be an integer from 1 to {MAX_TIMEOUT}")
            )
        step_risk = raw.get("risk", "normal")
        if step_risk not in RISKS:
            problems.append(FieldError(f"{field}.risk", "must be 'normal' or 'high'"))
        step: dict[str, Any] = {
            "id": step_id,
            "action": raw.get("action"),
            "parameters": parameters,
            "timeout_seconds": timeout,
            "retries": _retries(raw.get("retries"), f"{field}.retries", problems),
            "risk": "high" if action is not None and action.risk == "high" else step_risk,
        }
        if raw.get("compensation") is not None:
            comp_action, comp_params = _action_call(raw["compensation"], f"{field}.compensation", problems)
            if comp_action is not None and comp_action.effect is None:
                problems.append(
                    FieldError(
                        f"{field}.compensation.action", "a compensation must have an effect", "invalid"
                    )
                )
            step["compensation"] = {"action": raw["compensation"].get("action"), "parameters": comp_params}
        steps.append(step)
    if problems and all(p.code == "duplicate" for p in problems):
        # Well-formed, but the step ids collide: a conflict within the definition (the schema cannot say so).
        raise errors.DomainError(
            "Step ids must be unique within a plan.", 409, "Conflict", "conflict", problems
        )
    if problems:
        raise errors.invalid_argument("The plan definition is not valid.", problems)
    assert isinstance(name, str)
    return {"name": name.strip(), "description": description, "risk": risk, "steps": steps}


def _step_is_risky(step: dict[str, Any]) -> bool:
    """The step says so, or its action type or its compensation's is high-risk by default (a
    compensation runs without anyone asking: it must not be a way around step-up)."""
    if step.get("risk") == "high":
        return True
    for name in (step.get("action", ""), (step.get("compensation") or {}).get("action", "")):
        action = actions.get(name)
        if action is not None and action.risk == "high":
            return True
    return False


def is_risky(definition: dict[str, Any]) -> bool:
    """High when the plan says so or any step (or its action type's, or its compensation's) is."""
    return definition.get("risk") == "high" or any(_step_is_risky(s) for s in definition.get("steps", []))


def risky_steps(definition: dict[str, Any]) -> list[str]:
    """The ids of the steps that are high-risk themselves (the step, its action type or compensation)."""
    return [str(step.get("id")) for step in definition.get("steps", []) if _step_is_risky(step)]


# -- store ----------------------------------------------------------------------------------------


def to_dict(row: PlanRow | PlanVersionRow, plan_id: str | None = None) -> dict[str, Any]:
    definition = {"risk": row.risk, "steps": list(row.steps or [])}
    return {
        "id": plan_id or row.id,
        "name": row.name,
        "description": row.description,
        "version": row.version,
        "risk": row.risk,
        "effective_risk": "high" if is_risky(definition) else "normal",
        "steps": list(row.steps or []),
        "created_by": row.created_by,
        "created_at": row.created_at,
        "updated_at": getattr(row, "updated_at", row.created_at),
    }


def get(session: Session, tenant_id: str, plan_id: str) -> PlanRow:
    row = session.scalars(tenant_select(PlanRow, tenant_id).where(PlanRow.id == plan_id)).one_or_none()
    if row is None:
        raise errors.not_found("Plan", plan_id)
    return row


def get_version(session: Session, tenant_id: str, plan_id: str, version: int) -> PlanVersionRow:
    get(session, tenant_id, plan_id)
    row = session.scalars(
        tenant_select(PlanVersionRow, tenant_id).where(
            PlanVersionRow.plan_id == plan_id, PlanVersionRow.version == version
        )
    ).one_or_none()
    if row is None:
        raise errors.not_found("Plan version", f"{plan_id}@{version}")
    return row


def pinned(session: Session, tenant_id: str, plan_id: str, version: int | None) -> dict[str, Any]:
    """One immutable version's definition: ``version``, or the plan's current version at this read.

    Everything a run decides (its risk, the step-up it needs, the steps it creates) is derived from
    this one dict, never from a second read of "the latest": a concurrent edit makes a new version
    and cannot change what was pinned.
    """
    if version is None:
        version = get(session, tenant_id, plan_id).version
    return to_dict(get_version(session, tenant_id, plan_id, version), plan_id)


def _name_taken(session: Session, tenant_id: str, name: str, except_id: str | None = None) -> bool:
    query = (
        select(func.count()).select_from(PlanRow).where(PlanRow.tenant_id == tenant_id, PlanRow.name == name)
    )
    if except_id:
        query = query.where(PlanRow.id != except_id)
    return bool(session.scalar(query))


def _version_row(tenant_id: str, plan_id: str, version: int, d: dict[str, Any], actor: str) -> PlanVersionRow:
    return PlanVersionRow(
        id=new_id("plv"),
        tenant_id=tenant_id,
        plan_id=plan_id,
        version=version,
        name=d["name"],
        description=d["description"],
        risk=d["risk"],
        steps=d["steps"],
        created_by=actor,
        created_at=utcnow(),
    )


def create(session: Session, tenant_id: str, definition: dict[str, Any], actor: str) -> PlanRow:
    if _name_taken(session, tenant_id, definition["name"]):
        raise errors.already_exists("Plan named", definition["name"])
    now = utcnow()
    row = PlanRow(
        id=new_id("plan"),
        tenant_id=tenant_id,
        name=definition["name"],
        description=definition["description"],
        version=1,
        risk=definition["risk"],
        steps=definition["steps"],
        created_by=actor,
        created_at=now,
        updated_by=actor,
        updated_at=now,
    )
    session.add(row)
    session.add(_version_row(tenant_id, row.id, 1, definition, actor))
    session.flush()
    return row


def update(session: Session, tenant_id: str, plan_id: str, definition: dict[str, Any], actor: str) -> PlanRow:
    row = get(session, tenant_id, plan_id)
    if _name_taken(session, tenant_id, definition["name"], except_id=plan_id):
        raise errors.already_exists("Plan named", definition["name"])
    row.version += 1
    row.name, row.description = definition["name"], definition["description"]
    row.risk, row.steps = definition["risk"], definition["steps"]
    row.updated_by, row.updated_at = actor, utcnow()
    session.add(_version_row(tenant_id, plan_id, row.version, definition, actor))
    session.flush()
    return row


def list_page(
    session: Session, tenant_id: str, *, after: str | None, limit: int, name: str | None = None
) -> list[PlanRow]:
    query = tenant_select(PlanRow, tenant_id)
    if name:
        query = query.where(PlanRow.name == name)
    if after:
        query = query.where(PlanRow.id < after)
    return list(session.scalars(query.order_by(PlanRow.id.desc()).limit(limit)))


def list_versions(
    session: Session, tenant_id: str, plan_id: str, *, after: str | None, limit: int
) -> list[PlanVersionRow]:
    get(session, tenant_id, plan_id)
    query = tenant_select(PlanVersionRow, tenant_id).where(PlanVersionRow.plan_id == plan_id)
    if after:
        query = query.where(PlanVersionRow.version < int(after))
    return list(session.scalars(query.order_by(PlanVersionRow.version.desc()).limit(limit)))
