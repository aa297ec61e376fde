"""OpenTelemetry tracing: W3C ``traceparent`` continuation and low-cardinality server spans.

Each app gets its own ``TracerProvider`` (kept on the runtime, never the global one), so several
apps in one process — tests — do not share exporters. With ``COMPANYOS_OTEL_EXPORTER=none`` (the
default) no span processor is attached and no spans are built (see :class:`TracingSwitch`); an
incoming ``traceparent`` is still continued into the logs.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from typing import Any

from opentelemetry import trace
from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor

SERVICE_NAME = "companyos-api"
OPERATION_ATTRIBUTE = "companyos.operation_id"
TENANT_ATTRIBUTE = "companyos.tenant_id"  # OpenTelemetry has no semantic convention for a tenant yet


class TelemetryConfigError(RuntimeError):
    """The configured exporter cannot be built (raised at startup, not on the first request)."""


def _otlp_exporter() -> Any:
    try:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import (  # type: ignore[import-not-found]
            OTLPSpanExporter,
        )
    except ImportError:
        try:
            from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import (  # type: ignore[import-not-found]
                OTLPSpanExporter,
            )
        except ImportError:
            raise TelemetryConfigError(
                "COMPANYOS_OTEL_EXPORTER=otlp needs an OTLP exporter package: install "
                "'opentelemetry-exporter-otlp-proto-http' (or -grpc), or set COMPANYOS_OTEL_EXPORTER=none|console."
            ) from None
    # Endpoint, headers and protocol come from the standard OTEL_EXPORTER_OTLP_* variables.
    return OTLPSpanExporter()


def build_tracer_provider(settings: Any, version: str | None = None) -> TracerProvider:
    attributes = {"service.name": SERVICE_NAME, "deployment.environment": str(settings.env)}
    if version:
        attributes["service.version"] = version
    provider = TracerProvider(resource=Resource.create(attributes))
    exporter = getattr(settings, "otel_exporter", "none")
    if exporter == "console":
        provider.add_span_processor(SimpleSpanProcessor(ConsoleSpanExporter()))
    elif exporter == "otlp":
        provider.add_span_processor(BatchSpanProcessor(_otlp_exporter()))
    elif exporter != "none":
        raise TelemetryConfigError(f"unknown COMPANYOS_OTEL_EXPORTER {exporter!r} (none|console|otlp)")
    return provider


def _span_details(scope: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The initial span name: the method only (the raw path would explode cardinality)."""
    return str(scope.get("method") or "HTTP"), {}


def instrument(app: Any, provider: TracerProvider) -> Any:
    return TracingSwitch(app, provider)


def exporting(provider: TracerProvider) -> bool:
    """Whether any span processor would receive a span (unknown SDK internals: assume it would)."""
    processors = getattr(getattr(provider, "_active_span_processor", None), "_span_processors", None)
    return processors is None or bool(processors)


_TRACEPARENT = re.compile(r"^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$")
_incoming: ContextVar[tuple[str | None, str | None]] = ContextVar("incoming_trace", default=(None, None))


def incoming_trace_ids(scope: dict[str, Any]) -> tuple[str | None, str | None]:
    """The trace and parent span ids of a valid W3C ``traceparent`` header, else (None, None)."""
    for key, value in scope.get("headers") or ():
        if key == b"traceparent":
            match = _TRACEPARENT.match(value.decode("latin-1").strip())
            if match and set(match.group(1)) != {"0"} and set(match.group(2)) != {"0"}:
                return match.group(1), match.group(2)
            break
    return None, None


class TracingSwitch:
    """OpenTelemetry's ASGI middleware only while some span processor receives spans.

    Building a span per request costs about 5% of a small request's time; with no exporter (the
    default) nobody would see it. An incoming ``traceparent`` is then still continued into the logs
    (:func:`current_trace_ids` returns its ids). Adding a span processor later turns spans on.
    """

    def __init__(self, app: Any, provider: TracerProvider) -> None:
        self.app = app
        self.provider = provider
        self.traced = OpenTelemetryMiddleware(
            app,
            excluded_urls="/metrics$",
            default_span_details=_span_details,
            tracer_provider=provider,
            exclude_spans=["receive", "send"],
        )

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or exporting(self.provider):
            await self.traced(scope, receive, send)
            return
        token = _incoming.set(incoming_trace_ids(scope))
        try:
            await self.app(scope, receive, send)
        finally:
            _incoming.reset(token)


def name_server_span(method: str, route: str | None, operation_id: str | None) -> None:
    """Give the current server span its route template and operation (low cardinality)."""
    span = trace.get_current_span()
    if not span.is_recording():
        return
    if route:
        span.update_name(f"{method} {route}")
        span.set_attribute("http.route", route)
    if operation_id:
        span.set_attribute(OPERATION_ATTRIBUTE, operation_id)


def tag_tenant(tenant_id: str) -> None:
    """Put the request's tenant on the current server span (once the edge has resolved it)."""
    span = trace.get_current_span()
    if span.is_recording():
        span.set_attribute(TENANT_ATTRIBUTE, tenant_id)


def current_trace_ids() -> tuple[str | None, str | None]:
    ctx = trace.get_current_span().get_span_context()
    if not ctx.is_valid:
        return _incoming.get()
    return format(ctx.trace_id, "032x"), format(ctx.span_id, "016x")
