"""OpenTelemetry tracing: W3C ``traceparent`` continuation and low-cardinality server spans.

Each app gets its own ``TracerProvider`` (kept on the runtime, never the global one), so several
apps in one process — tests — do not share exporters. With ``COMPANYOS_OTEL_EXPORTER=none`` (the
default) spans are still created, so an incoming ``traceparent`` is continued into logs and any
outgoing calls; they are just not exported.
"""

from __future__ import annotations

from typing import Any

from opentelemetry import trace
from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor

SERVICE_NAME = "companyos-api"
OPERATION_ATTRIBUTE = "companyos.operation_id"


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
    return OpenTelemetryMiddleware(
        app,
        excluded_urls="/metrics$",
        default_span_details=_span_details,
        tracer_provider=provider,
        exclude_spans=["receive", "send"],
    )


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


def current_trace_ids() -> tuple[str | None, str | None]:
    ctx = trace.get_current_span().get_span_context()
    if not ctx.is_valid:
        return None, None
    return format(ctx.trace_id, "032x"), format(ctx.span_id, "016x")
