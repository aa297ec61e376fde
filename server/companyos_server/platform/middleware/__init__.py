"""Cross-cutting HTTP concerns, wired by the app factory through three functions.

* :func:`install` — on the connexion app, before ``add_api``: problem+json error handlers,
  field-level request validators, and (after the guard) rate limiting then Idempotency-Key replay.
* :func:`extra_routes` — ``/metrics`` (Prometheus exposition, a registry per app).
* :func:`wrap_root` — around everything: OpenTelemetry server span (``traceparent``), then the
  platform middleware (request id, body limit, metrics, access log, last-resort problem).

State shared by the three (metrics registry, tracer provider, limiter, idempotency store) lives on
the runtime (``runtime.extras["companyos.http"]``), so each app has its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from connexion.middleware import MiddlewarePosition
from opentelemetry.sdk.trace import TracerProvider
from starlette.routing import BaseRoute, Route

from companyos_server.platform import telemetry
from companyos_server.platform.logs import configure_logging
from companyos_server.platform.middleware.errors import AllowIndex, ErrorHandlers, register, validator_map
from companyos_server.platform.middleware.idempotency import IdempotencyMiddleware, IdempotencyStore
from companyos_server.platform.middleware.metrics import HttpMetrics, MetricsEndpoint
from companyos_server.platform.middleware.ratelimit import (
    Limiter,
    RateLimitConfig,
    RateLimitMiddleware,
    build_limiter,
)
from companyos_server.platform.middleware.root import PlatformMiddleware

EXTRAS_KEY = "companyos.http"


@dataclass
class PlatformHTTP:
    metrics: HttpMetrics
    tracer_provider: TracerProvider
    rate_config: RateLimitConfig
    limiter: Limiter
    idempotency: IdempotencyStore
    allow_index: AllowIndex


def platform_http(runtime: Any) -> PlatformHTTP:
    """The per-app HTTP platform state, built once per runtime."""
    existing = runtime.extras.get(EXTRAS_KEY)
    if existing is not None:
        return existing
    settings = runtime.settings
    rate_config = RateLimitConfig.from_env()
    state = PlatformHTTP(
        metrics=HttpMetrics(),
        tracer_provider=telemetry.build_tracer_provider(settings, _spec_version(runtime)),
        rate_config=rate_config,
        limiter=build_limiter(settings, rate_config),
        idempotency=IdempotencyStore(runtime.db),
        allow_index=AllowIndex(runtime.spec.connexion_document()),
    )
    runtime.extras[EXTRAS_KEY] = state
    return state


def _spec_version(runtime: Any) -> str | None:
    try:
        return str(runtime.spec.version)
    except (KeyError, TypeError, AttributeError):
        return None


def install(api: Any, runtime: Any) -> None:
    """Add connexion-level middleware, validators and error handlers (call before ``add_api``)."""
    http = platform_http(runtime)
    options = getattr(getattr(api, "middleware", None), "options", None)
    if options is not None and not options.validator_map:
        options.validator_map = validator_map()
    register(api, ErrorHandlers(http.allow_index))
    # Same position as the guard, added after it: guard → rate limit → idempotency → validation.
    api.add_middleware(
        RateLimitMiddleware,
        position=MiddlewarePosition.BEFORE_VALIDATION,
        runtime=runtime,
        config=http.rate_config,
        limiter=http.limiter,
        metrics=http.metrics,
    )
    api.add_middleware(
        IdempotencyMiddleware,
        position=MiddlewarePosition.BEFORE_VALIDATION,
        store=http.idempotency,
        max_stored_bytes=runtime.settings.max_body_bytes,
        metrics=http.metrics,
    )


def extra_routes(runtime: Any) -> list[BaseRoute]:
    http = platform_http(runtime)
    return [Route("/metrics", endpoint=MetricsEndpoint(http.metrics), methods=["GET", "HEAD"])]


def wrap_root(app: Any, runtime: Any) -> Any:
    http = platform_http(runtime)
    configure_logging(runtime.settings.log_level)

    def route_of(operation_id: str | None) -> str | None:
        info = runtime.spec.get(operation_id) if operation_id else None
        return info.path if info else None

    inner = PlatformMiddleware(
        app, metrics=http.metrics, max_body_bytes=runtime.settings.max_body_bytes, route_of=route_of
    )
    return telemetry.instrument(inner, http.tracer_provider)


__all__ = ["PlatformHTTP", "extra_routes", "install", "platform_http", "wrap_root"]
