"""Jobs of one tenant: read, cancel, retry, download. No HTTP here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from companyos_server.platform.jobs.queue import JobQueue
from companyos_server.platform.pagination import Page
from companyos_server.platform.principal import TenantContext


def list_jobs(
    jobs: JobQueue,
    ctx: TenantContext,
    *,
    state: str | None = None,
    kind: str | None = None,
    page_size: int | None = None,
    page_token: str | None = None,
) -> Page[dict[str, Any]]:
    return jobs.list(ctx.tenant_id, state=state, kind=kind, page_size=page_size, page_token=page_token)


def get_job(jobs: JobQueue, ctx: TenantContext, job_id: str) -> dict[str, Any]:
    return jobs.get(ctx.tenant_id, job_id)


def cancel_job(jobs: JobQueue, ctx: TenantContext, job_id: str) -> dict[str, Any]:
    return jobs.cancel(ctx.tenant_id, job_id)


def retry_job(jobs: JobQueue, ctx: TenantContext, job_id: str) -> dict[str, Any]:
    return jobs.retry(ctx.tenant_id, job_id)


def artifact(jobs: JobQueue, ctx: TenantContext, job_id: str) -> tuple[Path, str]:
    return jobs.artifact(ctx.tenant_id, job_id)
