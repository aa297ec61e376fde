"""Prometheus metrics: a registry per app, exposed at ``/metrics``.

Labels are bounded: ``operation_id`` comes from the contract (or ``unmatched`` for anything the
contract does not route), ``method`` is normalised, ``status`` is the numeric code.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, make_asgi_app
from starlette.types import Receive, Scope, Send

from companyos_server.platform import outbound

UNMATCHED = "unmatched"
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class HttpMetrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "companyos_http_requests",
            "HTTP requests answered, by operation, method and status.",
            ["operation_id", "method", "status"],
            registry=self.registry,
        )
        self.duration = Histogram(
            "companyos_http_request_duration_seconds",
            "Time to answer an HTTP request, by operation.",
            ["operation_id"],
            buckets=BUCKETS,
            registry=self.registry,
        )
        self.rate_limited = Counter(
            "companyos_rate_limited",
            "Requests refused with 429, by tier.",
            ["tier"],
            registry=self.registry,
        )
        self.auth_failures = Counter(
            "companyos_auth_failures",
            "Requests refused for want of a valid bearer token (no principal), by reason: missing_token, "
            "invalid_token, expired_token, revoked_token. Per source address: auth_failure_counts.",
            ["reason"],
            registry=self.registry,
        )
        self.idempotent_replays = Counter(
            "companyos_idempotent_replays",
            "POST responses replayed from an Idempotency-Key.",
            registry=self.registry,
        )
        # Outbound calls (IdP discovery and JWKS, …): circuit state and attempts per destination host.
        self.registry.register(outbound.OutboundCollector(outbound.default))

    def observe(self, operation_id: str | None, method: str, status: int, seconds: float) -> None:
        op = operation_id or UNMATCHED
        method = method.upper() if method.upper() in _METHODS else "OTHER"
        self.requests.labels(op, method, str(status)).inc()
        self.duration.labels(op).observe(seconds)


class MetricsEndpoint:
    """An ASGI endpoint around prometheus_client's app (a class, so Starlette treats it as an app)."""

    def __init__(self, metrics: HttpMetrics) -> None:
        self._app = make_asgi_app(registry=metrics.registry)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._app(scope, receive, send)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "MetricsEndpoint()"
