"""HTTP adapters of the SLO operations (thin: the domain lives in service, openslo, flows and reports)."""

from __future__ import annotations

from typing import Any

from connexion.lifecycle import ConnexionResponse

from companyos_server.domains.slos import analysis, flows, openslo, reports, service
from companyos_server.platform.requestctx import current_tenant_context
from companyos_server.platform.runtime import get_runtime

JSON = {"Content-Type": "application/json"}


def analyze_service_slo(
    tenant_id: str,
    service_id: str,
    days: int = 7,
    compare_error_rate: float | None = None,
    compare_window_minutes: int = 5,
    min_events: int = 0,
) -> dict[str, Any]:
    return analysis.analyze(
        get_runtime().db,
        current_tenant_context(),
        service_id,
        days=days,
        compare_error_rate=compare_error_rate,
        compare_window_minutes=compare_window_minutes,
        min_events=min_events,
    )


def list_service_slos(
    tenant_id: str, service_id: str, page_size: int | None = None, page_token: str | None = None
) -> dict[str, Any]:
    page = service.list_slos(
        get_runtime().db, current_tenant_context(), service_id, page_size=page_size, page_token=page_token
    )
    return {"items": page.items, "next_page_token": page.next_page_token}


def create_service_slo(
    tenant_id: str, service_id: str, body: dict[str, Any]
) -> tuple[dict[str, Any], int, dict[str, str]]:
    created = service.create_slo(get_runtime().db, current_tenant_context(), service_id, body)
    location = f"/v1/tenants/{tenant_id}/services/{service_id}/slos/{created['id']}"
    return created, 201, {"Location": location}


def get_service_slo(tenant_id: str, service_id: str, slo_id: str) -> dict[str, Any]:
    return service.get_slo(get_runtime().db, current_tenant_context(), service_id, slo_id)


def update_service_slo(tenant_id: str, service_id: str, slo_id: str, body: dict[str, Any]) -> dict[str, Any]:
    return service.update_slo(get_runtime().db, current_tenant_context(), service_id, slo_id, body)


def delete_service_slo(tenant_id: str, service_id: str, slo_id: str) -> ConnexionResponse:
    service.delete_slo(get_runtime().db, current_tenant_context(), service_id, slo_id)
    return ConnexionResponse(status_code=204)


def import_openslo(tenant_id: str, service_id: str, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    result = openslo.import_documents(
        get_runtime().db,
        current_tenant_context(),
        service_id,
        list(body["documents"]),
        replace=bool(body.get("replace", False)),
    )
    return result, 200


def export_openslo(tenant_id: str, service_id: str) -> dict[str, Any]:
    return openslo.export_documents(get_runtime().db, current_tenant_context(), service_id)


def list_slo_recommendations(
    tenant_id: str, service_id: str, days: int = flows.DEFAULT_DAYS
) -> dict[str, Any]:
    return flows.list_recommendations(get_runtime().db, current_tenant_context(), service_id, days=days)


def accept_slo_recommendation(
    tenant_id: str, service_id: str, recommendation_id: str, body: dict[str, Any]
) -> tuple[dict[str, Any], int]:
    created = flows.accept_recommendation(
        get_runtime().db, current_tenant_context(), service_id, recommendation_id, body
    )
    return created, 201


def list_slo_follow_ups(
    tenant_id: str, service_id: str, page_size: int | None = None, page_token: str | None = None
) -> dict[str, Any]:
    page = flows.list_follow_ups(
        get_runtime().db, current_tenant_context(), service_id, page_size=page_size, page_token=page_token
    )
    return {"items": page.items, "next_page_token": page.next_page_token}


def create_health_report(
    tenant_id: str, service_id: str, body: dict[str, Any] | None = None
) -> tuple[dict[str, Any], int, dict[str, str]]:
    runtime = get_runtime()
    job = reports.submit(runtime.db, runtime.jobs, current_tenant_context(), service_id, body or {})
    return job, 202, {**JSON, "Location": f"/v1/tenants/{tenant_id}/jobs/{job['id']}"}


def list_health_reports(
    tenant_id: str, service_id: str, page_size: int | None = None, page_token: str | None = None
) -> dict[str, Any]:
    page = reports.list_reports(
        get_runtime().db, current_tenant_context(), service_id, page_size=page_size, page_token=page_token
    )
    return {"items": page.items, "next_page_token": page.next_page_token}


def get_health_report(tenant_id: str, service_id: str, report_id: str) -> dict[str, Any]:
    return reports.get_report(get_runtime().db, current_tenant_context(), service_id, report_id)
