"""Past incidents and their postmortems from a file (another tool's history), so SLO Doctor can check which
of them the burns and the alerts caught.

Each row becomes an incident opened at its own start — the same incident, graph entity and service links
as one opened today — with its postmortem and its resolution on the timeline at their times. The whole
file is checked before anything is recorded; a title and start the tenant already has is skipped, so a
re-import is harmless.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from companyos_server import errors
from companyos_server.domains.alerts import services_ref
from companyos_server.domains.audit.service import _instant as parse_instant
from companyos_server.domains.incidents import service
from companyos_server.domains.incidents.store import IncidentRow
from companyos_server.platform import rowfiles
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, utcnow
from companyos_server.platform.text import text_problem

MAX_ROWS = 1_000
COLUMNS = frozenset(
    ("title", "severity", "started_at", "resolved_at", "services", "summary", "postmortem_url")
)
SEVERITIES = ("sev1", "sev2", "sev3", "sev4")
URL = re.compile(r"https?://[^\s]{1,1990}")
FUTURE_SKEW = timedelta(minutes=5)


def _instant(row: dict[str, Any], name: str, problems: list[str]) -> datetime | None:
    value = row.get(name)
    try:
        parsed = parse_instant(name, value) if isinstance(value, str) else None
    except errors.DomainError as exc:
        problems.append(f"{name}: {exc.errors[0].message if exc.errors else exc.detail}")
        return None
    if parsed is None:
        problems.append(f"{name}: must be an RFC 3339 date-time")
    return parsed


def _services(value: Any, problems: list[str]) -> list[str]:
    names = value.split(";") if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        problems.append("services: a list of service ids or names (in CSV separated by ';')")
        return []
    cleaned = [name.strip() for name in names if name.strip()]
    if any(len(name) > 200 or text_problem(name) for name in cleaned):
        problems.append("services: ids or names of at most 200 characters without control characters")
        return []
    return cleaned


def _text(row: dict[str, Any], name: str, limit: int, problems: list[str], *, required: bool = False) -> str:
    value = row.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        problems.append(f"{name}: text of 1 to {limit:,} characters")
        return ""
    if (problem := text_problem(value.replace("\n", " ").replace("\t", " "))) is not None:
        problems.append(f"{name}: {problem}")
    return value.strip()


def _check(row: dict[str, Any], now: datetime) -> tuple[dict[str, Any] | None, list[str]]:
    problems = [f"{name}: unknown field" for name in sorted(set(row) - COLUMNS)]
    title = _text(row, "title", 300, problems, required=True)
    summary = _text(row, "summary", 10_000, problems)
    severity = row.get("severity", "sev3")
    if severity not in SEVERITIES:
        problems.append("severity: one of sev1, sev2, sev3, sev4")
    started = _instant(row, "started_at", problems) if "started_at" in row else None
    if "started_at" not in row:
        problems.append("started_at: missing")
    elif started is not None and started > now + FUTURE_SKEW:
        problems.append("started_at: lies in the future")
    resolved = _instant(row, "resolved_at", problems) if row.get("resolved_at") is not None else None
    if started is not None and resolved is not None and resolved < started:
        problems.append("resolved_at: must not be before started_at")
    if resolved is not None and resolved > now + FUTURE_SKEW:
        problems.append("resolved_at: lies in the future")
    postmortem = row.get("postmortem_url")
    if postmortem is not None and (not isinstance(postmortem, str) or not URL.fullmatch(postmortem)):
        problems.append("postmortem_url: an http(s) URL of at most 2,000 characters")
    services = _services(row.get("services", []), problems)
    if problems or started is None:
        return None, problems
    return {"title": title, "summary": summary, "severity": severity, "started": started, "resolved": resolved,
            "postmortem": postmortem, "services": services}, []  # fmt: skip


def import_history(
    db: Database, graph: Any | None, ctx: TenantContext, data: bytes, fmt: str
) -> dict[str, Any]:
    lines = rowfiles.read_rows(data, fmt, columns=COLUMNS, max_rows=MAX_ROWS)
    now = utcnow()
    where = "item" if fmt == "json" else "line"
    problems: list[errors.FieldError] = []
    parsed: list[tuple[int, dict[str, Any]]] = []
    for line, row in lines:
        found, wrong = _check(row, now)
        problems += [errors.FieldError(f"{where} {line}", problem) for problem in wrong]
        if found:
            parsed.append((line, found))
    with db.session() as session:
        named = services_ref.resolve_many(
            session, ctx.tenant_id, {name for _, found in parsed for name in found["services"]}
        )
        for line, found in parsed:
            unknown = [name for name in found["services"] if name not in named]
            if unknown:
                problems.append(
                    errors.FieldError(f"{where} {line}", f"services: unknown {', '.join(unknown)}")
                )
        rowfiles.reject(problems)
        known = {
            (title, created.isoformat())
            for title, created in session.execute(
                select(IncidentRow.title, IncidentRow.created_at).where(
                    IncidentRow.tenant_id == ctx.tenant_id
                )
            )
        }
        ids: list[str] = []
        skipped = 0
        for _, found in parsed:
            key = (found["title"], found["started"].isoformat())
            if key in known:
                skipped += 1
                continue
            known.add(key)
            ids.append(_record(session, graph, ctx, found, [named[name].id for name in found["services"]]))
    starts = [found["started"] for _, found in parsed]
    return {
        "rows": len(lines),
        "imported": len(ids),
        "skipped": skipped,
        "incident_ids": ids,
        "from": min(starts).isoformat(),
        "to": max(starts).isoformat(),
    }


def _record(
    session: Any, graph: Any | None, ctx: TenantContext, found: dict[str, Any], service_ids: list[str]
) -> str:
    body = {"title": found["title"], "summary": found["summary"], "severity": found["severity"],
            "service_ids": service_ids, "checklist": []}  # fmt: skip
    row = service._new_incident(session, graph, ctx, body, at=found["started"])
    actor = ctx.principal.subject
    if found["postmortem"]:
        row.dashboards = [*row.dashboards, service._dashboard(
            {"url": found["postmortem"], "title": "Postmortem"}, actor, found["resolved"] or found["started"])]  # fmt: skip
        service._append(session, row, "note", actor, f"Postmortem: {found['postmortem']}",
                        found["resolved"] or found["started"], imported=True)  # fmt: skip
    if found["resolved"] is not None:
        row.status = "resolved"
        row.resolved_at = row.updated_at = found["resolved"]
        service._append(session, row, "status_change", actor, "Resolved (imported history)", found["resolved"],
                        status="resolved")  # fmt: skip
    return str(row.id)
