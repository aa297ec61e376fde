"""Health reports as jobs (kind ``slos.health_report``), kept with their history per service."""

from __future__ import annotations

from typing import Any

from companyos_server import errors
from companyos_server.domains.slos import flows, report, service, store
from companyos_server.domains.slos.store import ReportRow
from companyos_server.platform.jobs.context import JobContext
from companyos_server.platform.jobs.registry import job_kind
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, utcnow

KIND = "slos.health_report"
STEPS = 4


def submit(
    db: Database, jobs: Any, ctx: TenantContext, service_id: str, body: dict[str, Any]
) -> dict[str, Any]:
    days = int(body.get("days", flows.DEFAULT_DAYS))
    flows._days(days)
    with db.session() as session:
        service.require_service(session, ctx.tenant_id, service_id)
    params = {"service_id": service_id, "days": days, "charts": bool(body.get("charts", True))}
    return dict(jobs.submit(ctx.tenant_id, KIND, params, ctx.principal.subject))


def generate(
    db: Database, tenant_id: str, service_id: str, *, days: int, actor: str, job_id: str | None = None,
    charts: bool = True, progress: Any = None,
) -> dict[str, Any]:  # fmt: skip
    tick = progress or (lambda done, total: None)
    tick(0, STEPS)
    with db.session() as session:  # short sessions: progress is written between them (SQLite locks)
        found = flows.diagnose(session, tenant_id, service_id, days=days)
    tick(1, STEPS)
    with db.session() as session:
        follow_ups = flows.recheck_follow_ups(session, tenant_id, service_id, found)
    built = report.build(found, follow_ups)
    tick(2, STEPS)
    md, page = report.render(found, built, with_charts=charts)
    tick(3, STEPS)
    with db.session() as session:
        row = ReportRow(
            id=new_id("rpt"),
            tenant_id=tenant_id,
            service_id=service_id,
            job_id=job_id,
            days=days,
            report=built,
            markdown=md,
            html=page,
            created_by=actor,
            created_at=utcnow(),
        )
        session.add(row)
        session.flush()
        report_id = row.id
    tick(STEPS, STEPS)
    return {
        "report_id": report_id,
        "service_id": service_id,
        "recommendations": len(built["recommendations"]),
    }


@job_kind(KIND)
def run_health_report(ctx: JobContext) -> dict[str, Any]:
    from companyos_server.platform.runtime import get_runtime

    return generate(
        get_runtime().db,
        ctx.tenant_id,
        str(ctx.params["service_id"]),
        days=int(ctx.params.get("days", flows.DEFAULT_DAYS)),
        actor=ctx.created_by,
        job_id=ctx.job_id,
        charts=bool(ctx.params.get("charts", True)),
        progress=ctx.progress,
    )


def summary_dict(row: ReportRow) -> dict[str, Any]:
    summary = row.report.get("executive_summary", {})
    return {
        "id": row.id,
        "service_id": row.service_id,
        "job_id": row.job_id,
        "days": row.days,
        "created_by": row.created_by,
        "created_at": row.created_at,
        "executive_summary": summary,
    }


def list_reports(
    db: Database,
    ctx: TenantContext,
    service_id: str,
    *,
    page_size: int | None = None,
    page_token: str | None = None,
) -> Page[dict[str, Any]]:
    with db.session() as session:
        service.require_service(session, ctx.tenant_id, service_id)
        page = paginate(
            lambda after, limit: store.report_page(session, ctx.tenant_id, service_id, after, limit),
            key=lambda row: row.id,
            page_size=page_size,
            page_token=page_token,
            filters={"tenant": ctx.tenant_id, "service": service_id},
        )
        return Page([summary_dict(row) for row in page.items], page.next_page_token)


def get_report(db: Database, ctx: TenantContext, service_id: str, report_id: str) -> dict[str, Any]:
    with db.session() as session:
        service.require_service(session, ctx.tenant_id, service_id)
        row = store.get_report(session, ctx.tenant_id, service_id, report_id)
        if row is None:
            raise errors.not_found("Health report", report_id)
        return {**summary_dict(row), "report": row.report, "markdown": row.markdown, "html": row.html}
