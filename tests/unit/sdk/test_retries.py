"""Retries, backoff, Retry-After, idempotency keys and request ids, driven by a fake clock."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime

import httpx
import pytest

import companyos
from companyos._retry import RetryPolicy, parse_retry_after

from .conftest import TENANT, problem


def test_retries_5xx_then_succeeds_with_same_request_id(api, make_client, clock):
    route = api.get("/v1/tenants/acme").mock(
        side_effect=[
            httpx.Response(503, json=problem(503)),
            httpx.Response(502),
            httpx.Response(200, json=TENANT),
        ]
    )
    client = make_client()
    assert client.tenants.retrieve()["id"] == "acme"
    assert route.call_count == 3
    ids = {call.request.headers["x-request-id"] for call in route.calls}
    assert len(ids) == 1
    assert [c.request.headers.get("x-companyos-retry-count") for c in route.calls] == [None, "1", "2"]
    assert len(clock.sleeps) == 2


def test_default_two_retries_then_raises(api, make_client):
    route = api.get("/v1/tenants/acme").mock(return_value=httpx.Response(500, json=problem(500)))
    with pytest.raises(companyos.InternalServerError):
        make_client().tenants.retrieve()
    assert route.call_count == 3


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_retryable_statuses(api, make_client, status):
    route = api.get("/v1/health").mock(
        side_effect=[httpx.Response(status), httpx.Response(200, json={"status": "ok", "version": "1"})]
    )
    assert make_client().system.health()["status"] == "ok"
    assert route.call_count == 2


@pytest.mark.parametrize(
    ("status", "exc"),
    [
        (400, companyos.BadRequestError),
        (401, companyos.AuthenticationError),
        (403, companyos.PermissionDeniedError),
        (404, companyos.NotFoundError),
        (409, companyos.ConflictError),
        (422, companyos.UnprocessableEntityError),
    ],
)
def test_no_retry_on_client_errors(api, make_client, clock, status, exc):
    route = api.get("/v1/tenants/acme").mock(return_value=httpx.Response(status, json=problem(status)))
    with pytest.raises(exc):
        make_client().tenants.retrieve()
    assert route.call_count == 1
    assert clock.sleeps == []


def test_per_call_and_per_client_max_retries(api, make_client):
    route = api.get("/v1/health").mock(return_value=httpx.Response(503))
    with pytest.raises(companyos.InternalServerError):
        make_client().system.health(max_retries=0)
    assert route.call_count == 1
    with pytest.raises(companyos.InternalServerError):
        make_client(max_retries=4).system.health()
    assert route.call_count == 1 + 5
    with pytest.raises(companyos.InternalServerError):
        make_client().with_options(max_retries=1).system.health()
    assert route.call_count == 6 + 2


def test_backoff_is_exponential_with_full_jitter_and_bounded(api, make_client, clock):
    api.get("/v1/health").mock(return_value=httpx.Response(500))
    policy = RetryPolicy(initial_delay=0.5, max_delay=3.0, random=lambda: 1.0)
    with pytest.raises(companyos.InternalServerError):
        make_client(max_retries=5, retry_policy=policy).system.health()
    assert clock.sleeps == [0.5, 1.0, 2.0, 3.0, 3.0]
    zero = RetryPolicy(random=lambda: 0.0)
    assert [zero.backoff(i) for i in range(4)] == [0, 0, 0, 0]
    real = RetryPolicy()
    for i in range(8):
        assert 0 <= real.backoff(i) <= min(real.max_delay, real.initial_delay * 2**i)


def test_retry_after_seconds_honoured(api, make_client, clock):
    api.get("/v1/health").mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": "7"}, json=problem(429)),
            httpx.Response(200, json={"status": "ok", "version": "1"}),
        ]
    )
    make_client().system.health()
    assert clock.sleeps == [7.0]


def test_retry_after_http_date_honoured(api, make_client, clock):
    when = datetime.fromtimestamp(clock.now() + 12, tz=UTC)
    api.get("/v1/health").mock(
        side_effect=[
            httpx.Response(503, headers={"Retry-After": format_datetime(when, usegmt=True)}),
            httpx.Response(200, json={"status": "ok", "version": "1"}),
        ]
    )
    make_client().system.health()
    assert clock.sleeps == [pytest.approx(12.0)]


def test_retry_after_capped(api, make_client, clock):
    api.get("/v1/health").mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": "3600"}),
            httpx.Response(200, json={"status": "ok", "version": "1"}),
        ]
    )
    make_client(retry_policy=RetryPolicy(max_retry_after=20.0)).system.health()
    assert clock.sleeps == [20.0]


def test_parse_retry_after_edge_cases():
    assert parse_retry_after(None, 0) is None
    assert parse_retry_after("garbage", 0) is None
    assert parse_retry_after("-3", 0) == 0.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 2e9) == 0.0  # in the past


def test_same_idempotency_key_across_retries_and_new_one_per_call(api, make_client):
    route = api.post("/v1/tenants").mock(
        side_effect=[
            httpx.Response(503),
            httpx.ConnectError("boom"),
            httpx.Response(201, json=TENANT),
            httpx.Response(201, json=TENANT),
        ]
    )
    client = make_client()
    client.tenants.create(id="acme", display_name="ACME")
    keys = [c.request.headers["idempotency-key"] for c in route.calls]
    assert len(keys) == 3 and len(set(keys)) == 1
    client.tenants.create(id="acme", display_name="ACME")
    assert route.calls[-1].request.headers["idempotency-key"] != keys[0]


def test_explicit_idempotency_key_is_sent(api, make_client):
    route = api.post("/v1/tenants").mock(return_value=httpx.Response(201, json=TENANT))
    make_client().tenants.create(id="acme", display_name="ACME", idempotency_key="mine-1")
    assert route.calls[0].request.headers["idempotency-key"] == "mine-1"


def test_get_has_no_idempotency_key(api, make_client):
    route = api.get("/v1/health").mock(
        return_value=httpx.Response(200, json={"status": "ok", "version": "1"})
    )
    make_client().system.health()
    assert "idempotency-key" not in route.calls[0].request.headers


def test_connection_errors_and_timeouts(api, make_client, clock):
    api.get("/v1/health").mock(side_effect=httpx.ConnectError("refused"))
    with pytest.raises(companyos.APIConnectionError) as info:
        make_client().system.health()
    assert not isinstance(info.value, companyos.APITimeoutError)
    assert len(clock.sleeps) == 2
    api.get("/v1/ready").mock(side_effect=httpx.ReadTimeout("slow"))
    with pytest.raises(companyos.APITimeoutError):
        make_client(max_retries=0).system.readiness()


def test_default_and_per_call_timeouts(api, make_client):
    route = api.get("/v1/health").mock(
        return_value=httpx.Response(200, json={"status": "ok", "version": "1"})
    )
    client = make_client()
    client.system.health()
    assert route.calls[-1].request.extensions["timeout"] == {
        "connect": 5.0,
        "read": 60.0,
        "write": 60.0,
        "pool": 60.0,
    }
    client.system.health(timeout=2.5)
    assert route.calls[-1].request.extensions["timeout"]["read"] == 2.5
    client.system.health(timeout=httpx.Timeout(9.0, connect=1.0))
    assert route.calls[-1].request.extensions["timeout"]["connect"] == 1.0


def test_user_agent_names_sdk_and_api_versions(api, make_client):
    route = api.get("/v1/health").mock(
        return_value=httpx.Response(200, json={"status": "ok", "version": "1"})
    )
    make_client().system.health()
    ua = route.calls[0].request.headers["user-agent"]
    assert f"companyos-python/{companyos.__version__}" in ua and f"api {companyos.API_VERSION}" in ua


def test_circuit_breaker_opens_and_half_opens(api, make_client, clock):
    route = api.get("/v1/health").mock(return_value=httpx.Response(503))
    breaker = companyos.CircuitBreaker(failure_threshold=2, reset_timeout=30)
    client = make_client(circuit_breaker=breaker, max_retries=0)
    for _ in range(2):
        with pytest.raises(companyos.InternalServerError):
            client.system.health()
    with pytest.raises(companyos.CircuitOpenError):
        client.system.health()
    assert route.call_count == 2
    clock.t += 31
    route.mock(return_value=httpx.Response(200, json={"status": "ok", "version": "1"}))
    client.system.health()  # the half-open probe succeeds and closes the circuit
    assert breaker.state("api.test") == "closed"


async def test_async_client_shares_the_retry_logic(api, make_async_client, clock):
    route = api.post("/v1/tenants").mock(side_effect=[httpx.Response(502), httpx.Response(201, json=TENANT)])
    async with make_async_client() as client:
        tenant = await client.tenants.create(id="acme", display_name="ACME")
    assert tenant["id"] == "acme"
    assert (
        route.calls[0].request.headers["idempotency-key"] == route.calls[1].request.headers["idempotency-key"]
    )
    assert route.calls[0].request.headers["x-request-id"] == route.calls[1].request.headers["x-request-id"]
    assert len(clock.sleeps) == 1
