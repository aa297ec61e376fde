"""Public surface, redaction, telemetry headers, spec coverage and types kept in step with the spec."""

from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, get_type_hints

import httpx
import pytest

import companyos
from companyos import types as sdk_types
from companyos._logs import PII_FIELDS, REDACTED, redact, redact_headers

from .conftest import BASE, TENANT

ROOT = Path(__file__).resolve().parents[3]
SPEC = json.loads((ROOT / "generated" / "openapi.json").read_text())

PUBLIC_API = [
    "API_VERSION", "NOT_GIVEN", "APIConnectionError", "APIError", "APIResponse", "APIStatusError",
    "APITimeoutError", "AccessDeniedError", "AsyncClient", "AsyncPager", "AuthenticationError",
    "AuthorizationCodePKCE", "BadRequestError", "CircuitBreaker", "CircuitOpenError", "Client",
    "ClientCredentials", "CompanyOSError", "ConflictError", "DeviceCode", "ExpiredTokenError", "FlushResult",
    "InternalServerError", "MutationQueued", "NotFoundError", "NotGiven", "OAuthError", "OfflineQueue",
    "OfflineStatus", "Page", "PermissionDeniedError", "RateLimitError", "RetryPolicy", "StaticToken",
    "StepUpChallenge", "StepUpRequired", "SyncPager", "Token", "UnprocessableEntityError", "__version__",
    "auth", "types",
]  # fmt: skip


def test_public_all_is_sorted_and_unchanged():
    def ruff_order(name: str) -> tuple[int, str]:  # RUF022: CONSTANTS, then Classes, then the rest
        return (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)

    assert companyos.__all__ == sorted(companyos.__all__, key=ruff_order)
    assert companyos.__all__ == PUBLIC_API, "public API changed: update PUBLIC_API deliberately"
    for name in companyos.__all__:
        assert hasattr(companyos, name), name


def test_import_is_light():
    code = "import companyos, sys; print(sorted(m for m in ('opentelemetry', 'cryptography', 'keyring', 'companyos._generated.companyos_client') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_redaction_of_tokens_and_pii():
    body = {"access_token": "a", "nested": [{"refresh_token": "r", "email": "x@y", "keep": 1}], "name": "Ann"}
    assert redact(body) == {
        "access_token": REDACTED,
        "nested": [{"refresh_token": REDACTED, "email": REDACTED, "keep": 1}],
        "name": REDACTED,
    }
    assert redact_headers({"Authorization": "Bearer s", "X-Request-Id": "r"}) == {
        "Authorization": REDACTED,
        "X-Request-Id": "r",
    }


def test_pii_fields_cover_the_spec_classification():
    classified: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for name, prop in (node.get("properties") or {}).items():
                if isinstance(prop, dict) and str(prop.get("x-companyos-classification", "")).lower() in (
                    "pii",
                    "personal",
                    "sensitive",
                ):
                    classified.add(name)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(SPEC)
    assert classified <= PII_FIELDS


def test_debug_log_never_contains_secrets(api, make_client, caplog):
    api.post("/v1/tenants").mock(return_value=httpx.Response(201, json=TENANT))
    with caplog.at_level(logging.DEBUG, logger="companyos"):
        make_client(auth="super-secret-token").tenants.create(
            id="acme", display_name="ACME", labels={"email": "a@b"}
        )
    text = caplog.text
    assert "POST" in text and "super-secret-token" not in text and "a@b" not in text


def test_traceparent_injected_when_a_span_is_active(api, make_client):
    from opentelemetry import trace
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracer = provider.get_tracer("test")
    import companyos._telemetry as tel

    old = tel._tracer
    tel._tracer = provider.get_tracer("companyos")
    try:
        route = api.get("/v1/health").mock(
            side_effect=[httpx.Response(503), httpx.Response(200, json={"status": "ok", "version": "1"})]
        )
        with tracer.start_as_current_span("app"):
            make_client().system.health()
    finally:
        tel._tracer = old
    parents = [c.request.headers["traceparent"] for c in route.calls]
    assert all(re.fullmatch(r"00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}", p) for p in parents)
    spans = {s.name: s for s in exporter.get_finished_spans()}
    sdk_span = spans["companyos.get_health"]
    assert sdk_span.parent is not None and sdk_span.parent.span_id == spans["app"].context.span_id
    assert sdk_span.attributes["http.response.status_code"] == 200
    assert parents[0].split("-")[1] == format(sdk_span.context.trace_id, "032x")
    assert trace.get_current_span() is not None


# -- spec coverage: every operationId reachable through the SDK ------------------------------------
CALLS: dict[str, Any] = {
    "get_health": lambda c: c.system.health(),
    "get_readiness": lambda c: c.system.readiness(),
    "get_me": lambda c: c.identity.me(),
    "list_tenants": lambda c: c.tenants.list().first_page(),
    "create_tenant": lambda c: c.tenants.create(id="t", display_name="T"),
    "get_tenant": lambda c: c.tenants.retrieve(),
    "update_tenant": lambda c: c.tenants.update(display_name="T"),
    "get_tenant_permissions": lambda c: c.tenants.permissions(resource="tenant"),
    "list_audit_events": lambda c: c.audit.list().first_page(),
    "verify_audit_chain": lambda c: c.audit.verify(),
    "export_audit_events": lambda c: c.audit.export(),
    "list_jobs": lambda c: c.jobs.list().first_page(),
    "get_job": lambda c: c.jobs.retrieve("job_1"),
    "cancel_job": lambda c: c.jobs.cancel("job_1"),
    "retry_job": lambda c: c.jobs.retry("job_1"),
    "get_job_artifact": lambda c: c.jobs.artifact("job_1"),
}
SPEC_OPERATIONS = {
    op["operationId"]: (method.upper(), path)
    for path, item in SPEC["paths"].items()
    for method, op in item.items()
    if isinstance(op, dict) and "operationId" in op and op.get("x-companyos-served-by") != "identity-provider"
}


def test_every_operation_is_mapped():
    assert set(CALLS) == set(SPEC_OPERATIONS)


@pytest.mark.parametrize("operation_id", sorted(SPEC_OPERATIONS))
def test_operation_reachable(operation_id, make_client):
    import respx

    method, template = SPEC_OPERATIONS[operation_id]
    pattern = "^" + BASE + re.sub(r"\\\{[a-z_]+\\\}", "[^/]+", re.escape(template)) + r"(\?.*)?$"
    with respx.mock(assert_all_called=True) as router:
        router.route(method=method, url__regex=pattern).mock(
            return_value=httpx.Response(200, json={"items": []})
        )
        CALLS[operation_id](make_client())


# -- TypedDicts match the spec's schemas ---------------------------------------------------------
SCHEMA_TYPES = ["Health", "Readiness", "Me", "TenantMembership", "Tenant", "PermissionSet", "ActionPermission",
                "Job", "JobProgress", "JobError", "AuditEvent", "AuditVerification"]  # fmt: skip


@pytest.mark.parametrize("name", SCHEMA_TYPES)
def test_typed_dicts_match_schema_properties(name):
    schema = SPEC["components"]["schemas"][name]
    assert set(get_type_hints(getattr(sdk_types, name))) == set(schema["properties"]), name
