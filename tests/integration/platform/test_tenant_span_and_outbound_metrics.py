"""Server spans carry the request's tenant; /metrics shows the outbound circuit breakers."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from companyos_server.platform import outbound
from companyos_server.platform.middleware import platform_http
from companyos_server.platform.telemetry import TENANT_ATTRIBUTE
from tests.integration.platform.conftest import token_for
from tests.unit.platform.loopback import Answer, Script, serve


async def test_the_server_span_carries_the_tenant(real_client: httpx.AsyncClient, real_runtime: Any) -> None:
    exporter = InMemorySpanExporter()
    platform_http(real_runtime).tracer_provider.add_span_processor(SimpleSpanProcessor(exporter))
    token = token_for(real_runtime, "usr_span", tenants={"acme": ["viewer"]}, mfa=False)
    headers = {"Authorization": f"Bearer {token}"}
    assert (await real_client.get("/v1/tenants/acme/services", headers=headers)).status_code == 200
    assert (await real_client.get("/v1/health")).status_code == 200

    spans = {s.name: s for s in exporter.get_finished_spans() if s.kind.name == "SERVER"}
    assert spans["GET /v1/tenants/{tenant_id}/services"].attributes[TENANT_ATTRIBUTE] == "acme"
    assert TENANT_ATTRIBUTE not in spans["GET /v1/health"].attributes  # no tenant, no attribute


async def test_metrics_show_the_outbound_circuit_state(
    real_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = outbound.Outbound(retry=outbound.RetryPolicy(attempts=1), failure_threshold=2)
    monkeypatch.setattr(outbound, "_default", out)
    with serve(Script({"/jwks": [Answer(503)]})) as base:
        for _ in range(2):
            outbound.default().get(f"{base}/jwks")
        with pytest.raises(outbound.CircuitOpenError):
            outbound.default().get(f"{base}/jwks")
    host = base.removeprefix("http://")
    text = (await real_client.get("/metrics")).text
    assert f'companyos_outbound_circuit_state{{host="{host}"}} 1.0' in text
    assert f'companyos_outbound_requests_total{{host="{host}",outcome="rejected"}} 1.0' in text
    assert f'companyos_outbound_circuit_failures{{host="{host}"}} 2.0' in text
