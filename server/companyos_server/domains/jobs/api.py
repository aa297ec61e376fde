"""Handlers for the `jobs` tag: parse, call the service, shape the response."""

from __future__ import annotations

from typing import Any

from companyos_server.domains.jobs import service
from companyos_server.platform.requestctx import current_tenant_context
from companyos_server.platform.runtime import get_runtime

# Explicit: the operations also declare application/problem+json, so connexion cannot infer it.
JSON = {"Content-Type": "application/json"}


def list_jobs(
    tenant_id: str,
    page_size: int | None = None,
    page_token: str | None = None,
    state: str | None = None,
    kind: str | None = None,
) -> tuple[dict[str, Any], int, dict[str, str]]:
    page = service.list_jobs(
        get_runtime().jobs,
        current_tenant_context(),
        state=state,
        kind=kind,
        page_size=page_size,
        page_token=page_token,
    )
    return {"items": page.items, "next_page_token": page.next_page_token}, 200, JSON


def get_job(tenant_id: str, job_id: str) -> tuple[dict[str, Any], int, dict[str, str]]:
    return service.get_job(get_runtime().jobs, current_tenant_context(), job_id), 200, JSON


def cancel_job(tenant_id: str, job_id: str) -> tuple[dict[str, Any], int, dict[str, str]]:
    return service.cancel_job(get_runtime().jobs, current_tenant_context(), job_id), 200, JSON


def retry_job(tenant_id: str, job_id: str) -> tuple[dict[str, Any], int, dict[str, str]]:
    return service.retry_job(get_runtime().jobs, current_tenant_context(), job_id), 202, JSON


def get_job_artifact(tenant_id: str, job_id: str) -> tuple[bytes, int, dict[str, str]]:
    path, media_type = service.artifact(get_runtime().jobs, current_tenant_context(), job_id)
    # Read whole: exports are bounded by one tenant's audit trail. Stream once artifacts grow.
    extension = "ndjson" if media_type == "application/x-ndjson" else "bin"
    headers = {
        "Content-Type": media_type,
        "Content-Disposition": f'attachment; filename="{job_id}.{extension}"',
    }
    return path.read_bytes(), 200, headers
