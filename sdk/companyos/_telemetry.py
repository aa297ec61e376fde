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
_otel: Any = None  # (trace, propagate, SpanKind.CLIENT, Status, StatusCode) once imported


def _api() -> Any:
    """The opentelemetry modules, imported once (not a `from … import` per request: this is the hot path)."""
    global _otel
    if _otel is None:
        from opentelemetry import propagate, trace
        from opentelemetry.trace import SpanKind, Status, StatusCode

        _otel = (trace, propagate, SpanKind.CLIENT, Status, StatusCode)
    return _otel


def _get_tracer() -> Any:
    global _tracer
    if _tracer is None:
        _tracer = _api()[0].get_tracer("companyos", __version__)  # a proxy: follows a provider set later
    return _tracer


def start_span(name: str, attributes: dict[str, Any]) -> Any:
    return _get_tracer().start_span(name, kind=_api()[2], attributes=attributes)


def inject(span: Any, headers: MutableMapping[str, str]) -> None:
    trace, propagate = _api()[:2]
    propagate.inject(headers, context=trace.set_span_in_context(span))


def end_span(span: Any, *, status_code: int | None, error: BaseException | None) -> None:
    if status_code is not None:
        span.set_attribute("http.response.status_code", status_code)
    if error is not None:
        _, _, _, status, status_code_enum = _api()
        span.record_exception(error)
        span.set_status(status(status_code_enum.ERROR, type(error).__name__))
    span.end()
