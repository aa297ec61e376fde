"""An optional per-host circuit breaker (closed → open → half-open), driven by an injected clock."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

__all__ = ["CircuitBreaker"]


@dataclass
class _HostState:
    failures: int = 0
    opened_at: float | None = None
    probing: bool = False


@dataclass
class CircuitBreaker:
    """Opens after ``failure_threshold`` consecutive failures (connection errors, timeouts, 5xx) to a host.

    While open, calls fail fast with ``CircuitOpenError``; after ``reset_timeout`` seconds one probe call
    is let through (half-open): success closes the circuit, failure opens it again.
    """

    failure_threshold: int = 5
    reset_timeout: float = 30.0
    _hosts: dict[str, _HostState] = field(default_factory=dict, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def allow(self, host: str, now: float) -> bool:
        with self._lock:
            state = self._hosts.setdefault(host, _HostState())
            if state.opened_at is None:
                return True
            if now - state.opened_at >= self.reset_timeout and not state.probing:
                state.probing = True
                return True
            return False

    def record_success(self, host: str) -> None:
        with self._lock:
            self._hosts[host] = _HostState()

    def record_failure(self, host: str, now: float) -> None:
        with self._lock:
            state = self._hosts.setdefault(host, _HostState())
            state.failures += 1
            if state.probing or state.failures >= self.failure_threshold:
                state.opened_at = now
                state.probing = False

    def state(self, host: str) -> str:
        with self._lock:
            state = self._hosts.get(host)
            if state is None or state.opened_at is None:
                return "closed"
            return "half-open" if state.probing else "open"
