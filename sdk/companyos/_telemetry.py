"""OpenTelemetry through ``opentelemetry-api`` only, imported on first use (keeps ``import companyos`` fast).

With an OpenTelemetry SDK configured by the application, every logical call is a CLIENT span and
``traceparent`` is injected into each attempt. Without one the API is a no-op, and this module skips it
(it is on every request's path): no span is made, and the current context is injected only when there is
one (a remote parent or baggage the application attached), which is all the no-op span would carry.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

from companyos._version import __version__

__all__ = ["end_span", "inject", "start_span"]

_tracer: Any = None
_otel: Any = None  # (trace, propagate, SpanKind.CLIENT, Status, StatusCode, context) once imported


def _api() -> Any:
    """The opentelemetry modules, imported once (not a `from … import` per request: this is the hot path)."""
    global _otel
    if _otel is None:
        from opentelemetry import context, propagate, trace
        from opentelemetry.trace import SpanKind, Status, StatusCode

        _otel = (trace, propagate, SpanKind.CLIENT, Status, StatusCode, context)
    return _otel


def _get_tracer() -> Any:
    global _tracer
    if _tracer is None:
        _tracer = _api()[0].get_tracer("companyos", __version__)  # a proxy: follows a provider set later
    return _tracer


def _recording_tracer() -> Any | None:
    """The tracer, or None while no tracer provider is configured (the proxy would make no-op spans)."""
    tracer = _get_tracer()
    trace = _api()[0]
    if isinstance(tracer, trace.ProxyTracer) and isinstance(
        trace.get_tracer_provider(), trace.ProxyTracerProvider
    ):
        return None
    return tracer


def start_span(name: str, attributes: Callable[[], dict[str, Any]]) -> Any:
    """A CLIENT span, or None without a tracer provider (the attributes are then never built)."""
    tracer = _recording_tracer()
    if tracer is None:
        return None
    return tracer.start_span(name, kind=_api()[2], attributes=attributes())


def inject(span: Any, headers: MutableMapping[str, str]) -> None:
    trace, propagate, *_, context = _api()
    if span is not None:
        propagate.inject(headers, context=trace.set_span_in_context(span))
    elif context.get_current():
        propagate.inject(headers)


def end_span(span: Any, *, status_code: int | None, error: BaseException | None) -> None:
    if span is None:
        return
    if status_code is not None:
        span.set_attribute("http.response.status_code", status_code)
    if error is not None:
        _, _, _, status, status_code_enum, _ = _api()
        span.record_exception(error)
        span.set_status(status(status_code_enum.ERROR, type(error).__name__))
    span.end()
