"""Handlers for the `services` tag: parse, call the service, shape the response."""

from __future__ import annotations

from typing import Any

from connexion import request
from connexion.lifecycle import ConnexionResponse

from companyos_server.domains.audit.service import _instant as parse_instant
from companyos_server.domains.services import links, register_inspect_links, service, sli
from companyos_server.platform import rowfiles
from companyos_server.platform.requestctx import current_tenant_context
from companyos_server.platform.runtime import get_runtime

register_inspect_links()


def _etag(body: dict[str, Any]) -> dict[str, str]:
    return {"ETag": f'"{body["revision"]}"'}


def list_services(
    tenant_id: str,
    page_size: int | None = None,
    page_token: str | None = None,
    owner: str | None = None,
    tier: str | None = None,
    name_prefix: str | None = None,
    environment: str | None = None,
) -> dict[str, Any]:
    page = service.list_services(
        get_runtime().db,
        current_tenant_context(),
        page_size=page_size,
        page_token=page_token,
        owner=owner,
        tier=tier,
        name_prefix=name_prefix,
        environment=environment,
    )
    return {"items": page.items, "next_page_token": page.next_page_token}


def create_service(tenant_id: str, body: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
    created = service.create_service(get_runtime().db, current_tenant_context(), body)
    return created, 201, {"Location": f"/v1/tenants/{tenant_id}/services/{created['id']}", **_etag(created)}


def get_service(tenant_id: str, service_id: str) -> tuple[dict[str, Any], int, dict[str, str]]:
    found = service.get_service(get_runtime().db, current_tenant_context(), service_id)
    return found, 200, _etag(found)


def update_service(
    tenant_id: str, service_id: str, body: dict[str, Any]
) -> tuple[dict[str, Any], int, dict[str, str]]:
    if_match = request.headers.get("if-match")
    updated = service.update_service(get_runtime().db, current_tenant_context(), service_id, body, if_match)
    return updated, 200, _etag(updated)


def delete_service(tenant_id: str, service_id: str) -> ConnexionResponse:
    service.delete_service(get_runtime().db, current_tenant_context(), service_id)
    return ConnexionResponse(status_code=204)  # no body, so no JSON content type


def get_service_dependencies(
    tenant_id: str, service_id: str, depth: int = 1, direction: str = "downstream"
) -> dict[str, Any]:
    return service.dependency_graph(
        get_runtime().db, current_tenant_context(), service_id, depth=depth, direction=direction
    )


def get_service_map(tenant_id: str, environment: str | None = None) -> dict[str, Any]:
    return service.service_map(get_runtime().db, current_tenant_context(), environment)


def get_service_links(tenant_id: str, service_id: str, **params: Any) -> dict[str, Any]:
    ctx = current_tenant_context()
    start = parse_instant("from", params.get("from"))
    end = parse_instant("to", params.get("to"))
    with get_runtime().db.session() as session:
        return links.service_links(
            session, ctx.tenant_id, service_id, start=start, end=end, environment=params.get("environment")
        )


def record_sli_samples(tenant_id: str, service_id: str, body: dict[str, Any]) -> dict[str, Any]:
    return sli.record_samples(get_runtime().db, current_tenant_context(), service_id, body["samples"])


def import_sli_samples(
    tenant_id: str, service_id: str, format: str, body: bytes | str | None = None
) -> dict[str, Any]:
    return sli.import_samples(
        get_runtime().db, current_tenant_context(), service_id, rowfiles.file_body(body), format
    )


def list_sli_samples(
    tenant_id: str,
    service_id: str,
    page_size: int | None = None,
    page_token: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> dict[str, Any]:
    page = sli.list_samples(
        get_runtime().db,
        current_tenant_context(),
        service_id,
        since=since,
        until=until,
        page_size=page_size,
        page_token=page_token,
    )
    return {"items": page.items, "next_page_token": page.next_page_token}
