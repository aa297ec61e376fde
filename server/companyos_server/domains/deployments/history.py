"""A service's past deployments from a file (a CD system's history), so regressions line up with deploys.

Each row becomes a finished deployment at the time it happened: its three stages succeeded (or the deploy
stage failed), timed by the row. The whole file is checked before anything is recorded; rows the service
already has (same version, environment and start) are skipped, so a re-import is harmless.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from companyos_server import errors
from companyos_server.domains.audit.service import _instant as parse_instant
from companyos_server.domains.deployments import service
from companyos_server.domains.deployments.store import DeploymentRow
from companyos_server.domains.services import store as services_store
from companyos_server.platform import rowfiles
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, utcnow
from companyos_server.platform.text import text_problem

MAX_ROWS = 1_000
COLUMNS = frozenset(
    ("version", "environment", "started_at", "finished_at", "outcome", "commit", "description")
)
OUTCOMES = ("succeeded", "failed")
VERSION = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,99}")
COMMIT = re.compile(r"[0-9a-f]{7,40}")
FUTURE_SKEW = timedelta(minutes=5)


def _instant(row: dict[str, Any], name: str, problems: list[str]) -> datetime | None:
    value = row.get(name)
    if not isinstance(value, str):
        problems.append(f"{name}: must be an RFC 3339 date-time")
        return None
    try:
        return parse_instant(name, value)
    except errors.DomainError as exc:
        problems.append(f"{name}: {exc.errors[0].message if exc.errors else exc.detail}")
        return None


def _check(
    row: dict[str, Any], environments: list[str], now: datetime
) -> tuple[dict[str, Any] | None, list[str]]:
    row = {name: value for name, value in row.items() if value is not None}  # JSON null: not given
    problems = [f"{name}: unknown field" for name in sorted(set(row) - COLUMNS)]
    version, environment = row.get("version"), row.get("environment")
    if not isinstance(version, str) or not VERSION.fullmatch(version):
        problems.append("version: 1 to 100 of A-Z a-z 0-9 . _ + -, starting with a letter or digit")
    if environment not in environments:
        problems.append(f"environment: must be one the service runs in ({', '.join(environments) or 'none'})")
    started = _instant(row, "started_at", problems) if "started_at" in row else None
    if "started_at" not in row:
        problems.append("started_at: missing")
    elif started is not None and started > now + FUTURE_SKEW:
        problems.append("started_at: lies in the future")
    finished = _instant(row, "finished_at", problems) if "finished_at" in row else started
    if started is not None and finished is not None and finished < started:
        problems.append("finished_at: must not be before started_at")
    elif finished is not None and finished > now + FUTURE_SKEW:
        problems.append("finished_at: lies in the future")
    outcome = row.get("outcome", "succeeded")
    if outcome not in OUTCOMES:
        problems.append("outcome: must be succeeded or failed")
    commit = row.get("commit")
    if commit is not None and (not isinstance(commit, str) or not COMMIT.fullmatch(commit)):
        problems.append("commit: 7 to 40 lowercase hex digits")
    description = row.get("description")
    if description is not None and (not isinstance(description, str) or len(description) > 2000):
        problems.append("description: text of at most 2,000 characters")
    elif description is not None and (problem := text_problem(description.replace("\n", " "))) is not None:
        problems.append(f"description: {problem}")
    if problems or started is None or finished is None:
        return None, problems
    return {"version": version, "environment": environment, "started": started, "finished": finished,
            "outcome": outcome, "commit": commit, "description": description}, []  # fmt: skip


def _stages(started: datetime, finished: datetime, outcome: str) -> list[dict[str, Any]]:
    begin, end = started.isoformat(), finished.isoformat()
    states = {
        "build": "succeeded",
        "deploy": outcome,
        "verification": "succeeded" if outcome == "succeeded" else "pending",
    }
    return [
        {
            "name": name,
            "state": state,
            "started_at": begin if state != "pending" else None,
            "finished_at": end if state != "pending" else None,
            "detail": "imported history",
        }
        for name, state in states.items()
    ]


def import_history(
    db: Database, ctx: TenantContext, service_id: str, data: bytes, fmt: str
) -> dict[str, Any]:
    with db.session() as session:
        owner = services_store.get(session, ctx.tenant_id, service_id)
        if owner is None:
            raise errors.not_found("Service", service_id)
        environments = list(owner.environments or [])
    lines = rowfiles.read_rows(data, fmt, columns=COLUMNS, max_rows=MAX_ROWS)
    now = utcnow()
    where = "item" if fmt == "json" else "line"
    problems: list[errors.FieldError] = []
    parsed: list[dict[str, Any]] = []
    for line, row in lines:
        found, wrong = _check(row, environments, now)
        problems += [errors.FieldError(f"{where} {line}", problem) for problem in wrong]
        if found:
            parsed.append(found)
    rowfiles.reject(problems)
    ids: list[str] = []
    skipped = 0
    with db.session() as session:
        known = {
            (version, environment, created.isoformat())
            for version, environment, created in session.execute(
                select(DeploymentRow.version, DeploymentRow.environment, DeploymentRow.created_at).where(
                    DeploymentRow.tenant_id == ctx.tenant_id, DeploymentRow.service_id == service_id
                )
            )
        }
        for deploy in parsed:
            key = (deploy["version"], deploy["environment"], deploy["started"].isoformat())
            if key in known:
                skipped += 1
                continue
            known.add(key)
            body = {"version": deploy["version"], "environment": deploy["environment"]}
            body |= {k: deploy[k] for k in ("commit", "description") if deploy[k] is not None}
            created = service.create_deployment_in(
                session, ctx.tenant_id, service_id, body, ctx.principal.subject,
                stages=_stages(deploy["started"], deploy["finished"], deploy["outcome"]), at=deploy["started"],
            )  # fmt: skip
            ids.append(created.id)
    starts = [deploy["started"] for deploy in parsed]
    return {
        "service_id": service_id,
        "rows": len(lines),
        "imported": len(ids),
        "skipped": skipped,
        "deployment_ids": ids,
        "from": min(starts).isoformat(),
        "to": max(starts).isoformat(),
    }
