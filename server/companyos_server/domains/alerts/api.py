"""Handlers for the `alerts` tag: parse, call the service, shape the response."""

from __future__ import annotations

from typing import Any

from companyos_server import errors
from companyos_server.domains.alerts import history, keys, service
from companyos_server.domains.alerts.services_ref import intelgraph
from companyos_server.platform.requestctx import current_tenant_context
from companyos_server.platform.runtime import get_runtime


def ingest_alertmanager_alerts(tenant_id: str, body: dict[str, Any]) -> dict[str, Any]:
    runtime = get_runtime()
    return service.ingest_alertmanager(runtime.db, intelgraph(runtime), current_tenant_context(), body)


def list_alerts(
    tenant_id: str,
    page_size: int | None = None,
    page_token: str | None = None,
    status: str | None = None,
    severity: str | None = None,
    service_id: str | None = None,
    category: str | None = None,
    principal: str | None = None,
) -> dict[str, Any]:
    page = service.list_alerts(
        get_runtime().db,
        current_tenant_context(),
        page_size=page_size,
        page_token=page_token,
        status=status,
        severity=severity,
        service_id=service_id,
        category=category,
        principal=principal,
    )
    return {"items": page.items, "next_page_token": page.next_page_token}


def get_alert(tenant_id: str, alert_id: str) -> dict[str, Any]:
    return service.get_alert(get_runtime().db, current_tenant_context(), alert_id)


def acknowledge_alert(tenant_id: str, alert_id: str) -> dict[str, Any]:
    runtime = get_runtime()
    return service.acknowledge(runtime.db, intelgraph(runtime), current_tenant_context(), alert_id)


def silence_alert(tenant_id: str, alert_id: str, body: dict[str, Any]) -> dict[str, Any]:
    runtime = get_runtime()
    return service.silence(runtime.db, intelgraph(runtime), current_tenant_context(), alert_id, body)


def open_incident_from_alert(
    tenant_id: str, alert_id: str, body: dict[str, Any] | None = None
) -> tuple[dict[str, Any], int, dict[str, str]]:
    runtime = get_runtime()
    incident, created = service.open_incident(
        runtime.db, intelgraph(runtime), current_tenant_context(), alert_id, body
    )
    location = {"Location": f"/v1/tenants/{tenant_id}/incidents/{incident['id']}"}
    return incident, 201 if created else 200, location


def list_alert_ingest_keys(tenant_id: str) -> dict[str, Any]:
    return {"items": keys.list_keys(get_runtime().db, current_tenant_context())}


def create_alert_ingest_key(tenant_id: str, body: dict[str, Any] | None = None) -> tuple[dict[str, Any], int]:
    return keys.create_key(get_runtime().db, current_tenant_context(), body or {}), 201


def rotate_alert_ingest_key(tenant_id: str, ingest_key_id: str) -> tuple[dict[str, Any], int]:
    return keys.rotate_key(get_runtime().db, current_tenant_context(), ingest_key_id), 201


def import_alert_history(tenant_id: str, format: str, body: bytes | str | None = None) -> dict[str, Any]:
    data = body.encode("utf-8") if isinstance(body, str) else bytes(body or b"")
    if not data:
        raise errors.invalid_argument(
            "The request body is the file to import.", [errors.FieldError("body", "missing")]
        )
    return history.import_history(get_runtime().db, current_tenant_context(), data, format)


def list_alert_occurrences(
    tenant_id: str,
    page_size: int | None = None,
    page_token: str | None = None,
    service_id: str | None = None,
    alert_name: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> dict[str, Any]:
    page = history.list_occurrences(
        get_runtime().db,
        current_tenant_context(),
        page_size=page_size,
        page_token=page_token,
        service_id=service_id,
        alert_name=alert_name,
        since=since,
        until=until,
    )
    return {"items": page.items, "next_page_token": page.next_page_token}
