"""Outbound HTTP against a loopback server: retries with full jitter, Retry-After, the circuit breaker
(closed → open → half-open → closed), bounded timeouts and the /metrics series."""

from __future__ import annotations

import socket
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey
from prometheus_client import generate_latest
from prometheus_client.parser import text_string_to_metric_families

from companyos_server.platform import outbound
from companyos_server.platform.identity.validation import TokenValidator
from companyos_server.platform.middleware.metrics import HttpMetrics
from companyos_server.platform.outbound import CircuitOpenError, Outbound, RetryPolicy
from tests.unit.platform.loopback import Answer, Script, serve


class Clock:
    """Monotonic time that only moves when a test (or a retry's sleep) moves it."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def client(clock: Clock, **kwargs: Any) -> Outbound:
    retry = kwargs.pop("retry", RetryPolicy(attempts=4, backoff=0.1, max_backoff=1.0, deadline=30.0))
    return Outbound(retry=retry, clock=clock, sleep=clock.sleep, **kwargs)


def samples(out: Outbound) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    registry_text = generate_latest(_registry(out)).decode()
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(registry_text)
        for s in family.samples
    }


def _registry(out: Outbound) -> Any:
    from prometheus_client import CollectorRegistry

    registry = CollectorRegistry()
    registry.register(outbound.OutboundCollector(lambda: out))
    return registry


def test_an_idempotent_call_is_retried_with_full_jitter_until_it_succeeds() -> None:
    script = Script({"/jwks": [Answer(503), Answer(502), Answer(200, {"keys": []})]})
    clock = Clock()
    out = client(clock)
    with serve(script) as base:
        r = out.get(f"{base}/jwks")
    assert (r.status_code, r.json()) == (200, {"keys": []})
    assert script.count("/jwks") == 3
    # Full jitter: the n-th wait is drawn from [0, backoff * 2**n), capped by max_backoff.
    assert len(clock.sleeps) == 2
    assert all(0 <= wait <= 0.1 * 2**n for n, wait in enumerate(clock.sleeps, start=1)), clock.sleeps
    host = base.removeprefix("http://")
    got = samples(out)
    assert got[("companyos_outbound_requests_total", (("host", host), ("outcome", "server_error")))] == 2
    assert got[("companyos_outbound_requests_total", (("host", host), ("outcome", "success")))] == 1
    assert got[("companyos_outbound_retries_total", (("host", host),))] == 2
    assert got[("companyos_outbound_circuit_state", (("host", host),))] == 0


def test_retry_after_is_honoured_and_too_long_a_one_is_not_waited_for() -> None:
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=3), usegmt=True)
    script = Script(
        {
            "/a": [Answer(429, headers={"Retry-After": "2"}), Answer(200, {})],
            "/b": [Answer(503, headers={"Retry-After": later}), Answer(200, {})],
            "/c": [Answer(503, headers={"Retry-After": "3600"}), Answer(200, {})],
        }
    )
    clock = Clock()
    out = client(clock)
    with serve(script) as base:
        assert out.get(f"{base}/a").status_code == 200
        assert out.get(f"{base}/b").status_code == 200
        assert out.get(f"{base}/c").status_code == 503  # an hour is past max_retry_after: answered as is
    assert clock.sleeps[0] == 2.0
    assert 1.0 <= clock.sleeps[1] <= 3.0  # an HTTP date, a few seconds ahead
    assert len(clock.sleeps) == 2 and script.count("/c") == 1


def test_a_non_idempotent_request_is_not_retried_on_5xx_unless_declared_idempotent() -> None:
    script = Script({"/hook": [Answer(503), Answer(200, {})]})
    clock = Clock()
    out = client(clock)
    with serve(script) as base:
        assert out.request("POST", f"{base}/hook", json={"a": 1}).status_code == 503
        assert script.count("/hook") == 1
        r = out.request("POST", f"{base}/hook", json={"a": 1}, idempotent=True)  # e.g. an Idempotency-Key
        assert r.status_code == 200 and script.count("/hook") == 2


def test_connection_errors_are_retried_for_any_method_and_then_raised() -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    clock = Clock()
    out = client(clock, retry=RetryPolicy(attempts=3, backoff=0.01, deadline=30.0), failure_threshold=10)
    with pytest.raises(httpx.ConnectError):
        out.request("POST", f"http://127.0.0.1:{port}/hook", json={})
    assert len(clock.sleeps) == 2
    assert (
        samples(out)[
            (
                "companyos_outbound_requests_total",
                (("host", f"127.0.0.1:{port}"), ("outcome", "connection_error")),
            )
        ]
        == 3
    )


def test_the_breaker_opens_fails_fast_half_opens_after_the_cool_down_and_closes() -> None:
    script = Script({"/jwks": [Answer(500)]})
    clock = Clock()
    out = client(clock, retry=RetryPolicy(attempts=1), failure_threshold=3, reset_timeout=30.0)
    with serve(script) as base:
        host = base.removeprefix("http://")
        state = ("companyos_outbound_circuit_state", (("host", host),))
        for _ in range(3):
            assert out.get(f"{base}/jwks").status_code == 500
        assert samples(out)[state] == 1  # open
        started = time.monotonic()
        with pytest.raises(CircuitOpenError) as refused:
            out.get(f"{base}/jwks")
        assert time.monotonic() - started < 0.05 and script.count("/jwks") == 3  # failed fast, never sent
        assert refused.value.retry_in == pytest.approx(30.0) and "companyos_server" not in str(refused.value)

        clock.now += 30.0
        assert samples(out)[state] == 2  # half-open: the next call is a probe
        assert out.get(f"{base}/jwks").status_code == 500  # the probe fails: open again, cool-down anew
        assert samples(out)[state] == 1 and script.count("/jwks") == 4
        with pytest.raises(CircuitOpenError):
            out.get(f"{base}/jwks")

        clock.now += 30.0
        script.answers["/jwks"] = [Answer(200, {"keys": []})]
        assert out.get(f"{base}/jwks").status_code == 200  # a good probe closes it
        got = samples(out)
        assert got[state] == 0 and got[("companyos_outbound_circuit_failures", (("host", host),))] == 0
        assert got[("companyos_outbound_requests_total", (("host", host), ("outcome", "rejected")))] == 2


def test_a_half_open_circuit_lets_one_probe_through_at_a_time() -> None:
    clock = Clock()
    breaker = outbound.CircuitBreaker(failure_threshold=1, reset_timeout=5.0, clock=clock)
    breaker.failure()
    assert breaker.acquire() == pytest.approx(5.0)
    clock.now += 5.0
    assert breaker.acquire() is None  # the probe
    assert breaker.acquire() == 0.0  # a second caller while the probe is out: refused
    breaker.success()
    assert breaker.current_state() == outbound.CLOSED and breaker.acquire() is None


def test_a_hanging_destination_costs_the_timeout_per_attempt_and_no_more() -> None:
    script = Script({"/slow": [Answer(200, {}, delay=2.0)]})
    out = Outbound(retry=RetryPolicy(attempts=2, backoff=0.01, deadline=10.0))
    with serve(script) as base:
        started = time.monotonic()
        with pytest.raises(httpx.ReadTimeout):
            out.get(f"{base}/slow", timeout=0.2)
        elapsed = time.monotonic() - started
    assert elapsed < 1.0, elapsed  # two attempts of 0.2 s and a short wait, not the server's 2 s
    assert script.count("/slow") == 2


def test_the_deadline_bounds_the_whole_call() -> None:
    script = Script({"/x": [Answer(503, headers={"Retry-After": "20"}), Answer(200, {})]})
    clock = Clock()
    out = client(clock, retry=RetryPolicy(attempts=5, deadline=10.0))
    with serve(script) as base:
        assert out.get(f"{base}/x").status_code == 503  # waiting 20 s would cross the 10 s deadline
    assert clock.sleeps == [] and script.count("/x") == 1


def test_metrics_endpoint_registry_shows_the_process_breakers(monkeypatch: pytest.MonkeyPatch) -> None:
    out = Outbound(retry=RetryPolicy(attempts=1), failure_threshold=1)
    monkeypatch.setattr(outbound, "_default", out)
    with serve(Script({"/": [Answer(503)]})) as base:
        out.get(f"{base}/")
    text = generate_latest(HttpMetrics().registry).decode()
    host = base.removeprefix("http://")
    assert f'companyos_outbound_circuit_state{{host="{host}"}} 1.0' in text
    assert f'companyos_outbound_requests_total{{host="{host}",outcome="server_error"}} 1.0' in text


def test_an_external_issuers_keys_are_fetched_through_retries() -> None:
    """The IdP's discovery and JWKS go through the outbound client: two 503s, then the keys."""
    key = RSAKey.generate_key(2048, parameters={"kid": "k1", "alg": "RS256", "use": "sig"})
    script = Script()
    clock = Clock()
    out = client(clock)
    with serve(script) as issuer:
        script.answers["/.well-known/openid-configuration"] = [
            Answer(503),
            Answer(200, {"issuer": issuer, "jwks_uri": f"{issuer}/jwks"}),
        ]
        script.answers["/jwks"] = [
            Answer(503),
            Answer(503),
            Answer(200, {"keys": [key.as_dict(private=False)]}),
        ]
        settings = SimpleNamespace(
            oidc_audience="companyos-api", oidc_leeway_seconds=30, oidc_algorithms=["RS256"], issuer=None,
            builtin_idp=False, oidc_trusted_issuers=[issuer], oidc_issuer=None, effective_database_url="",
        )  # fmt: skip
        validator = TokenValidator(settings, None, outbound_client=out)
        now = int(time.time())
        claims = {"iss": issuer, "sub": "usr_ext", "aud": "companyos-api", "iat": now, "exp": now + 300}
        token = jwt.encode({"alg": "RS256", "kid": "k1", "typ": "at+jwt"}, claims, key)
        principal = validator.validate(token)
    assert principal.subject == "usr_ext" and principal.issuer == issuer
    assert script.count("/jwks") == 3 and script.count("/.well-known/openid-configuration") == 2
    assert len(clock.sleeps) == 3
