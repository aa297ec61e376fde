"""Handlers for the `policies` tag: parse, call the service, shape the response."""

from __future__ import annotations

from typing import Any

from companyos_server.domains.policies import service
from companyos_server.domains.policies.widening import ActionTarget
from companyos_server.platform.requestctx import current_tenant_context
from companyos_server.platform.runtime import get_runtime


def list_policies(tenant_id: str) -> dict[str, Any]:
    runtime = get_runtime()
    return {"items": service.list_policies(runtime.db, runtime.policy.policy_text, current_tenant_context())}


def get_policy(tenant_id: str, policy_id: str) -> dict[str, Any]:
    runtime = get_runtime()
    return service.get_policy(runtime.db, runtime.policy.policy_text, current_tenant_context(), policy_id)


def list_policy_versions(tenant_id: str, policy_id: str) -> dict[str, Any]:
    runtime = get_runtime()
    items = service.list_versions(runtime.db, runtime.policy.policy_text, current_tenant_context(), policy_id)
    return {"items": items}


def _targets() -> list[ActionTarget]:
    """How the API uses each tenant-scoped action (resource type, read or write): widening probes."""
    operations = get_runtime().spec.operations.values()
    found = {
        ActionTarget(op.action, op.resource_type or "tenant", op.mutation)
        for op in operations
        if op.action and op.tenant_scoped
    }
    return sorted(found, key=lambda t: (t.action, t.resource_type, t.mutation))


def update_policy(
    tenant_id: str, policy_id: str, body: dict[str, Any], dry_run: bool = False
) -> tuple[dict[str, Any], int]:
    runtime = get_runtime()
    result = service.update_policy(
        runtime.db,
        runtime.policy.policy_text,
        current_tenant_context(),
        policy_id,
        body,
        dry_run=dry_run,
        targets=_targets(),
    )
    if dry_run:
        return result, 200
    if result["approval_required"]:
        return result, 202  # stored, not in force: it waits for approve_policy_version
    runtime.policy.invalidate(tenant_id)  # in force now in this process; elsewhere within the TTL
    return result, 200


def approve_policy_version(tenant_id: str, policy_id: str, version: int) -> dict[str, Any]:
    runtime = get_runtime()
    approved = service.approve_policy_version(
        runtime.db,
        runtime.policy.policy_text,
        current_tenant_context(),
        policy_id,
        version,
        targets=_targets(),
    )
    runtime.policy.invalidate(tenant_id)  # in force now in this process; elsewhere within the TTL
    return approved


def list_policy_decisions(
    tenant_id: str,
    page_size: int | None = None,
    page_token: str | None = None,
    action: str | None = None,
    outcome: str | None = None,
) -> dict[str, Any]:
    page = service.list_decisions(
        get_runtime().db,
        current_tenant_context(),
        page_size=page_size,
        page_token=page_token,
        action=action,
        outcome=outcome,
    )
    return {"items": page.items, "next_page_token": page.next_page_token}


def list_policy_exceptions(
    tenant_id: str,
    page_size: int | None = None,
    page_token: str | None = None,
    policy_id: str | None = None,
    service_id: str | None = None,
    status: str | None = None,
) -> dict[str, Any]:
    page = service.list_exceptions(
        get_runtime().db,
        current_tenant_context(),
        page_size=page_size,
        page_token=page_token,
        policy_id=policy_id,
        service_id=service_id,
        status=status,
    )
    return {"items": page.items, "next_page_token": page.next_page_token}


def create_policy_exception(
    tenant_id: str, body: dict[str, Any]
) -> tuple[dict[str, Any], int, dict[str, str]]:
    runtime = get_runtime()
    created = service.create_exception(runtime.db, runtime.policy.policy_text, current_tenant_context(), body)
    return created, 201, {"Location": f"/v1/tenants/{tenant_id}/policies/exceptions/{created['id']}"}


def get_policy_exception(tenant_id: str, exception_id: str) -> dict[str, Any]:
    return service.get_exception(get_runtime().db, current_tenant_context(), exception_id)


def approve_policy_exception(tenant_id: str, exception_id: str) -> dict[str, Any]:
    runtime = get_runtime()
    approved = service.approve_exception(
        runtime.db, runtime.policy.policy_text, current_tenant_context(), exception_id
    )
    runtime.policy.invalidate(tenant_id)  # applies now in this process; elsewhere within the TTL
    return approved
