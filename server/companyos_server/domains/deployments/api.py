"""Handlers for the `deployments` tag: parse, call the service, shape the response."""

from __future__ import annotations

from typing import Any

from companyos_server.domains.audit.service import _instant as parse_instant
from companyos_server.domains.deployments import history, service
from companyos_server.platform import rowfiles
from companyos_server.platform.requestctx import current_tenant_context
from companyos_server.platform.runtime import get_runtime


def list_deployments(
    tenant_id: str,
    page_size: int | None = None,
    page_token: str | None = None,
    environment: str | None = None,
    service_id: str | None = None,
    state: str | None = None,
    since: str | None = None,
) -> dict[str, Any]:
    page = service.list_deployments(
        get_runtime().db,
        current_tenant_context(),
        page_size=page_size,
        page_token=page_token,
        service_id=service_id,
        environment=environment,
        state=state,
        since=parse_instant("since", since),
    )
    return {"items": page.items, "next_page_token": page.next_page_token}


def list_service_deployments(
    tenant_id: str,
    service_id: str,
    page_size: int | None = None,
    page_token: str | None = None,
    environment: str | None = None,
    state: str | None = None,
) -> dict[str, Any]:
    page = service.list_deployments(
        get_runtime().db,
        current_tenant_context(),
        page_size=page_size,
        page_token=page_token,
        service_id=service_id,
        environment=environment,
        state=state,
        require_service=True,
    )
    return {"items": page.items, "next_page_token": page.next_page_token}


def create_deployment(
    tenant_id: str, service_id: str, body: dict[str, Any]
) -> tuple[dict[str, Any], int, dict[str, str]]:
    created = service.create_deployment(get_runtime().db, current_tenant_context(), service_id, body)
    return created, 201, {"Location": f"/v1/tenants/{tenant_id}/deployments/{created['id']}"}


def import_deployment_history(
    tenant_id: str, service_id: str, format: str, body: bytes | str | None = None
) -> dict[str, Any]:
    return history.import_history(
        get_runtime().db, current_tenant_context(), service_id, rowfiles.file_body(body), format
    )


def list_rollback_candidates(
    tenant_id: str, service_id: str, environment: str = "production"
) -> dict[str, Any]:
    return service.rollback_candidates(get_runtime().db, current_tenant_context(), service_id, environment)


def get_deployment(tenant_id: str, deployment_id: str) -> dict[str, Any]:
    return service.get_deployment(get_runtime().db, current_tenant_context(), deployment_id)


def advance_deployment_stage(
    tenant_id: str, deployment_id: str, stage: str, body: dict[str, Any]
) -> dict[str, Any]:
    return service.advance_stage(get_runtime().db, current_tenant_context(), deployment_id, stage, body)
