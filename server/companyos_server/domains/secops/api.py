"""Handlers for the `secops` tag: parse, call the service, shape the response."""

from __future__ import annotations

from typing import Any

from companyos_server import errors
from companyos_server.domains.alerts.services_ref import intelgraph
from companyos_server.domains.secops import service
from companyos_server.platform.requestctx import current_tenant_context
from companyos_server.platform.runtime import get_runtime


def _sync(runtime: Any) -> int:
    return service.sync_audit(runtime.db, runtime.audit, intelgraph(runtime))


def ingest_security_events(tenant_id: str, body: dict[str, Any]) -> dict[str, Any]:
    runtime = get_runtime()
    has_events, has_ndjson = "events" in body, "ndjson" in body
    if has_events == has_ndjson:
        raise errors.invalid_argument(
            "Send either events (a list) or ndjson (newline-delimited JSON text).",
            [errors.FieldError("events", "exactly one of events and ndjson")],
        )
    batch = body["events"] if has_events else service.parse_ndjson(body["ndjson"])
    _sync(runtime)
    return service.ingest(runtime.db, intelgraph(runtime), current_tenant_context(), batch)


MAX_NDJSON_BYTES = 5_000_000


def ingest_security_events_ndjson(tenant_id: str, body: bytes | str | None = None) -> dict[str, Any]:
    raw = body.encode("utf-8") if isinstance(body, str) else bytes(body or b"")
    if not raw:
        raise errors.invalid_argument(
            "The request body is required: NDJSON, one event a line.", [errors.FieldError("body", "missing")]
        )
    if len(raw) > MAX_NDJSON_BYTES:
        raise errors.payload_too_large(f"An NDJSON batch is at most {MAX_NDJSON_BYTES:,} bytes.")
    runtime = get_runtime()
    _sync(runtime)
    return service.ingest(
        runtime.db, intelgraph(runtime), current_tenant_context(), service.parse_ndjson(raw)
    )


def sync_security_events(tenant_id: str) -> dict[str, Any]:
    return {"stored": _sync(get_runtime())}


def list_security_events(
    tenant_id: str,
    page_size: int | None = None,
    page_token: str | None = None,
    principal: str | None = None,
    action: str | None = None,
    category: str | None = None,
) -> dict[str, Any]:
    runtime = get_runtime()
    page = service.list_events(
        runtime.db, current_tenant_context(), page_size=page_size, page_token=page_token,
        principal=principal, action=action, category=category,
    )  # fmt: skip
    return {"items": page.items, "next_page_token": page.next_page_token}


def list_detection_rules(tenant_id: str) -> dict[str, Any]:
    return {"items": service.list_rules(get_runtime().db, current_tenant_context())}


def put_detection_rule(tenant_id: str, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    rule, created = service.put_rule(get_runtime().db, current_tenant_context(), body)
    return rule, 201 if created else 200


def get_detection_rule(tenant_id: str, rule_name: str) -> dict[str, Any]:
    return service.get_rule(get_runtime().db, current_tenant_context(), rule_name)


def update_detection_rule(tenant_id: str, rule_name: str, body: dict[str, Any]) -> dict[str, Any]:
    return service.set_rule_enabled(
        get_runtime().db, current_tenant_context(), rule_name, bool(body["enabled"])
    )


def test_detection_rule(tenant_id: str, body: dict[str, Any]) -> dict[str, Any]:
    return service.test_rule(get_runtime().db, current_tenant_context(), body)


def run_detection_history(tenant_id: str, body: dict[str, Any]) -> dict[str, Any]:
    runtime = get_runtime()
    _sync(runtime)
    return service.run_history(runtime.db, current_tenant_context(), body)


def get_security_principal(tenant_id: str, principal: str) -> dict[str, Any]:
    runtime = get_runtime()
    return service.principal_profile(runtime.db, current_tenant_context(), principal)
