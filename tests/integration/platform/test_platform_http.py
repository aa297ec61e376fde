"""The platform middleware inside the real app: problems, request ids, tracing, metrics, limits."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from prometheus_client.parser import text_string_to_metric_families

from companyos_server.platform.middleware import platform_http
from tests.conftest import API
from tests.integration.platform.conftest import build_real_app, token_for

BASE = "https://docs.companyos.dev/problems/"
ADMIN_SCOPES = ["openid", "api", "platform:admin"]


def problem(r: httpx.Response, status: int, slug: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json"
    doc = r.json()
    assert doc["type"] == BASE + slug
    assert doc["request_id"] == r.headers["x-request-id"]
    assert doc["instance"] == r.request.url.path
    return doc


async def test_health_echoes_request_id(real_client: httpx.AsyncClient) -> None:
    r = await real_client.get("/v1/health", headers={"X-Request-Id": "it-1"})
    assert r.status_code == 200
    assert r.headers["x-request-id"] == "it-1"
    assert "ratelimit" not in r.headers


async def test_unknown_path_and_wrong_method(real_client: httpx.AsyncClient) -> None:
    problem(await real_client.get("/v1/definitely-not-here"), 404, "not-found")
    r = await real_client.delete("/v1/health")
    problem(r, 405, "method-not-allowed")
    assert r.headers["allow"] == "GET, HEAD"
    r = await real_client.put("/v1/tenants")
    assert r.headers["allow"] == "GET, HEAD, POST"


async def test_missing_token_is_401_problem(real_client: httpx.AsyncClient) -> None:
    r = await real_client.get("/v1/tenants")
    problem(r, 401, "unauthenticated")
    assert r.headers["www-authenticate"].startswith("Bearer")


async def test_body_errors_on_a_real_operation(real_client: httpx.AsyncClient, real_runtime: Any) -> None:
    auth = {"Authorization": "Bearer " + token_for(real_runtime, scopes=ADMIN_SCOPES)}
    json_ct = {**auth, "content-type": "application/json"}
    problem(await real_client.post("/v1/tenants", content=b"{nope", headers=json_ct), 400, "malformed-json")
    problem(
        await real_client.post("/v1/tenants", content=b'{"id": "\xff"}', headers=json_ct),
        400,
        "malformed-body",
    )
    problem(
        await real_client.post(
            "/v1/tenants", content=b"id=x", headers={**auth, "content-type": "text/plain"}
        ),
        415,
        "unsupported-media-type",
    )
    too_big = b'{"id": "' + b"a" * (real_runtime.settings.max_body_bytes + 1) + b'"}'
    problem(await real_client.post("/v1/tenants", content=too_big, headers=json_ct), 413, "payload-too-large")
    doc = problem(
        await real_client.post("/v1/tenants", json={"unexpected": 1}, headers=auth), 400, "invalid-argument"
    )
    assert {e["field"] for e in doc["errors"]} >= {"unexpected"}


async def test_oauth2_mount_is_not_touched_but_gets_a_request_id(real_client: httpx.AsyncClient) -> None:
    r = await real_client.get("/oauth2/.well-known/openid-configuration")
    assert r.status_code == 200
    assert r.headers["x-request-id"].startswith("req_")


async def test_traceparent_continues_through_the_real_app(
    real_client: httpx.AsyncClient, real_runtime: Any
) -> None:
    exporter = InMemorySpanExporter()
    platform_http(real_runtime).tracer_provider.add_span_processor(SimpleSpanProcessor(exporter))
    trace_id = secrets.token_hex(16)
    await real_client.get("/v1/health", headers={"traceparent": f"00-{trace_id}-{secrets.token_hex(8)}-01"})
    (span,) = [s for s in exporter.get_finished_spans() if s.kind.name == "SERVER"]
    assert format(span.context.trace_id, "032x") == trace_id
    assert span.name == "GET /v1/health"
    assert span.attributes["companyos.operation_id"] == "get_health"


async def test_metrics_by_operation(real_client: httpx.AsyncClient) -> None:
    await real_client.get("/v1/health")
    await real_client.get("/v1/health")
    await real_client.get("/v1/tenants")
    text = (await real_client.get("/metrics")).text
    samples = {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }
    assert (
        samples[
            (
                "companyos_http_requests_total",
                (("method", "GET"), ("operation_id", "get_health"), ("status", "200")),
            )
        ]
        == 2
    )
    assert (
        samples[
            (
                "companyos_http_requests_total",
                (("method", "GET"), ("operation_id", "list_tenants"), ("status", "401")),
            )
        ]
        == 1
    )


async def test_tenantless_operation_is_rate_limited_per_subject(
    real_runtime_factory: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMPANYOS_RATE_LIMITS", "standard=2")
    runtime = real_runtime_factory(rate_limit_enabled=True)
    app = build_real_app(runtime)
    auth = {"Authorization": "Bearer " + token_for(runtime, "usr_alice", tenants={"acme": ["sre"]})}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=API) as http:
        responses = [await http.get("/v1/tenants", headers=auth) for _ in range(3)]
        assert responses[0].headers["ratelimit-policy"] == '"standard";q=2;w=60'
        assert responses[2].status_code == 429
        doc = problem(responses[2], 429, "rate-limited")
        assert "standard" in doc["detail"]
        assert int(responses[2].headers["retry-after"]) >= 1
        assert (await http.get("/v1/health")).status_code == 200  # public: never limited


async def test_idempotent_tenant_creation_replays(real_client: httpx.AsyncClient, real_runtime: Any) -> None:
    auth = {
        "Authorization": "Bearer " + token_for(real_runtime, scopes=ADMIN_SCOPES),
        "Idempotency-Key": "it-k",
    }
    body = {"id": "initech", "display_name": "Initech", "tier": "free", "residency": "us"}
    first = await real_client.post("/v1/tenants", json=body, headers=auth)
    second = await real_client.post("/v1/tenants", json=body, headers=auth)
    assert first.status_code == 201, first.text
    assert second.status_code == 201
    assert second.headers["idempotent-replayed"] == "true"
    assert json.loads(second.content) == first.json()
    conflict = await real_client.post("/v1/tenants", json={**body, "display_name": "Other"}, headers=auth)
    problem(conflict, 409, "idempotency-key-reused")


async def test_tenant_tier_limits_on_the_real_guard(
    real_runtime_factory: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMPANYOS_RATE_LIMITS", "free=1,standard=1,enterprise=1")
    runtime = real_runtime_factory(rate_limit_enabled=True)
    app = build_real_app(runtime)
    auth = {"Authorization": "Bearer " + token_for(runtime, "usr_alice", tenants={"acme": ["sre"]})}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=API) as http:
        first = await http.get("/v1/tenants/acme", headers=auth)
        assert first.status_code == 200, first.text
        assert first.headers["ratelimit-policy"].startswith('"')
        assert (await http.get("/v1/tenants/acme", headers=auth)).status_code == 429


async def test_a_sandbox_tenant_is_limited_as_the_free_tier_whatever_its_tier(
    real_runtime_factory: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from companyos_server.domains.tenants.store import TenantRow

    monkeypatch.setenv("COMPANYOS_RATE_LIMITS", "free=1,standard=5,enterprise=5")
    runtime = real_runtime_factory(rate_limit_enabled=True)
    with runtime.db.session() as session:
        session.add(TenantRow(id="demo-sbx", display_name="Demo", tier="enterprise", residency="us",
                              status="active", environment="sandbox", labels={}))  # fmt: skip
    app = build_real_app(runtime)
    auth = {"Authorization": "Bearer " + token_for(runtime, "usr_demo", tenants={"demo-sbx": ["viewer"]})}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=API) as http:
        first = await http.get("/v1/tenants/demo-sbx", headers=auth)
        assert first.status_code == 200, first.text
        assert first.headers["ratelimit-policy"] == '"free";q=1;w=60'
        assert first.headers["companyos-environment"] == "sandbox"
        assert (await http.get("/v1/tenants/demo-sbx", headers=auth)).status_code == 429
