"""Handlers for the `audit` tag: parse, call the service, shape the response."""

from __future__ import annotations

from typing import Any

from companyos_server.domains.audit import service
from companyos_server.platform.requestctx import current_tenant_context
from companyos_server.platform.runtime import get_runtime

# Explicit: the operations also declare application/problem+json, so connexion cannot infer it.
JSON = {"Content-Type": "application/json"}


def list_audit_events(
    tenant_id: str,
    page_size: int | None = None,
    page_token: str | None = None,
    actor: str | None = None,
    action: str | None = None,
    outcome: str | None = None,
    resource: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> tuple[dict[str, Any], int, dict[str, str]]:
    page = service.list_events(
        get_runtime().audit,
        current_tenant_context(),
        actor=actor,
        action=action,
        outcome=outcome,
        resource=resource,
        since=since,
        until=until,
        page_size=page_size,
        page_token=page_token,
    )
    return {"items": page.items, "next_page_token": page.next_page_token}, 200, JSON


def verify_audit_chain(
    tenant_id: str, known_checkpoint: str | None = None
) -> tuple[dict[str, Any], int, dict[str, str]]:
    result = service.verify(get_runtime().audit, current_tenant_context(), known_checkpoint=known_checkpoint)
    return result, 200, JSON


def export_audit_events(
    tenant_id: str, body: dict[str, Any] | None = None
) -> tuple[dict[str, Any], int, dict[str, str]]:
    job = service.start_export(get_runtime().jobs, current_tenant_context(), body)
    return job, 202, {**JSON, "Location": f"/v1/tenants/{job['tenant_id']}/jobs/{job['id']}"}
