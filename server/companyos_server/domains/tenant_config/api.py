"""Handlers for the `tenant_config` tag: parse, call the service, shape the response."""

from __future__ import annotations

from typing import Any

from connexion.lifecycle import ConnexionResponse

from companyos_server.domains.audit.service import _instant as parse_instant
from companyos_server.domains.tenant_config import admin_actions, flags, residency, service
from companyos_server.platform.requestctx import current_tenant_context
from companyos_server.platform.runtime import get_runtime


def get_tenant_config(tenant_id: str) -> dict[str, Any]:
    return service.get_config(get_runtime().db, current_tenant_context())


def put_tenant_config(tenant_id: str, body: dict[str, Any]) -> dict[str, Any]:
    return service.put_config(get_runtime().db, current_tenant_context(), body)


def list_tenant_config_versions(
    tenant_id: str, page_size: int | None = None, page_token: str | None = None
) -> dict[str, Any]:
    page = service.list_versions(
        get_runtime().db, current_tenant_context(), page_size=page_size, page_token=page_token
    )
    return {"items": page.items, "next_page_token": page.next_page_token}


def get_tenant_config_version(tenant_id: str, version: str) -> dict[str, Any]:
    return service.get_version(get_runtime().db, current_tenant_context(), int(version))


def diff_tenant_config(tenant_id: str, **params: Any) -> dict[str, Any]:
    return service.diff(get_runtime().db, current_tenant_context(), int(params["from"]), int(params["to"]))


def list_tenant_flags(
    tenant_id: str, page_size: int | None = None, page_token: str | None = None
) -> dict[str, Any]:
    page = flags.list_flags(
        get_runtime().db, current_tenant_context(), page_size=page_size, page_token=page_token
    )
    return {"items": page.items, "next_page_token": page.next_page_token}


def create_tenant_flag(tenant_id: str, body: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
    created = flags.create_flag(get_runtime().db, current_tenant_context(), body)
    return created, 201, {"Location": f"/v1/tenants/{tenant_id}/flags/{created['key']}"}


def get_tenant_flag(tenant_id: str, flag_key: str) -> dict[str, Any]:
    return flags.get_flag(get_runtime().db, current_tenant_context(), flag_key)


def update_tenant_flag(tenant_id: str, flag_key: str, body: dict[str, Any]) -> dict[str, Any]:
    return flags.update_flag(get_runtime().db, current_tenant_context(), flag_key, body)


def delete_tenant_flag(tenant_id: str, flag_key: str) -> ConnexionResponse:
    flags.delete_flag(get_runtime().db, current_tenant_context(), flag_key)
    return ConnexionResponse(status_code=204)  # no body, so no JSON content type


def evaluate_tenant_flag(tenant_id: str, flag_key: str, environment: str = "production") -> dict[str, Any]:
    return flags.evaluate_flag(get_runtime().db, current_tenant_context(), flag_key, environment)


def get_tenant_residency(tenant_id: str) -> dict[str, Any]:
    return residency.posture(get_runtime().db, current_tenant_context())


def list_tenant_admin_actions(
    tenant_id: str, page_size: int | None = None, page_token: str | None = None, since: str | None = None
) -> dict[str, Any]:
    items, token = admin_actions.list_admin_actions(
        get_runtime().audit,
        current_tenant_context(),
        since=parse_instant("since", since),
        page_size=page_size,
        page_token=page_token,
    )
    return {"items": items, "next_page_token": token}
