"""Handlers for the `identity` tag."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from companyos_server.platform.requestctx import current_principal


def get_me() -> dict[str, Any]:
    p = current_principal()
    return {
        "subject": p.subject,
        "kind": p.kind,
        "name": p.name,
        "tenants": [{"tenant_id": t, "roles": list(roles)} for t, roles in sorted(p.tenants.items())],
        "scopes": sorted(p.scopes),
        "acr": p.acr,
        "auth_time": datetime.fromtimestamp(p.auth_time, UTC) if p.auth_time else None,
        "client_id": p.client_id,
    }
