"""Handlers for the `incidents` tag: parse, call the service, shape the response."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from companyos_server.domains.alerts.services_ref import intelgraph
from companyos_server.domains.incidents import history, service
from companyos_server.platform import rowfiles
from companyos_server.platform.requestctx import current_tenant_context
from companyos_server.platform.runtime import get_runtime


def _location(tenant_id: str, incident_id: str) -> dict[str, str]:
    return {"Location": f"/v1/tenants/{tenant_id}/incidents/{incident_id}"}


def list_incidents(
    tenant_id: str,
    page_size: int | None = None,
    page_token: str | None = None,
    status: str | None = None,
    severity: str | None = None,
    service_id: str | None = None,
    since: datetime | str | None = None,
) -> dict[str, Any]:
    if isinstance(since, str):
        from companyos_server.domains.alerts.service import parse_time

        since = parse_time(since)
    page = service.list_incidents(
        get_runtime().db,
        current_tenant_context(),
        page_size=page_size,
        page_token=page_token,
        status=status,
        severity=severity,
        service_id=service_id,
        since=since,
    )
    return {"items": page.items, "next_page_token": page.next_page_token}


def create_incident(tenant_id: str, body: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
    runtime = get_runtime()
    incident, created = service.create_incident(
        runtime.db, intelgraph(runtime), current_tenant_context(), body
    )
    return incident, 201 if created else 200, _location(tenant_id, incident["id"])


def import_incident_history(tenant_id: str, format: str, body: bytes | str | None = None) -> dict[str, Any]:
    runtime = get_runtime()
    return history.import_history(
        runtime.db, intelgraph(runtime), current_tenant_context(), rowfiles.file_body(body), format
    )


def get_incident(tenant_id: str, incident_id: str) -> dict[str, Any]:
    return service.get_incident(get_runtime().db, current_tenant_context(), incident_id)


def update_incident(tenant_id: str, incident_id: str, body: dict[str, Any]) -> dict[str, Any]:
    runtime = get_runtime()
    return service.update_incident(
        runtime.db, intelgraph(runtime), current_tenant_context(), incident_id, body
    )


def add_incident_timeline_entry(
    tenant_id: str, incident_id: str, body: dict[str, Any]
) -> tuple[dict[str, Any], int]:
    return service.add_timeline_entry(get_runtime().db, current_tenant_context(), incident_id, body), 201


def add_incident_responder(tenant_id: str, incident_id: str, body: dict[str, Any]) -> dict[str, Any]:
    return service.add_responder(get_runtime().db, current_tenant_context(), incident_id, body)


def add_incident_dashboard(tenant_id: str, incident_id: str, body: dict[str, Any]) -> dict[str, Any]:
    return service.add_dashboard(get_runtime().db, current_tenant_context(), incident_id, body)


def add_incident_task(tenant_id: str, incident_id: str, body: dict[str, Any]) -> dict[str, Any]:
    runtime = get_runtime()
    return service.add_task(runtime.db, intelgraph(runtime), current_tenant_context(), incident_id, body)


def add_incident_checklist_item(
    tenant_id: str, incident_id: str, body: dict[str, Any]
) -> tuple[dict[str, Any], int]:
    return service.add_checklist_item(get_runtime().db, current_tenant_context(), incident_id, body), 201


def check_incident_checklist_item(tenant_id: str, incident_id: str, item_id: str) -> dict[str, Any]:
    return service.check_item(get_runtime().db, current_tenant_context(), incident_id, item_id)
