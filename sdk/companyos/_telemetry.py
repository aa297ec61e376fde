"""OpenTelemetry through ``opentelemetry-api`` only, imported on first use (keeps ``import companyos`` fast).

Without an OpenTelemetry SDK configured by the application the API is a no-op; with one, every logical
call is a CLIENT span and ``traceparent`` is injected into each attempt.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from companyos._version import __version__

__all__ = ["end_span", "inject", "start_span"]

_tracer: Any = None


def _get_tracer() -> Any:
    global _tracer
    if _tracer is None:
        from opentelemetry import trace

        _tracer = trace.get_tracer("companyos", __version__)
    return _tracer


def start_span(name: str, attributes: dict[str, Any]) -> Any:
    from opentelemetry.trace import SpanKind

    return _get_tracer().start_span(name, kind=SpanKind.CLIENT, attributes=attributes)


def inject(span: Any, headers: MutableMapping[str, str]) -> None:
    from opentelemetry import propagate, trace

    propagate.inject(headers, context=trace.set_span_in_context(span))


def end_span(span: Any, *, status_code: int | None, error: BaseException | None) -> None:
    from opentelemetry.trace import Status, StatusCode

    if status_code is not None:
        span.set_attribute("http.response.status_code", status_code)
    if error is not None:
        span.record_exception(error)
        span.set_status(Status(StatusCode.ERROR, type(error).__name__))
    span.end()
