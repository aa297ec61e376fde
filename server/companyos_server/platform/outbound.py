"""Outbound HTTP: every call CompanyOS makes to another system goes through :class:`Outbound`.

External IdP discovery and JWKS today; webhooks and exporters later. Per call:

- **timeouts**: an ``httpx.Timeout`` per attempt (connect, read, write, pool) and a ``deadline`` for
  the whole call, retries and waits included;
- **retries** (tenacity): exponential backoff with full jitter (``wait_random_exponential``: a wait
  drawn from ``[0, min(max_backoff, backoff * 2**n))``), on connection errors (the request never left,
  so any method), and on timeouts, 5xx and 429 only for idempotent requests (GET, HEAD, OPTIONS, PUT,
  DELETE, or ``idempotent=True``, e.g. a POST with an ``Idempotency-Key``). A ``Retry-After`` (seconds or
  an HTTP date) on a 429/503 is honoured instead of the backoff; one longer than ``max_retry_after`` or
  past the deadline is not waited for: the response is returned as it is;
- **a circuit breaker per destination** (``host[:port]``): ``closed`` until ``failure_threshold``
  consecutive failures (transport errors and 5xx; a 4xx or 429 means the host is up), then ``open``:
  calls fail fast with :class:`CircuitOpenError` for ``reset_timeout`` seconds, then ``half_open``: one
  probe goes through (others still fail fast); its success closes the circuit, its failure opens it again.

State and counters are exported to ``/metrics`` by :class:`OutboundCollector` (registered by
``platform.middleware.metrics``): ``companyos_outbound_requests_total{host,outcome}`` (one per attempt;
``rejected`` when the breaker refused it), ``companyos_outbound_retries_total{host}``,
``companyos_outbound_circuit_state{host}`` (0 closed, 1 open, 2 half-open) and
``companyos_outbound_circuit_failures{host}`` (consecutive failures).

Why a hand-written breaker: none is pinned here, and the ~60 lines below give what the metrics and
tests need (an injectable clock, per-host state read at scrape time, exactly one half-open probe),
where pybreaker would need listeners mirroring its state into Prometheus and wall-clock sleeps in tests.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    retry_if_result,
    wait_random_exponential,
)

CLOSED, OPEN, HALF_OPEN = "closed", "open", "half_open"
STATE_VALUES = {CLOSED: 0, OPEN: 1, HALF_OPEN: 2}
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
DEFAULT_TIMEOUT = httpx.Timeout(5.0, connect=2.0)


class CircuitOpenError(httpx.HTTPError):
    """The destination's circuit is open: the call was not made."""

    def __init__(self, host: str, retry_in: float) -> None:
        super().__init__(f"circuit to {host} is open; next probe in {max(retry_in, 0.0):.1f}s")
        self.host = host
        self.retry_in = retry_in


@dataclass
class CircuitBreaker:
    """One destination's breaker. Thread-safe; ``clock`` is monotonic seconds (injectable in tests)."""

    failure_threshold: int = 5
    reset_timeout: float = 30.0
    clock: Callable[[], float] = time.monotonic
    state: str = CLOSED
    failures: int = 0
    opened_at: float = 0.0
    _probing: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def current_state(self) -> str:
        with self._lock:
            if self.state == OPEN and self.clock() - self.opened_at >= self.reset_timeout:
                return HALF_OPEN
            return self.state

    def acquire(self) -> float | None:
        """None when the call may go ahead; else the seconds until the next probe."""
        with self._lock:
            if self.state == OPEN:
                waited = self.clock() - self.opened_at
                if waited < self.reset_timeout:
                    return self.reset_timeout - waited
                self.state = HALF_OPEN
            if self.state == HALF_OPEN:
                if self._probing:
                    return 0.0
                self._probing = True
            return None

    def success(self) -> None:
        with self._lock:
            self.state, self.failures, self._probing = CLOSED, 0, False

    def failure(self) -> None:
        with self._lock:
            self.failures += 1
            if self.state == HALF_OPEN or self.failures >= self.failure_threshold:
                self.state, self.opened_at = OPEN, self.clock()
            self._probing = False


def destination(url: httpx.URL) -> str:
    """The breaker and metrics key: host, and the port when it is not the scheme's default."""
    return url.netloc.decode("ascii") or url.host


def retry_after_seconds(response: httpx.Response, now: float | None = None) -> float | None:
    """``Retry-After`` as seconds to wait (RFC 9110 §10.2.3: delay-seconds or an HTTP date)."""
    value = response.headers.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 3  # tries in all, the first included
    backoff: float = 0.2  # the first window of the full-jitter backoff, doubled per retry
    max_backoff: float = 5.0
    max_retry_after: float = 30.0
    deadline: float = 15.0  # seconds for the whole call, waits included


