"""Handlers for the `sandbox` tag: parse, call the domain, shape the response."""

from __future__ import annotations

from typing import Any

from companyos_server.domains.sandbox import service
from companyos_server.platform.requestctx import current_tenant_context
from companyos_server.platform.runtime import get_runtime


def get_sandbox(tenant_id: str) -> dict[str, Any]:
    return service.get_sandbox(get_runtime(), current_tenant_context())


def seed_sandbox(tenant_id: str, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    return service.seed_sandbox(get_runtime(), current_tenant_context(), body), 201


def reset_sandbox(tenant_id: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    return service.reset_sandbox(get_runtime(), current_tenant_context(), body)
