"""Request ids, trace continuation, Prometheus metrics and structured, redacted logs."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from prometheus_client.parser import text_string_to_metric_families

from companyos_server.platform.logs import JsonFormatter, RedactionFilter, redact, redact_text
from companyos_server.platform.middleware import platform_http
from tests.unit.platform import apphelpers
from tests.unit.platform.conftest import auth

# ----------------------------------------------------------------------------- request id


async def test_request_id_is_generated(api: httpx.AsyncClient) -> None:
    a = await api.get("/v1/health")
    b = await api.get("/v1/health")
    assert re.fullmatch(r"req_[0-9a-z]{26}", a.headers["x-request-id"])
    assert a.headers["x-request-id"] != b.headers["x-request-id"]


async def test_sane_request_id_is_echoed(api: httpx.AsyncClient) -> None:
    r = await api.get("/v1/health", headers={"X-Request-Id": "client.abc-123_Z"})
    assert r.headers["x-request-id"] == "client.abc-123_Z"


@pytest.mark.parametrize("bad", ["x" * 129, "has space", "semi;colon", "ünï", ""])
async def test_insane_request_id_is_replaced(api: httpx.AsyncClient, bad: str) -> None:
    r = await api.get("/v1/health", headers={"X-Request-Id": bad.encode("utf-8")})
    assert r.headers["x-request-id"].startswith("req_")


async def test_request_id_reaches_problem_and_handler_context(api: httpx.AsyncClient) -> None:
    r = await api.get("/v1/nope", headers={"X-Request-Id": "abc"})
    assert r.json()["request_id"] == "abc"
    assert r.headers["x-request-id"] == "abc"


# ----------------------------------------------------------------------------- tracing


def _exporter(runtime: Any) -> InMemorySpanExporter:
    exporter = InMemorySpanExporter()
    platform_http(runtime).tracer_provider.add_span_processor(SimpleSpanProcessor(exporter))
    return exporter


async def test_traceparent_is_continued(platform_runtime: Any, api: httpx.AsyncClient) -> None:
    exporter = _exporter(platform_runtime)
    trace_id = "4bf92f3577b34da6a3ce929d0e0e4736"
    parent = "00f067aa0ba902b7"
    r = await api.get("/v1/things/thg_42", headers={**auth(), "traceparent": f"00-{trace_id}-{parent}-01"})
    assert r.status_code == 200
    spans = exporter.get_finished_spans()
    server = [s for s in spans if s.kind.name == "SERVER"]
    assert len(server) == 1
    span = server[0]
    assert format(span.context.trace_id, "032x") == trace_id
    assert format(span.parent.span_id, "016x") == parent
    assert span.name == "GET /v1/things/{thing_id}"
    assert span.attributes["http.route"] == "/v1/things/{thing_id}"
    assert span.attributes["companyos.operation_id"] == "get_thing"


async def test_spans_exist_without_traceparent_and_unmatched_is_low_cardinality(
    platform_runtime: Any, api: httpx.AsyncClient
) -> None:
    exporter = _exporter(platform_runtime)
    await api.get("/v1/random/123")
    (span,) = [s for s in exporter.get_finished_spans() if s.kind.name == "SERVER"]
    assert span.name == "GET"
    assert span.context.trace_id != 0


def test_otlp_without_exporter_package_fails_clearly(tmp_path: Path) -> None:
    from companyos_server.platform.telemetry import TelemetryConfigError, build_tracer_provider
    from companyos_server.settings import Settings

    settings = Settings(var_dir=tmp_path, otel_exporter="otlp")
    try:
        import opentelemetry.exporter.otlp  # type: ignore[import-not-found]  # noqa: F401
    except ImportError:
        with pytest.raises(TelemetryConfigError, match="opentelemetry-exporter-otlp"):
            build_tracer_provider(settings)
    else:  # pragma: no cover - the package is installed here
        assert build_tracer_provider(settings) is not None


# ----------------------------------------------------------------------------- metrics


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    out = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


async def test_metrics_count_by_operation_and_parse(api: httpx.AsyncClient) -> None:
    for _ in range(3):
        await api.get("/v1/things/thg_1", headers=auth())
    await api.get("/v1/things/bad id", headers=auth())
    await api.get("/v1/unknown/1")
    await api.get("/v1/unknown/2")
    r = await api.get("/metrics")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/plain")
    samples = _samples(r.text)
    key = (
        "companyos_http_requests_total",
        (("method", "GET"), ("operation_id", "get_thing"), ("status", "200")),
    )
    assert samples[key] == 3
    assert (
        samples[
            (
                "companyos_http_requests_total",
                (("method", "GET"), ("operation_id", "get_thing"), ("status", "400")),
            )
        ]
        == 1
    )
    assert (
        samples[
            (
                "companyos_http_requests_total",
                (("method", "GET"), ("operation_id", "unmatched"), ("status", "404")),
            )
        ]
        == 2
    )
    assert samples[("companyos_http_request_duration_seconds_count", (("operation_id", "get_thing"),))] == 4
    # Paths never become labels.
    assert "/v1/unknown" not in r.text


async def test_two_apps_in_one_process_have_their_own_registries(
    tmp_path: Path, api: httpx.AsyncClient
) -> None:
    other_runtime = apphelpers.make_runtime(tmp_path / "other")
    other = apphelpers.build_test_app(other_runtime)
    await api.get("/v1/health")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=other), base_url="http://o") as http:
        text = (await http.get("/metrics")).text
    assert 'operation_id="health"' not in text
    other_runtime.close()


# ----------------------------------------------------------------------------- logs

SECRETS = [
    "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c3JfYWxpY2UifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ",
    "hunter2-password",
    "cs_live_supersecret",
    "rt_refresh_abcdef",
    "493817",
    "opaque-bearer-credential",
]


def _format(record_args: dict[str, Any]) -> str:
    record = logging.LogRecord(
        "t", logging.INFO, __file__, 1, record_args.pop("msg"), record_args.pop("args", None), None
    )
    for key, value in record_args.items():
        setattr(record, key, value)
    RedactionFilter().filter(record)
    return JsonFormatter().format(record)


@pytest.mark.parametrize(
    "case",
    [
        {"msg": "Authorization: Bearer opaque-bearer-credential"},
        {"msg": "got token %s", "args": (SECRETS[0],)},
        {"msg": "login", "password": SECRETS[1]},
        {"msg": "form body: grant_type=client_credentials&client_secret=cs_live_supersecret&scope=api"},
        {"msg": 'json {"refresh_token": "rt_refresh_abcdef", "ok": 1}'},
        {"msg": "mfa", "totp_code": "493817"},
        {"msg": "totp=493817 accepted"},
        {"msg": "headers", "headers": {"Authorization": "Bearer opaque-bearer-credential", "Accept": "x"}},
        {"msg": "nested", "payload": {"user": {"password": SECRETS[1], "client_secret": SECRETS[2]}}},
        {"msg": "%s", "args": ({"access_token": SECRETS[0]},)},
    ],
)
def test_redaction_never_leaks(case: dict[str, Any]) -> None:
    line = _format(dict(case))
    doc = json.loads(line)
    for secret in SECRETS:
        assert secret not in line, line
    assert doc["level"] == "INFO"


def test_redaction_keeps_harmless_text() -> None:
    assert redact_text("GET /v1/tenants 200 token_type=Bearer") == "GET /v1/tenants 200 token_type=Bearer"
    assert redact({"tenant_id": "acme", "status": 200}) == {"tenant_id": "acme", "status": 200}


async def test_access_log_is_one_json_object_per_request(api: httpx.AsyncClient, json_logs: Any) -> None:
    await api.get(
        "/v1/tenants/acme/things",
        headers={**auth("alice", "acme"), "X-Request-Id": "log-1"},
    )
    access = [r for r in json_logs.records() if r["logger"] == "companyos.access"]
    assert len(access) == 1
    entry = access[0]
    assert entry["request_id"] == "log-1"
    assert entry["operation_id"] == "list_tenant_things"
    assert entry["tenant_id"] == "acme"
    assert entry["status"] == 200
    assert isinstance(entry["duration_ms"], float)
    assert {"ts", "level", "logger", "message"} <= set(entry)
    assert "user-alice" not in json_logs.text  # the bearer token never appears


async def test_a_request_with_secrets_logs_none(api: httpx.AsyncClient, json_logs: Any) -> None:
    logging.getLogger("companyos.test").info(
        "client sent %s", {"Authorization": "Bearer user-alice:", "password": "hunter2-password"}
    )
    await api.post("/v1/things", json={"name": "x"}, headers=auth())
    assert "hunter2-password" not in json_logs.text
    assert "user-alice" not in json_logs.text