class Outbound:
    """The process's outbound HTTP client: timeouts, retries with jitter, a breaker per destination."""

    def __init__(
        self,
        *,
        transport: httpx.BaseTransport | None = None,
        retry: RetryPolicy | None = None,
        failure_threshold: int = 5,
        reset_timeout: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.retry = retry or RetryPolicy()
        self.failure_threshold, self.reset_timeout = failure_threshold, reset_timeout
        self._clock, self._sleep = clock, sleep
        self._client = httpx.Client(transport=transport, timeout=DEFAULT_TIMEOUT, follow_redirects=False)
        self._breakers: dict[str, CircuitBreaker] = {}
        self._lock = threading.Lock()
        self.outcomes: Counter[tuple[str, str]] = Counter()
        self.retries: Counter[str] = Counter()

    def breaker(self, host: str) -> CircuitBreaker:
        with self._lock:
            if host not in self._breakers:
                self._breakers[host] = CircuitBreaker(self.failure_threshold, self.reset_timeout, self._clock)
            return self._breakers[host]

    def breakers(self) -> dict[str, CircuitBreaker]:
        with self._lock:
            return dict(self._breakers)

    def _count(self, host: str, outcome: str) -> None:
        with self._lock:
            self.outcomes[(host, outcome)] += 1

    def close(self) -> None:
        self._client.close()

    # -- calls -------------------------------------------------------------------------------------
    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def request(
        self,
        method: str,
        url: str,
        *,
        timeout: httpx.Timeout | float | None = None,
        idempotent: bool | None = None,
        retry: RetryPolicy | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        """One call: raises ``httpx.HTTPError`` (``CircuitOpenError`` included) when no response came."""
        policy = retry or self.retry
        method = method.upper()
        safe = method in IDEMPOTENT_METHODS if idempotent is None else idempotent
        request = self._client.build_request(
            method, url, timeout=timeout if timeout is not None else DEFAULT_TIMEOUT, **kwargs
        )
        host = destination(request.url)
        breaker = self.breaker(host)
        started = self._clock()

        def attempt() -> httpx.Response:
            retry_in = breaker.acquire()
            if retry_in is not None:
                self._count(host, "rejected")
                raise CircuitOpenError(host, retry_in)
            try:
                response = self._client.send(request)
            except httpx.TimeoutException:
                breaker.failure()
                self._count(host, "timeout")
                raise
            except httpx.TransportError:
                breaker.failure()
                self._count(host, "connection_error")
                raise
            if response.status_code >= 500:
                breaker.failure()
                self._count(host, "server_error")
            else:
                breaker.success()
                status = response.status_code
                self._count(
                    host, "throttled" if status == 429 else "client_error" if status >= 400 else "success"
                )
            return response

        def retryable_error(exc: BaseException) -> bool:
            if isinstance(exc, CircuitOpenError):
                return False
            if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
                return True  # the request never left: safe whatever the method
            return safe and isinstance(exc, httpx.TransportError)

        def retryable_response(response: httpx.Response) -> bool:
            if not safe or response.status_code not in RETRY_STATUSES:
                return False
            delay = retry_after_seconds(response)
            return delay is None or delay <= policy.max_retry_after

        jitter = wait_random_exponential(multiplier=policy.backoff, max=policy.max_backoff)

        def wait(state: RetryCallState) -> float:
            outcome = state.outcome
            if outcome is not None and not outcome.failed:
                delay = retry_after_seconds(outcome.result())
                if delay is not None:
                    return delay
            return float(jitter(state))

        def stop(state: RetryCallState) -> bool:
            # Out of attempts, or the next wait would cross the deadline (tenacity decides the wait first).
            if state.attempt_number >= policy.attempts:
                return True
            return self._clock() - started + (state.upcoming_sleep or 0.0) >= policy.deadline

        def before_sleep(state: RetryCallState) -> None:
            with self._lock:
                self.retries[host] += 1

        retrying = Retrying(
            stop=stop,
            wait=wait,
            retry=retry_if_exception(retryable_error) | retry_if_result(retryable_response),
            sleep=self._sleep,
            before_sleep=before_sleep,
            retry_error_callback=_last_outcome,
            reraise=True,
        )
        result: httpx.Response = retrying(attempt)
        return result


def _last_outcome(state: RetryCallState) -> Any:
    """Out of attempts: the last response as it is, or the last error raised."""
    assert state.outcome is not None
    return state.outcome.result()


class OutboundCollector:
    """Reads an :class:`Outbound`'s breakers and counters at scrape time (a prometheus_client collector)."""

    def __init__(self, outbound: Callable[[], Outbound]) -> None:
        self._outbound = outbound

    def describe(self) -> list[Metric]:
        return []  # unchecked collector: its series depend on the destinations called so far

    def collect(self) -> Iterator[Metric]:
        out = self._outbound()
        requests = CounterMetricFamily(
            "companyos_outbound_requests",
            "Outbound HTTP attempts, by destination and outcome.",
            labels=["host", "outcome"],
        )
        for (host, outcome), count in sorted(out.outcomes.items()):
            requests.add_metric([host, outcome], count)
        retries = CounterMetricFamily(
            "companyos_outbound_retries", "Outbound HTTP retries, by destination.", labels=["host"]
        )
        for host, count in sorted(out.retries.items()):
            retries.add_metric([host], count)
        state = GaugeMetricFamily(
            "companyos_outbound_circuit_state",
            "Circuit breaker state per destination: 0 closed, 1 open, 2 half-open.",
            labels=["host"],
        )
        failures = GaugeMetricFamily(
            "companyos_outbound_circuit_failures", "Consecutive failures per destination.", labels=["host"]
        )
        for host, breaker in sorted(out.breakers().items()):
            state.add_metric([host], STATE_VALUES[breaker.current_state()])
            failures.add_metric([host], breaker.failures)
        yield from (requests, retries, state, failures)


_default: Outbound | None = None
_default_lock = threading.Lock()


def default() -> Outbound:
    """The process's shared client (one breaker per destination for the whole process)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Outbound()
        return _default


__all__ = [
    "CLOSED",
    "HALF_OPEN",
    "OPEN",
    "CircuitBreaker",
    "CircuitOpenError",
    "Outbound",
    "OutboundCollector",
    "RetryPolicy",
    "default",
    "retry_after_seconds",
]
